// One linear pass over the DOM that gathers everything the metadata steps weigh: <meta> values,
// JSON-LD blocks, <time> and itemprop elements, headline and byline candidates, and short text
// lines that may be date lines. Later steps only look at these small lists, never the whole tree.
import type { AnyNode, Document, Element } from '../dom.js';
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


export function collect(doc: Document): Collected {
  const c: Collected = {
    metas: new Map(), ldJson: [], scripts: [], links: new Map(), relAuthors: [], h1s: [], headlineEls: [], times: [],
    itemprops: new Map(), dateEls: [], bylineEls: [], lines: [], total: 0,
  };
  // Two parallel stacks (node, flags) instead of one object per node: this walk visits every node.
  const stack: AnyNode[] = [doc];
  const flags: number[] = [0];
  let order = 0;
  while (stack.length) {
    const node = stack.pop()!;
    const f = flags.pop()!;
    const boiler = (f & 1) !== 0;
    const inArticle = (f & 2) !== 0;
    const inHard: Positioned<string>['hard'] = (f & 8) !== 0 ? 'comment' : (f & 4) !== 0 ? 'footer' : undefined;
    if (node.type === 'text') {
      if (c.lines.length < CAP.lines) {
        const data = (node as unknown as { data: string }).data;
        // A long paragraph counts only by a date that opens it ("27.1.2022 – Bei der …", "(21. November 2022) …"): a dateline.
        const t = data.length < 300 ? (MAY_HOLD_DATE.test(data) ? data.trim() : '') : datelineOf(data);
        if (t.length >= 6) c.lines.push(inHard ? { item: t, order: order++, boiler, hard: inHard } : { item: t, order: order++, boiler });
      }
      continue;
    }
    if (!isElement(node)) {
      if (node.type === 'root') pushKids(stack, flags, node as unknown as Element, boiler, inArticle, undefined);
      continue;
    }
    const el = node;
    const name = el.name;
    const a = el.attribs;
    const pos = order++;
    if (name === 'script') {
      if ((a.type ?? '').toLowerCase().includes('ld+json')) {
        const kid = el.children[0] as unknown as { data?: string } | undefined;
        if (kid?.data && c.ldJson.length < 20) c.ldJson.push(kid.data);
      } else if (!a.src && c.scripts.length < 40) {
        const kid = el.children[0] as unknown as { data?: string } | undefined;
        if (kid?.data && kid.data.length > 40) c.scripts.push(kid.data);
      }
      continue;
    }
    if (name === 'meta') {
      const key = (a.property ?? a.name ?? a.itemprop ?? a['http-equiv'] ?? '').trim().toLowerCase();
      const content = a.content ?? a.value;
      if (key && content !== undefined && content.trim()) {
        // property="og:title twitter:title" names several keys at once (RDFa allows a list).
        if (key.includes(' ')) for (const k of key.split(/\s+/)) push(c.metas, k, content.trim());
        else push(c.metas, key, content.trim());
      }
      if (a.itemprop && a.content) pushPos(c.itemprops, a.itemprop.toLowerCase(), { item: el, order: pos, boiler }, CAP.itemprop);
      continue;
    }
    if (SKIP.has(name)) continue;
    if (name === 'title') {
      if (c.title === undefined) c.title = textOf(el);
      continue;
    }
    if (name === 'html' && a.lang && !c.htmlLang) c.htmlLang = a.lang;
    if (name === 'html' && a['xml:lang'] && !c.htmlLang) c.htmlLang = a['xml:lang'];
    if (name === 'base' && a.href && !c.baseHref) c.baseHref = a.href;
    if (name === 'link' || name === 'a') {
      const rel = (a.rel ?? '').toLowerCase();
      if (rel && a.href && name === 'link') for (const r of rel.split(/\s+/)) push(c.links, r, a.href);
      if (/\bauthor\b/.test(rel) && c.relAuthors.length < 10 && name === 'a') c.relAuthors.push(textOf(el));
    }
    // What the class and id say, as bits (tokenBits); the id's bits OR the class's, since every
    // test looks at one token or one word at a time. Most strings fail the one ANY_CLASS_RE test.
    const bits = (a.class !== undefined && ANY_CLASS_RE.test(a.class) ? tokenBits(a.class) : 0) | (a.id !== undefined && ANY_CLASS_RE.test(a.id) ? tokenBits(a.id) : 0);
    const relevant = bits !== 0;
    const toks = relevant && !NEVER_BOILER.has(name) ? bits : 0;
    const article = inArticle || name === 'article' || (toks & B_ARTICLE) !== 0
      || (a.itemtype !== undefined && /Article|BlogPosting/.test(a.itemtype));
    const isBoiler = boiler || name === 'nav' || (toks & B_STRONG) !== 0
      || (!inArticle && (WEAK_TAGS.has(name) || (toks & B_WEAK) !== 0));
    const hard = inHard === 'comment' || (isBoiler && (toks & B_COMMENT) !== 0) ? 'comment'
      : inHard ?? (isBoiler && (name === 'footer' || (toks & B_FOOTER) !== 0)) ? 'footer' : undefined;
    if (name !== 'h1' && name !== 'time' && !a.itemprop && !relevant) {
      pushKids(stack, flags, el, isBoiler, article, hard);
      continue;
    }
    const here: Positioned<Element> = hard ? { item: el, order: pos, boiler: isBoiler, hard } : { item: el, order: pos, boiler: isBoiler };
    if (name === 'h1' && c.h1s.length < CAP.h1) c.h1s.push(here);
    if (name === 'time' && c.times.length < CAP.time) c.times.push(here);
    if (a.itemprop) for (const p of a.itemprop.toLowerCase().split(/\s+/)) pushPos(c.itemprops, p, here, CAP.itemprop);
    if (relevant) {
      if ((bits & B_DATE) !== 0 && c.dateEls.length < CAP.dateEls && name !== 'body' && name !== 'html') c.dateEls.push(here);
      if ((bits & B_BYLINE) !== 0 && c.bylineEls.length < CAP.byline && name !== 'body') c.bylineEls.push(here);
      if ((bits & B_HEADLINE) !== 0 && HEADLINE_TAGS.has(name) && c.headlineEls.length < CAP.headline) c.headlineEls.push(here);
    }
    pushKids(stack, flags, el, isBoiler, article, hard);
  }
  c.total = order;
  return c;
}

