// `dateline ingest`: files, folders, globs, JSONL, WARC/WET, and http(s) URLs of articles,
// feeds, sitemaps or home pages → the archive.
import { availableParallelism } from 'node:os';
import { openArchive, resolveDbPath } from '../../store/index.js';
import { ingest } from '../../ingest/index.js';
import type { IngestSummary } from '../../ingest/pipeline.js';
import { IngestProgress } from '../progress.js';
import { DB_HELP, DB_OPTION, parse, positiveInt } from '../archive-options.js';
import { EXIT, UsageError } from '../errors.js';

const HELP = `Usage: dateline ingest [options] SOURCE…

SOURCE is a file, folder or glob of pages (.html, .htm, .txt, optionally .gz), a JSONL file of
records {"url", "html"|"text", "published"?, "title"?, "site"?} (what 'dateline export' writes),
a WARC / WARC.gz / WET file, or an http(s) URL of an article, an RSS/Atom/JSON feed, a sitemap,
or a site's home page (its feeds and sitemaps are discovered).

Options:
${DB_HELP}
  --manifest FILE      JSONL lines {"file", "url", "published"?} giving local pages their addresses
  --since DATE         skip articles published before DATE
  --max N              stop after N articles
  --concurrency N      hosts fetched in parallel (default 8)
  --per-host-delay MS  pause between two requests to one host (default 1000; robots.txt Crawl-delay wins if longer)
  --user-agent UA      User-Agent for requests
  --refetch            fetch and re-extract pages already in the archive
  --allow-private      allow URLs on loopback/private networks (tests, intranets)
  --timeout MS         deadline per request (default 20000)
  --max-bytes N        largest response accepted (default 10 MiB)
  --jobs N             extraction worker threads (default: cores)
  --timezone TZ        zone for local times pages state without an offset
  --quiet              print nothing but errors
  --json               print the summary as one JSON object
  --no-enrich          skip enrichment (names, places, quotes, dates); 'dateline reenrich' does it later
  --no-stories         skip stories and duplicate groups (a faster bulk load); the next ingest places
                       the skipped articles first, or 'dateline recluster' rebuilds them all
  -h, --help           show this help

Exit status: 0 all inputs ingested (or unchanged/skipped), 1 some failed (see 'dateline failures'), 2 usage error.
`;

export async function run(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv, {
    ...DB_OPTION, manifest: { type: 'string' }, since: { type: 'string' }, max: { type: 'string' }, concurrency: { type: 'string' },
    'per-host-delay': { type: 'string' }, 'user-agent': { type: 'string' }, refetch: { type: 'boolean' }, 'allow-private': { type: 'boolean' },
    timeout: { type: 'string' }, 'max-bytes': { type: 'string' }, jobs: { type: 'string' }, timezone: { type: 'string' }, quiet: { type: 'boolean', short: 'q' }, json: { type: 'boolean' },
    'no-enrich': { type: 'boolean' }, 'no-stories': { type: 'boolean' },
  });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  if (!positionals.length && !v.manifest) throw new UsageError(`no SOURCE given\n\n${HELP}`);
  if (v.since && !/^\d{4}-\d{2}-\d{2}/.test(v.since)) throw new UsageError(`--since must be a date (YYYY-MM-DD); got '${v.since}'`);
  const jobs = positiveInt(v.jobs, 'jobs') ?? Math.max(1, availableParallelism());
  const archive = openArchive(v.db);
  const interactive = !v.quiet && !v.json && process.stderr.isTTY === true;
  const progress = new IngestProgress(process.stderr, interactive);
  let summary: IngestSummary;
  try {
    summary = await ingest(archive, positionals, {
      jobs,
      ...(v.manifest ? { manifest: v.manifest } : {}),
      ...(v.since ? { since: v.since } : {}),
      ...(v.max !== undefined ? { max: positiveInt(v.max, 'max')! } : {}),
      ...(v.refetch ? { refetch: true } : {}),
      ...(v.timezone ? { timezone: v.timezone } : {}),
      // Enrichment is computed by the extraction workers and written with each article.
      enrich: !v['no-enrich'],
      // Deferred, not lost: articles above the stories watermark are placed first by the next run.
      ...(v['no-stories'] ? { stories: false } : {}),
      web: {
        concurrency: positiveInt(v.concurrency, 'concurrency') ?? 8,
        perHostDelayMs: positiveInt(v['per-host-delay'], 'per-host-delay') ?? 1000,
        ...(v['user-agent'] ? { userAgent: v['user-agent'] } : {}),
        allowPrivate: v['allow-private'] === true,
        ...(v.timeout !== undefined ? { timeoutMs: positiveInt(v.timeout, 'timeout')! } : {}),
        ...(v['max-bytes'] !== undefined ? { maxBytes: positiveInt(v['max-bytes'], 'max-bytes')! } : {}),
        onQueue: (done, total) => { progress.done = done; progress.total = total; },
      },
      onChange: (s) => progress.update(s),
      onBytes: (done, total) => { progress.done = done; progress.total = total; },
    });
    // Enrichments (also of older articles not yet enriched by this version), stories and
    // duplicate groups were brought up to date by ingest() itself (summary.enriched, summary.stories).
  } finally {
    progress.finish();
    archive.close();
  }
  const { enriched } = summary;
  if (v.json) process.stdout.write(`${JSON.stringify({ db: resolveDbPath(v.db), ...summary })}\n`);
  else if (!v.quiet) {
    process.stdout.write(formatSummary(summary, resolveDbPath(v.db)));
    if (enriched !== undefined) process.stdout.write(`  enriched   ${enriched}\n`);
    const { stories } = summary;
    if (stories) process.stdout.write(`  stories    ${stories.stories} (${stories.added} articles clustered, ${stories.duplicates} copies of earlier articles)\n`);
    else if (v['no-stories']) process.stdout.write('  stories    skipped (--no-stories): the next ingest places these articles, or run \'dateline recluster\'\n');
    if (stories?.rebuiltAfter) process.stdout.write(`             rebuilt from the archive at the end: ${stories.rebuiltAfter}\n`);
  }
  return summary.failed > 0 ? EXIT.failure : EXIT.ok;
}

function reasons(r: Record<string, number>): string {
  const parts = Object.entries(r).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function formatSummary(s: IngestSummary, db: string): string {
  const secs = s.elapsedMs / 1000;
  const handled = s.new + s.updated + s.unchanged + s.skipped + s.failed;
  const lines = [
    `ingested into ${db} in ${secs.toFixed(1)} s (${(handled / Math.max(secs, 0.001)).toFixed(1)} items/s)`,
    `  new        ${s.new}`,
    `  updated    ${s.updated}`,
    `  unchanged  ${s.unchanged}`,
    `  skipped    ${s.skipped}${reasons(s.skippedReasons)}`,
    `  failed     ${s.failed}${reasons(s.failedReasons)}`,
  ];
  for (const f of s.failures.slice(0, 10)) lines.push(`    ${f.reason}: ${f.url ?? f.source}${f.message ? ` — ${f.message}` : ''}`);
  if (s.failed > 10) lines.push(`    … see 'dateline failures' for all of them`);
  return `${lines.join('\n')}\n`;
}
