// Structural and class/id hints used by the body engine. None of these depend on the page's
// language: they look at tag names, attributes and the class/id vocabulary of web templates.
// The class/id patterns follow Mozilla Readability's (Apache-2.0) regular expressions, with a
// few additions in the spirit of trafilatura's boilerplate XPaths; written here from scratch.
import type { Element } from '../dom.js';

/** Subtrees that never hold article text (or are not rendered at all). */
export const JUNK_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'svg', 'canvas', 'iframe', 'object', 'embed',
  'applet', 'button', 'input', 'select', 'textarea', 'option', 'nav', 'link', 'meta', 'dialog',
  'audio', 'video', 'map', 'area', 'frame', 'frameset', 'footer', 'aside', 'menu', 'title', 'base',
]);

/** Elements after which text starts a new paragraph (the bench's "body" paragraph rule). */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'caption', 'body', 'html', 'noscript', 'legend', 'option', 'menu',
]);

/** Children that stop a <div> from being "a paragraph in disguise" (Readability's DIV_TO_P_ELEMS). */
export const DIV_BLOCKERS = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul', 'section', 'article', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Paragraph-like elements whose text is scored into their ancestors. */
export const SCORED_TAGS = new Set(['p', 'pre', 'td', 'section', 'h2', 'h3', 'h4', 'h5', 'h6']);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie|consent|newsletter|paywall/i;
const MAYBE_CANDIDATE = /and|article|body|column|content|main|mathjax|shadow/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Widgets inside an article container that are not the article: sharing, bylines, tags, teasers. */
const WIDGET = /(^|[\s_-])(share|sharing|sharedaddy|social|byline|author|dateline|writtenby|p-author|tags?|tag-?list|keywords|related|recommend\w*|more-?stories|read-?more|newsletter|subscribe|subscription|signup|promo|teaser|breadcrumbs?|print|ratings?|rate|vote|disclaimer|notice|toc|table-of-contents|author-?(bio|info|box|description)|app-?(section|stores?|promo)|toolbar|utility|donate|advert\w*|ads?|adv|adslot|anzeige|reklama|sponsored|outbrain|taboola|timestamp|credits?|copyright|photo-?credit|image-?credit|paywall|piano|premium|published|posted|post-?meta|entry-?meta|article-?meta|meta-?data|date|time)([\s_-]|$)/i;

export function classAndId(el: Element): string {
  const c = el.attribs.class;
  const i = el.attribs.id;
  return c ? (i ? c + ' ' + i : c) : (i ?? '');
}

/** Hidden from readers (and so from the article). */
export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a['aria-hidden'] === 'true' && !(a.class ?? '').includes('fallback-image')) return true;
  const style = a.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/** Readability's "unlikely candidate": a chrome block by its class/id or ARIA role. */
export function isUnlikely(el: Element): boolean {
  const a = el.attribs;
  const role = a.role;
  if (role && UNLIKELY_ROLES.has(role)) return true;
  const c = a.class;
  const i = a.id;
  if (!c && !i) return false;
  if (el.name === 'body' || el.name === 'a' || el.name === 'article' || el.name === 'main') return false;
  // Class and id tested one by one rather than joined ("class id"): no pattern spans a space, so
  // the answer is the same, without building (and flattening) a joined string per element.
  // Tested directly: a memo keyed by the class string costs more (hashing a fresh string) than the two regexes.
  return (c ? UNLIKELY.test(c) : false) || (i ? UNLIKELY.test(i) : false)
    ? !((c ? MAYBE_CANDIDATE.test(c) : false) || (i ? MAYBE_CANDIDATE.test(i) : false))
    : false;
}

/** Class/id weight (Readability): +25 for content-ish names, −25 for chrome-ish, per attribute. */
export function classWeight(el: Element): number {
  let w = 0;
  const c = el.attribs.class;
  const i = el.attribs.id;
  if (c) {
    if (NEGATIVE.test(c)) w -= 25;
    if (POSITIVE.test(c)) w += 25;
  }
  if (i) {
    if (NEGATIVE.test(i)) w -= 25;
    if (POSITIVE.test(i)) w += 25;
  }
  return w;
}

/** A small widget inside the content (share bar, byline, tag list, date line) by class/id. */
export function isWidget(ci: string): boolean {
  if (ci === '' || !WIDGET.test(ci) || /\b(article|entry|post|story)[-_]?(body|content|text)\b/i.test(ci)) return false;
  // "print" in a print-stylesheet hint ("no-print", "hidden-print", "print-only") says how a block
  // prints, not that it is a print button: test the class without such tokens.
  return !PRINT_HINT.test(ci) || WIDGET.test(ci.split(/\s+/).filter((tok) => !isPrintHint(tok)).join(' '));
}

const PRINT_HINT = /print/i;
const PRINT_MODIFIER = /^(hid(e|den)|no|none|not|only|show|visible|block|full|d|u|for|on)$/i;

function isPrintHint(token: string): boolean {
  const parts = token.toLowerCase().split(/[-_]+/);
  const at = parts.indexOf('print');
  if (at < 0) return false;
  return PRINT_MODIFIER.test(parts[at - 1] ?? '') || PRINT_MODIFIER.test(parts[at + 1] ?? '');
}

/** Readability's initial score of a candidate container by its tag. */
export function tagScore(name: string): number {
  switch (name) {
    case 'div': return 5;
    case 'pre': case 'td': case 'blockquote': return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5;
    default: return 0;
  }
}

function isWide(c: number): boolean {
  return (c >= 0x1100 && c <= 0x11ff) || (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
}

function isComma(c: number): boolean {
  return c === 0x2c || c === 0x60c || c === 0xfe50 || c === 0xfe10 || c === 0xfe11 || c === 0x2e41 || c === 0x2e34 || c === 0x2e32 || c === 0xff0c || c === 0x3001;
}

/**
 * Text length in "Latin-equivalent" characters: a CJK or Hangul character carries about as much
 * as three Latin letters, so thresholds such as "25 characters make a paragraph" hold across scripts.
 */
export function effectiveLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x1100 && isWide(s.charCodeAt(i))) n += 2;
  return n;
}

/** Commas in any script (Latin, Arabic, CJK full-width and ideographic). */
export function countCommas(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isComma(s.charCodeAt(i))) n++;
  return n;
}

const HAS_WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
const HAS_COMMA = /[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/;

/**
 * A text node's trimmed length in Latin-equivalent characters (0 when blank) and its commas.
 * Native trim and regex tests first: most nodes are plain and need no per-character loop.
 */
export function measureText(s: string, out: { len: number; commas: number }): void {
  const t = s.trim();
  out.len = t.length;
  out.commas = 0;
  if (t.length === 0) return;
  if (HAS_WIDE.test(t)) out.len = effectiveLength(t);
  if (HAS_COMMA.test(t)) out.commas = countCommas(t);
}
