// Dateline's HTTP server: the JSON API under /api and the server-rendered web app, on node:http.
// Routing is a short table of patterns; every response gets the security headers; any error
// becomes a clean 4xx/5xx (JSON under /api, a page elsewhere) and never shows a stack trace.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import * as api from './api.js';
import { ingest } from './ingest-route.js';
import { openApiDocument } from './openapi.js';
import { HttpError, SECURITY_HEADERS, json, type Reply } from './http.js';
import { SmallCache, type RequestContext, type ServerOptions } from './context.js';
import { serveAsset } from './assets/index.js';
import { errorPage } from './pages/layout.js';
import { frontPage } from './pages/front.js';
import { storyPage } from './pages/story.js';
import { articlePage } from './pages/article.js';
import { searchPage } from './pages/search.js';
import { sitePage, sitesPage } from './pages/site.js';
import { getEntityApi, listEntitiesApi, listQuotesApi } from './api-entities.js';
import { entitiesPage, entityPage } from './pages-entities.js';

export type { ServerOptions, IngestFn, IngestRequest, IngestPage } from './context.js';

type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

function route(method: Route['method'], path: string, handler: Handler): Route {
  const names: string[] = [];
  const source = path.replace(/\{(\w+)\}/g, (_, name: string) => { names.push(name); return '([^/]+)'; });
  return { method, pattern: new RegExp(`^${source}$`), names, handler };
}

const ROUTES: Route[] = [
  route('GET', '/api/openapi.json', () => json(openApiDocument(), 200, { 'cache-control': 'public, max-age=300' })),
  route('GET', '/api/articles', api.listArticles),
  route('GET', '/api/articles/{id}', api.getArticle),
  route('GET', '/api/search', api.search),
  route('GET', '/api/stories', api.listStories),
  route('GET', '/api/stories/{id}', api.getStory),
  route('GET', '/api/sites', api.listSites),
  route('GET', '/api/stats', api.stats),
  route('POST', '/api/ingest', ingest),
  route('GET', '/api/entities', listEntitiesApi),
  route('GET', '/api/entities/{id}', getEntityApi),
  route('GET', '/api/quotes', listQuotesApi),
  route('GET', '/', frontPage),
  route('GET', '/stories/{id}', storyPage),
  route('GET', '/articles/{id}', articlePage),
  route('GET', '/search', searchPage),
  route('GET', '/sites', sitesPage),
  route('GET', '/sites/{site}', sitePage),
  route('GET', '/entities', entitiesPage),
  route('GET', '/entities/{id}', entityPage),
  route('GET', '/assets/{name}', serveAsset),
];

function isApi(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

function errorReply(path: string, status: number, message: string, headers: Record<string, string> = {}): Reply {
  const reply = isApi(path) ? json({ error: message, status }, status) : errorPage(status, message);
  Object.assign(reply.headers, headers);
  return reply;
}

/** Loopback servers answer only to loopback host names, so a DNS-rebinding page cannot read the archive. */
export function defaultAllowedHosts(host: string, port: number): string[] | undefined {
  const loopback = ['127.0.0.1', 'localhost', '::1', '[::1]'];
  if (!loopback.includes(host)) return undefined;
  return ['127.0.0.1', 'localhost', '[::1]'].flatMap((h) => [h, `${h}:${port}`]);
}

/**
 * The reply to one request, before it is written (exported for the in-process CPU benchmark,
 * bench/serve-cpu.ts, which calls it with a bare {method, url, headers} request).
 */
export async function dispatch(req: IncomingMessage, options: ServerOptions, cache: SmallCache): Promise<Reply> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://dateline.invalid');
  } catch {
    return errorReply('/', 400, 'malformed request URL');
  }
  const path = url.pathname;
  if (options.allowedHosts && !options.allowedHosts.includes((req.headers.host ?? '').toLowerCase())) {
    return errorReply(path, 421, 'this server only answers requests addressed to its own host name');
  }
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  let pathMatched = false;
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    try {
      r.names.forEach((name, i) => { params[name] = decodeURIComponent(m[i + 1]!); });
    } catch {
      return errorReply(path, 400, 'malformed percent-encoding in the path');
    }
    return r.handler({ req, url, params, options, archive: options.archive, cache });
  }
  if (pathMatched) {
    const allow = ROUTES.filter((r) => r.pattern.test(path)).map((r) => r.method).join(', ');
    return errorReply(path, 405, `method ${req.method ?? ''} not allowed here; use ${allow}`, { allow });
  }
  if (path.length > 1 && path.endsWith('/')) {
    // One leading slash only: "//evil.example/" must not become a redirect to another host.
    const location = `/${path.replace(/^\/+|\/+$/g, '')}${url.search}`;
    return { status: 308, headers: { location }, body: '' };
  }
  return errorReply(path, 404, isApi(path) ? `no API endpoint at ${path}; see /api/openapi.json` : 'There is no page at this address.');
}

const SECURITY_HEADER_LIST = Object.entries(SECURITY_HEADERS);

/** If-None-Match against our (strong) tag: a list of tags or `*`; weak tags compare by value. */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

export function createDatelineServer(options: ServerOptions): Server {
  const cache = new SmallCache(options.archive);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let reply: Reply;
    try {
      reply = await dispatch(req, options, cache);
    } catch (e) {
      const path = (req.url ?? '/').split('?')[0]!;
      if (e instanceof HttpError) {
        reply = errorReply(path, e.status, e.message, e.headers);
      } else {
        // A fault of ours: log it with an id the client can quote; the client sees no details.
        const id = randomUUID().slice(0, 8);
        log(`dateline serve: error ${id} on ${req.method} ${req.url}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        reply = errorReply(path, 500, `internal server error (reference ${id})`);
      }
    }
    if (res.headersSent) return;
    const notModified = reply.status === 200 && reply.headers.etag !== undefined && etagMatches(req.headers['if-none-match'], reply.headers.etag);
    // One writeHead with a flat [name, value, …] list instead of a setHeader per header: the
    // server answers thousands of small pages a second, and each setHeader costs a map update.
    const headers: Array<string | number> = [];
    for (const [k, v] of SECURITY_HEADER_LIST) if (reply.headers[k] === undefined) headers.push(k, v);
    for (const k in reply.headers) if (!(notModified && k === 'content-type')) headers.push(k, reply.headers[k]!);
    if (notModified) { res.writeHead(304, headers); res.end(); return; }
    headers.push('content-length', typeof reply.body === 'string' ? Buffer.byteLength(reply.body) : reply.body.length);
    res.writeHead(reply.status, headers);
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  });
}

export interface RunningServer {
  server: Server;
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  close(): Promise<void>;
}

/** Starts listening; port 0 picks a free port (tests). */
export async function startServer(options: ServerOptions & { host?: string; port?: number }): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const settings: ServerOptions = { ...options };
  const server = createDatelineServer(settings);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => { server.off('error', reject); resolve(); });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 8080;
  if (options.allowedHosts === undefined) settings.allowedHosts = defaultAllowedHosts(host, port);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${port}`,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
