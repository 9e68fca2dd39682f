// The headline: the page's <h1> when the page's own title metadata confirms it (or it is the
// only one), otherwise og:title / JSON-LD headline / <title> with the site name cut off
// ("Headline | Site", "Site - Headline", "Section » Headline"). Like Readability's title logic,
// separators split the title and the part that is not the site name is kept.
import type { AnyNode, Element } from '../dom.js';
import { isElement } from '../dom.js';
import type { Collected } from './collect.js';
import { textOf } from './collect.js';
import {
  RELATED, SEP_END, covered, extendedBy, forgetNorms, isDateLike, isSiteLike, leadingParts, norm, related, splitTitle, stripSiteName, trimSiteEnds, untruncated, withoutDatePrefix, words,
} from './title-strings.js';

export { splitTitle, stripSiteName } from './title-strings.js';

export interface TitleInputs { ldHeadline?: string; siteName?: string; host?: string }

// Kickers ("Immobilienkrise", "Local News |") sit inside many <h1>s but are not part of the headline.
const KICKER_RE = /kicker|roofline|dachzeile|overline|topline|toptitle|eyebrow|supertitle|pretitle|spitzmarke|section|category|rubri|label|flag|breadcrumb/i;

/** A small-print label in front of the headline text: "<h1><small>Tunisia</small> Big tasks ahead</h1>". */
function leadingSmallPrint(h: Element): AnyNode | undefined {
  const kids = h.children.filter((k) => k.type !== 'text' || /\S/.test((k as unknown as { data: string }).data));
  const k = kids[0];
  if (!k || kids.length < 2 || !isElement(k) || !(k.name === 'small' || /small/i.test(k.attribs.class ?? ''))) return undefined;
  return words(textOf(h, 400)) - words(textOf(k, 200)) >= 2 ? k : undefined;
}

/** An element whose text is one link to a site's home page ("/", "/index.html"): a logo, not a headline. */
function readLinksHome(el: Element): boolean {
  const links: Element[] = [];
  const stack: AnyNode[] = [...el.children];
  while (stack.length && links.length < 2) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'a') links.push(n);
    else stack.push(...n.children);
  }
  if (links.length !== 1) return false;
  const a = links[0]!;
  if (textOf(a, 400) !== textOf(el, 400)) return false;
  // Archived pages link through the archive: "https://web.archive.org/web/2014…/http://site/".
  const href = (a.attribs.href ?? '').trim().replace(/^(?:https?:)?\/\/web\.archive\.org\/web\/\d+[a-z_]*\//i, '');
  try {
    const u = new URL(href, 'http://relative.invalid/some/page');
    return /^\/(?:index\.\w+|home)?$/i.test(u.pathname) && !u.search;
  } catch {
    return false;
  }
}

// The title rules read the same <h1>s and headline elements several times each: their readings
// are kept for one pickTitle call (extraction is synchronous; pickTitle starts a fresh set).
let headlineTexts = new Map<Element, string>();
let homeLinked = new Map<Element, boolean>();

/** `read(key)`, computed once per key while `cache` lives (one pickTitle call). */
function remembered<K, V>(cache: Map<K, V>, key: K, read: (key: K) => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = read(key);
    cache.set(key, v);
  }
  return v;
}

/** Text of a headline element without its kicker/label parts. */
const headlineText = (h: Element): string => remembered(headlineTexts, h, readHeadlineText);
const linksHome = (el: Element): boolean => remembered(homeLinked, el, readLinksHome);

