// `dateline quotes`: direct quotations found in archived articles, newest first, with their speakers.
import { listQuotes, migrateEnrich } from '../../enrich/store.js';
import { DB_HELP, DB_OPTION, oneOf, openExisting, parse, positiveInt } from '../archive-options.js';
import { EXIT, UsageError } from '../errors.js';

const HELP = `Usage: dateline quotes [options]

Options:
${DB_HELP}
  --speaker NAME     quotes of one person or organisation (any spelling, or an entity id)
  --since DATE       from articles published on or after DATE (YYYY-MM-DD)
  --limit N          how many (default 50)
  --format F         table (default), jsonl, json
  -h, --help         show this help
`;

export async function run(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, { ...DB_OPTION, speaker: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' } });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  if (v.since && !/^\d{4}-\d{2}-\d{2}/.test(v.since)) throw new UsageError(`--since must be a date (YYYY-MM-DD); got '${v.since}'`);
  const format = oneOf(v.format, ['table', 'jsonl', 'json'] as const, 'format', 'table');
  const archive = openExisting(v.db);
  try {
    migrateEnrich(archive.db);
    const rows = listQuotes(archive.db, { ...(v.speaker ? { speaker: v.speaker } : {}), ...(v.since ? { since: v.since } : {}), limit: positiveInt(v.limit, 'limit') ?? 50 });
    if (format === 'json') process.stdout.write(`${JSON.stringify({ quotes: rows })}\n`);
    else if (format === 'jsonl') for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
    else for (const r of rows) process.stdout.write(`${(r.published ?? '').slice(0, 10).padEnd(10)}  ${(r.speaker ?? '(unattributed)').padEnd(24)}  “${r.text}”  #${r.articleId}\n`);
  } finally {
    archive.close();
  }
  return EXIT.ok;
}
