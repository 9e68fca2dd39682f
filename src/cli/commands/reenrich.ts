// `dateline reenrich`: run enrichment over stored articles (those not yet enriched by this version, or all).
import { enrichStored, migrateEnrich } from '../../enrich/store.js';
import { DB_HELP, DB_OPTION, openExisting, parse } from '../archive-options.js';
import { EXIT } from '../errors.js';

const HELP = `Usage: dateline reenrich [options]

Finds people, organisations, places, quotes, dates and the main event in stored articles.
'dateline ingest' does this for what it stores; run this after upgrading Dateline or for an
archive built before enrichment existed.

Options:
${DB_HELP}
  --all              redo every article (default: only those without a current enrichment)
  --json             print the summary as JSON
  -h, --help         show this help
`;

export async function run(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, { ...DB_OPTION, all: { type: 'boolean' }, json: { type: 'boolean' } });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  const archive = openExisting(v.db);
  const started = performance.now();
  let result;
  try {
    migrateEnrich(archive.db);
    const tty = process.stderr.isTTY === true && !v.json;
    result = enrichStored(archive.db, (id) => archive.getArticle(id), {
      all: v.all === true,
      ...(tty ? { onProgress: (done: number, total: number) => { if (done % 50 === 0 || done === total) process.stderr.write(`\renriched ${done}/${total}`); } } : {}),
    });
    if (tty) process.stderr.write('\n');
  } finally {
    archive.close();
  }
  const secs = (performance.now() - started) / 1000;
  if (v.json) process.stdout.write(`${JSON.stringify({ ...result, elapsedMs: Math.round(secs * 1000) })}\n`);
  else process.stdout.write(`enriched ${result.enriched} articles in ${secs.toFixed(1)} s${result.failed ? ` (${result.failed} failed)` : ''}\n`);
  return result.failed ? EXIT.failure : EXIT.ok;
}
