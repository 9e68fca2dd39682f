// Pass 1 over the DOM: index every element that could hold article text (pre-order, skipping
// subtrees that never do), with per-element text statistics in typed arrays. All later steps
// (scoring, cleaning, rendering) read these arrays instead of walking the DOM again.
// Iterative throughout: a page may nest 100,000 elements deep.
import type { AnyNode, Document, Element } from '../dom.js';
import { Scratch } from './scratch.js';
import { DIV_BLOCKERS, HEADING_TAGS, isHidden, isUnlikely, JUNK_TAGS, measureText, SCORED_TAGS } from './hints.js';

export interface PageIndex {
  /** Kept elements in document (pre-) order; each element's `index` is its position here. */
  els: Element[];
  /** Parent index (−1 for the root). */
  parent: Int32Array;
  /** One past the last descendant: the subtree of i is [i, end[i]). */
  end: Int32Array;
  /** Class/id is an "unlikely candidate" (chrome) hint. */
  unlikely: Uint8Array;
  /** Own text (direct text-node children only), in Latin-equivalent characters. */
  ownText: Float64Array;
  ownLink: Float64Array;
  ownCommas: Float64Array;
  /** Form controls / non-video embeds directly inside (they are not indexed themselves). */
  ownInput: Int32Array;
  ownEmbed: Int32Array;
  /** What the element's tag name means to the passes, as K_* bits (read without touching the element). */
  kind: Uint8Array;
  /** `<base href>`, when the page has one. */
  baseHref?: string;
}

/** Subtree totals; recomputed by `aggregate` under different pruning choices. */
export interface Totals {
  text: Float64Array;
  link: Float64Array;
  commas: Float64Array;
  /** Text not inside block-level descendants (what Readability would wrap into <p>s). */
  inline: Float64Array;
  /** Has a descendant that stops a div from being a paragraph. */
  blockDesc: Uint8Array;
  p: Int32Array;
  img: Int32Array;
  li: Int32Array;
  input: Int32Array;
  embed: Int32Array;
  heading: Float64Array;
  /** Text inside li descendants. */
  liText: Float64Array;
  /** Direct children that are elements (kept). */
  kids: Int32Array;
}

// Tag-name bits of PageIndex.kind: the later passes loop over every element once per attempt,
// and testing these bits costs less than loading each element to compare its name with sets.
export const K_HEADING = 1, K_LI = 2, K_P = 4, K_IMG = 8, K_DIV_BLOCKER = 16, K_SCORED = 32, K_DIV = 64, K_BODY = 128;
const KIND = new Map<string, number>();
const addKind = (names: Iterable<string>, bit: number): void => { for (const x of names) KIND.set(x, (KIND.get(x) ?? 0) | bit); };
addKind(HEADING_TAGS, K_HEADING);
addKind(['li'], K_LI);
addKind(['p'], K_P);
addKind(['img'], K_IMG);
addKind(DIV_BLOCKERS, K_DIV_BLOCKER);
addKind(SCORED_TAGS, K_SCORED);
addKind(['div'], K_DIV);
addKind(['body'], K_BODY);

const VIDEO_HOSTS = /\/\/(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq|bilibili|live\.bilibili)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)/i;

/** Share of the page's text above which an "unlikely" wrapper is the page itself. */
const MOST_OF_PAGE = 0.8;

// The index's arrays are views into buffers kept from page to page (see scratch.ts): a PageIndex
// is valid until the next indexPage call, which extraction (synchronous, one page at a time) allows.
const indexScratch = new Scratch(4, 4, 2);

