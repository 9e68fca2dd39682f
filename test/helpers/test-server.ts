// A small HTTP server on 127.0.0.1 for fetch and CLI tests: fixed routes that misbehave on purpose
// (redirect chains, 404, slow, oversized, truncated, compressed, 429 with Retry-After).
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

export const ARTICLE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour reopens after storm | Test Times</title>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="article:published_time" content="2025-10-15T19:36:00+06:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour reopens after storm</h1>
<p>The city harbour reopened on Wednesday after three days of closure caused by the storm that swept the coast.</p>
<p>Port officials said the damage to the piers was lighter than feared and that ferries would run on the normal timetable from Thursday morning.</p>
<p>Fishermen, who lost a week of work, welcomed the news but asked for help with repairs to their boats.</p>
</article><footer>Copyright Test Times</footer></body></html>`;

export interface TestServer {
  base: string;
  hits: Map<string, number>;
  lastHeaders: Map<string, http.IncomingHttpHeaders>;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const hits = new Map<string, number>();
  const lastHeaders = new Map<string, http.IncomingHttpHeaders>();
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    lastHeaders.set(path, req.headers);
    const html = (body: string | Buffer, extra: http.OutgoingHttpHeaders = {}) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...extra });
      res.end(body);
    };
    let m: RegExpMatchArray | null;
    if (path === '/article') return html(ARTICLE_HTML);
    if ((m = /^\/redirect\/(\d+)$/.exec(path))) {
      const left = Number(m[1]);
      res.writeHead(302, { location: left > 1 ? `/redirect/${left - 1}` : '/article' });
      return res.end();
    }
    if (path === '/loop') { res.writeHead(301, { location: '/loop2' }); return res.end(); }
    if (path === '/loop2') { res.writeHead(301, { location: '/loop' }); return res.end(); }
    if (path === '/to-ftp') { res.writeHead(302, { location: 'ftp://example.com/x' }); return res.end(); }
    if (path === '/to-metadata') { res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }); return res.end(); }
    if (path === '/missing') { res.writeHead(404, { 'content-type': 'text/html' }); return res.end('<h1>Not found</h1>'); }
    if (path === '/slow') {
      const t = setTimeout(() => html(ARTICLE_HTML), 10_000);
      res.on('close', () => clearTimeout(t));
      return;
    }
    if (path === '/slow-body') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>start');
      const t = setTimeout(() => res.end('</p></body></html>'), 10_000);
      res.on('close', () => clearTimeout(t));
      return;
    }
    if (path === '/big') return html(Buffer.alloc(300_000, 'a'));
    if (path === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 30; i++) res.write(Buffer.alloc(10_000, 'b'));
      return res.end();
    }
    if (path === '/gzip') return html(zlib.gzipSync(ARTICLE_HTML), { 'content-encoding': 'gzip' });
    if (path === '/br') return html(zlib.brotliCompressSync(ARTICLE_HTML), { 'content-encoding': 'br' });
    if (path === '/deflate') return html(zlib.deflateSync(ARTICLE_HTML), { 'content-encoding': 'deflate' });
    if (path === '/deflate-raw') return html(zlib.deflateRawSync(ARTICLE_HTML), { 'content-encoding': 'deflate' });
    if (path === '/gzip-bomb') return html(zlib.gzipSync(Buffer.alloc(5_000_000, 0x20)), { 'content-encoding': 'gzip' });
    if (path === '/bad-gzip') return html(Buffer.from('this is not gzip at all'), { 'content-encoding': 'gzip' });
    if (path === '/truncated') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
      res.write('<html><body><p>only part');
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    if (path === '/truncated-gzip') {
      const gz = zlib.gzipSync(ARTICLE_HTML);
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(gz.length) });
      res.write(gz.subarray(0, 40));
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    if (path === '/flaky') {
      if (n <= 2) { res.writeHead(503, { 'retry-after': '0' }); return res.end('busy'); }
      return html(ARTICLE_HTML);
    }
    if (path === '/rate-limited') { res.writeHead(429, { 'retry-after': '3600' }); return res.end(); }
    if (path === '/always-500') { res.writeHead(500); return res.end(); }
    if (path === '/etag') {
      if (req.headers['if-none-match'] === '"v1"') { res.writeHead(304, { etag: '"v1"' }); return res.end(); }
      return html(ARTICLE_HTML, { etag: '"v1"' });
    }
    if (path === '/text') { res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }); return res.end('World\n\nHeadline here\n\nA paragraph of crawl text that is long enough to be the body of the story here.\n'); }
    if (path === '/latin1') {
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      return res.end(Buffer.from('<html><head><title>Caf\xe9 ouvert</title></head><body><article><p>Le caf\xe9 de la place a rouvert ses portes ce matin apr\xe8s des travaux qui ont dur\xe9 tout l\'\xe9t\xe9 et les habitants sont ravis.</p></article></body></html>', 'latin1'));
    }
    res.writeHead(404);
    res.end();
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    lastHeaders,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
