// What ingest's extraction workers do with one page: everything that costs CPU and needs no
// database — hash the raw page (and stop there when it is the one already stored), extract the
// article, compress the page and the article's markdown/html, hash the content, and (when asked)
// the work that follows storage: the article's enrichment and its stories features. The main
// thread is left with the writes (profiled: hashing and compressing on the main thread took as
// much CPU as SQLite itself and capped the whole pipeline at the speed of that one thread; the
// enrichment and stories features, computed after the run on the main thread, took longer than
// the ingest itself).
import { gunzipSync } from 'node:zlib';
import { extract } from '../extract/index.js';
import { transferable } from '../extract/pool.js';
import { enrich } from '../enrich/index.js';
import type { ItemHints, PackedPage, PreparedArticle } from '../store/api.js';
import { applyHints, articleAddresses, contentHash, packExtra, packPage, rawHash } from '../store/rows.js';
import { precomputeStory, storyFields, type PrecomputedStory } from '../stories/archive.js';
import type { Article, Enrichment, ExtractOptions } from '../types.js';

export interface IngestJob {
  bytes: Uint8Array;
  /** `bytes` are a gzip file: the worker gunzips them and stores the gzip itself as the raw page (no second compression). */
  gzipped?: boolean;
  options: ExtractOptions;
  hints?: ItemHints;
  /** Hash of the page stored for this address: an identical page is reported unchanged, not extracted. */
  knownHash?: string;
  /** Compute the enrichment of the article as it will be stored. */
  enrich?: boolean;
  /** Compute the stories features of the article under the address it will be stored at (the item's url and final url). */
  stories?: { url: string; finalUrl?: string };
}

export type IngestResult =
  | { unchanged: true }
  | { unchanged: false; badGzip: string }
  | {
    unchanged: false; badGzip?: undefined; article: Article; page: PackedPage; prepared: PreparedArticle; extractMs: number;
    enrichment?: Enrichment; story?: PrecomputedStory; afterMs: number;
  };

export function runIngestJob(job: IngestJob): IngestResult {
  let bytes = job.bytes;
  if (job.gzipped) {
    try { bytes = gunzipSync(job.bytes); } catch (e) { return { unchanged: false, badGzip: (e as Error).message }; }
  }
  const hash = rawHash(bytes);
  if (job.knownHash === hash) return { unchanged: true };
  const t = performance.now();
  const article = extract(bytes, job.options);
  const extractMs = performance.now() - t;
  const page: PackedPage = job.gzipped ? { bytes: job.bytes, encoding: 'gzip', size: bytes.length, hash } : packPage(bytes, hash);
  // The article as the archive stores it (hints applied): hashed here and, below, enriched.
  const merged = applyHints(article, job.hints);
  const prepared: PreparedArticle = { contentHash: contentHash(merged), extra: packExtra(article) };
  const t1 = performance.now();
  const after: { enrichment?: Enrichment; story?: PrecomputedStory } = {};
  if ((job.enrich || job.stories) && article.text.trim()) {
    // As the archive will read it back: empty fields absent.
    const stored: Article = merged === article ? { ...article } : merged;
    for (const k of ['title', 'published', 'language'] as const) if (!stored[k]) delete stored[k];
    if (job.enrich) after.enrichment = enrich(stored);
    if (job.stories) {
      const url = articleAddresses(job.stories.url, job.stories.finalUrl, article.canonicalUrl).key;
      after.story = precomputeStory(storyFields(url, stored));
    }
  }
  // markdown and html travel packed in prepared.extra: not cloned a second time.
  return { unchanged: false, article: { ...article, markdown: '', html: '' }, page, prepared, extractMs, ...after, afterMs: performance.now() - t1 };
}

/** Buffers of a result the worker can hand over without copying. */
export function resultBuffers(r: IngestResult): ArrayBuffer[] {
  if (r.unchanged || r.badGzip !== undefined) return [];
  const out: ArrayBuffer[] = [];
  for (const b of [r.page.bytes, r.prepared.extra]) {
    const t = transferable(b);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}
