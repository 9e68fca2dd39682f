// One linear pass over the DOM that gathers everything the metadata steps weigh: <meta> values,
// JSON-LD blocks, <time> and itemprop elements, headline and byline candidates, and short text
// lines that may be date lines. Later steps only look at these small lists, never the whole tree.
import type { AnyNode, ChildNode, Document, Element } from '../dom.js';
import { isElement } from '../dom.js';

export interface Positioned<T> {
  item: T;
  order: number;
  boiler: boolean;
  /** Inside a comment thread or the page footer: not the article's own date, not even as a last resort. */
  hard?: 'comment' | 'footer';
}

export interface Collected {
  /** <meta> content by lower-cased name / property / itemprop / http-equiv, in document order. */
  metas: Map<string, string[]>;
  ldJson: string[];
  /** Other inline scripts (page state such as __NEXT_DATA__), by reference; read only as a last resort. */
  scripts: string[];
  title?: string;
  htmlLang?: string;
  baseHref?: string;
  links: Map<string, string[]>;
  /** rel=author elements (their text). */
  relAuthors: string[];
  h1s: Array<Positioned<Element>>;
  /** Elements whose class/id says headline/title, for pages without a usable <h1>. */
  headlineEls: Array<Positioned<Element>>;
  times: Array<Positioned<Element>>;
  itemprops: Map<string, Array<Positioned<Element>>>;
  /** Elements whose class/id says date/time/published. */
  dateEls: Array<Positioned<Element>>;
  /** Elements whose class/id/rel says author/byline. */
  bylineEls: Array<Positioned<Element>>;
  /** Short visible text nodes that contain a digit (date-line candidates). */
  lines: Array<Positioned<string>>;
  /** Order number of every element visited (for "after the headline" checks). */
  total: number;
}

const CAP = { h1: 10, headline: 10, time: 80, itemprop: 40, dateEls: 80, byline: 40, lines: 4000 };
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'select', 'textarea']);
// A class or id token that starts or ends with one of these words marks a region whose dates and
// names are not the article's ("comment-list", "site-footer", "sidebar"); "has-sidebar" on <body> does not.
const STRONG_WORDS = '(?:comments?|kommentare?|related|recommend(?:ed|ations)?|widget[-_]\\w+|popular|more-?stories|newsletter|breadcrumbs?|navigation|navbar|nav|menu|social|share|sharing|livefyre|disqus|replies|respond|pagination|archives?|blogroll)';
const STRONG_RE = new RegExp(`^${STRONG_WORDS}(?:[-_].*)?$|[-_]${STRONG_WORDS}$`, 'i');
// Footers, asides and sidebars are boilerplate at page level, but inside an article they hold its
// date and byline ("post-sidebar", "podcast-description__sidebar").
const WEAK_RE = /^(?:site-?)?(?:footer|sidebar)(?:[-_].*)?$|[-_](?:footer|sidebar)$/i;
const WEAK_TAGS = new Set(['footer', 'aside']);
const COMMENT_RE = /comment|kommentar|disqus|livefyre|replies|respond/i;
const ARTICLE_RE = /^(?:h?entry|post|article|story|blog-?post|news-?(?:single|detail|article))(?:[-_](?!.*(?:list|teaser|related|grid|card|nav|preview|excerpt)).*)?$/i;
// Taxonomy classes ("post_tag-kommentar", "category-social") name topics, not page regions; layout
// modifiers ("has-double-sidebar", "no-sidebars", "with-comments") describe a region's neighbours.
const TAXONOMY_RE = /^(?:category|tag|post_tag|topic|section|term|rubrik|ressort|has|with|no|show)[-_]/i;
const NEVER_BOILER = new Set(['html', 'body', 'main', 'article']);
const DATE_CLASS_RE = /date|time|datum|publi|posted|fecha|dateline|zeit|erstellt|meta|byline|info|stamp|calendar|data/i;
const BYLINE_CLASS_RE = /author|byline|autor|auteur|writer|reporter|journalist|creator|verfasser/i;
const HEADLINE_CLASS_RE = /headline|entry-title|post-title|article-title|article__title|story-title|title/i;

