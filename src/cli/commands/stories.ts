// `dateline stories`: the archive's stories (groups of articles reporting one event), newest first.
import type { Story } from '../../types.js';
import { DB_HELP, DB_OPTION, filtersFrom, oneOf, openExisting, parse, positiveInt } from '../archive-options.js';
import { EXIT } from '../errors.js';

const HELP = `Usage: dateline stories [options]

Stories are kept up to date by 'dateline ingest'; rebuild them with 'dateline recluster'.

Options:
${DB_HELP}
  --since DATE       stories updated on or after DATE (YYYY-MM-DD)
  --until DATE       stories updated on or before DATE
  --site HOST        stories with an article from this outlet
  --min-articles N   only stories with at least N articles (default 1)
  --limit N          at most N stories (default 50; 0 = all)
  --format F         table (default) or jsonl: one line per story
                     {"id","title","articles":[{"id","url","site","published","title"}]}
  -h, --help         show this help

Exit status: 0 ok, 2 usage error.
`;

export function storyLine(s: Story): string {
  return JSON.stringify({
    id: s.id,
    title: s.title,
    articles: s.articles.map((a) => ({ id: a.id, url: a.url, site: a.site, published: a.published ?? null, title: a.title ?? null })),
  });
}

function tableRow(s: Story): string {
  const when = s.lastUpdated ? s.lastUpdated.slice(0, 10) : 'undated   ';
  const title = s.title.length > 90 ? `${s.title.slice(0, 89)}…` : s.title;
  return `${String(s.id).padStart(6)}  ${when}  ${String(s.articles.length).padStart(4)}  ${String(s.sites.length).padStart(4)}  ${title}`;
}

export async function run(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, {
    ...DB_OPTION, since: { type: 'string' }, until: { type: 'string' }, site: { type: 'string' },
    'min-articles': { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' },
  });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  const format = oneOf(v.format, ['table', 'jsonl'] as const, 'format', 'table');
  const limit = positiveInt(v.limit, 'limit') ?? 50;
  const minArticles = positiveInt(v['min-articles'], 'min-articles') ?? 1;
  const archive = openExisting(v.db);
  try {
    const filters = filtersFrom(v);
    if (format === 'table') process.stdout.write(`${'id'.padStart(6)}  ${'updated'.padEnd(10)}  ${'arts'.padStart(4)}  ${'outl'.padStart(4)}  title\n`);
    let cursor: string | undefined;
    let shown = 0;
    do {
      const page = archive.listStories(filters, cursor, 200);
      for (const s of page.items) {
        if (s.articles.length < minArticles) continue;
        process.stdout.write(`${format === 'jsonl' ? storyLine(s) : tableRow(s)}\n`);
        if (limit && ++shown >= limit) return EXIT.ok;
      }
      cursor = page.next;
    } while (cursor);
    return EXIT.ok;
  } finally {
    archive.close();
  }
}
