// Politeness: one request at a time per host, a pause between two requests to one host
// (the larger of --per-host-delay and the site's Crawl-delay), and a global cap on how many
// hosts are fetched at once. robots.txt is fetched once per host and cached for the run.
import { fetchPage, FetchError, type FetchOptions, type FetchResult } from './fetch.js';
import { ALLOW_ALL, DENY_ALL, parseRobots, type RobotsRules } from './robots.js';

export interface HostPolicy {
  perHostDelayMs: number;
  concurrency: number;
  userAgent: string;
  fetch: FetchOptions;
  /** Longest Crawl-delay honoured (a site asking for an hour would stall the run). Default 60 s. */
  maxCrawlDelayMs?: number;
}

interface HostState {
  tail: Promise<unknown>;
  nextAt: number;
  robots?: Promise<RobotsRules>;
  /** The host could not be reached at all while fetching robots.txt: every request fails the same way. */
  unreachable?: FetchError;
  delayMs: number;
}

export class RobotsDisallowed extends Error {
  override name = 'RobotsDisallowed';
}

export class HostScheduler {
  private hosts = new Map<string, HostState>();
  private active = 0;
  private waiting: Array<() => void> = [];

  constructor(private readonly policy: HostPolicy) {}

  private host(origin: string): HostState {
    let h = this.hosts.get(origin);
    if (!h) { h = { tail: Promise.resolve(), nextAt: 0, delayMs: this.policy.perHostDelayMs }; this.hosts.set(origin, h); }
    return h;
  }

  private async acquire(): Promise<void> {
    if (this.active < this.policy.concurrency) { this.active++; return; }
    await new Promise<void>((r) => this.waiting.push(r));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next(); else this.active--;
  }

  /** Run `fn` in the host's slot: after every earlier request to it, and after its delay. */
  private inSlot<T>(origin: string, fn: () => Promise<T>): Promise<T> {
    const h = this.host(origin);
    const run = async () => {
      const wait = h.nextAt - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await this.acquire();
      try {
        return await fn();
      } finally {
        this.release();
        h.nextAt = Date.now() + h.delayMs;
      }
    };
    const p = h.tail.then(run, run);
    h.tail = p.catch(() => undefined);
    return p;
  }

  /** The host's robots rules (fetched on first use). A missing robots.txt allows all; a server error denies all. */
  robots(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    const h = this.host(origin);
    h.robots ??= this.inSlot(origin, async () => {
      let rules: RobotsRules;
      try {
        const res = await fetchPage(`${origin}/robots.txt`, { ...this.policy.fetch, retries: 1, maxBytes: 512 * 1024 });
        rules = parseRobots(Buffer.from(res.bytes).toString('utf8'), this.policy.userAgent);
      } catch (e) {
        const status = e instanceof FetchError ? e.status : undefined;
        if (e instanceof FetchError && status === undefined && e.code !== 'ETIMEOUT') h.unreachable = e;
        // RFC 9309: 4xx means no rules; 5xx and unreachable mean "assume disallowed for now".
        rules = status !== undefined && status >= 400 && status < 500 ? ALLOW_ALL : DENY_ALL;
      }
      if (rules.crawlDelay !== undefined) {
        h.delayMs = Math.max(this.policy.perHostDelayMs, Math.min(rules.crawlDelay * 1000, this.policy.maxCrawlDelayMs ?? 60_000));
      }
      return rules;
    });
    return h.robots;
  }

  /** Fetch politely: robots first, then the host's slot. Throws RobotsDisallowed or FetchError. */
  async fetch(url: string, extra: FetchOptions = {}): Promise<FetchResult> {
    const rules = await this.robots(url);
    const h = this.host(new URL(url).origin);
    if (h.unreachable) throw new FetchError(h.unreachable.code, h.unreachable.message, { url });
    if (!rules.allows(url)) throw new RobotsDisallowed(`robots.txt of ${new URL(url).host} disallows ${url}`);
    return this.inSlot(new URL(url).origin, () => fetchPage(url, { ...this.policy.fetch, ...extra }));
  }
}
