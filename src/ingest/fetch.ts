// A polite, bounded HTTP(S) fetcher shared by `dateline extract` and `dateline ingest`.
// Built on node:http/https rather than fetch() so we own the pieces that matter for crawling
// untrusted URLs: the DNS lookup (SSRF guard, see net-guard.ts), the byte cap (counted after
// decompression, so a gzip bomb stops at maxBytes), one deadline per attempt, and redirects
// (each hop re-checked and recorded).
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { PassThrough, type Readable } from 'node:stream';
import { checkLiteralHost, guardedLookup } from './net-guard.js';
import { FetchError, classifyNetworkError } from './fetch-error.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

export { FetchError, type FetchErrorCode } from './fetch-error.js';
export { DEFAULT_USER_AGENT } from './user-agent.js';

export interface FetchOptions {
  /** Deadline for one attempt (connect, headers and body). Default 20 000 ms. */
  timeoutMs?: number;
  /** Largest body accepted, after decompression. Default 10 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  userAgent?: string;
  /** Allow loopback / private / link-local targets (tests, intranets). Default false. */
  allowPrivate?: boolean;
  /**
   * Which resolved addresses to refuse when allowPrivate is false; default: isPrivateAddress.
   * E.g. allow one intranet host: `(ip) => ip !== '10.0.0.5' && isPrivateAddress(ip)`.
   */
  isBlockedAddress?: (ip: string) => boolean;
  /** Conditional request: a 304 answer gives `notModified: true` and no bytes. */
  etag?: string;
  lastModified?: string;
  /** Retries on 429, 5xx and dropped connections. Default 2. */
  retries?: number;
  /** First backoff delay; doubles on each retry (with jitter). Default 1 000 ms. */
  retryBaseMs?: number;
  /** A Retry-After longer than this is not waited for: the fetch fails instead. Default 30 000 ms. */
  maxRetryAfterMs?: number;
  /** Extra request headers (e.g. Accept for feeds). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL the body came from, after redirects. */
  finalUrl: string;
  status: number;
  /** Response headers, lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The Content-Type header, when sent (pass it to extract() as a charset hint). */
  contentType?: string;
  /** The body, decompressed. Empty for a 304. */
  bytes: Uint8Array;
  /** Every address redirected to, in order (the last one is finalUrl). */
  redirects: string[];
  /** ISO 8601 time the response arrived. */
  fetchedAt: string;
  /** True when the server answered 304 to a conditional request. */
  notModified?: boolean;
}

const DEFAULTS = { timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5, retries: 2, retryBaseMs: 1_000, maxRetryAfterMs: 30_000 };
const REDIRECT = new Set([301, 302, 303, 307, 308]);

// Separate keep-alive agents for guarded and unguarded requests: a pooled socket must never
// carry a request whose guard setting differs from the one it was connected under.
const agents = new Map<string, http.Agent>();
function agentFor(protocol: string, allowPrivate: boolean): http.Agent {
  const key = `${protocol}${allowPrivate}`;
  let agent = agents.get(key);
  if (!agent) {
    const opts = { keepAlive: true, maxSockets: 8, lookup: guardedLookup(allowPrivate) };
    agent = protocol === 'https:' ? new https.Agent(opts) : new http.Agent(opts);
    agents.set(key, agent);
  }
  return agent;
}

