// Tag and attribute names the tree builder meets on most pages, looked up straight from the
// page's characters (case-insensitively) instead of slicing and lower-casing a fresh string per
// tag: the result is the one shared constant string, so no allocation, and every later Set/Map
// lookup or comparison on the name hits a string whose hash V8 already knows. Unknown names
// fall back to slice + toLowerCase in the caller.

const NAMES = [
  // elements
  'a', 'abbr', 'address', 'area', 'article', 'aside', 'audio', 'b', 'base', 'bdi', 'blockquote', 'body', 'br', 'button',
  'canvas', 'caption', 'center', 'circle', 'cite', 'clippath', 'code', 'col', 'colgroup', 'dd', 'defs', 'del', 'details', 'dfn',
  'dialog', 'div', 'dl', 'dt', 'em', 'embed', 'fieldset', 'figcaption', 'figure', 'font', 'footer', 'form', 'g', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'label', 'legend',
  'li', 'line', 'link', 'main', 'mark', 'meta', 'nav', 'noscript', 'object', 'ol', 'optgroup', 'option', 'p', 'path',
  'picture', 'polygon', 'pre', 'q', 'rect', 's', 'script', 'section', 'select', 'small', 'source', 'span', 'strong', 'style',
  'sub', 'summary', 'sup', 'svg', 'symbol', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time',
  'title', 'tr', 'u', 'ul', 'use', 'video', 'wbr',
  // attributes
  'action', 'alt', 'aria-hidden', 'aria-label', 'async', 'charset', 'class', 'clip-rule', 'content', 'crossorigin',
  'data-id', 'data-src', 'data-srcset', 'datetime', 'decoding', 'defer', 'fill', 'fill-rule', 'for', 'height', 'hidden',
  'href', 'hreflang', 'http-equiv', 'id', 'integrity', 'itemprop', 'itemscope', 'itemtype', 'lang', 'loading', 'media',
  'method', 'name', 'onclick', 'onload', 'placeholder', 'property', 'referrerpolicy', 'rel', 'role', 'sizes', 'src',
  'srcset', 'stroke', 'stroke-width', 'tabindex', 'target', 'type', 'value', 'viewbox', 'width', 'xmlns', 'xmlns:xlink', 'xlink:href',
];

const SIZE = 1024; // a power of two, well above NAMES.length: short probe chains
const MASK = SIZE - 1;
const TABLE: Array<string | undefined> = new Array<string | undefined>(SIZE).fill(undefined);

/** The case-folded hash of a name (ASCII letters folded to lower case). */
function hashOf(s: string, start: number, len: number): number {
  let h = len;
  for (let k = 0; k < len; k++) {
    const c = s.charCodeAt(start + k);
    h = (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
  }
  return h & MASK;
}

for (const name of NAMES) {
  let h = hashOf(name, 0, name.length);
  while (TABLE[h] !== undefined) h = (h + 1) & MASK;
  TABLE[h] = name;
}

/** Is `s[start, start + len)` equal to `name` once ASCII letters are lower-cased? */
function matches(s: string, start: number, len: number, name: string): boolean {
  if (name.length !== len) return false;
  for (let k = 0; k < len; k++) {
    const c = s.charCodeAt(start + k);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== name.charCodeAt(k)) return false;
  }
  return true;
}

/** The shared constant for the lower-cased name at `s[start, end)`, or undefined when it is not a known name. */
export function knownName(s: string, start: number, end: number): string | undefined {
  const len = end - start;
  if (len > 16) return undefined;
  for (let h = hashOf(s, start, len); ; h = (h + 1) & MASK) {
    const cand = TABLE[h];
    if (cand === undefined) return undefined;
    if (matches(s, start, len, cand)) return cand;
  }
}