/** A date needs a 4-digit year or a d.m.yy form; cheaper to test than the date patterns. */
const MAY_HOLD_DATE = /\d{4}|\d[./-]\d{1,2}[./-]\d\d/;
/** One test for "might this class/id matter at all" before the specific ones. */
const ANY_CLASS_RE = /date|time|datum|publi|posted|fecha|zeit|erstellt|meta|byline|info|stamp|calendar|data|author|autor|auteur|writer|reporter|journalist|creator|verfasser|title|headline|comment|kommentar|sidebar|related|recommend|widget|popular|stories|newsletter|breadcrumb|nav|menu|social|share|sharing|livefyre|disqus|replies|respond|pagination|archive|blogroll|footer|article|post|entry|story|news/i;


// What an element's tag name means to the walk, as bits: one Map lookup per element, then integer
// tests. (Comparing the name with a dozen literals would, besides costing more, de-optimise the
// walk each time a tag name that is not an interned string, such as a custom element, first
// reaches another comparison.)
const T_SCRIPT = 1, T_META = 2, T_SKIP = 4, T_TITLE = 8, T_HTML = 16, T_BASE = 32, T_LINK = 64, T_A = 128, T_H1 = 256, T_TIME = 512;
const T_NEVER_BOILER = 1024, T_NAV = 2048, T_WEAK = 4096, T_FOOTER = 8192, T_ARTICLE = 16384, T_BODY_HTML = 32768, T_BODY = 65536, T_HEADLINE = 131072;
/** Names whose elements are read where they stand (not walked into). */
const T_LEAF = T_SCRIPT | T_META | T_SKIP | T_TITLE;
/** Names that always take the slow path (their kids' flags or the candidate lists may change). */
const T_PLACED = T_H1 | T_TIME | T_NAV | T_WEAK | T_FOOTER | T_ARTICLE;
const TAG_BITS = new Map<string, number>();
const tagBits = (names: Iterable<string>, bit: number): void => { for (const n of names) TAG_BITS.set(n, (TAG_BITS.get(n) ?? 0) | bit); };
tagBits(['script'], T_SCRIPT);
tagBits(['meta'], T_META);
tagBits([...SKIP].filter((n) => n !== 'script'), T_SKIP);
tagBits(['title'], T_TITLE);
tagBits(['html'], T_HTML | T_BODY_HTML);
tagBits(['base'], T_BASE);
tagBits(['link'], T_LINK);
tagBits(['a'], T_A);
tagBits(['h1'], T_H1);
tagBits(['time'], T_TIME);
tagBits(NEVER_BOILER, T_NEVER_BOILER);
tagBits(['nav'], T_NAV);
tagBits(WEAK_TAGS, T_WEAK);
tagBits(['footer'], T_FOOTER);
tagBits(['article'], T_ARTICLE);
tagBits(['body'], T_BODY_HTML | T_BODY);
tagBits(['h1', 'h2', 'h3', 'div', 'span', 'p', 'header'], T_HEADLINE);

// Walk flags: 1 = in boilerplate, 2 = in an article, 4 = in a footer, 8 = in a comment thread.
const F_BOILER = 1, F_ARTICLE = 2, F_FOOTER = 4, F_COMMENT = 8;

