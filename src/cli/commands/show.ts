// `dateline show ID|URL`: one stored article.
import type { StoredArticle } from '../../types.js';
import { DB_HELP, DB_OPTION, oneOf, openExisting, parse } from '../archive-options.js';
import { EXIT, UsageError } from '../errors.js';

const HELP = `Usage: dateline show [options] ID|URL

Options:
${DB_HELP}
  --format F         text (default), markdown, json (with the article's version history)
  -h, --help         show this help

Exit status: 0 found, 1 not in the archive, 2 usage error.
`;

function header(a: StoredArticle): string[] {
  const lines: string[] = [];
  const meta: Array<[string, string | undefined]> = [
    ['URL', a.url], ['Site', a.siteName ? `${a.siteName} (${a.site})` : a.site], ['Published', a.published], ['Modified', a.modified],
    ['By', a.authors.join(', ') || undefined], ['Section', a.section], ['Language', a.language], ['Fetched', a.fetchedAt], ['Id', String(a.id)],
  ];
  for (const [k, val] of meta) if (val) lines.push(`${k}: ${val}`);
  return lines;
}

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv, { ...DB_OPTION, format: { type: 'string' } });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  const ref = positionals[0];
  if (!ref) throw new UsageError(`no ID or URL given\n\n${HELP}`);
  const format = oneOf(v.format, ['text', 'markdown', 'json'] as const, 'format', 'text');
  const archive = openExisting(v.db);
  try {
    const a = /^\d+$/.test(ref) ? archive.getArticle(Number(ref)) : archive.getArticleByUrl(ref);
    if (!a) {
      process.stderr.write(`dateline: no article ${ref} in the archive; find one with 'dateline search WORDS'\n`);
      return EXIT.failure;
    }
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify({ ...a, history: archive.history(a.id) }, null, 2)}\n`);
    } else if (format === 'markdown') {
      const meta = header(a).map((l) => `- ${l.replace(/^(\w+):/, '**$1:**')}`);
      process.stdout.write(`# ${a.title ?? '(no title)'}\n\n${meta.join('\n')}\n\n${a.markdown || a.text}\n`);
    } else {
      process.stdout.write(`${a.title ?? '(no title)'}\n${header(a).join('\n')}\n\n${a.text}\n`);
    }
    return EXIT.ok;
  } finally {
    archive.close();
  }
}
