// POST /api/ingest: add pages to the archive over HTTP. Off unless DATELINE_TOKEN is set;
// callers authenticate with `Authorization: Bearer <token>`. Body (JSON):
//   {"urls": ["https://…", …]}                        fetch and ingest articles/feeds/sitemaps
//   {"pages": [{"url": "https://…", "html": "…"}]}     ingest raw HTML the caller already has
// Both may be combined. URLs pointing into private networks are refused unless --allow-private.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IngestPage, RequestContext } from './context.js';
import { HttpError, json, readBody, type Reply } from './http.js';
import { refuseReason } from './private-address.js';

const MAX_BODY = 16 * 1024 * 1024;
const MAX_URLS = 1000;
const MAX_PAGES = 500;

function tokenMatches(given: string, expected: string): boolean {
  // Compare digests so the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function authorise(ctx: RequestContext): void {
  const expected = ctx.options.token;
  if (!expected) {
    throw new HttpError(403, 'ingest over HTTP is disabled: start the server with the DATELINE_TOKEN environment variable set, then send Authorization: Bearer <token>');
  }
  const header = ctx.req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new HttpError(401, 'missing bearer token: send Authorization: Bearer <DATELINE_TOKEN>', { 'www-authenticate': 'Bearer realm="dateline"' });
  if (!tokenMatches(m[1]!, expected)) throw new HttpError(401, 'wrong bearer token', { 'www-authenticate': 'Bearer realm="dateline", error="invalid_token"' });
}

function parseRequest(body: Buffer): { urls: string[]; pages: IngestPage[] } {
  let data: unknown;
  try { data = JSON.parse(body.toString('utf8')); } catch { throw new HttpError(400, 'request body must be JSON: {"urls": [...]} or {"pages": [{"url", "html"}]}'); }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new HttpError(400, 'request body must be a JSON object with "urls" and/or "pages"');
  const { urls = [], pages = [] } = data as { urls?: unknown; pages?: unknown };
  if (!Array.isArray(urls) || !urls.every((u) => typeof u === 'string')) throw new HttpError(400, '"urls" must be an array of strings');
  if (!Array.isArray(pages)) throw new HttpError(400, '"pages" must be an array of {"url", "html"} objects');
  if (!urls.length && !pages.length) throw new HttpError(400, 'nothing to ingest: give "urls" or "pages"');
  if (urls.length > MAX_URLS) throw new HttpError(400, `too many urls: ${MAX_URLS} at most per request`);
  if (pages.length > MAX_PAGES) throw new HttpError(400, `too many pages: ${MAX_PAGES} at most per request`);
  const cleanPages: IngestPage[] = pages.map((p: unknown, i) => {
    const page = p as { url?: unknown; html?: unknown; published?: unknown } | null;
    if (!page || typeof page.html !== 'string') throw new HttpError(400, `pages[${i}].html must be a string`);
    if (typeof page.url !== 'string') throw new HttpError(400, `pages[${i}].url is required: the page's original http(s) address`);
    if (page.published !== undefined && typeof page.published !== 'string') throw new HttpError(400, `pages[${i}].published must be a string`);
    if (!/^https?:\/\/[^/]/i.test(page.url)) throw new HttpError(400, `pages[${i}].url must be an http(s) URL`);
    return { html: page.html, url: page.url, published: page.published as string | undefined };
  });
  return { urls: urls as string[], pages: cleanPages };
}

export async function ingest(ctx: RequestContext): Promise<Reply> {
  authorise(ctx);
  const type = ctx.req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'send the request body as application/json');
  const request = parseRequest(await readBody(ctx.req, MAX_BODY));
  const allowPrivate = ctx.options.allowPrivate === true;
  if (!allowPrivate) {
    const reasons = await Promise.all(request.urls.map(async (u) => ({ url: u, reason: await refuseReason(u) })));
    const refused = reasons.filter((r) => r.reason);
    if (refused.length) return json({ error: 'some URLs were refused', refused }, 400);
  }
  if (!ctx.options.ingest) {
    throw new HttpError(501, 'this server cannot ingest: the archive it was started with has no ingest support; use `dateline ingest` on the command line');
  }
  const summary = await ctx.options.ingest({ ...request, allowPrivate });
  return json(summary ?? { ok: true });
}