export function collect(doc: Document): Collected {
  // Every field is present from the start (the optional ones undefined): were title/htmlLang/baseHref
  // added as a page happens to meet them, pages would give `c` one of many shapes, and every
  // access to `c` in this walk would turn polymorphic and deoptimise again and again.
  const c: Collected = {
    metas: new Map(), ldJson: [], scripts: [], title: undefined, htmlLang: undefined, baseHref: undefined, links: new Map(),
    relAuthors: [], h1s: [], headlineEls: [], times: [], itemprops: new Map(), dateEls: [], bylineEls: [], lines: [], total: 0,
  };
  // Two parallel stacks (node, flags) instead of one object per node: this walk visits every node.
  // The hot loop stays small (text nodes and plain elements); everything rarer is a call, so the
  // compiler optimises it once, early, and a rare case met late re-optimises only its own function.
  const stack: ChildNode[] = [];
  const flags: number[] = [];
  pushKids(stack, flags, doc.children, 0);
  let order = 0;
  while (stack.length) {
    const node = stack.pop()!;
    const f = flags.pop()!;
    if (node.type === 'text') {
      const data = node.data;
      // (Under 6 characters it cannot make a line; most such nodes are the spacing between tags.)
      if (data.length >= 6 && c.lines.length < CAP.lines && textLine(c, data, f, order)) order++;
      continue;
    }
    const el = node;
    const t = TAG_BITS.get(el.name) ?? 0;
    const pos = order++;
    if ((t & T_LEAF) !== 0) {
      if ((t & T_SKIP) === 0) leafElement(c, el, t, pos, f);
      continue;
    }
    if ((t & (T_HTML | T_BASE | T_LINK | T_A)) !== 0) pageLinks(c, el, t);
    const a = el.attribs;
    const cls = a.class;
    const id = a.id;
    // What the class and id say, as bits (tokenBits); the id's bits OR the class's, since every
    // test looks at one token or one word at a time. Most strings fail the one ANY_CLASS_RE test.
    const bits = (cls !== undefined && cls !== '' ? classBits(cls) : 0) | (id !== undefined && id !== '' ? classBits(id) : 0);
    const kf = bits !== 0 || (t & T_PLACED) !== 0 || a.itemprop !== undefined || a.itemtype !== undefined ? placed(c, el, t, bits, f, pos) : f;
    pushKids(stack, flags, el.children, kf);
  }
  c.total = order;
  return c;
}

/** A text node as a date-line candidate; true when it was listed (it then takes an order number). */
function textLine(c: Collected, data: string, f: number, order: number): boolean {
  // A long paragraph counts only by a date that opens it ("27.1.2022 – Bei der …", "(21. November 2022) …"): a dateline.
  const t = data.length < 300 ? (MAY_HOLD_DATE.test(data) ? data.trim() : '') : datelineOf(data);
  if (t.length < 6) return false;
  c.lines.push({ item: t, order, boiler: (f & F_BOILER) !== 0, hard: hardOf(f) });
  return true;
}

const hardOf = (f: number): Positioned<string>['hard'] => ((f & F_COMMENT) !== 0 ? 'comment' : (f & F_FOOTER) !== 0 ? 'footer' : undefined);

/** <script>, <meta> and <title>: read, not walked into. */
function leafElement(c: Collected, el: Element, t: number, pos: number, f: number): void {
  const a = el.attribs;
  if ((t & T_SCRIPT) !== 0) {
    const kid = el.children[0];
    const data = kid !== undefined && kid.type === 'text' ? kid.data : undefined;
    if ((a.type ?? '').toLowerCase().includes('ld+json')) {
      if (data && c.ldJson.length < 20) c.ldJson.push(data);
    } else if (!a.src && c.scripts.length < 40) {
      if (data && data.length > 40) c.scripts.push(data);
    }
    return;
  }
  if ((t & T_META) !== 0) {
    const key = (a.property ?? a.name ?? a.itemprop ?? a['http-equiv'] ?? '').trim().toLowerCase();
    const content = a.content ?? a.value;
    if (key && content !== undefined && content.trim()) {
      // property="og:title twitter:title" names several keys at once (RDFa allows a list).
      if (key.includes(' ')) for (const k of key.split(/\s+/)) push(c.metas, k, content.trim());
      else push(c.metas, key, content.trim());
    }
    if (a.itemprop && a.content) pushPos(c.itemprops, a.itemprop.toLowerCase(), { item: el, order: pos, boiler: (f & F_BOILER) !== 0, hard: undefined }, CAP.itemprop);
    return;
  }
  if (c.title === undefined) c.title = textOf(el);
}

/** <html lang>, <base href>, <link rel> and rel=author links. */
function pageLinks(c: Collected, el: Element, t: number): void {
  const a = el.attribs;
  if ((t & T_HTML) !== 0) {
    if (a.lang && !c.htmlLang) c.htmlLang = a.lang;
    if (a['xml:lang'] && !c.htmlLang) c.htmlLang = a['xml:lang'];
    return;
  }
  if ((t & T_BASE) !== 0) {
    if (a.href && !c.baseHref) c.baseHref = a.href;
    return;
  }
  const rel = a.rel;
  if (rel === undefined || rel === '') return;
  const lower = rel.toLowerCase();
  if ((t & T_LINK) !== 0) {
    if (a.href) for (const r of lower.split(/\s+/)) push(c.links, r, a.href);
  } else if (c.relAuthors.length < 10 && /\bauthor\b/.test(lower)) c.relAuthors.push(textOf(el));
}

