// Responses, errors and the security headers every response carries.
import type { IncomingMessage } from 'node:http';

/** An error whose message is safe and useful to show the client (400 bad parameter, 404 unknown id, …). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/**
 * Pages: only our own scripts, styles and fonts; article images may come from any https host
 * (they are the article's own pictures; a local image proxy would be the stricter alternative),
 * never data: or http:. No plugins, no <base>, forms post only to us, nobody may frame us.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON and assets: nothing is ever rendered from them as a document. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  // Outlets do not learn which archive page (and search query) a reader came from.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
};

export function json(value: unknown, status = 200, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-security-policy': API_CSP, 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(value),
  };
}

export function htmlPage(markup: string, status = 200): Reply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP, 'cache-control': 'no-cache' },
    body: markup,
  };
}

/** A kept page (page-cache.ts) as a reply: its ETag lets browsers revalidate with a 304. */
export function keptPageReply(page: { body: Buffer; etag: string }): Reply {
  const reply = htmlPage('');
  reply.headers.etag = page.etag;
  reply.body = page.body;
  return reply;
}

export function redirect(location: string, status = 303): Reply {
  return { status, headers: { location, 'content-type': 'text/plain; charset=utf-8' }, body: `See ${location}\n` };
}

/** Reads a request body up to `limit` bytes; larger bodies are refused with 413 without buffering them. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `request body too large: the limit is ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `request body too large: the limit is ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
