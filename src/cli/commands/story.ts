// `dateline story ID`: one story with all its articles, outlets, names and terms.
import type { Story } from '../../types.js';
import { DB_HELP, DB_OPTION, oneOf, openExisting, parse } from '../archive-options.js';
import { EXIT, UsageError } from '../errors.js';

const HELP = `Usage: dateline story [options] ID

Options:
${DB_HELP}
  --format F         text (default) or json (the Story record)
  -h, --help         show this help

Exit status: 0 found, 1 no such story, 2 usage error.
`;

function formatText(s: Story): string {
  const lines = [
    s.title,
    `Story ${s.id}: ${s.articles.length} articles from ${s.sites.length} outlets${s.firstSeen ? `, ${s.firstSeen.slice(0, 10)} – ${s.lastUpdated.slice(0, 10)}` : ''}`,
    `Names: ${s.topNames.join(', ') || '-'}`,
    `Terms: ${s.topTerms.join(', ') || '-'}`,
    '',
  ];
  const groups = new Map<number, number>();
  for (const a of s.articles) if (a.duplicateGroup !== undefined) groups.set(a.duplicateGroup, (groups.get(a.duplicateGroup) ?? 0) + 1);
  for (const a of s.articles) {
    const copy = a.duplicateGroup !== undefined && groups.get(a.duplicateGroup)! > 1 ? `  [copy group ${a.duplicateGroup}]` : '';
    lines.push(`${String(a.id).padStart(7)}  ${(a.published ?? '').slice(0, 10).padEnd(10)}  ${a.site.padEnd(24)}  ${a.title ?? ''}${copy}`);
    lines.push(`${' '.repeat(9)}${a.url}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv, { ...DB_OPTION, format: { type: 'string' } });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  const ref = positionals[0];
  if (!ref || !/^\d+$/.test(ref)) throw new UsageError(`give a story ID (a number; list them with 'dateline stories')\n\n${HELP}`);
  const format = oneOf(v.format, ['text', 'json'] as const, 'format', 'text');
  const archive = openExisting(v.db);
  try {
    const s = archive.getStory(Number(ref));
    if (!s) {
      process.stderr.write(`dateline: no story ${ref}; list them with 'dateline stories' (a story merged into another keeps the other's id)\n`);
      return EXIT.failure;
    }
    process.stdout.write(format === 'json' ? `${JSON.stringify(s, null, 2)}\n` : formatText(s));
    return EXIT.ok;
  } finally {
    archive.close();
  }
}