/** Fetches one page, following up to maxRedirects redirects. Rejects with a FetchError. */
export async function fetchPage(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const o = { ...DEFAULTS, ...definedOnly(opts) };
  let current = parseHttpUrl(url);
  const redirects: string[] = [];
  const seen = new Set([current.href]);
  for (;;) {
    const res = await withRetries(current, o);
    if (REDIRECT.has(res.status)) {
      const location = res.headers.location;
      if (!location) throw new FetchError('EREDIRECT', `${current.href} answered ${res.status} without a Location header`, { url, status: res.status });
      let next: URL;
      try { next = new URL(location, current); } catch {
        throw new FetchError('EREDIRECT', `${current.href} redirects to an invalid address: ${location}`, { url, status: res.status });
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new FetchError('EPROTOCOL', `${current.href} redirects to ${next.protocol} which is not fetched (only http and https)`, { url });
      }
      next.hash = '';
      if (redirects.length >= o.maxRedirects) {
        throw new FetchError('EREDIRECT', `more than ${o.maxRedirects} redirects starting at ${url}`, { url, status: res.status });
      }
      if (seen.has(next.href)) throw new FetchError('EREDIRECT', `redirect loop at ${next.href}`, { url, status: res.status });
      seen.add(next.href);
      redirects.push(next.href);
      current = next;
      continue;
    }
    const base = { url, finalUrl: current.href, status: res.status, headers: res.headers, redirects, fetchedAt: new Date().toISOString() };
    const contentType = res.headers['content-type'];
    if (res.status === 304 && (o.etag || o.lastModified)) {
      return { ...base, ...(contentType ? { contentType } : {}), bytes: new Uint8Array(0), notModified: true };
    }
    if (res.status < 200 || res.status > 299) {
      throw new FetchError('EHTTP', `${current.href} answered HTTP ${res.status}`, { url, status: res.status });
    }
    return { ...base, ...(contentType ? { contentType } : {}), bytes: res.body };
  }
}

