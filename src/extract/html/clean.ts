// Pass 3: clean the chosen subtrees bottom-up, as Readability's prepArticle does (conditional
// cleaning of link-dense or list-heavy blocks, share bars, bylines, headers with chrome class
// names), plus widget pruning by class/id in the spirit of trafilatura. One reverse pass over
// the included ranges: a node is judged on totals that already exclude its dropped descendants,
// which is what Readability's removal order gives, at linear cost.
import type { AnyNode, Element } from '../dom.js';
import { textContent } from '../dom.js';
import type { PageIndex, Totals } from './analyze.js';
import { LEDE } from './lede.js';
import { Scratch } from './scratch.js';
import { BLOCK_TAGS, classAndId, classWeight, DIV_BLOCKERS, HEADING_TAGS, isWidget } from './hints.js';

export interface CleanOptions {
  weightClasses: boolean;
  cleanConditionally: boolean;
  /** Normalised title (meta.title) for dropping a heading that repeats it. */
  title?: string;
  /** Element indices whose text equals the title — pre-computed by the caller. */
  titleHeadings: Set<number>;
  /** Subtree totals before cleaning: how much of a block was link text before its links were dropped. */
  totals?: Totals;
}

const SHARE = /share|sharedaddy/i;
const CAPTION = /caption|credit|copyright|(image|img|photo|picture|foto|bild)[-_]?(desc|text|sub|unterschrift)|(^|[\s_-])(dida|legend)([\s_-]|$)/i;
const BYLINE = /byline|author|dateline|writtenby|p-author/i;
const CONDITIONAL = new Set(['form', 'fieldset', 'table', 'ul', 'div']);
const MAX_TABLE_SCAN = 5000;
/** Blocks that may be a label ending the content, and the longest such label (Latin-equivalent characters). */
const LABEL_HOSTS = new Set(['p', 'div', 'dt']);
const MAX_LABEL = 80;
const SENTENCE_END = /[.。．！？!?؟।॥]$/u;
/** A label may end with a question mark ("Read this too?") but not with a full stop or "!". */
const STATEMENT_END = /[.。．！!।॥]$/u;
const COLON_END = /[:：]$/u;
const ICON_CLASS = /emoji|smil(e|ey|ie)|emoticon|(^|[\s_-])icon([\s_-]|$)/i;
const MAX_ICON = 32;
const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif|svg)(\?|#|$)/i;
const BOLD = new Set(['b', 'strong']);
/** Fine print: italics and small type. A short paragraph set wholly in it, not a sentence, is a credit, source or note. */
const FINE_PRINT = new Set(['em', 'i', 'small', 'sub', 'sup']);
const MAX_FINE_PRINT = 60;
/** Prose left in a block (Latin-equivalent characters) below which it may be the remains of a teaser list. */
const MAX_REMAINS = 200;

/** Why a subtree was left out: `drop[i]` holds one of these codes (0 = kept). Read by bench/body-diagnose.ts. */
export const D = {
  pruned: 1, empty: 2, title: 3, figcaption: 4, captionClass: 5, shareClass: 6, bylineClass: 7, widgetClass: 8,
  authorAttr: 9, linkParagraph: 10, negativeHeading: 11, linkList: 12, negativeWeight: 13, manyImages: 14,
  manyItems: 15, inputs: 16, shortLinks: 17, linkDensity: 18, embeds: 19, headingOfDropped: 20, trailingHeading: 21, teaserRemains: 22, finePrint: 23,
} as const;

/** Returns drop codes (non-zero = leave this subtree out, see D) and the data-table flags the renderer needs. */
export interface Cleaned {
  drop: Uint8Array;
  dataTable: Uint8Array;
  /** Text left after cleaning (Latin-equivalent characters): decides the fallback without rendering. */
  keptText: number;
}

const cleanScratch = new Scratch(5, 5, 3);

export function cleanContent(ix: PageIndex, include: number[], dead: Uint8Array, opts: CleanOptions): Cleaned {
  const n = ix.els.length;
  const { els, parent } = ix;
  const drop = new Uint8Array(n);
  const dataTable = new Uint8Array(n);
  // Working totals (reused arrays: only drop and dataTable leave this call).
  const { f, k, u } = cleanScratch.take(n);
  const [text, link, commas, heading, liText] = f as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const [p, img, li, input, embed] = k as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const [protectedBy, hasData, blockDesc] = u as [Uint8Array, Uint8Array, Uint8Array]; // (protectedBy: inside a data table, <pre>/<code> or <figure>)

  // Last root first: a lead found inside another root's pruned header is judged on its own
  // after its container (its totals reset, its own verdict overriding the container's).
  for (let r = include.length - 1; r >= 0; r--) {
    const root = include[r]!;
    const stop = ix.end[root]!;
    if (include.some((o) => o !== root && o < root && root < ix.end[o]!)) {
      for (const arr of [text, link, commas, p, img, li, input, embed, heading, liText, hasData, blockDesc]) arr.fill(0, root, stop);
    }
    // Forward: protection flags flow down from tables, code and figures.
    for (let i = root; i < stop; i++) {
      const name = els[i]!.name;
      const pp = parent[i]!;
      let prot = i > root && pp >= 0 ? protectedBy[pp]! : 0;
      if (name === 'table' && isDataTable(ix, i)) { dataTable[i] = 1; prot = 1; }
      if (name === 'pre' || name === 'code' || name === 'figure') prot = 1;
      protectedBy[i] = prot;
    }
    // Backward: totals over kept descendants, then the verdict on each node.
    for (let i = stop - 1; i >= root; i--) {
      const el = els[i]!;
      const name = el.name;
      text[i]! += ix.ownText[i]!;
      link[i]! += ix.ownLink[i]!;
      commas[i]! += ix.ownCommas[i]!;
      input[i]! += ix.ownInput[i]!;
      embed[i]! += ix.ownEmbed[i]!;
      if (HEADING_TAGS.has(name)) heading[i] = text[i]!;
      if (name === 'li') liText[i] = text[i]!;
      if (dataTable[i]) hasData[i] = 1;
      const why = dead[i] === 1 ? D.pruned : i !== root ? shouldDrop(i) : 0;
      drop[i] = why;
      if (why) continue;
      const pp = parent[i]!;
      if (i === root || pp < 0) continue;
      text[pp]! += text[i]!;
      link[pp]! += link[i]!;
      commas[pp]! += commas[i]!;
      p[pp]! += p[i]! + (name === 'p' ? 1 : 0);
      img[pp]! += img[i]! + (name === 'img' && !isIcon(el) ? 1 : 0);
      li[pp]! += li[i]! + (name === 'li' ? 1 : 0);
      input[pp]! += input[i]!;
      embed[pp]! += embed[i]!;
      heading[pp]! += heading[i]!;
      liText[pp]! += liText[i]!;
      if (hasData[i]) hasData[pp] = 1;
      if (blockDesc[i] || DIV_BLOCKERS.has(name)) blockDesc[pp] = 1;
    }
  }
  // A heading whose next sibling was dropped titled that block ("More on this", "Related"):
  // drop it too (unless it is sentence-long: then it is text). Siblings are contiguous subtrees in pre-order, so the next one starts at end[i].
  for (const root of include) {
    const stop = ix.end[root]!;
    for (let i = root + 1; i < stop; i++) {
      if (drop[i] || !HEADING_TAGS.has(els[i]!.name)) continue;
      const next = ix.end[i]!;
      if (next < ix.end[parent[i]!]! && parent[next] === parent[i] && drop[next] && (dead[next] === 1 || text[next]! >= 25) && text[i]! < 80) drop[i] = D.headingOfDropped;
    }
  }
  // A heading that ends the content introduces nothing that was kept: it titled a block of
  // other stories or comments that was left out (or never part of the container).
  for (const root of include) {
    if (drop[root]) continue;
    let left = text[root]!;
    for (let i = ix.end[root]! - 1; i > root; i--) {
      const name = els[i]!.name;
      if (ix.ownText[i] === 0 && !HEADING_TAGS.has(name) && name !== 'img' && name !== 'picture') continue;
      // (an icon, or a thumbnail linking to another page, is not the article's picture)
      if ((name === 'img' || name === 'picture') && ix.ownText[i] === 0 && (isIcon(els[i]!) || linkedThumbnail(i, root))) continue;
      let h = -1;
      let label = -1;
      let labelOk = true; // (a label is a whole short block: a long block above ends the search)
      let gone = false;
      for (let a = i; a > root; a = parent[a]!) {
        if (drop[a]) { gone = true; break; }
        const an = els[a]!.name;
        if (HEADING_TAGS.has(an)) h = a;
        else if (labelOk && BLOCK_TAGS.has(an)) {
          if (LABEL_HOSTS.has(an) && text[a]! < MAX_LABEL && link[a] === 0) label = a;
          else labelOk = false;
        }
      }
      if (gone) continue;
      if (h >= 0) {
        if (SENTENCE_END.test(textContent(els[h]!).trim())) break; // a sentence, not a title
      } else if (label >= 0 && isLabel(label)) h = label;
      else break; // text or an image: the content ends here
      left -= text[h]!;
      if (left <= 0) break; // (a part of a multi-part body may be a lone heading)
      drop[h] = D.trailingHeading;
      i = h;
    }
  }
  let keptText = 0;
  for (const root of include) if (!drop[root]) keptText += text[root]!;
  return { drop, dataTable, keptText };

  /**
   * A short block that titles what follows it rather than saying something: it ends with a colon
   * ("Read also:", "Contact:"), or all its text is bold ("You might also like?"), and it is not a
   * sentence. Punctuation and markup only — no word lists, so it holds across languages.
   */
  function isLabel(i: number): boolean {
    const s = textContent(els[i]!).replace(/\s+/g, ' ').trim();
    if (!s || STATEMENT_END.test(s)) return false;
    return COLON_END.test(s) || allBold(i);
  }

  /** Every text node under element i (kept or not) sits inside a <b>/<strong>. */
  function allBold(i: number): boolean {
    return allInside(els[i]!, BOLD);
  }

  /** An image inside a link to a page (not to a bigger version of the image itself). */
  function linkedThumbnail(i: number, root: number): boolean {
    for (let a = parent[i]!; a > root; a = parent[a]!) {
      if (els[a]!.name !== 'a') continue;
      const href = els[a]!.attribs.href ?? '';
      return href !== '' && !IMAGE_FILE.test(href);
    }
    return false;
  }

  function shouldDrop(i: number): number {
    const el = els[i]!;
    const name = el.name;
    const len = text[i]!;
    if ((name === 'p' || HEADING_TAGS.has(name) || name === 'li') && len === 0 && img[i] === 0 && embed[i] === 0) {
      return name === 'li' ? 0 : D.empty;
    }
    if (opts.titleHeadings.has(i)) return D.title;
    // (captions and photo credits are not the story's text)
    if (name === 'figcaption') return D.figcaption;
    const ci = classAndId(el);
    if (ci) {
      if (CAPTION.test(ci) && img[i] === 0 && len < 400) return D.captionClass;
      if (SHARE.test(ci) && len < 500) return D.shareClass;
      if (BYLINE.test(ci) && len < 100 && !protectedBy[i]) return D.bylineClass;
      // (a "teaser-text"/"lead" block of running text inside the content is the standfirst, not a teaser widget)
      if (isWidget(ci) && len < 400 && !protectedBy[i] && p[i]! <= 1 && !(LEDE.test(ci) && len >= 80 && link[i]! / len < 0.2)) return D.widgetClass;
    }
    if (el.attribs.rel === 'author' || (el.attribs.itemprop ?? '').includes('author')) {
      if (len < 100) return D.authorAttr;
    }
    // ("Photo: X", "Source: Y", "Credit:" under an image: typography, not words, tells them apart)
    if (name === 'p' && len > 0 && len < MAX_FINE_PRINT && link[i] === 0 && !protectedBy[i] && allInside(el, FINE_PRINT) && !SENTENCE_END.test(textContent(el).trim())) return D.finePrint;
    if (opts.cleanConditionally && !protectedBy[i] && (name === 'p' || HEADING_TAGS.has(name) || (name === 'div' && !blockDesc[i]))) {
      // A paragraph that is mostly link text is a teaser ("read also: <headline>") or a pager.
      if (len > 0 && link[i]! / len > 0.5) return D.linkParagraph;
    }
    if ((name === 'h1' || name === 'h2') && opts.weightClasses && classWeight(el) < 0) return D.negativeHeading;
    if (!opts.cleanConditionally) return 0;
    // A list that is mostly links is navigation or "more stories", not article text.
    if ((name === 'ul' || name === 'ol') && !protectedBy[i] && len > 0 && link[i]! / len > 0.8) return D.linkList;
    if (!CONDITIONAL.has(name)) return 0;
    if (name === 'div' && !blockDesc[i]) return 0; // a "paragraph" div (Readability's DIV_TO_P)
    return conditionallyJunk(i, name);
  }

  /** Readability's _cleanConditionally verdict, on kept-descendant totals. */
  function conditionallyJunk(i: number, name: string): number {
    if (dataTable[i] || hasData[i] || protectedBy[i]) return 0;
    const el = els[i]!;
    const weight = opts.weightClasses ? classWeight(el) : 0;
    if (weight < 0) return D.negativeWeight;
    if (commas[i]! >= 10) return 0;
    const len = text[i]!;
    // What is left of a block of teasers once its linked headlines were dropped one by one: a
    // few dates, kickers and thumbnails. Judged on the block as it was: mostly link text.
    const before = opts.totals;
    if (before && len - link[i]! < MAX_REMAINS && before.text[i]! > len && before.link[i]! > 0.5 * before.text[i]!) return D.teaserRemains;
    const isList = (name === 'ul' || name === 'ol') && len > 0 && liText[i]! / len > 0.9;
    const paras = p[i]!;
    const imgs = img[i]!;
    const lis = li[i]! - 100;
    const ld = len > 0 ? link[i]! / len : 0;
    const headingDensity = len > 0 ? heading[i]! / len : 0;
    const figure = protectedBy[i] === 1;
    let bad = 0;
    if (!figure && imgs > 1 && paras / imgs < 0.5) bad = D.manyImages;
    else if (!isList && lis > paras) bad = D.manyItems;
    else if (input[i]! > Math.floor(paras / 3)) bad = D.inputs;
    else if (!isList && !figure && headingDensity < 0.9 && len < 25 && (imgs === 0 || imgs > 2) && ld > 0) bad = D.shortLinks;
    else if (!isList && weight < 25 && ld > 0.2) bad = D.linkDensity;
    else if (weight >= 25 && ld > 0.5) bad = D.linkDensity;
    else if ((embed[i] === 1 && len < 75) || embed[i]! > 1) bad = D.embeds;
    else if (len === 0 && imgs === 0) bad = D.empty;
    if (bad && isList && imgs > 0 && imgs === li[i]) return 0; // an image gallery
    return bad;
  }
}

/**
 * An emoticon or icon drawn inline with the text (forum smilies, WordPress's emoji images, tiny
 * declared sizes): it does not make a block "a gallery", so it is not counted as an image.
 */
function isIcon(el: Element): boolean {
  const a = el.attribs;
  if (ICON_CLASS.test(a.class ?? '')) return true;
  const w = Number(a.width);
  const h = Number(a.height);
  return (w > 0 && w <= MAX_ICON) || (h > 0 && h <= MAX_ICON);
}

/** Every non-blank text node under `root` sits inside an element named in `tags`. */
function allInside(root: Element, tags: Set<string>): boolean {
  const stack: Array<{ node: AnyNode; inside: boolean }> = [{ node: root, inside: false }];
  let any = false;
  while (stack.length) {
    const { node, inside } = stack.pop()!;
    if (node.type === 'text') {
      if ((node as unknown as { data: string }).data.trim() === '') continue;
      if (!inside) return false;
      any = true;
      continue;
    }
    if (node.type !== 'tag') continue;
    const el = node as Element;
    const b = inside || tags.has(el.name);
    for (const k of el.children) stack.push({ node: k, inside: b });
  }
  return any;
}

/** Readability's data-table test: header cells, a caption or summary, or a real grid. */
function isDataTable(ix: PageIndex, t: number): boolean {
  const a = ix.els[t]!.attribs;
  if (a.role === 'presentation' || a.datatable === '0') return false;
  if (a.summary) return true;
  let rows = 0;
  let cells = 0;
  const stop = Math.min(ix.end[t]!, t + MAX_TABLE_SCAN);
  for (let j = t + 1; j < stop; j++) {
    const name = ix.els[j]!.name;
    if (name === 'caption' || name === 'th' || name === 'thead' || name === 'tfoot' || name === 'col' || name === 'colgroup') return true;
    if (name === 'table') return false;
    if (name === 'tr') rows++;
    else if (name === 'td') cells++;
  }
  if (rows >= 10) return true;
  const cols = rows > 0 ? cells / rows : cells;
  return cols > 4 || rows * cols > 10;
}
