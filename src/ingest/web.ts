// http(s) sources: an article, a feed (RSS/Atom/JSON Feed), a sitemap (index, urlset, news),
// or a home page whose feeds (<link rel=alternate>) and sitemaps (robots.txt) are followed.
// Listings are polled with conditional requests; articles already archived are not fetched
// again unless --refetch.
import type { Archive } from '../store/api.js';
import { canonicalizeUrl } from '../store/canonical.js';
import { publishedKey } from '../store/rows.js';
import { FetchError, type FetchOptions, type FetchResult } from './fetch.js';
import { classifyDocument, discoverFeeds, parseListing, type FeedEntry } from './feeds.js';
import { HostScheduler, RobotsDisallowed } from './hosts.js';
import type { IngestPipeline } from './pipeline.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

export interface WebOptions {
  concurrency?: number;
  perHostDelayMs?: number;
  userAgent?: string;
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  retries?: number;
  retryBaseMs?: number;
  refetch?: boolean;
  since?: string;
  /** Nested sitemap indexes followed at most this deep. */
  maxSitemapDepth?: number;
  /** Progress: URLs queued and finished. */
  onQueue?: (done: number, total: number) => void;
}

/** A FetchError (or anything else) as a short failure reason. */
export function fetchReason(e: unknown): string {
  if (e instanceof FetchError) {
    if (e.code === 'EHTTP' && e.status) return `http-${e.status}`;
    const map: Record<string, string> = {
      EDNS: 'dns', ETIMEOUT: 'timeout', ETOOLARGE: 'too-large', ETRUNCATED: 'truncated', ETLS: 'tls', EBLOCKED: 'private-address',
      ECONNREFUSED: 'connection-refused', ECONNRESET: 'connection-reset', ENETWORK: 'network', EREDIRECT: 'redirects', EPROTOCOL: 'protocol', EURL: 'bad-url', EABORTED: 'aborted',
    };
    return map[e.code] ?? e.code.toLowerCase();
  }
  return 'fetch-error';
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export class WebCrawler {
  private readonly hosts: HostScheduler;
  private readonly tasks = new Set<Promise<void>>();
  private readonly seen = new Set<string>();
  private readonly sinceKey: string | undefined;
  private queued = 0;
  private finished = 0;

  constructor(private readonly archive: Archive, private readonly pipeline: IngestPipeline, private readonly o: WebOptions = {}) {
    const userAgent = o.userAgent ?? DEFAULT_USER_AGENT;
    const fetch: FetchOptions = {
      userAgent, allowPrivate: o.allowPrivate ?? false,
      ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}), ...(o.maxBytes !== undefined ? { maxBytes: o.maxBytes } : {}),
      ...(o.retries !== undefined ? { retries: o.retries } : {}), ...(o.retryBaseMs !== undefined ? { retryBaseMs: o.retryBaseMs } : {}),
    };
    this.hosts = new HostScheduler({ perHostDelayMs: o.perHostDelayMs ?? 1000, concurrency: Math.max(1, o.concurrency ?? 8), userAgent, fetch });
    this.sinceKey = o.since ? publishedKey(o.since) : undefined;
  }

  /** Crawl the given sources and everything they list; resolves when all is done. */
  async run(sources: string[]): Promise<void> {
    for (const s of sources) this.spawn(() => this.source(s));
    while (this.tasks.size) await Promise.all([...this.tasks]);
  }

  private spawn(fn: () => Promise<void>): void {
    this.queued++;
    this.progress();
    const p: Promise<void> = fn().catch((e: unknown) => {
      this.pipeline.fail({ source: 'web', stage: 'fetch', reason: 'internal-error', message: e instanceof Error ? e.message : String(e) });
    }).finally(() => { this.tasks.delete(p); this.finished++; this.progress(); });
    this.tasks.add(p);
  }

  private progress(): void {
    this.o.onQueue?.(this.finished, this.queued);
  }

  /** Fetch with failures recorded; undefined when it failed or was skipped. */
  private async get(url: string, source: string, extra: FetchOptions = {}): Promise<FetchResult | undefined> {
    try {
      return await this.hosts.fetch(url, extra);
    } catch (e) {
      if (e instanceof RobotsDisallowed) { this.pipeline.skip('robots-disallowed'); return undefined; }
      this.pipeline.fail({ source, url, stage: 'fetch', reason: fetchReason(e), message: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  }

  /** A URL given on the command line: whatever it turns out to be. */
  private async source(url: string): Promise<void> {
    const canon = canonicalizeUrl(url);
    if (!canon) { this.pipeline.fail({ source: url, url, stage: 'fetch', reason: 'bad-url', message: 'not an http(s) URL' }); return; }
    const state = this.o.refetch ? undefined : this.archive.getFetchState(canon);
    const res = await this.get(url, url, { headers: { accept: `text/html;q=0.9, ${FEED_ACCEPT}` }, ...(state?.etag ? { etag: state.etag } : {}), ...(state?.lastModified ? { lastModified: state.lastModified } : {}) });
    if (!res) return;
    if (res.notModified) { this.pipeline.skip('not-modified'); return; }
    const kind = classifyDocument(res.contentType, res.bytes);
    if (kind === 'html') {
      const path = new URL(res.finalUrl).pathname;
      if (path === '/' || path === '') { await this.homePage(res); return; }
      await this.article({ url }, url, res);
      return;
    }
    await this.listing(res, url, 0);
    this.rememberValidators(canon, res);
  }

  private rememberValidators(url: string, res: FetchResult): void {
    const etag = res.headers.etag;
    const lastModified = res.headers['last-modified'];
    if (etag || lastModified) this.archive.setFetchState(url, { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) });
  }

  /** A home page: follow the feeds it announces, else the sitemaps robots.txt lists, else /sitemap.xml. */
  private async homePage(res: FetchResult): Promise<void> {
    const feeds = discoverFeeds(Buffer.from(res.bytes).toString('utf8'), res.finalUrl);
    let lists = feeds;
    if (!lists.length) {
      const robots = await this.hosts.robots(res.finalUrl);
      lists = robots.sitemaps.length ? robots.sitemaps : [new URL('/sitemap.xml', res.finalUrl).href];
    }
    for (const l of lists) this.spawn(() => this.fetchListing(l, res.finalUrl, 0));
  }

  private async fetchListing(url: string, source: string, depth: number): Promise<void> {
    const canon = canonicalizeUrl(url) ?? url;
    if (this.seen.has(`list:${canon}`)) return;
    this.seen.add(`list:${canon}`);
    const state = this.o.refetch ? undefined : this.archive.getFetchState(canon);
    const res = await this.get(url, source, { headers: { accept: FEED_ACCEPT }, ...(state?.etag ? { etag: state.etag } : {}), ...(state?.lastModified ? { lastModified: state.lastModified } : {}) });
    if (!res) return;
    if (res.notModified) { this.pipeline.skip('not-modified'); return; }
    await this.listing(res, source, depth);
    this.rememberValidators(canon, res);
  }

  private async listing(res: FetchResult, source: string, depth: number): Promise<void> {
    let parsed;
    try {
      parsed = parseListing(res.bytes, res.contentType, res.finalUrl);
    } catch (e) {
      this.pipeline.fail({ source, url: res.url, stage: 'parse', reason: 'malformed-listing', message: (e as Error).message });
      return;
    }
    if (parsed.kind === 'html' || parsed.kind === 'other') {
      this.pipeline.fail({ source, url: res.url, stage: 'parse', reason: 'not-a-feed', message: `expected a feed or sitemap, got ${res.contentType ?? 'unknown content'}` });
      return;
    }
    if (parsed.kind === 'sitemapindex') {
      if (depth >= (this.o.maxSitemapDepth ?? 3)) { this.pipeline.skip('sitemap-too-deep'); return; }
      for (const e of parsed.entries) {
        if (this.tooOld(e)) { this.pipeline.skip('older-than-since'); continue; }
        this.spawn(() => this.fetchListing(e.url, res.url, depth + 1));
      }
      return;
    }
    // Newest first, so --max keeps the latest articles.
    const entries = [...parsed.entries].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
    for (const e of entries) {
      if (this.tooOld(e)) { this.pipeline.skip('older-than-since'); continue; }
      this.spawn(() => this.article(e, res.url));
    }
  }

  private tooOld(e: FeedEntry): boolean {
    return !!(this.sinceKey && e.published && (publishedKey(e.published) ?? '') < this.sinceKey);
  }

  /** One article: skip it when archived already, else fetch (unless given) and hand it to the pipeline. */
  private async article(e: FeedEntry, source: string, fetched?: FetchResult): Promise<void> {
    if (this.pipeline.full) return;
    const canon = canonicalizeUrl(e.url);
    if (!canon) { this.pipeline.fail({ source, url: e.url, stage: 'fetch', reason: 'bad-url' }); return; }
    if (this.seen.has(canon)) return;
    this.seen.add(canon);
    if (!fetched && !this.o.refetch && this.archive.getArticleByUrl(canon)) { this.pipeline.skip('already-archived'); return; }
    const res = fetched ?? await this.get(e.url, source, { headers: { accept: 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5' } });
    if (!res) return;
    const ct = (res.contentType ?? '').toLowerCase();
    if (ct && !/html|xml|text\/plain/.test(ct)) {
      this.pipeline.fail({ source, url: e.url, stage: 'fetch', reason: 'not-html', message: `content type ${res.contentType}` });
      return;
    }
    await this.pipeline.submit({
      type: 'item',
      item: {
        url: e.url, body: res.bytes, source, fetchedAt: res.fetchedAt, status: res.status,
        ...(res.contentType ? { contentType: res.contentType } : {}), ...(/text\/plain/.test(ct) ? { kind: 'text' as const } : {}),
        ...(res.finalUrl !== res.url ? { finalUrl: res.finalUrl } : {}), ...(res.redirects.length ? { redirects: res.redirects } : {}),
        // A feed's date is a fallback for pages that state none; its titles are often shortened, so they are not used.
        ...(e.published ? { hints: { publishedFallback: e.published } } : {}),
      },
    });
  }
}
