// `dateline extract [options] <FILE|URL|->…`: pages in, one Article per page out.
// Inputs are read (or fetched) concurrently, extracted on worker threads, and written in input
// order as they complete; a failed input becomes an error record and the batch goes on.
import { parseArgs } from 'node:util';
import type { ExtractOptions, InputKind } from '../../types.js';
import { DEFAULT_USER_AGENT } from '../../ingest/index.js';
import { EXIT, UsageError } from '../errors.js';
import { collectInputs, type InputItem } from '../inputs.js';
import { InputError, loadInput, type LoadOptions } from '../read-input.js';
import { createExtractor, defaultJobs, ExtractFailure, type Extractor } from '../../extract/pool.js';
import { runOrdered } from '../ordered.js';
import { Progress } from '../progress.js';
import { FORMATS, StdoutWriter, errorRecord, labelText, recordFor, renderArticle, separator, type ErrorInfo, type Format } from '../output.js';
import type { Article } from '../../types.js';

const HELP = `Usage: dateline extract [options] <FILE|FOLDER|URL|->…

Extract the article (body, title, dates, authors, …) from HTML pages or crawl text.
Inputs: .html/.htm/.txt files (gzip-compressed too, e.g. page.html.gz), folders (searched
recursively for such files), http(s) URLs, and - for stdin.

Options:
  --url URL            the original address of a single local input (base for links, date hints)
  --manifest FILE      JSONL lines {"file": "…", "url": "…", "published"?: "…"}; paths are
                       relative to the manifest's folder (repeatable)
  --timezone TZ        IANA zone (Asia/Dhaka) or offset (+06:00) for local times without one
  --kind html|text     force the input kind instead of detecting it
  --content-type TYPE  e.g. "text/html; charset=windows-1251" (charset and kind hint)
  -f, --format FMT     json | jsonl | text | markdown | html
                       (default: json for one input, jsonl for several)
  -j, --jobs N         worker threads (default: number of cores, ${defaultJobs()} here; 1 = in-process)
  -q, --quiet          no progress bar and no summary on stderr
Limits and URL inputs:
  --timeout SECONDS    per request (default 20)
  --max-bytes N        largest page, after decompression (default 10M; k/M suffixes): larger
                       URLs fail with ETOOLARGE, larger files are truncated with a warning
  --user-agent UA      default: ${DEFAULT_USER_AGENT}
  --allow-private      allow loopback/private/link-local addresses (refused by default; for tests
                       and intranets)
  --enrich             add an "enrichment" object to each JSON/JSONL record: people, organizations,
                       places (geocoded), quotes with speakers, resolved dates, the main event
  -h, --help           show this help

Output: json/jsonl records carry "file" (as given) or "url", then the Article fields.
A failed input gives {"file": …, "error": {"code": …, "message": …}} and the batch goes on.
Exit status: 0 all inputs succeeded, 1 some failed, 2 usage error.

Examples:
  dateline extract page.html
  dateline extract --url https://example.com/a/1 --format markdown page.html.gz
  dateline extract --jobs 4 pages/ > articles.jsonl
  dateline extract --manifest pages.jsonl -f jsonl > predictions.jsonl
  curl -s https://example.com/a/1 | dateline extract --url https://example.com/a/1 -
  dateline extract https://example.com/a/1 https://example.com/a/2
`;

