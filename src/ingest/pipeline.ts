// The ingest pipeline: source events in; extraction, hashing and compression (worker threads,
// extract-task.ts), identity and storage (main thread); counts out.
// Writes are grouped in batches committed every BATCH_MS (each article atomic inside its batch,
// so a crash never leaves half an article and loses at most the open batch, which a rerun redoes).
import type { PrecomputedStory, StoriesUpdate } from '../stories/archive.js';
import type { Enrichment } from '../types.js';
import type { Archive, FailureRecord } from '../store/api.js';
import { publishedKey } from '../store/rows.js';
import { createTaskPool, transferable, workerModule, type TaskRunner } from '../extract/pool.js';
import { runIngestJob, type IngestJob, type IngestResult } from './extract-task.js';
import type { IngestItem, SourceEvent } from './item.js';
import type { LiveStories } from './live-stories.js';

/** Commit the open batch after this long (also when idle) or after BATCH_MAX articles. */
export const BATCH_MS = 500;
const BATCH_MAX = 1000;

export interface IngestSummary {
  /** Stories and duplicate groups brought up to date after the run (src/stories). */
  stories?: StoriesUpdate & { duringRun?: number; rebuiltAfter?: string };
  /** Articles enriched (with `enrich`): with their writes, plus those the catch-up pass after the run enriched (enrichCatchUpMs). */
  enriched?: number;
  enrichCatchUpMs?: number;
  new: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  skippedReasons: Record<string, number>;
  failedReasons: Record<string, number>;
  /** The first failures, for the final report (all of them are in the archive). */
  failures: FailureRecord[];
  elapsedMs: number;
  /**
   * Milliseconds inside extract() (summed over workers), in hashing and compression (workers),
   * and in storage (main thread: identity, SQLite writes, FTS index, commits). Wall clock of busy threads.
   */
  extractMs: number;
  packMs: number;
  /** Milliseconds in the workers computing enrichments and stories features (when asked for). */
  afterMs: number;
  storeMs: number;
}

export interface PipelineOptions {
  archive: Archive;
  /** Extraction worker threads (src/extract/pool.ts); 1 or less = in-process. */
  jobs: number;
  /** Skip articles published before this (ISO date). */
  since?: string;
  /** Stop after this many items were stored or found unchanged. */
  max?: number;
  /** Re-extract and store even when the raw page is byte-identical to the stored one. */
  refetch?: boolean;
  timezone?: string;
  onChange?: (s: IngestSummary) => void;
  /** Called after each article is stored (new or updated), e.g. to cluster it into stories or enrich it. */
  onStored?: (articleId: number, outcome: 'new' | 'updated') => void;
  /**
   * Enrich in the workers and save each enrichment with its article (in the same batch, so an
   * article is never committed without it unless this throws; `dateline reenrich` then catches up).
   */
  saveEnrichment?: (articleId: number, contentHash: string, e: Enrichment) => void;
  /** Compute each new article's stories features in the workers (kept in `precomputedStories` for updateStories). */
  storiesFeatures?: boolean;
  /**
   * Place the run's articles in stories while storing them (live-stories.ts; implies storiesFeatures):
   * placements are written in the same batches as the articles.
   */
  liveStories?: LiveStories;
}

/** Articles placed in stories (at most) per article stored: placement catches up with a backlog at twice the arrival rate. */
const PLACE_PER_STORE = 2;

export class IngestPipeline {
  readonly summary: IngestSummary = {
    new: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, skippedReasons: {}, failedReasons: {}, failures: [], elapsedMs: 0, extractMs: 0, packMs: 0, afterMs: 0, storeMs: 0,
  };
  private readonly pool: TaskRunner<IngestJob, IngestResult>;
  private extractMs = 0;
  private afterMs = 0;
  /** Stories features of the new articles of this run, by article id (see storiesFeatures). */
  readonly precomputedStories = new Map<number, PrecomputedStory>();
  private batch?: { started: number; saved: number; timer: NodeJS.Timeout };
  private readonly started = performance.now();
  private readonly sinceKey: string | undefined;
  private inflight = new Set<Promise<void>>();
  private readonly limit: number;

