// URL identity for the archive: two addresses of the same page must key the same article.
// We normalise what servers ignore (scheme/host case, default port, fragment, trailing
// dot, tracking parameters, parameter order) and keep everything else, because a path or
// a non-tracking parameter can select a different article.

/** Query parameters that only track the click, never select content. */
const TRACKING = new Set([
  'fbclid', 'gclid', 'dclid', 'gclsrc', 'msclkid', 'yclid', 'mc_cid', 'mc_eid', 'igshid', 'twclid', 'ttclid',
  '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'rb_clickid', 's_cid',
  'ncid', 'cmpid', 'ocid', 'ref_src', 'ref_url', 'smid', 'sr_share', 'at_medium', 'at_campaign', 'wt_mc', 'wt.mc_id',
]);

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING.has(n);
}

/**
 * The canonical form of an http(s) URL, or undefined when `raw` is not one.
 * `https://WWW.Example.com:443/a?b=2&utm_source=x&a=1#top` → `https://www.example.com/a?a=1&b=2`.
 */
export function canonicalizeUrl(raw: string, base?: string): string | undefined {
  let u: URL;
  try {
    u = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  u.username = '';
  u.password = '';
  // URL already lower-cases the host and drops default ports; a trailing dot names the same host.
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
  const kept = [...u.searchParams].filter(([k]) => !isTracking(k));
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  u.search = kept.length ? new URLSearchParams(kept).toString() : '';
  if (!u.pathname) u.pathname = '/';
  return u.toString();
}

/** Host name of a URL, lower-cased, without a leading `www.`; undefined for non-http(s) URLs. */
export function siteOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return normalizeSite(u.hostname);
  } catch {
    return undefined;
  }
}

export function normalizeSite(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^www\d?\./, '');
}

/**
 * Whether a page's own canonical link may be trusted as the article's identity. Pages often
 * point it at the home page or a section front (which would merge every article into one),
 * and syndicated copies point it at the original outlet (which would hide the copy), so only
 * a same-site link to a real path counts.
 */
export function acceptableCanonical(pageUrl: string | undefined, canonical: string): boolean {
  let c: URL;
  try {
    c = new URL(canonical);
  } catch {
    return false;
  }
  if (c.pathname === '/' || c.pathname === '') return false;
  // Templates that point every page at the front page under another name.
  if (/^\/(index|default|home|start|main)(\.\w+)?$/i.test(c.pathname)) return false;
  if (!pageUrl) return true;
  const a = siteOf(pageUrl);
  return a === undefined || a === siteOf(canonical);
}
