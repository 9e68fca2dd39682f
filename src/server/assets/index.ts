// Static assets, all served from this server (no CDN, no web fonts). Each URL carries a content
// hash, so browsers may cache them for good and a new version is fetched when it changes.
import { createHash } from 'node:crypto';
import type { RequestContext } from '../context.js';
import { HttpError, API_CSP, type Reply } from '../http.js';
import { STYLE_CSS } from './style.js';
import { TIME_JS } from './time-script.js';

const FAVICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4f91"/><text x="16" y="23" font-family="Georgia,serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">D</text></svg>';

interface Asset { body: string; type: string; hash: string }

function asset(body: string, type: string): Asset {
  return { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 10) };
}

const ASSETS: Record<string, Asset> = {
  'style.css': asset(STYLE_CSS, 'text/css; charset=utf-8'),
  'time.js': asset(TIME_JS, 'text/javascript; charset=utf-8'),
  'favicon.svg': asset(FAVICON_SVG, 'image/svg+xml'),
};

/** The versioned URL of an asset, e.g. /assets/style.css?v=3f2a… */
export function assetUrl(name: keyof typeof ASSETS & string): string {
  return `/assets/${name}?v=${ASSETS[name]!.hash}`;
}

export function serveAsset(ctx: RequestContext): Reply {
  const found = Object.prototype.hasOwnProperty.call(ASSETS, ctx.params.name!) ? ASSETS[ctx.params.name!] : undefined;
  if (!found) throw new HttpError(404, 'There is no such file.');
  return {
    status: 200,
    headers: {
      'content-type': found.type,
      'content-security-policy': API_CSP,
      'cache-control': ctx.url.searchParams.get('v') === found.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      etag: `"${found.hash}"`,
    },
    body: found.body,
  };
}
