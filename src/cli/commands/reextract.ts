// `dateline reextract`: run the current extractor again over every stored raw page.
import { availableParallelism } from 'node:os';
import { createExtractor } from '../../extract/pool.js';
import { DB_HELP, DB_OPTION, openExisting, parse, positiveInt } from '../archive-options.js';
import { EXIT } from '../errors.js';

const HELP = `Usage: dateline reextract [options]

Re-runs extraction over the raw pages kept in the archive (after upgrading Dateline, say)
and updates the articles whose extraction changed. Articles ingested without a raw page are kept.

Options:
${DB_HELP}
  --jobs N           extraction worker threads (default: cores)
  --timezone TZ      zone for local times pages state without an offset
  --json             print the summary as JSON
  -h, --help         show this help
`;

export async function run(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, { ...DB_OPTION, jobs: { type: 'string' }, timezone: { type: 'string' }, json: { type: 'boolean' } });
  if (v.help) { process.stdout.write(HELP); return EXIT.ok; }
  const archive = openExisting(v.db);
  const jobs = positiveInt(v.jobs, 'jobs') ?? availableParallelism();
  const pool = createExtractor(jobs);
  const counts = { changed: 0, unchanged: 0, failed: 0 };
  const started = performance.now();
  try {
    const inflight = new Set<Promise<void>>();
    for (const raw of archive.rawPages()) {
      while (inflight.size >= Math.max(4, jobs * 4)) await Promise.race(inflight);
      const p = pool.run(raw.page.body, {
        ...(raw.url.startsWith('http') ? { url: raw.page.finalUrl ?? raw.url } : {}), kind: raw.page.kind,
        ...(raw.page.contentType ? { contentType: raw.page.contentType } : {}), ...(raw.hints?.published ?? raw.hints?.publishedFallback ? { published: raw.hints?.published ?? raw.hints?.publishedFallback } : {}),
        ...(v.timezone ? { timezone: v.timezone } : {}),
      }).then((article) => {
        if (!article.text.trim()) { counts.failed++; return; }
        if (archive.transaction(() => archive.replaceExtraction(raw.articleId, article, raw.hints))) counts.changed++; else counts.unchanged++;
      }, () => { counts.failed++; }).finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
  } finally {
    await pool.close();
    archive.close();
  }
  const secs = (performance.now() - started) / 1000;
  if (v.json) process.stdout.write(`${JSON.stringify({ ...counts, elapsedMs: Math.round(secs * 1000) })}\n`);
  else process.stdout.write(`re-extracted in ${secs.toFixed(1)} s: ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.failed} now without text (kept as they were)\n`);
  return EXIT.ok;
}
