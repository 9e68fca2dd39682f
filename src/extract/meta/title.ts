// The headline: the page's <h1> when the page's own title metadata confirms it (or it is the
// only one), otherwise og:title / JSON-LD headline / <title> with the site name cut off
// ("Headline | Site", "Site - Headline", "Section » Headline"). Like Readability's title logic,
// separators split the title and the part that is not the site name is kept.
import type { AnyNode, Element } from '../dom.js';
import { isElement } from '../dom.js';
import type { Collected } from './collect.js';
import { textOf } from './collect.js';

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
function linksHome(el: Element): boolean {
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

/** Text of a headline element without its kicker/label parts. */
function headlineText(h: Element): string {
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

const SEPARATORS = /\s+[|–—»«·•/\\~-]\s+|\s+::\s+|\s*[|│┃｜]\s*/;
/** Split a title at its separators, but not inside a date range ("14. - 20. Januar 2022", "3 – 5 May"). */
export function splitTitle(title: string): string[] {
  const raw = title.split(SEPARATORS);
  const out: string[] = [];
  for (const part of raw) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /(?:^|\s)\d{1,2}\.?$/.test(prev.trim()) && /^\d{1,2}\.?(?:\s|$)/.test(part.trim())) out[out.length - 1] = `${prev.trim()} - ${part.trim()}`;
    else out.push(part);
  }
  return out.map((p) => p.trim()).filter(Boolean);
}

/** "23.01.2022 - Headline", "Monday, 3 May 2021 | Headline": a date in front of the headline is not part of it. */
function withoutDatePrefix(t: string): string {
  const m = /^(.{4,32}?)\s+[-–—|·•]\s+(?=\S)/.exec(t);
  if (!m || !isDate(m[1]!) || !/\p{L}{2}/u.test(t.slice(m[0].length))) return t;
  return t.slice(m[0].length).trim();
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\u2018\u2019\u201a\u201b'`´]/g, "'").replace(/[\u201c\u201d\u201e"«»]/g, '"').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function tokens(s: string): string[] {
  return norm(s).split(' ').filter(Boolean);
}

/** Same word up to its ending ("Finanzierung"/"Finanzieren", "Leasing"/"Leasen"): a long shared start. */
function sameStem(x: string, y: string): boolean {
  const min = Math.min(x.length, y.length);
  if (min < 5) return false;
  let i = 0;
  while (i < min && x[i] === y[i]) i++;
  return i >= Math.max(4, Math.ceil(0.6 * min));
}

/** Share of `a`'s tokens that occur in `b` (inflected forms count). */
function covered(a: string, b: string): number {
  const ta = tokens(a);
  if (!ta.length) return 0;
  const list = tokens(b);
  const tb = new Set(list);
  return ta.filter((t) => tb.has(t) || list.some((u) => sameStem(t, u))).length / ta.length;
}

function isSiteLike(part: string, site: string | undefined, host: string | undefined): boolean {
  const p = norm(part).replace(/\s/g, '');
  if (!p) return true;
  if (site) {
    const s = norm(site).replace(/\s/g, '');
    // A part that contains the site name is the site ("BBC News" for "BBC") unless it says more:
    // a headline that mentions the site ("… @ Blog name") has several words of its own.
    if (s && (p === s || (p.length > 2 && s.includes(p)) || (s.length > 3 && p.includes(s) && p.length < s.length + 12 && words(norm(part)) <= words(norm(site)) + 2))) return true;
  }
  if (host) {
    const h = host.replace(/^www\./, '').split('.').slice(0, -1).join('').replace(/[^a-z0-9]/g, '');
    if (h.length > 2 && (p.includes(h) || h.includes(p))) return true;
  }
  return false;
}

/** Cut site names and section crumbs off a title string. */
export function stripSiteName(title: string, site: string | undefined, host: string | undefined): string {
  const parts = splitTitle(title);
  if (parts.length < 2) return title.trim();
  const kept = parts.filter((p, i) => !isSiteLike(p, site, host) && !(i === 0 && isDate(p)));
  if (kept.length === 1) return kept[0]!;
  const pool = kept.length ? kept : parts;
  // Several parts left: the headline is the wordiest; on a tie the first (titles lead with it).
  let best = pool[0]!;
  for (const p of pool) if (words(p) > words(best)) best = p;
  // A first part of several words usually is the headline itself ("Headline - Section - Site").
  if (words(pool[0]!) >= 4 && best !== pool[0] && words(best) < words(pool[0]!) * 2) best = pool[0]!;
  return best;
}

/** "20. Januar 2022", "Monday, 3 May": an <h1> that is a date line, not a headline. */
function isDateLike(t: string): boolean {
  return t.length < 40 && /\d/.test(t) && /^[\p{L}\d\s.,:/-]+$/u.test(t) && words(t) <= 5 && /\b(19|20)\d{2}\b|\d{1,2}[./]\d{1,2}/.test(t);
}