// Bits of what a class/id string says. The B_* token bits count only tokens that are not taxonomy
// classes; the last three test the whole string. No pattern spans a space, so the bits of two
// strings (class and id) OR together exactly as if their joined text had been tested.
const B_RELEVANT = 1, B_ARTICLE = 2, B_STRONG = 4, B_WEAK = 8, B_COMMENT = 16, B_FOOTER = 32, B_DATE = 64, B_BYLINE = 128, B_HEADLINE = 256;
const HEADLINE_TAGS = new Set(['h1', 'h2', 'h3', 'div', 'span', 'p', 'header']);

// Every word the token tests look for (no spaces): a string without one skips the split and the five per-token tests.
const TOKEN_WORDS_RE = /comment|kommentar|related|recommend|widget|popular|stories|newsletter|breadcrumb|nav|menu|social|shar|livefyre|disqus|replies|respond|pagination|archive|blogroll|footer|sidebar|entry|post|article|story|news/i;

function tokenBits(s: string): number {
  let bits = B_RELEVANT;
  if (TOKEN_WORDS_RE.test(s)) for (const t of s.split(/\s+/)) {
    if (!t || TAXONOMY_RE.test(t)) continue;
    if (ARTICLE_RE.test(t)) bits |= B_ARTICLE;
    if (STRONG_RE.test(t)) bits |= B_STRONG;
    if (WEAK_RE.test(t)) bits |= B_WEAK;
    if (COMMENT_RE.test(t)) bits |= B_COMMENT;
    if (/footer/i.test(t)) bits |= B_FOOTER;
  }
  if (DATE_CLASS_RE.test(s)) bits |= B_DATE;
  if (BYLINE_CLASS_RE.test(s)) bits |= B_BYLINE;
  if (HEADLINE_CLASS_RE.test(s)) bits |= B_HEADLINE;
  return bits;
}

const DATELINE_START = /^\s*\(?\d{1,4}[./\s-]/;
function datelineOf(data: string): string {
  if (!DATELINE_START.test(data)) return '';
  const head = data.trimStart().slice(0, 40);
  return MAY_HOLD_DATE.test(head) ? head : '';
}

function pushKids(stack: AnyNode[], flags: number[], el: Element, boiler: boolean, inArticle: boolean, inHard: Positioned<string>['hard']): void {
  const kids = el.children;
  const f = (boiler ? 1 : 0) | (inArticle ? 2 : 0) | (inHard === 'comment' ? 8 : inHard ? 4 : 0);
  for (let i = kids.length - 1; i >= 0; i--) { stack.push(kids[i]!); flags.push(f); }
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
      if (isElement(n) && (n.name === 'br' || /^(p|div|li|h\d)$/.test(n.name))) out.push(' ');
      const kids = (n as Element).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}