  constructor(private readonly opts: PipelineOptions) {
    // The page's bytes are handed to the worker (not copied) when nothing else shares their buffer:
    // the worker sends back the packed page, so the main thread never needs them again.
    this.pool = createTaskPool(opts.jobs, workerModule(import.meta.url, 'extract-worker'), runIngestJob, {
      transfer: (job) => { const b = transferable(job.bytes); return b ? [b] : []; },
      // A second page waits in each worker: it starts the moment the first is done, even while the
      // main thread is busy storing (profiled: a quarter of the workers' time went idle waiting).
      depth: 2,
    });
    this.sinceKey = opts.since ? publishedKey(opts.since) : undefined;
    this.limit = Math.max(4, opts.jobs * 4);
  }

  /** True once --max items were handled: sources should stop producing. */
  get full(): boolean {
    const s = this.summary;
    return this.opts.max !== undefined && s.new + s.updated + s.unchanged >= this.opts.max;
  }

  /** Consume a whole event stream (with back-pressure), then wait for the last items. */
  async run(events: AsyncIterable<SourceEvent>): Promise<void> {
    for await (const ev of events) {
      if (this.full) break;
      await this.submit(ev);
    }
    await this.drain();
  }

  /** Hand one event over; resolves when there is room for the next one (not when it is stored). */
  async submit(ev: SourceEvent): Promise<void> {
    if (ev.type === 'failure') { this.fail(ev.failure); return; }
    if (ev.type === 'skip') { this.skip(ev.reason); return; }
    while (this.inflight.size >= this.limit) await Promise.race(this.inflight);
    const p = this.process(ev.item).catch((e: unknown) => {
      this.fail({ source: ev.item.source, url: ev.item.url, stage: 'store', reason: 'internal-error', message: e instanceof Error ? e.message : String(e) });
    }).finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  /** Process one item and wait for it (the web crawler's per-host loop uses this). */
  async processNow(item: IngestItem): Promise<void> {
    await this.process(item);
  }

  async drain(): Promise<void> {
    while (this.inflight.size) await Promise.race(this.inflight);
    this.commit();
  }

  async close(): Promise<IngestSummary> {
    await this.drain();
    await this.pool.close();
    this.summary.extractMs = Math.round(this.extractMs);
    this.summary.afterMs = Math.round(this.afterMs);
    this.summary.packMs = Math.round(this.pool.busyMs - this.extractMs - this.afterMs);
    this.summary.elapsedMs = Math.round(performance.now() - this.started);
    this.summary.storeMs = Math.round(this.summary.storeMs);
    return this.summary;
  }

  private async process(item: IngestItem): Promise<void> {
    if (this.full) return;
    const { archive } = this.opts;
    const knownHash = this.opts.refetch ? undefined : archive.knownPageHash(item.url);
    let res: IngestResult;
    try {
      res = await this.pool.run({
        bytes: item.body,
        ...(item.gzipped ? { gzipped: true } : {}),
        ...(this.opts.saveEnrichment ? { enrich: true } : {}),
        ...(this.opts.storiesFeatures || this.opts.liveStories ? { stories: { url: item.url, ...(item.finalUrl ? { finalUrl: item.finalUrl } : {}) } } : {}),
        options: {
          ...(item.url.startsWith('http') ? { url: item.finalUrl ?? item.url } : {}),
          ...(item.contentType ? { contentType: item.contentType } : {}),
          ...(item.kind ? { kind: item.kind } : {}),
          ...(item.hints?.published ?? item.hints?.publishedFallback ? { published: item.hints?.published ?? item.hints?.publishedFallback } : {}),
          ...(this.opts.timezone ? { timezone: this.opts.timezone } : {}),
        },
        ...(item.hints ? { hints: item.hints } : {}),
        ...(knownHash ? { knownHash } : {}),
      });
    } catch (e) {
      this.fail({ source: item.source, url: item.url, stage: 'extract', reason: 'extract-error', message: (e as Error).message });
      return;
    }
    if (res.unchanged) { this.count('unchanged'); return; }
    if (res.badGzip !== undefined) { this.fail({ source: item.source, url: item.url, stage: 'read', reason: 'bad-gzip', message: res.badGzip }); return; }
    this.extractMs += res.extractMs;
    this.afterMs += res.afterMs;
    const { article } = res;
    const binary = article.warnings.find((w) => w.code === 'binary-input');
    if (binary) { this.fail({ source: item.source, url: item.url, stage: 'extract', reason: 'not-a-page', message: binary.message }); return; }
    if (!article.text.trim()) {
      this.fail({ source: item.source, url: item.url, stage: 'extract', reason: 'no-main-content', message: 'no article text was found on the page' });
      return;
    }
    const published = item.hints?.published ?? article.published;
    // An undated article is kept: nothing says it is old (feeds list what is current).
    if (this.sinceKey && published && (publishedKey(published) ?? '') < this.sinceKey) {
      this.skip('older-than-since');
      return;
    }
    if (this.full) return;
    const t = performance.now();
    try {
      this.openBatch();
      const saved = archive.saveArticle({
        url: item.url, article, prepared: res.prepared,
        page: {
          url: item.url, packed: res.page, kind: item.kind ?? (item.contentType?.startsWith('text/plain') ? 'text' : 'html'),
          fetchedAt: item.fetchedAt ?? new Date().toISOString(), source: item.source,
          ...(item.finalUrl && item.finalUrl !== item.url ? { finalUrl: item.finalUrl } : {}),
          ...(item.status ? { status: item.status } : {}), ...(item.contentType ? { contentType: item.contentType } : {}),
          ...(item.redirects?.length ? { redirects: item.redirects } : {}),
        },
        ...(item.hints ? { hints: item.hints } : {}),
      });
      if (saved.outcome !== 'unchanged') {
        if (res.enrichment && this.opts.saveEnrichment) {
          try {
            this.opts.saveEnrichment(saved.articleId, res.prepared.contentHash, res.enrichment);
            this.summary.enriched = (this.summary.enriched ?? 0) + 1;
          } catch {
            // The article is stored without it; the CLI's catch-up pass (enrichStored) or `dateline reenrich` fills it in.
          }
        }
        if (this.opts.liveStories) this.opts.liveStories.noteStored(saved.articleId, saved.outcome, res.story);
        else if (res.story && saved.outcome === 'new') this.precomputedStories.set(saved.articleId, res.story);
      }
      this.count(saved.outcome);
      if (saved.outcome !== 'unchanged') this.opts.onStored?.(saved.articleId, saved.outcome);
      // A little placement after each write keeps the main thread's work even (a long stretch of
      // placements would leave the workers waiting for their next page).
      this.opts.liveStories?.placeReady(PLACE_PER_STORE);
      if (this.batch && (++this.batch.saved >= BATCH_MAX || performance.now() - this.batch.started >= BATCH_MS)) this.commit();
    } catch (e) {
      this.fail({ source: item.source, url: item.url, stage: 'store', reason: 'store-error', message: (e as Error).message });
    } finally {
      this.summary.storeMs += performance.now() - t;
    }
  }

  /** Start a batch of writes if none is open; a timer commits it even if no further article comes. */
  private openBatch(): void {
    if (this.batch || !this.opts.archive.beginBatch) return;
    this.opts.archive.beginBatch();
    const timer = setTimeout(() => this.commit(), BATCH_MS);
    timer.unref();
    this.batch = { started: performance.now(), saved: 0, timer };
  }

  /** Commit the open batch: everything stored so far survives a crash from here on. */
  commit(): void {
    if (!this.batch) return;
    clearTimeout(this.batch.timer);
    this.batch = undefined;
    const t = performance.now();
    try {
      this.opts.archive.commitBatch?.();
    } catch (e) {
      // Disk full, I/O error: the batch is lost (SQLite rolled it back); a rerun stores it again.
      this.opts.liveStories?.abandon();
      this.fail({ source: '(batch of writes)', stage: 'store', reason: 'commit-failed', message: (e as Error).message });
    } finally {
      this.summary.storeMs += performance.now() - t;
    }
  }

  private count(outcome: 'new' | 'updated' | 'unchanged'): void {
    this.summary[outcome]++;
    this.opts.onChange?.(this.summary);
  }

  skip(reason: string): void {
    this.summary.skipped++;
    this.summary.skippedReasons[reason] = (this.summary.skippedReasons[reason] ?? 0) + 1;
    this.opts.onChange?.(this.summary);
  }

  fail(f: FailureRecord): void {
    this.summary.failed++;
    this.summary.failedReasons[f.reason] = (this.summary.failedReasons[f.reason] ?? 0) + 1;
    if (this.summary.failures.length < 50) this.summary.failures.push(f);
    try {
      this.opts.archive.recordFailure(f);
    } catch {
      // The failure itself could not be written (disk full?): it is still counted and reported.
    }
    this.opts.onChange?.(this.summary);
  }
}