const OPTIONS = {
  url: { type: 'string' },
  manifest: { type: 'string', multiple: true },
  timezone: { type: 'string' },
  kind: { type: 'string' },
  'content-type': { type: 'string' },
  format: { type: 'string', short: 'f' },
  jobs: { type: 'string', short: 'j' },
  quiet: { type: 'boolean', short: 'q' },
  timeout: { type: 'string' },
  'max-bytes': { type: 'string' },
  'user-agent': { type: 'string' },
  'allow-private': { type: 'boolean' },
  enrich: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HINT = "Run 'dateline extract --help' for the options.";

interface Settings {
  format: Format;
  /** Loaded only with --enrich: the lexicons and gazetteer take a moment to load. */
  enrich?: (article: Article) => unknown;
  jobs: number;
  quiet: boolean;
  base: ExtractOptions;
  load: LoadOptions;
}

type Outcome =
  | { ok: true; article: Article; finalUrl?: string }
  | { ok: false; error: ErrorInfo };

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${HINT}`);
  }
  const v = parsed.values;
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }

  const { items, expanded } = collectInputs(parsed.positionals, v.manifest ?? []);
  if (!items.length) {
    throw new UsageError(parsed.positionals.length
      ? `no page files (.html, .htm, .txt, optionally .gz) found in ${parsed.positionals.join(', ')}\n${HINT}`
      : `no input given: pass files, folders, URLs, --manifest FILE, or - for stdin.\n${HINT}`);
  }
  if (v.url !== undefined) {
    if (items.length !== 1) throw new UsageError(`--url names one input's address, but ${items.length} inputs were given; use --manifest to give several pages their URLs`);
    if (!/^https?:\/\//i.test(v.url)) throw new UsageError(`--url must be an http(s) address, not '${v.url}'`);
    const only = items[0] as InputItem;
    if (only.source.kind === 'url') throw new UsageError('--url is for local inputs; a URL input already has its address');
    only.url = v.url;
  }
  const settings = resolveSettings(v, items.length === 1 && !expanded);
  if (v.enrich === true) settings.enrich = (await import('../../enrich/index.js')).enrich;
  return extractAll(items, settings);
}

function resolveSettings(v: { [K in keyof typeof OPTIONS]?: unknown }, single: boolean): Settings {
  const str = (k: keyof typeof OPTIONS) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const format = (str('format') ?? (single ? 'json' : 'jsonl')) as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${format}'`);
  const kind = str('kind');
  if (kind !== undefined && kind !== 'html' && kind !== 'text') throw new UsageError(`--kind must be html or text, not '${kind}'`);
  const jobs = str('jobs') === undefined ? defaultJobs() : positiveInt('--jobs', str('jobs') as string);
  const timeoutS = str('timeout') === undefined ? 20 : Number(str('timeout'));
  if (!(timeoutS > 0)) throw new UsageError(`--timeout must be a positive number of seconds, not '${str('timeout')}'`);
  const maxBytes = str('max-bytes') === undefined ? 10 * 1024 * 1024 : parseSize(str('max-bytes') as string);
  const timezone = str('timezone');
  if (timezone !== undefined) checkTimezone(timezone);

  const base: ExtractOptions = {};
  if (timezone) base.timezone = timezone;
  if (kind) base.kind = kind as InputKind;
  if (str('content-type')) base.contentType = str('content-type');
  // Inputs are already cut at maxBytes while reading (with a warning); the extractor must not cut again.
  base.maxBytes = maxBytes;
  const ua = str('user-agent');
  if (v.enrich === true && format !== 'json' && format !== 'jsonl') throw new UsageError(`--enrich adds a field to JSON records; use --format json or jsonl, not '${format}'`);
  return {
    format,
    jobs,
    quiet: v.quiet === true,
    base,
    load: {
      maxBytes,
      fetch: { timeoutMs: timeoutS * 1000, allowPrivate: v['allow-private'] === true, ...(ua ? { userAgent: ua } : {}) },
    },
  };
}

