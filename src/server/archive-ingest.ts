// POST /api/ingest → the archive's ingest pipeline. Raw pages go through the same pipeline as
// local files (extraction, storage, history, failures); URLs through the ingest stage's fetcher,
// which refuses private addresses again after every redirect unless allowPrivate is set.
import type { Archive } from '../store/index.js';
import { ingest, IngestPipeline, type IngestSummary } from '../ingest/index.js';
import type { IngestFn, IngestRequest } from './context.js';

function summarise(s: IngestSummary): Record<string, unknown> {
  return { new: s.new, updated: s.updated, unchanged: s.unchanged, skipped: s.skipped, failed: s.failed, failures: s.failures.slice(0, 50) };
}

export function archiveIngest(archive: Archive): IngestFn {
  // One ingest at a time: SQLite has one writer, and a second batch would only queue behind it.
  let queue: Promise<unknown> = Promise.resolve();
  return (request: IngestRequest) => {
    const job = queue.then(() => run(archive, request));
    queue = job.catch(() => undefined);
    return job;
  };
}

async function run(archive: Archive, request: IngestRequest): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  if (request.pages.length) {
    const pipeline = new IngestPipeline({ archive, jobs: 0 });
    await pipeline.run((async function* () {
      for (const p of request.pages) {
        yield { type: 'item' as const, item: { url: p.url, body: new TextEncoder().encode(p.html), kind: 'html' as const, source: 'api', hints: p.published ? { published: p.published } : undefined } };
      }
    })());
    result.pages = summarise(await pipeline.close());
  }
  if (request.urls.length) {
    result.urls = summarise(await ingest(archive, request.urls, { jobs: 0, web: { allowPrivate: request.allowPrivate } }));
  }
  return result;
}
