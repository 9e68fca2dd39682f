// The standfirst (lead paragraph): news templates put it in the article header, next to the
// headline, outside the container that holds the rest of the text — so Readability's sibling
// step never sees it. trafilatura keeps it because it extracts the whole <article>; we look
// for it explicitly, backwards from the first element of the content, and prepend it.
import type { PageIndex, Totals } from './analyze.js';
import { HEADING_TAGS } from './hints.js';

/** Class/id words that name a lead paragraph in web templates (many CMSs, several languages' CMS vocabularies). */
const LEDE = /(^|[\s_-])(lead|leadin|lede|intro|introduction|standfirst|excerpt|deck|dek|summary|subtitle|sub-?title|subhead|sub-?headline|chapo|bajada|perex|abstract|teaser-?text|description)([\s_-]|$)/i;
/** …but an image's "description" is a caption and an author box's is a biography: not the lead. */
const NOT_LEDE = /img|image|photo|picture|caption|media|figure|video|gallery|credit|thumb|slide|author|byline|profile|avatar|(^|[\s_-])bio([\s_-]|$)/i;
const IN_AUTHOR_BOX = /author|byline|profile|avatar|(^|[\s_-])bio([\s_-]|$)/i;
/** Header containers: the one "unlikely" ancestor a lead may sit in (Readability strips `header` classes). */
const HEADERISH = /head/i;

/** How far back (elements) and through how much prose (Latin-equivalent characters) to look. */
const MAX_BACK = 400;
const MAX_BETWEEN = 1500;
/** The lead and the content must meet at most this many levels above each. */
const MAX_LEVELS = 7;

/**
 * The page's lead paragraph, or −1: the nearest element before the content (`first`, the first
 * included root) that is named "lead/intro/deck/…" by its class/id (not an image's or an author
 * box's), or is a prose paragraph inside a `<header>`. It reads as prose (not link text), comes
 * after the headline (<h1>) when there is one, meets the content's container a few levels up,
 * and not much other text lies between it and the content. Inside a pruned ("unlikely") subtree
 * it is accepted only when the pruning came from header classes — which is also how a lead
 * inside the content's own pruned header (WordPress's `article > header.entry-header`) is found.
 */
export function findLede(ix: PageIndex, t: Totals, dead: Uint8Array, top: number, first: number): number {
  if (top < 0 || first < 0) return -1;
  const { parent, els } = ix;
  const up = new Map<number, number>();
  for (let a = parent[top]!, k = 1; a >= 0; a = parent[a]!, k++) up.set(a, k);
  // The headline: the last visible <h1> before the content (a lead follows it; a site slogan does not).
  let h1 = -1;
  for (let i = first - 1, stop = Math.max(0, first - MAX_BACK); i >= stop; i--) if (els[i]!.name === 'h1' && t.text[i]! >= 10 && !dead[i]) { h1 = i; break; }

  // 1. Inside the first root: a lead hidden in a pruned header at the top of the content.
  if (dead[first] === 0) {
    let seen = 0;
    let inner = h1;
    for (let i = first + 1, stop = Math.min(ix.end[first]!, first + MAX_BACK); i < stop; i++) {
      if (els[i]!.name === 'h1') inner = i;
      if (!dead[i]) { seen += ix.ownText[i]! - ix.ownLink[i]!; if (seen > MAX_BETWEEN) break; continue; }
      if (i > inner && isLede(i, first, true)) return i;
    }
  }
  // 2. Before the content, nearest first — unless the content starts with the headline itself.
  for (let i = first + 1, stop = Math.min(ix.end[first]!, first + MAX_BACK); i < stop; i++) {
    if (dead[i]) continue;
    if (els[i]!.name === 'h1' && t.text[i]! >= 10) return -1;
    if (ix.ownText[i]! - ix.ownLink[i]! >= 80) break; // the text began: a later <h1> is a subheading
  }
  let between = 0;
  for (let i = first - 1, stop = Math.max(0, first - MAX_BACK); i >= stop; i--) {
    if (ix.end[i]! > first) continue; // an ancestor of the content
    // Prose between them (paragraph-sized runs; lists of short headlines do not separate).
    const own = ix.ownText[i]! - ix.ownLink[i]!;
    if (!dead[i] && own >= 80 && !HEADING_TAGS.has(els[i]!.name)) between += own;
    if (between > MAX_BETWEEN || i < h1) return -1;
    if (isLede(i, -1, false)) return i;
  }
  return -1;

  /** Is element i a lead? `root` ≥ 0: it lies inside that root (a dead one must be named). */
  function isLede(i: number, root: number, mustBeDead: boolean): boolean {
    const el = els[i]!;
    const ci = el.attribs.class ?? el.attribs.id ?? '';
    if (ci !== '' && NOT_LEDE.test(ci)) return false;
    const named = ci !== '' && LEDE.test(ci);
    if (!named && (el.name !== 'p' || mustBeDead)) return false;
    // (a lead is running text: not a figure, not a list of facts such as "started by X · date")
    if (el.name === 'figure' || el.name === 'figcaption' || t.img[i]! > 0 || t.li[i]! > 0 || ix.unlikely[i]) return false;
    const len = t.text[i]!;
    if (len < (named ? 40 : 80) || len > 1500 || t.link[i]! / len > (named ? 0.3 : 0.2)) return false;
    // Where does it meet the content, and what lies on its way up?
    let inHeader = false;
    let a = parent[i]!;
    let k = 1;
    for (; a >= 0 && (root >= 0 ? a !== root : !up.has(a)); a = parent[a]!, k++) {
      const e = els[a]!;
      const aci = (e.attribs.class ?? '') + ' ' + (e.attribs.id ?? '');
      if (IN_AUTHOR_BOX.test(aci)) return false;
      if (e.name === 'header' || HEADERISH.test(aci)) inHeader = true;
      else if (ix.unlikely[a]) return false;
    }
    if (a < 0 || k > MAX_LEVELS) return false;
    if (root >= 0) return inHeader;
    const meet = els[a]!.name;
    // Meeting only at <body> is close enough when the content is near it (a shallow template).
    if ((meet === 'body' || meet === 'html') && up.get(a)! > 3) return false;
    if (up.get(a)! > MAX_LEVELS) return false;
    if (dead[a] && !inHeader) return false;
    return named || inHeader;
  }
}