export function indexPage(doc: Document): PageIndex {
  // Sized up front from the builder's element count (an upper bound: junk subtrees are skipped).
  const cap = doc.elementCount;
  const els: Element[] = [];
  const { f, k: ints, u } = indexScratch.take(cap);
  const parent = ints[0]!;
  const ownText = f[0]!;
  const ownLink = f[1]!;
  const ownCommas = f[2]!;
  const unlikely = u[0]!;
  const kind = u[1]!;
  const ownInput = ints[1]!;
  const ownEmbed = ints[2]!;
  let baseHref: string | undefined;
  const m = { len: 0, commas: 0 };
  // Three parallel stacks instead of a tuple per element: less garbage on pages with 10,000 nodes.
  const stackNode: Array<Element | Document> = [doc];
  const stackParent: number[] = [-1];
  const stackLink: boolean[] = [false];
  while (stackNode.length) {
    const node = stackNode.pop()!;
    const pIdx = stackParent.pop()!;
    const inLink = stackLink.pop()!;
    let me = pIdx;
    if (node.type !== 'root') {
      const el = node as Element;
      me = els.length;
      els.push(el);
      el.index = me;
      parent[me] = pIdx;
      kind[me] = KIND.get(el.name) ?? 0;
      if (isUnlikely(el)) unlikely[me] = 1;
    }
    const kids = node.children;
    // Push in reverse so the stack pops children in document order.
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i]! as AnyNode;
      if (k.type === 'text') {
        if (me < 0) continue;
        const data = (k as unknown as { data: string }).data;
        if (data.length === 0) continue;
        measureText(data, m);
        if (m.len === 0) continue;
        const len = m.len + 1; // +1: the separating space a reader sees
        ownText[me]! += len;
        if (inLink) ownLink[me]! += len - 1;
        ownCommas[me]! += m.commas;
        continue;
      }
      if (k.type !== 'tag') continue;
      const el = k as Element;
      const name = el.name;
      if (name === 'head') {
        for (const h of el.children) if (h.type === 'tag' && (h as Element).name === 'base' && (h as Element).attribs.href) baseHref ??= (h as Element).attribs.href;
        continue;
      }
      if (name === 'base' && el.attribs.href) baseHref ??= el.attribs.href;
      if (JUNK_TAGS.has(name) || isHidden(el)) {
        if (me < 0) continue;
        if (name === 'input' || name === 'select' || name === 'textarea' || name === 'button') ownInput[me]! += 1;
        else if ((name === 'iframe' || name === 'embed' || name === 'object') && !VIDEO_HOSTS.test(el.attribs.src ?? el.attribs.data ?? '')) ownEmbed[me]! += 1;
        continue;
      }
      stackNode.push(el);
      stackParent.push(me);
      stackLink.push(inLink || name === 'a');
    }
  }
  const n = els.length;
  const end = ints[3]!.subarray(0, n);
  const sub = f[3]!.subarray(0, n);
  sub.set(ownText.subarray(0, n));
  let pageText = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (end[i] === 0) end[i] = i + 1;
    const p = parent[i]!;
    if (p >= 0) {
      if (end[i]! > end[p]!) end[p] = end[i]!;
      sub[p]! += sub[i]!;
    } else pageText += sub[i]!;
  }
  // A wrapper named like chrome ("above-footer", "page-header-wrap") that holds nearly all of the
  // page's text is the page, not chrome: pruning it would leave only scraps to choose from.
  for (let i = 0; i < n; i++) if (unlikely[i] && sub[i]! > MOST_OF_PAGE * pageText) unlikely[i] = 0;
  const out: PageIndex = {
    els, parent: parent.subarray(0, n), end,
    unlikely: unlikely.subarray(0, n),
    kind: kind.subarray(0, n),
    ownText: ownText.subarray(0, n),
    ownLink: ownLink.subarray(0, n),
    ownCommas: ownCommas.subarray(0, n),
    ownInput: ownInput.subarray(0, n),
    ownEmbed: ownEmbed.subarray(0, n),
    // (Always present, undefined without a <base href>: one object shape for every page.)
    baseHref: baseHref || undefined,
  };
  return out;
}

/**
 * Subtree totals. `excluded[i]` = 1 drops the element (and so its subtree) from its parent's
 * totals. One reverse pass: children are always after their parent in pre-order.
 */
const totalsScratch = new Scratch(6, 6, 1);

export function aggregate(ix: PageIndex, excluded?: Uint8Array): Totals {
  const n = ix.els.length;
  // (Totals live for one body attempt only: no result keeps them, so their arrays are reused.)
  const { f, k, u } = totalsScratch.take(n);
  const t: Totals = {
    text: f[0]!, link: f[1]!, commas: f[2]!, inline: f[3]!, heading: f[4]!, liText: f[5]!, blockDesc: u[0]!,
    p: k[0]!, img: k[1]!, li: k[2]!, input: k[3]!, embed: k[4]!, kids: k[5]!,
  };
  t.text.set(ix.ownText);
  t.link.set(ix.ownLink);
  t.commas.set(ix.ownCommas);
  t.inline.set(ix.ownText);
  t.input.set(ix.ownInput);
  t.embed.set(ix.ownEmbed);
  const kind = ix.kind;
  for (let i = n - 1; i >= 0; i--) {
    const k = kind[i]!;
    if ((k & K_HEADING) !== 0) t.heading[i] = t.text[i]!;
    if ((k & K_LI) !== 0) t.liText[i] = t.text[i]!;
    const p = ix.parent[i]!;
    if (p < 0 || (excluded && excluded[i])) continue;
    t.text[p]! += t.text[i]!;
    t.link[p]! += t.link[i]!;
    t.commas[p]! += t.commas[i]!;
    t.p[p]! += t.p[i]! + ((k & K_P) !== 0 ? 1 : 0);
    t.img[p]! += t.img[i]! + ((k & K_IMG) !== 0 ? 1 : 0);
    t.li[p]! += t.li[i]! + ((k & K_LI) !== 0 ? 1 : 0);
    t.input[p]! += t.input[i]!;
    t.embed[p]! += t.embed[i]!;
    t.heading[p]! += t.heading[i]!;
    t.liText[p]! += t.liText[i]!;
    t.kids[p]! += 1;
    const blocks = (k & K_DIV_BLOCKER) !== 0;
    if (blocks || t.blockDesc[i]) t.blockDesc[p] = 1;
    if (!blocks) t.inline[p]! += t.inline[i]!;
  }
  return t;
}