function positiveInt(name: string, s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number ≥ 1, not '${s}'`);
  return n;
}

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(s.trim());
  if (!m) throw new UsageError(`--max-bytes must be a size like 5000000, 500k or 20M, not '${s}'`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase() as '' | 'k' | 'm' | 'g'];
  const n = Math.floor(Number(m[1]) * mult);
  if (n < 1) throw new UsageError('--max-bytes must be at least 1');
  return n;
}

function checkTimezone(tz: string): void {
  if (/^[+-]\d{2}:?\d{2}$/.test(tz) || /^(utc|gmt|z)$/i.test(tz)) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new UsageError(`--timezone: unknown time zone '${tz}'; use an IANA name like Europe/Berlin or an offset like +06:00`);
  }
}

async function extractAll(items: InputItem[], s: Settings): Promise<number> {
  const workers = Math.min(s.jobs, items.length);
  const extractor: Extractor = createExtractor(workers, { transferInput: true });
  const out = new StdoutWriter();
  const progress = new Progress({ total: items.length, label: 'extract', enabled: !s.quiet && items.length > 1 && Boolean(process.stderr.isTTY) });
  const textual = s.format === 'text' || s.format === 'markdown' || s.format === 'html';
  let failed = 0;
  let first = true;

  // Ctrl-C: leave the terminal clean (no half-drawn bar) and exit like a shell expects.
  const onInterrupt = () => { progress.clear(); process.exit(130); };
  process.once('SIGINT', onInterrupt);
  if (s.format === 'json' && items.length > 1) await out.write('[\n');
  try {
    // Loading is I/O (files, network): allow more of it in flight than there are workers.
    const concurrency = Math.max(4, workers * 2);
    // Once the reader has gone (`| head`), skip the remaining work instead of extracting into the void.
    const skipped: Outcome = { ok: false, error: { code: 'EPIPE', message: 'output closed' } };
    await runOrdered(items, async (item) => (out.closed ? skipped : processOne(item, s, extractor)), async (outcome, item) => {
      if (out.closed) return;
      if (!outcome.ok) failed++;
      progress.tick(!outcome.ok);
      if (process.stdout.isTTY) progress.clear();
      if (textual) {
        if (!outcome.ok) {
          progress.clear();
          // Errors always go to stderr, even with --quiet: the text formats have no error records.
          process.stderr.write(`dateline: ${labelText(item.label)}: ${outcome.error.message} (${outcome.error.code})\n`);
        } else {
          const head = items.length > 1 ? separator(s.format as 'text', item.label, first) : '';
          await out.write(head + renderArticle(s.format as 'text', outcome.article));
        }
      } else {
        const rec = outcome.ok ? recordFor(item.label, outcome.article, outcome.finalUrl) : errorRecord(item.label, outcome.error);
        if (outcome.ok && s.enrich) rec.enrichment = s.enrich(outcome.article);
        if (s.format === 'json') {
          const body = JSON.stringify(rec, null, 2);
          await out.write(items.length > 1 ? `${first ? '' : ',\n'}${indent(body)}` : `${body}\n`);
        } else {
          await out.write(`${JSON.stringify(rec)}\n`);
        }
      }
      first = false;
    }, { concurrency, window: Math.max(16, concurrency * 4) });
  } finally {
    await extractor.close();
    progress.clear();
    process.off('SIGINT', onInterrupt);
  }
  if (s.format === 'json' && items.length > 1) await out.write('\n]\n');
  await out.flush();
  if (failed && !s.quiet && !textual) process.stderr.write(`dateline: ${failed} of ${items.length} input${items.length === 1 ? '' : 's'} failed (see the "error" records)\n`);
  return failed ? EXIT.failure : EXIT.ok;
}

function indent(json: string): string {
  return json.replace(/^/gm, '  ');
}

async function processOne(item: InputItem, s: Settings, extractor: Extractor): Promise<Outcome> {
  try {
    const loaded = await loadInput(item.source, s.load);
    const options: ExtractOptions = { ...s.base };
    const url = loaded.finalUrl ?? item.url;
    if (url) options.url = url;
    if (item.published) options.published = item.published;
    if (loaded.contentType && !s.base.contentType) options.contentType = loaded.contentType;
    const article = await extractor.run(loaded.bytes, options);
    if (loaded.warnings.length) article.warnings = [...loaded.warnings, ...article.warnings];
    return loaded.finalUrl ? { ok: true, article, finalUrl: loaded.finalUrl } : { ok: true, article };
  } catch (e) {
    if (e instanceof InputError || e instanceof ExtractFailure) {
      const error: ErrorInfo = { code: e.code, message: e.message };
      if (e instanceof InputError && e.status !== undefined) error.status = e.status;
      return { ok: false, error };
    }
    return { ok: false, error: { code: 'EINTERNAL', message: e instanceof Error ? e.message : String(e) } };
  }
}