function readHeadlineText(h: Element): string {
  const out: string[] = [];
  const stack: AnyNode[] = [h];
  const small = leadingSmallPrint(h);
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out.push((n as unknown as { data: string }).data);
    else if (isElement(n) && n.type === 'tag') {
      if (n !== h && (n === small || KICKER_RE.test(`${n.attribs.class ?? ''} ${n.attribs.id ?? ''}`))) continue;
      if (n.name === 'br') out.push(' ');
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  // Documentation generators append a permalink mark ("Heading¶", "Heading #") to headings.
  const t = out.join('').replace(/\s+/g, ' ').trim().replace(/^[:|–—-]\s*/, '').replace(/\s*[¶§#]$/, '');
  return withoutDatePrefix(t || textOf(h, 400));
}

function metaTitles(c: Collected, inp: TitleInputs, primaryOnly = false): string[] {
  const dc = first(c, 'dc:title') ?? first(c, 'dc.title') ?? first(c, 'dcterms.title') ?? first(c, 'dcterms:title');
  const all = [inp.ldHeadline, dc, first(c, 'og:title'), first(c, 'twitter:title'), first(c, 'parsely-title'), c.title]
    .map((t) => t?.replace(/\s+/g, ' ').trim().slice(0, 500));
  const full = untruncated(all);
  return (primaryOnly ? full.slice(0, 3) : full).filter((t): t is string => !!t);
}


// An <h1> counts as confirmed when at least 40% of its words are in a title field and the two
// overlap well overall (a + b ≥ 1.2): visible headlines and their SEO variants share most words.
const H1_COVER = 0.4;
const H1_SUM = 1.2;

export function pickTitle(c: Collected, inp: TitleInputs): string | undefined {
  headlineTexts = new Map();
  homeLinked = new Map();
  forgetNorms();
  const chosen = chooseTitle(c, inp);
  return chosen === undefined ? undefined : preferShownHeadline(chosen, c, inp);
}

/**
 * The page shows a headline element (class "title"/"headline", outside navigation and teaser
 * lists) whose text is one part of the chosen title: the visible part is the headline.
 * - "Kicker: Headline" chosen, "Headline" shown → "Headline" (the kicker is a label above it);
 * - <title> "Headline - Site" where the chosen <h1> is the "Site" part (a logo) and the
 *   headline element after it shows "Headline" → "Headline";
 * - the chosen title comes from metadata that no element shows, while another metadata
 *   variant (twitter:title, og:title) is shown verbatim → the shown variant.
 */
function preferShownHeadline(chosen: string, c: Collected, inp: TitleInputs): string {
  const shown = c.headlineEls.filter((x) => !x.boiler).map((x) => ({ text: headlineText(x.item), order: x.order }))
    .filter((x) => words(x.text) >= 2 && x.text.length <= 300 && !isSiteLike(x.text, inp.siteName, inp.host) && !isDateLike(x.text));
  if (!shown.length) return chosen;
  const nc = norm(chosen);
  const lc = chosen.toLowerCase();
  const h1 = c.h1s.find((h) => norm(headlineText(h.item)) === nc);
  const pageTitle = c.title?.replace(/\s+/g, ' ').trim().toLowerCase();
  for (const { text, order } of shown) {
    const nt = norm(text);
    if (nt === nc) return chosen;
    const lt = text.toLowerCase();
    if (lc.endsWith(lt) && SEP_END.test(lc.slice(0, lc.length - lt.length))) return text;
    if (h1 && h1.order < order && pageTitle && pageTitle.startsWith(lt) && pageTitle.endsWith(lc)
      && pageTitle.length > lt.length + lc.length && /^\s*(?:[|–—»«·•:~/\\-]|::)\s*$/.test(pageTitle.slice(lt.length, pageTitle.length - lc.length))) return text;
  }
  if (h1) return chosen;
  for (const m of metaTitles(c, inp)) {
    const st = trimSiteEnds(m, inp.siteName, inp.host);
    if (norm(st) !== nc && shown.some((x) => norm(x.text) === norm(st))) return st;
  }
  return chosen;
}

function chooseTitle(c: Collected, inp: TitleInputs): string | undefined {
  const metas = metaTitles(c, inp);
  const h1s = c.h1s.filter((h) => !h.boiler && !linksHome(h.item)).map((h) => headlineText(h.item)).filter((t) => t.length >= 3 && t.length <= 300 && !isDateLike(t));
  const allH1s = c.h1s.map((h) => headlineText(h.item)).filter((t) => t.length >= 3 && t.length <= 300);
  const titleParts = c.title ? splitTitle(c.title) : [];
  const pageTitle = c.title?.replace(/\s+/g, ' ').trim();
  // A meta title that the <title> repeats with one more segment ("X – Y" vs "X – Y | Site") is
  // already free of the site name: keep it whole rather than cutting it at its own dash.
  // Only when no <h1> shows the headline itself (or a part of it: "Kicker – Headline" metadata
  // over an <h1> "Headline" means the visible headline is the shorter one).
  const whole = pageTitle ? metas.find((m) => m !== pageTitle && extendedBy(pageTitle, m) && !isSiteLike(m, inp.siteName, inp.host)) : undefined;
  // An <h1> that the article's own metadata (JSON-LD, Dublin Core, OpenGraph) repeats exactly is
  // the headline as published; twitter:title alone is often a rewritten social-media line.
  const primary = metaTitles(c, inp, true).map(norm);
  const confirmed = (h: string) => primary.includes(norm(h));
  if (whole && !allH1s.some((h) => norm(whole).includes(norm(h)) || confirmed(h))) return whole;
  // An <h1> that the title metadata confirms is the cleanest headline (no site name, no crumbs);
  // with several, the one the metadata confirms best (the site's logo is often an <h1> too).
  const homeLinks = new Set(c.h1s.filter((h) => linksHome(h.item)).map((h) => norm(headlineText(h.item))));
  let best: string | undefined;
  let bestScore = 0;
  // Boilerplate-looking <h1>s (inside a "header"/"share" wrapper) count when no other one is confirmed.
  for (const pool of h1s.length ? [h1s, allH1s] : [allH1s]) {
    for (const h of pool) {
      if (isSiteLike(h, inp.siteName, inp.host) && words(h) < 4) continue;
      // The <h1> is the site-name segment of "Site | Headline" when another segment is wordier.
      // Not when it opens the <title> ("Headline - Long Blog Name"), unless it links to the home page (a logo).
      if (titleParts.some((p) => norm(p) === norm(h)) && titleParts.some((p) => words(p) > words(h) + 1)
        && (norm(titleParts[0]!) !== norm(h) || homeLinks.has(norm(h)))) continue;
      // The <h1> that opens the <title> ("Headline | Blog name") is the headline even when short.
      // (Not a colon: "Blog name: Headline" and "Topic: headline" lead with something else.)
      const leads = pageTitle !== undefined && words(h) >= 2 && pageTitle.toLowerCase().startsWith(h.toLowerCase())
        && /^\s*(?:[|–—»·•~-]|::)\s*\S/.test(pageTitle.slice(h.length));
      for (const t of metas) {
        const a = covered(h, t);
        const b = leads ? 1 : covered(t, h);
        // Mostly the same words: the metadata's wording is often an edited (SEO) variant of the visible headline.
        if (a >= H1_COVER && b >= 0.34 && a + b >= H1_SUM && a + b > bestScore) { best = h; bestScore = a + b; }
      }
    }
    if (best) break;
  }
  if (best) {
    // "Kicker Headline" in one <h1> without markup to tell them apart: the metadata's shorter form.
    if (!confirmed(best)) {
      for (const t of metas) {
        const st = trimSiteEnds(t, inp.siteName, inp.host);
        if (words(st) >= 3 && words(st) < words(best) && norm(best).endsWith(norm(st))) return st;
      }
    }
    return best;
  }
  const stripped = metas.length ? stripSiteName(metas[0]!, inp.siteName, inp.host) : undefined;
  // A single headline-like <h1> beats a title that does not mention it (titles are often
  // SEO-rewritten), as long as it is about the same thing: an unrelated <h1> is a blog's name,
  // a section header or a greeting ("Allergies Health Center", "Hi, I'm Nicolas.").
  // An <h1> that shares most of the title's words but adds many more may be headline plus
  // standfirst in one element; when its class names it the headline ("entry-title") it is one.
  if (h1s.length === 1) {
    const h = h1s[0]!;
    const siteSegment = titleParts.some((p) => norm(p) === norm(h)) && titleParts.some((p) => words(p) > words(h) + 1);
    const el = c.h1s.find((x) => !x.boiler && headlineText(x.item) === h)?.item;
    const marked = el !== undefined && c.headlineEls.some((x) => x.item === el);
    // One word is usually a logo or a section, unless it is a longer form of a one-word title
    // ("Chorgeschichte" over "Geschichte - Choir Name").
    const longerForm = !!stripped && words(stripped) === 1 && norm(h).length > norm(stripped).length && norm(h).includes(norm(stripped));
    if ((words(h) >= 2 || longerForm) && !siteSegment && !isSiteLike(h, inp.siteName, inp.host) && (!stripped || marked || covered(stripped, h) < 0.5)
      && (!stripped || words(stripped) <= 1 || related(h, stripped) >= RELATED || related(h, leadingParts(metas[0]!)) >= RELATED)) return h;
  }
  // A title that is only the site's name says nothing about the page; its first real <h1> does.
  if (stripped && isSiteLike(stripped, inp.siteName, inp.host)) {
    const h = h1s.find((x) => !isSiteLike(x, inp.siteName, inp.host));
    if (h) return h;
    // Nor does an <h1> that is the logo: an element classed as the headline/title is next best.
    const el = c.headlineEls.filter((x) => !x.boiler).map((x) => headlineText(x.item))
      .find((t) => words(t) >= 2 && t.length <= 300 && !isSiteLike(t, inp.siteName, inp.host) && !isDateLike(t));
    if (el) return el;
  }
  // Pages without an <h1> and without article metadata (og:title, JSON-LD) often carry a
  // site-wide or section <title> ("Site | Gas prices"); an element classed as the headline is
  // the article's own. Only one distinct such headline: several are a list of teasers.
  if (!allH1s.length && !metaTitles(c, inp, true).length) {
    const heads = new Set(c.headlineEls.filter((x) => !x.boiler && /headline/i.test(`${x.item.attribs.class ?? ''} ${x.item.attribs.id ?? ''}`))
      .map((x) => headlineText(x.item)).filter((t) => words(t) >= 3 && t.length <= 300 && !isSiteLike(t, inp.siteName, inp.host) && !isDateLike(t)));
    if (heads.size === 1) return [...heads][0]!;
  }
  if (stripped) return stripped;
  const itemHeadline = c.itemprops.get('headline')?.[0];
  if (itemHeadline) return textOf(itemHeadline.item, 400) || itemHeadline.item.attribs.content;
  return h1s[0];
}

function first(c: Collected, key: string): string | undefined {
  return c.metas.get(key)?.[0];
}
