// The headline: the page's <h1> when the page's own title metadata confirms it (or it is the
// only one), otherwise og:title / JSON-LD headline / <title> with the site name cut off
// ("Headline | Site", "Site - Headline", "Section » Headline"). Like Readability's title logic,
// separators split the title and the part that is not the site name is kept.
import type { Collected } from './collect.js';
import { textOf } from './collect.js';

const SEPARATORS = /\s+[|–—»«·•/\\~-]\s+|\s+::\s+|\s*\|\s*/;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\u2018\u2019\u201a\u201b'`´]/g, "'").replace(/[\u201c\u201d\u201e"«»]/g, '"').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function tokens(s: string): string[] {
  return norm(s).split(' ').filter(Boolean);
}

/** Share of `a`'s tokens that occur in `b`. */
function covered(a: string, b: string): number {
  const ta = tokens(a);
  if (!ta.length) return 0;
  const tb = new Set(tokens(b));
  return ta.filter((t) => tb.has(t)).length / ta.length;
}

function isSiteLike(part: string, site: string | undefined, host: string | undefined): boolean {
  const p = norm(part).replace(/\s/g, '');
  if (!p) return true;
  if (site) {
    const s = norm(site).replace(/\s/g, '');
    if (s && (p === s || (p.length > 2 && s.includes(p)) || (s.length > 3 && p.includes(s) && p.length < s.length + 12))) return true;
  }
  if (host) {
    const h = host.replace(/^www\./, '').split('.').slice(0, -1).join('').replace(/[^a-z0-9]/g, '');
    if (h.length > 2 && (p.includes(h) || h.includes(p))) return true;
  }
  return false;
}

/** Cut site names and section crumbs off a title string. */
export function stripSiteName(title: string, site: string | undefined, host: string | undefined): string {
  const parts = title.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title.trim();
  const kept = parts.filter((p) => !isSiteLike(p, site, host));
  if (kept.length === 1) return kept[0]!;
  const pool = kept.length ? kept : parts;
  // Several parts left: the headline is the wordiest; on a tie the first (titles lead with it).
  let best = pool[0]!;
  for (const p of pool) if (words(p) > words(best)) best = p;
  // A first part of several words usually is the headline itself ("Headline - Section - Site").
  if (words(pool[0]!) >= 4 && best !== pool[0] && words(best) < words(pool[0]!) * 2) best = pool[0]!;
  return best;
}

export interface TitleInputs { ldHeadline?: string; siteName?: string; host?: string }

export function pickTitle(c: Collected, inp: TitleInputs): string | undefined {
  const metaTitles = [inp.ldHeadline, first(c, 'og:title'), first(c, 'twitter:title'), c.title].filter((t): t is string => !!t && !!t.trim());
  const h1s = c.h1s.filter((h) => !h.boiler).map((h) => textOf(h.item, 400)).filter((t) => t.length >= 3 && t.length <= 300);
  const allH1s = c.h1s.map((h) => textOf(h.item, 400)).filter((t) => t.length >= 3 && t.length <= 300);
  // An <h1> that the title metadata confirms is the cleanest headline (no site name, no crumbs).
  for (const h of h1s.length ? h1s : allH1s) {
    if (isSiteLike(h, inp.siteName, inp.host) && words(h) < 4) continue;
    if (metaTitles.some((t) => covered(h, t) >= 0.8 && covered(t, h) >= 0.34)) return h;
  }
  const stripped = metaTitles.length ? stripSiteName(metaTitles[0]!, inp.siteName, inp.host) : undefined;
  // A single headline-like <h1> beats a title that does not mention it (titles are often SEO-rewritten).
  if (h1s.length === 1) {
    const h = h1s[0]!;
    if (words(h) >= 2 && !isSiteLike(h, inp.siteName, inp.host) && (!stripped || covered(stripped, h) < 0.5)) return h;
  }
  if (stripped) return stripped;
  const itemHeadline = c.itemprops.get('headline')?.[0];
  if (itemHeadline) return textOf(itemHeadline.item, 400) || itemHeadline.item.attribs.content;
  return h1s[0];
}

function first(c: Collected, key: string): string | undefined {
  return c.metas.get(key)?.[0];
}
