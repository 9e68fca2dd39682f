// `dateline entities`: the people, organisations and places the archive's articles name, most mentioned first.
import { listEntities, migrateEnrich } from '../../enrich/store.js';
import { DB_HELP, DB_OPTION, oneOf, openExisting, parse, positiveInt } from '../archive-options.js';
import { EXIT, UsageError } from '../errors.js';

const HELP = `Usage: dateline entities [options]

Lists the entities found by enrichment (run by 'dateline ingest', or 'dateline reenrich'),
most mentioned first.

Options:
${DB_HELP}
  --type T           person, organization or place
  --since DATE       count only articles published on or after DATE (YYYY-MM-DD)
  --limit N          how many (default 50)
  --format F         table (default), jsonl, json
  -h, --help         show this help
`;

export async function run(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, { ...DB_OPTION, type: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' } });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  const type = v.type === undefined ? undefined : oneOf(v.type === 'org' ? 'organization' : v.type, ['person', 'organization', 'place'] as const, 'type', 'person');
  if (v.since && !/^\d{4}-\d{2}-\d{2}/.test(v.since)) throw new UsageError(`--since must be a date (YYYY-MM-DD); got '${v.since}'`);
  const format = oneOf(v.format, ['table', 'jsonl', 'json'] as const, 'format', 'table');
  const archive = openExisting(v.db);
  try {
    migrateEnrich(archive.db);
    const rows = listEntities(archive.db, { ...(type ? { type } : {}), ...(v.since ? { since: v.since } : {}), limit: positiveInt(v.limit, 'limit') ?? 50 });
    if (format === 'json') process.stdout.write(`${JSON.stringify({ entities: rows })}\n`);
    else if (format === 'jsonl') for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
    else {
      if (!rows.length) process.stderr.write("no entities yet: run 'dateline reenrich' to enrich stored articles\n");
      for (const r of rows) process.stdout.write(`${String(r.id).padStart(6)}  ${r.type.padEnd(12)}  ${String(r.articles).padStart(5)} art  ${String(r.quotes).padStart(4)} q  ${r.name}${r.country ? ` (${r.country})` : ''}\n`);
    }
  } finally {
    archive.close();
  }
  return EXIT.ok;
}
