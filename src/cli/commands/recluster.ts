// `dateline recluster`: rebuild stories and duplicate groups from scratch over the whole archive.
import { reclusterArchive } from '../../stories/archive.js';
import { DB_HELP, DB_OPTION, openExisting, parse } from '../archive-options.js';
import { EXIT, UsageError } from '../errors.js';

const HELP = `Usage: dateline recluster [options]

Drops every story and duplicate group and clusters all archived articles again, in archive order,
with term statistics of the whole archive. Use after changing --window or upgrading Dateline.

Options:
${DB_HELP}
  --window DAYS      time window around publication (default 3): dated articles further apart
                     never share a story; undated ones are not limited
  --json             print the summary as one JSON object
  -h, --help         show this help

Exit status: 0 ok, 2 usage error.
`;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv, { ...DB_OPTION, window: { type: 'string' }, json: { type: 'boolean' } });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'\n\n${HELP}`);
  const windowDays = v.window === undefined ? undefined : Number(v.window);
  if (windowDays !== undefined && !(windowDays >= 0)) throw new UsageError(`--window must be a number of days ≥ 0; got '${v.window}'`);
  const archive = openExisting(v.db);
  try {
    const r = reclusterArchive(archive, windowDays !== undefined ? { windowDays } : {});
    if (v.json) process.stdout.write(`${JSON.stringify(r)}\n`);
    else process.stdout.write(`reclustered ${r.added} articles into ${r.stories} stories (${r.duplicates} copies of earlier articles) in ${(r.ms / 1000).toFixed(1)} s\n`);
    return EXIT.ok;
  } finally {
    archive.close();
  }
}
