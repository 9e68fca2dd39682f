// The ingest pipeline: source events in; extraction (worker threads), identity and storage
// (one transaction per item, so a crash never leaves half an article); counts out.
import type { StoriesUpdate } from '../stories/archive.js';
import type { Article } from '../types.js';
import type { Archive, FailureRecord } from '../store/api.js';
import { publishedKey, rawHash } from '../store/rows.js';
import { createExtractor, type Extractor } from '../extract/pool.js';
import type { IngestItem, SourceEvent } from './item.js';

export interface IngestSummary {
  /** Stories and duplicate groups brought up to date after the run (src/stories). */
  stories?: StoriesUpdate;
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
  /** CPU milliseconds in extraction (summed over workers) and in storage (main thread). */
  extractMs: number;
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
}

export class IngestPipeline {
  readonly summary: IngestSummary = {
    new: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, skippedReasons: {}, failedReasons: {}, failures: [], elapsedMs: 0, extractMs: 0, storeMs: 0,
  };
  private readonly pool: Extractor;
  private readonly started = performance.now();
  private readonly sinceKey: string | undefined;
  private inflight = new Set<Promise<void>>();
  private readonly limit: number;

  constructor(private readonly opts: PipelineOptions) {
    this.pool = createExtractor(opts.jobs);
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
  }

  async close(): Promise<IngestSummary> {
    await this.drain();
    await this.pool.close();
    this.summary.extractMs = Math.round(this.pool.extractMs);
    this.summary.elapsedMs = Math.round(performance.now() - this.started);
    this.summary.storeMs = Math.round(this.summary.storeMs);
    return this.summary;
  }

  private async process(item: IngestItem): Promise<void> {
    if (this.full) return;
    const { archive } = this.opts;
    const hash = rawHash(item.body);
    if (!this.opts.refetch && archive.knownPageHash(item.url) === hash) {
      this.count('unchanged');
      return;
    }
    let article: Article;
    try {
      article = await this.pool.run(item.body, {
        ...(item.url.startsWith('http') ? { url: item.finalUrl ?? item.url } : {}),
        ...(item.contentType ? { contentType: item.contentType } : {}),
        ...(item.kind ? { kind: item.kind } : {}),
        ...(item.hints?.published ?? item.hints?.publishedFallback ? { published: item.hints?.published ?? item.hints?.publishedFallback } : {}),
        ...(this.opts.timezone ? { timezone: this.opts.timezone } : {}),
      });
    } catch (e) {
      this.fail({ source: item.source, url: item.url, stage: 'extract', reason: 'extract-error', message: (e as Error).message });
      return;
    }
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
      const res = archive.saveArticle({
        url: item.url, article,
        page: {
          url: item.url, body: item.body, kind: item.kind ?? (item.contentType?.startsWith('text/plain') ? 'text' : 'html'),
          fetchedAt: item.fetchedAt ?? new Date().toISOString(), source: item.source,
          ...(item.finalUrl && item.finalUrl !== item.url ? { finalUrl: item.finalUrl } : {}),
          ...(item.status ? { status: item.status } : {}), ...(item.contentType ? { contentType: item.contentType } : {}),
          ...(item.redirects?.length ? { redirects: item.redirects } : {}),
        },
        ...(item.hints ? { hints: item.hints } : {}),
      });
      this.count(res.outcome);
      if (res.outcome !== 'unchanged') this.opts.onStored?.(res.articleId, res.outcome);
    } catch (e) {
      this.fail({ source: item.source, url: item.url, stage: 'store', reason: 'store-error', message: (e as Error).message });
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
