// `dateline failures`: inputs that could not be ingested, newest first, with reasons.
import { DB_HELP, DB_OPTION, oneOf, openExisting, parse, positiveInt } from '../archive-options.js';
import { EXIT } from '../errors.js';

const HELP = `Usage: dateline failures [options]

Options:
${DB_HELP}
  --limit N          at most N (default 1000)
  --format F         table (default) or jsonl
  -h, --help         show this help
`;

export async function run(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, { ...DB_OPTION, limit: { type: 'string' }, format: { type: 'string' } });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  const format = oneOf(v.format, ['table', 'jsonl'] as const, 'format', 'table');
  const archive = openExisting(v.db);
  try {
    const rows = archive.listFailures(positiveInt(v.limit, 'limit') ?? 1000);
    for (const f of rows) {
      if (format === 'jsonl') process.stdout.write(`${JSON.stringify(f)}\n`);
      else process.stdout.write(`${f.at.slice(0, 19)}  ${f.stage.padEnd(7)} ${f.reason.padEnd(20)} ${f.url ?? f.source}${f.message ? `  — ${f.message}` : ''}\n`);
    }
    if (!rows.length && format === 'table') process.stderr.write('no failures\n');
    return EXIT.ok;
  } finally {
    archive.close();
  }
}