/**
 * An element whose name, class/id or microdata matters: lists it where it belongs and returns
 * the flags its children are walked with.
 */
function placed(c: Collected, el: Element, t: number, bits: number, f: number, pos: number): number {
  const a = el.attribs;
  const boiler = (f & F_BOILER) !== 0;
  const inArticle = (f & F_ARTICLE) !== 0;
  const toks = (t & T_NEVER_BOILER) === 0 ? bits : 0;
  const article = inArticle || (t & T_ARTICLE) !== 0 || (toks & B_ARTICLE) !== 0
    || (a.itemtype !== undefined && /Article|BlogPosting/.test(a.itemtype));
  const isBoiler = boiler || (t & T_NAV) !== 0 || (toks & B_STRONG) !== 0
    || (!inArticle && ((t & T_WEAK) !== 0 || (toks & B_WEAK) !== 0));
  const hard = (f & F_COMMENT) !== 0 || (isBoiler && (toks & B_COMMENT) !== 0) ? F_COMMENT
    : (f & F_FOOTER) !== 0 || (isBoiler && ((t & T_FOOTER) !== 0 || (toks & B_FOOTER) !== 0)) ? F_FOOTER : 0;
  const kf = (isBoiler ? F_BOILER : 0) | (article ? F_ARTICLE : 0) | hard;
  if ((t & (T_H1 | T_TIME)) === 0 && !a.itemprop && bits === 0) return kf;
  // (Made when a list takes the element: most class names that pass ANY_CLASS_RE join none.)
  let here: Positioned<Element> | undefined;
  if ((t & T_H1) !== 0 && c.h1s.length < CAP.h1) c.h1s.push(here ??= positioned(el, pos, isBoiler, hard));
  if ((t & T_TIME) !== 0 && c.times.length < CAP.time) c.times.push(here ??= positioned(el, pos, isBoiler, hard));
  if (a.itemprop) for (const p of a.itemprop.toLowerCase().split(/\s+/)) pushPos(c.itemprops, p, here ??= positioned(el, pos, isBoiler, hard), CAP.itemprop);
  if (bits !== 0) {
    // (Tested here, only where a list has room and the tag may join it: each is a scan of the strings.)
    const cls = a.class, id = a.id;
    if (c.dateEls.length < CAP.dateEls && (t & T_BODY_HTML) === 0 && says(DATE_CLASS_RE, cls, id)) c.dateEls.push(here ??= positioned(el, pos, isBoiler, hard));
    if (c.bylineEls.length < CAP.byline && (t & T_BODY) === 0 && says(BYLINE_CLASS_RE, cls, id)) c.bylineEls.push(here ??= positioned(el, pos, isBoiler, hard));
    if ((t & T_HEADLINE) !== 0 && c.headlineEls.length < CAP.headline && says(HEADLINE_CLASS_RE, cls, id)) c.headlineEls.push(here ??= positioned(el, pos, isBoiler, hard));
  }
  return kf;
}

function positioned(el: Element, order: number, boiler: boolean, hard: number): Positioned<Element> {
  return { item: el, order, boiler, hard: hardOf(hard) };
}

// Bits of what a class/id string says. The B_* token bits count only tokens that are not taxonomy
// classes (the date/byline/headline patterns, which test whole strings, are tested in placed()).
// No pattern spans a space, so the bits of two strings (class and id) OR together exactly as if
// their joined text had been tested.
const B_RELEVANT = 1, B_ARTICLE = 2, B_STRONG = 4, B_WEAK = 8, B_COMMENT = 16, B_FOOTER = 32;

// Every word the token tests look for (no spaces): a string without one skips the split and the five per-token tests.
const TOKEN_WORDS_RE = /comment|kommentar|related|recommend|widget|popular|stories|newsletter|breadcrumb|nav|menu|social|shar|livefyre|disqus|replies|respond|pagination|archive|blogroll|footer|sidebar|entry|post|article|story|news/i;

