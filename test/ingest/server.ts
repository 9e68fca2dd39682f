// A small news site on 127.0.0.1 for the web-ingest tests: robots.txt, feeds, sitemaps,
// articles, and every way a server can misbehave.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestSite {
  origin: string;
  server: Server;
  /** Requests seen, in order: path and arrival time. */
  log: Array<{ path: string; at: number; headers: IncomingMessage['headers'] }>;
  /** Highest number of requests in flight at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, site: TestSite) => void | Promise<void>;

export async function startSite(routes: Record<string, Handler>): Promise<TestSite> {
  let inFlight = 0;
  const site = { log: [], maxInFlight: 0 } as unknown as TestSite;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    site.log.push({ path, at: Date.now(), headers: req.headers });
    inFlight++;
    site.maxInFlight = Math.max(site.maxInFlight, inFlight);
    res.on('close', () => { inFlight--; });
    const h = routes[path];
    if (!h) { res.writeHead(404, { 'content-type': 'text/html' }); res.end('<h1>Not found</h1>'); return; }
    Promise.resolve(h(req, res, site)).catch(() => { if (!res.headersSent) res.writeHead(500); res.end(); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  site.server = server;
  site.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  return site;
}

export function html(title: string, body: string, opts: { published?: string; charset?: string } = {}): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="${opts.charset ?? 'utf-8'}"><title>${title}</title>
${opts.published ? `<meta property="article:published_time" content="${opts.published}">` : ''}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${title}</h1><p>${body}</p><p>${body} Officials gave more details later in the day, and reporters followed up.</p>
<p>Residents said they were relieved, and the council promised a full review of what had happened.</p></article></main>
<footer>© Test News</footer></body></html>`;
}

export function send(res: ServerResponse, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': type, ...headers });
  res.end(body);
}