function parseHttpUrl(url: string): URL {
  let u: URL;
  try { u = new URL(url); } catch {
    throw new FetchError('EURL', `not a valid URL: ${url}`, { url });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new FetchError('EPROTOCOL', `only http and https URLs are fetched, not ${u.protocol} (${url})`, { url });
  }
  u.hash = '';
  return u;
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

type Resolved = typeof DEFAULTS & FetchOptions;

/** One hop, retried on 429 / 5xx / dropped connections with exponential backoff. */
async function withRetries(url: URL, o: Resolved): Promise<RawResponse> {
  for (let attempt = 0; ; attempt++) {
    let waitMs: number;
    try {
      const res = await requestOnce(url, o);
      const retryable = res.status === 429 || (res.status >= 500 && res.status !== 501);
      if (!retryable || attempt >= o.retries) return res;
      const retryAfter = parseRetryAfter(res.headers['retry-after']);
      if (retryAfter !== undefined && retryAfter > o.maxRetryAfterMs) {
        throw new FetchError('EHTTP', `${url.href} answered HTTP ${res.status} and asks to retry after ${Math.round(retryAfter / 1000)} s, longer than we wait`, { url: url.href, status: res.status, retryAfterMs: retryAfter });
      }
      waitMs = retryAfter ?? backoff(o.retryBaseMs, attempt);
    } catch (e) {
      const transient = e instanceof FetchError && (e.code === 'ECONNRESET' || e.code === 'ETRUNCATED');
      if (!transient || attempt >= o.retries) throw e;
      waitMs = backoff(o.retryBaseMs, attempt);
    }
    await sleep(waitMs, o.signal);
  }
}

function backoff(baseMs: number, attempt: number): number {
  const d = baseMs * 2 ** attempt;
  return Math.round(d / 2 + Math.random() * d / 2); // "equal jitter": spread retries of many clients
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new FetchError('EABORTED', 'fetch aborted', {}));
    const onAbort = () => { clearTimeout(t); reject(new FetchError('EABORTED', 'fetch aborted', {})); };
    const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function requestOnce(url: URL, o: Resolved): Promise<RawResponse> {
  const blocked = checkLiteralHost(url, o.allowPrivate ?? false, o.isBlockedAddress);
  if (blocked) return Promise.reject(new FetchError('EBLOCKED', blocked.message, { url: url.href }));
  const allowPrivate = o.allowPrivate ?? false;
  const headers: Record<string, string> = {
    'user-agent': o.userAgent ?? DEFAULT_USER_AGENT,
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
    ...(o.etag ? { 'if-none-match': o.etag } : {}),
    ...(o.lastModified ? { 'if-modified-since': o.lastModified } : {}),
    ...lowerKeys(o.headers ?? {}),
  };
  const lib = url.protocol === 'https:' ? https : http;
  if (o.signal?.aborted) return Promise.reject(new FetchError('EABORTED', `fetch of ${url.href} aborted`, { url: url.href }));
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    const fail = (e: FetchError) => {
      if (settled) return;
      settled = true;
      cleanup();
      req.destroy();
      reject(e);
    };
    const timer = setTimeout(() => fail(new FetchError('ETIMEOUT', `${url.href} did not answer within ${o.timeoutMs} ms`, { url: url.href })), o.timeoutMs);
    const onAbort = () => fail(new FetchError('EABORTED', `fetch of ${url.href} aborted`, { url: url.href }));
    o.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => { clearTimeout(timer); o.signal?.removeEventListener('abort', onAbort); };

    const req = lib.request(url, {
      method: 'GET',
      headers,
      // A custom address policy gets a fresh connection (agent: false): pooled sockets were checked under the default one.
      agent: o.isBlockedAddress ? false : agentFor(url.protocol, allowPrivate),
      lookup: guardedLookup(allowPrivate, o.isBlockedAddress),
    });
    req.on('error', (err) => fail(classifyNetworkError(err, url.href)));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const resHeaders = flattenHeaders(res.headers);
      // Redirects, errors and 304s: the body is not needed; drain it so the socket can be reused.
      if (REDIRECT.has(status) || status === 304 || status < 200 || status > 299) {
        res.resume();
        res.on('end', () => { if (!settled) { settled = true; cleanup(); resolve({ status, headers: resHeaders, body: new Uint8Array(0) }); } });
        res.on('error', () => undefined);
        return;
      }
      const declared = Number(resHeaders['content-length']);
      const encoding = (resHeaders['content-encoding'] ?? '').trim().toLowerCase();
      if (Number.isFinite(declared) && declared > o.maxBytes && (!encoding || encoding === 'identity')) {
        return fail(new FetchError('ETOOLARGE', `${url.href} is ${declared} bytes, more than the ${o.maxBytes}-byte limit`, { url: url.href, status }));
      }
      let stream: Readable;
      try { stream = decoderFor(res, encoding); } catch (e) {
        return fail(new FetchError('EPROTOCOL', `${url.href}: ${(e as Error).message}`, { url: url.href, status }));
      }
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > o.maxBytes) {
          fail(new FetchError('ETOOLARGE', `${url.href} is larger than the ${o.maxBytes}-byte limit`, { url: url.href, status }));
          stream.destroy();
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (err) => {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        if (code.startsWith('Z_') || code === 'ERR_BROTLI_DECOMPRESSION_FAILED' || /incorrect header|invalid/i.test(err.message)) {
          fail(new FetchError('EPROTOCOL', `${url.href}: body is not valid ${encoding} (${err.message})`, { url: url.href, status }));
        } else {
          fail(classifyNetworkError(err, url.href));
        }
      });
      // A piped response does not forward its errors to the decoder: listen on both.
      if (stream !== res) res.on('error', (err) => fail(classifyNetworkError(err, url.href)));
      res.on('aborted', () => fail(new FetchError('ETRUNCATED', `${url.href}: connection closed before the whole body arrived`, { url: url.href, status })));
      stream.on('end', () => {
        if (settled) return;
        if (!res.complete) return fail(new FetchError('ETRUNCATED', `${url.href}: connection closed before the whole body arrived`, { url: url.href, status }));
        settled = true;
        cleanup();
        resolve({ status, headers: resHeaders, body: new Uint8Array(Buffer.concat(chunks, total)) });
      });
    });
    req.end();
  });
}

function decoderFor(res: http.IncomingMessage, encoding: string): Readable {
  // Tolerate what servers actually send: "x-gzip", and zlib-wrapped or raw deflate.
  switch (encoding) {
    case '': case 'identity': return res;
    case 'gzip': case 'x-gzip': return res.pipe(zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    case 'br': return res.pipe(zlib.createBrotliDecompress());
    case 'deflate': return inflateAny(res);
    default: throw new Error(`unsupported content-encoding "${encoding}"`);
  }
}

/** "deflate" is zlib-wrapped per the RFC but raw in some servers: pick by the first byte (0x78 = zlib header). */
function inflateAny(res: http.IncomingMessage): Readable {
  const pass = new PassThrough();
  let inflater: zlib.Inflate | zlib.InflateRaw | undefined;
  res.on('data', (chunk: Buffer) => {
    if (!inflater) {
      inflater = (chunk[0] ?? 0) === 0x78 ? zlib.createInflate() : zlib.createInflateRaw();
      inflater.on('error', (e) => pass.destroy(e));
      inflater.pipe(pass);
    }
    inflater.write(chunk);
  });
  res.on('end', () => (inflater ? inflater.end() : pass.end()));
  return pass;
}

function flattenHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