function classBits(s: string): number {
  return ANY_CLASS_RE.test(s) ? tokenBits(s) : 0;
}

/** Is `c` HTML whitespace or another character `\s` matches (the tokens are what split(/\s+/) gives)? */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));

// The same words, global: test() then leaves lastIndex at the end of the match, inside the token that holds it.
const TOKEN_WORDS_G = new RegExp(TOKEN_WORDS_RE.source, 'gi');

function tokenBits(s: string): number {
  let bits = B_RELEVANT;
  // Only tokens holding one of TOKEN_WORDS can set a token bit (every word of the token patterns
  // is one of them): find those tokens with one scan, without split() or a slice per token.
  const re = TOKEN_WORDS_G;
  re.lastIndex = 0;
  while (re.test(s)) {
    let i = re.lastIndex - 1;
    while (i > 0 && !isSpace(s.charCodeAt(i - 1))) i--;
    let j = re.lastIndex;
    while (j < s.length && !isSpace(s.charCodeAt(j))) j++;
    bits |= wordBits(i === 0 && j === s.length ? s : s.slice(i, j));
    if (j >= s.length) break;
    re.lastIndex = j;
  }
  return bits;
}

/**
 * Does the class or the id match `re` (as their joined text would: no pattern spans a space)?
 * Every word of the date, byline and headline patterns is one of ANY_CLASS_RE's, so a string
 * that failed that test (and so set no bits) fails these too.
 */
function says(re: RegExp, cls: string | undefined, id: string | undefined): boolean {
  return (cls !== undefined && re.test(cls)) || (id !== undefined && re.test(id));
}

function wordBits(t: string): number {
  if (TAXONOMY_RE.test(t)) return 0;
  let bits = 0;
  if (ARTICLE_RE.test(t)) bits |= B_ARTICLE;
  if (STRONG_RE.test(t)) bits |= B_STRONG;
  if (WEAK_RE.test(t)) bits |= B_WEAK;
  if (COMMENT_RE.test(t)) bits |= B_COMMENT;
  if (FOOTER_RE.test(t)) bits |= B_FOOTER;
  return bits;
}
const FOOTER_RE = /footer/i;

const DATELINE_START = /^\s*\(?\d{1,4}[./\s-]/;
function datelineOf(data: string): string {
  if (!DATELINE_START.test(data)) return '';
  const head = data.trimStart().slice(0, 40);
  return MAY_HOLD_DATE.test(head) ? head : '';
}

/** Children onto the stacks; text under 6 characters (mostly spacing between tags) never makes a line, so it is left out here. */
function pushKids(stack: ChildNode[], flags: number[], kids: readonly ChildNode[], f: number): void {
  for (let i = kids.length - 1; i >= 0; i--) {
    const k = kids[i]!;
    if (k.type === 'text' && k.data.length < 6) continue;
    stack.push(k);
    flags.push(f);
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushPos(map: Map<string, Array<Positioned<Element>>>, key: string, value: Positioned<Element>, cap: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list.length < cap) list.push(value);
}

/** Visible text of an element with whitespace collapsed (scripts and styles skipped). */
export function textOf(el: AnyNode, max = 2000): string {
  const out: string[] = [];
  let len = 0;
  const stack: AnyNode[] = [el];
  while (stack.length && len < max) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      const d = (n as unknown as { data: string }).data;
      out.push(d);
      len += d.length;
    } else if ('children' in n && n.type !== 'script' && n.type !== 'style') {
      if (isElement(n) && breaksLine(n.name)) out.push(' ');
      const kids = (n as Element).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** br, p, div, li and h0–h9 (what /^(br|p|div|li|h\d)$/ matches), without a regex per element. */
function breaksLine(name: string): boolean {
  switch (name.length) {
    case 1: return name === 'p';
    case 2: {
      if (name === 'br' || name === 'li') return true;
      const d = name.charCodeAt(1);
      return name.charCodeAt(0) === 104 && d >= 48 && d <= 57;
    }
    case 3: return name === 'div';
    default: return false;
  }
}