/** Strictly a date: "23.01.2022", "2022-01-23", "Monday, 3 May 2021", "20. Januar 2022" (a day and a
 * year, at most two words besides); "Peking 2022" or "Release 4.47.4" are not. */
function isDate(t: string): boolean {
  const s = t.trim();
  if (/^\(?(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{4}\/\d{2}\/\d{2})\)?$/.test(s)) return true;
  if (!/\b(?:19|20)\d{2}\b/.test(s) || !/(?:^|\D)\d{1,2}(?:\D|$)/.test(s.replace(/\b(?:19|20)\d{2}\b/, ''))) return false;
  const rest = s.replace(/[\d\s.,/-]+/g, ' ').trim();
  return s.length <= 32 && (rest === '' || (words(rest) <= 2 && /^[\p{L}\s]+$/u.test(rest)));
}

/** Drop site-name segments at either end only ("Headline - part | Site" → "Headline - part"). */
function trimSiteEnds(title: string, site: string | undefined, host: string | undefined): string {
  const m = /^(.*?)(?:\s+[|–—»·•-]\s+|\s*\|\s*)([^|–—»·•]*)$/.exec(title);
  if (m && isSiteLike(m[2]!, site, host)) return m[1]!.trim();
  const f = /^([^|–—»·•]*?)(?:\s+[|–—»·•-]\s+|\s*\|\s*)(.*)$/.exec(title);
  if (f && isSiteLike(f[1]!, site, host)) return f[2]!.trim();
  return title.trim();
}

export interface TitleInputs { ldHeadline?: string; siteName?: string; host?: string }

/** Letter trigrams of a string (script-neutral: works for CJK and for compounds like "Autofinanzierung"). */
function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of norm(s).split(' ')) for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
  return out;
}

/** Share of `a`'s letter trigrams found in `b`: "is `a` about the same thing as `b`". */
function related(a: string, b: string): number {
  const ta = trigrams(a);
  if (!ta.size) return 0;
  const tb = trigrams(b);
  let n = 0;
  for (const t of ta) if (tb.has(t)) n++;
  return n / ta.size;
}

// "About the same thing": a third of the letter trigrams shared is too loose (one shared word
// plus an "-ies" ending: "Allergies Health Center" vs "… Avoid Allergy"); real rewordings share more.
const RELATED = 0.35;

const SEP_START = /^\s*(?:[|–—»«·•:~/\\-]|::)\s*\S/;
const SEP_END = /\S\s*(?:[|–—»«·•:~/\\-]|::)\s*$/;

/** `full` is `part` plus one more separated segment at either end ("Headline – Sub | Site" vs "Headline – Sub"). */
function extendedBy(full: string, part: string): boolean {
  const f = full.toLowerCase();
  const p = part.toLowerCase();
  if (f.length <= p.length + 1 || words(p) < 2) return false;
  if (f.startsWith(p) && SEP_START.test(f.slice(p.length))) return true;
  return f.endsWith(p) && SEP_END.test(f.slice(0, f.length - p.length));
}

/** A title without its last segment, where site names usually sit ("A – B | Site" → "A – B"). */
function leadingParts(title: string): string {
  const parts = splitTitle(title);
  return parts.length > 1 ? parts.slice(0, -1).join(' ') : title;
}

function metaTitles(c: Collected, inp: TitleInputs, primaryOnly = false): string[] {
  const dc = first(c, 'dc:title') ?? first(c, 'dc.title') ?? first(c, 'dcterms.title') ?? first(c, 'dcterms:title');
  const all = [inp.ldHeadline, dc, first(c, 'og:title'), first(c, 'twitter:title'), first(c, 'parsely-title'), c.title]
    .map((t) => t?.replace(/\s+/g, ' ').trim().slice(0, 500));
  const full = untruncated(all);
  return (primaryOnly ? full.slice(0, 3) : full).filter((t): t is string => !!t);
}

/**
 * Title fields cut to a length limit ("Flint tool adds to evidence of complex thinkin",
 * "… complex…"; JSON-LD headlines are often capped at 110 characters) replaced by another
 * field that continues them.
 */
function untruncated(list: Array<string | undefined>): Array<string | undefined> {
  return list.map((t) => {
    if (!t) return t;
    const core = t.replace(/\s*(?:…|\.{3})$/, '');
    const cut = core !== t;
    if (core.length < 20) return t;
    const lc = core.toLowerCase();
    for (const u of list) {
      if (!u || u.length <= core.length + 1 || !u.toLowerCase().startsWith(lc)) continue;
      // Cut mid-word, or marked with an ellipsis; "Headline | Site" merely extends a clean "Headline".
      if (cut || /^[\p{L}\p{N}]/u.test(u.slice(core.length))) return u;
    }
    return t;
  });
}

// An <h1> counts as confirmed when at least 40% of its words are in a title field and the two
// overlap well overall (a + b ≥ 1.2): visible headlines and their SEO variants share most words.
const H1_COVER = 0.4;
const H1_SUM = 1.2;

export function pickTitle(c: Collected, inp: TitleInputs): string | undefined {
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
