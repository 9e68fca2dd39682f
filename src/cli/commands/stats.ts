// `dateline stats`: what the archive holds.
import { DB_HELP, DB_OPTION, oneOf, openExisting, parse } from '../archive-options.js';
import { EXIT } from '../errors.js';

const HELP = `Usage: dateline stats [options]

Options:
${DB_HELP}
  --format F         table (default) or json ({"articles", "sites", "languages", "failures", "bytes", …})
  -h, --help         show this help
`;

function mb(n: number): string {
  return `${(n / 1048576).toFixed(1)} MB`;
}

export async function run(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, { ...DB_OPTION, format: { type: 'string' } });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  const format = oneOf(v.format, ['table', 'json'] as const, 'format', 'table');
  const archive = openExisting(v.db);
  try {
    const s = archive.stats();
    if (format === 'json') { process.stdout.write(`${JSON.stringify(s)}\n`); return EXIT.ok; }
    const extra = s as typeof s & { pages?: number; rawBytes?: number; storedRawBytes?: number };
    const langs = Object.entries(s.languages).slice(0, 8).map(([k, n]) => `${k} ${n}`).join(', ');
    const top = archive.listSites().slice(0, 5).map((x) => `${x.site} ${x.articles}`).join(', ');
    const lines = [
      `articles   ${s.articles}`,
      `sites      ${s.sites}${top ? `  (${top}${s.sites > 5 ? ', …' : ''})` : ''}`,
      `languages  ${langs || '-'}`,
      ...(s.stories !== undefined ? [`stories    ${s.stories}`] : []),
      `failures   ${s.failures}${s.failures ? "  (see 'dateline failures')" : ''}`,
      `raw pages  ${extra.pages ?? 0} (${mb(extra.rawBytes ?? 0)} raw, ${mb(extra.storedRawBytes ?? 0)} compressed)`,
      `database   ${mb(s.bytes)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  } finally {
    archive.close();
  }
}
