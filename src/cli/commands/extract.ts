// `dateline extract`: baseline single-input version (the full batch command replaces it).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extract } from '../../extract/index.js';
import { EXIT, UsageError } from '../errors.js';

const HELP = `Usage: dateline extract [options] <FILE|->

Options:
  --url URL        the page's original address
  --timezone TZ    IANA zone or ±HH:MM for local times without an offset
  -h, --help       show this help
`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { url: { type: 'string' }, timezone: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (parsed.values.help) { process.stdout.write(HELP); return EXIT.ok; }
  const [file] = parsed.positionals;
  if (!file) throw new UsageError(`no input given\n\n${HELP}`);
  const bytes = readFileSync(file === '-' ? 0 : file);
  const article = extract(bytes, { url: parsed.values.url, timezone: parsed.values.timezone });
  process.stdout.write(`${JSON.stringify(article, null, 2)}\n`);
  return EXIT.ok;
}
