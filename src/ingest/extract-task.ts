// What ingest's extraction workers do with one page: everything that costs CPU and needs no
// database — hash the raw page (and stop there when it is the one already stored), extract the
// article, compress the page and the article's markdown/html, hash the content. The main thread
// is left with the writes (profiled: hashing and compressing on the main thread took as much
// CPU as SQLite itself and capped the whole pipeline at the speed of that one thread).
import { extract } from '../extract/index.js';
import { transferable } from '../extract/pool.js';
import type { ItemHints, PackedPage, PreparedArticle } from '../store/api.js';
import { packPage, prepareArticle, rawHash } from '../store/rows.js';
import type { Article, ExtractOptions } from '../types.js';

export interface IngestJob {
  bytes: Uint8Array;
  options: ExtractOptions;
  hints?: ItemHints;
  /** Hash of the page stored for this address: an identical page is reported unchanged, not extracted. */
  knownHash?: string;
}

export type IngestResult =
  | { unchanged: true }
  | { unchanged: false; article: Article; page: PackedPage; prepared: PreparedArticle; extractMs: number };

export function runIngestJob(job: IngestJob): IngestResult {
  const hash = rawHash(job.bytes);
  if (job.knownHash === hash) return { unchanged: true };
  const t = performance.now();
  const article = extract(job.bytes, job.options);
  const extractMs = performance.now() - t;
  return { unchanged: false, article, page: packPage(job.bytes, hash), prepared: prepareArticle(article, job.hints), extractMs };
}

/** Buffers of a result the worker can hand over without copying. */
export function resultBuffers(r: IngestResult): ArrayBuffer[] {
  if (r.unchanged) return [];
  const out: ArrayBuffer[] = [];
  for (const b of [r.page.bytes, r.prepared.extra]) {
    const t = transferable(b);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}
