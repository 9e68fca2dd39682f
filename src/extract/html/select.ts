// Pass 2: find the element that holds the article. The scheme is Readability's (Mozilla,
// Apache-2.0), reimplemented over the typed-array index: paragraph-like elements score their
// ancestors (1 + commas + length bonus, halved per level), scores are discounted by link
// density, the best candidate may widen to a common ancestor of near-equal rivals or a
// better-scoring parent, and then takes in siblings that look like more of the same.
import { textContent } from '../dom.js';
import { K_BODY, K_DIV, K_SCORED, type PageIndex, type Totals } from './analyze.js';
import { classWeight, tagScore } from './hints.js';
import { Scratch } from './scratch.js';

export interface Selection {
  /** The chosen container (−1 when the page has no element at all). */
  top: number;
  /** Elements to render, in document order: the top candidate and the siblings it took in. */
  include: number[];
}

const MIN_PARA = 25;
const ANCESTOR_LEVELS = 5;
const TOP_N = 5;
const MIN_FORM_INPUTS = 3;
/** Latin-equivalent characters of text per form control below which a candidate is a form. */
const TEXT_PER_INPUT = 150;
const SENTENCE_END = /[.。．！？!?؟।॥](\s|$)/u;

const selectScratch = new Scratch(1, 0, 1);

export function selectContent(ix: PageIndex, t: Totals, dead: Uint8Array, weightClasses: boolean): Selection {
  const n = ix.els.length;
  const { f, u } = selectScratch.take(n); // (reused arrays: neither leaves this call)
  const score = f[0]!;
  const scored = u[0]!;
  const candidates: number[] = [];
  const { parent, els } = ix;
  let body = -1;

  const addToAncestors = (start: number, contentScore: number): void => {
    let a = start;
    for (let level = 0; level < ANCESTOR_LEVELS && a >= 0; level++, a = parent[a]!) {
      if (parent[a]! < 0) return; // <html> (whose parent is the document) is never a candidate
      if (!scored[a]) {
        scored[a] = 1;
        score[a] = tagScore(els[a]!.name) + (weightClasses ? classWeight(els[a]!) : 0);
        candidates.push(a);
      }
      score[a]! += contentScore / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  };

  const kind = ix.kind;
  for (let i = 0; i < n; i++) {
    if (dead[i]) continue;
    const k = kind[i]!;
    if ((k & K_BODY) !== 0 && body < 0) body = i;
    const divLike = (k & K_DIV) !== 0;
    if ((k & K_SCORED) !== 0 || (divLike && !t.blockDesc[i])) {
      const len = t.text[i]!;
      if (len < MIN_PARA) continue;
      // A short cell in a row of three or more is data (a list of names, prices, addresses), not
      // prose: hundreds of them must not outscore the article (Readability scores every <td>).
      if (len < 100 && els[i]!.name === 'td' && t.kids[parent[i]!]! >= 3) continue;
      addToAncestors(parent[i]!, 2 + t.commas[i]! + Math.min(Math.floor(len / 100), 3));
    } else if (divLike && t.inline[i]! >= MIN_PARA) {
      // Text directly in a div that also has blocks: Readability wraps it in <p>s inside the div.
      const len = t.inline[i]!;
      addToAncestors(i, 2 + Math.min(Math.floor(len / 100), 3));
    }
  }
  if (body < 0) body = 0;
  if (n === 0) return { top: -1, include: [] };

  for (const c of candidates) {
    const text = t.text[c]!;
    score[c] = score[c]! * (1 - (text > 0 ? Math.min(1, t.link[c]! / text) : 0));
    // A form's labels and validation messages (login or sign-up dialogs) are not an article:
    // text that comes with a form control every few lines scores a fifth.
    if (t.input[c]! >= MIN_FORM_INPUTS && text < TEXT_PER_INPUT * t.input[c]!) score[c] = score[c]! * 0.2;
  }
  const top5 = candidates.sort((a, b) => score[b]! - score[a]!).slice(0, TOP_N);
  let top = top5[0] ?? -1;
  if (top < 0 || els[top]!.name === 'body' || els[top]!.name === 'html') {
    return { top: body, include: [body] };
  }

  // Several near-equal candidates under one ancestor: the article is that ancestor.
  const alternatives = top5.slice(1).filter((c) => score[c]! / score[top]! >= 0.75);
  if (alternatives.length >= 3) {
    const counts = new Map<number, number>();
    for (const alt of alternatives) for (let a = parent[alt]!; a >= 0; a = parent[a]!) counts.set(a, (counts.get(a) ?? 0) + 1);
    for (let a = parent[top]!; a >= 0 && a !== body; a = parent[a]!) {
      if ((counts.get(a) ?? 0) >= 3) { top = a; break; }
    }
  }
  // A parent scoring higher than the child (with scores not collapsing on the way up) wins.
  let last = score[top]!;
  const threshold = last / 3;
  for (let a = parent[top]!; a >= 0 && a !== body; a = parent[a]!) {
    if (!scored[a]) continue;
    if (score[a]! < threshold) break;
    if (score[a]! > last) { top = a; break; }
    last = score[a]!;
  }
  const core = top; // (its class names the article container; the parent taken below may have none)
  // An only child says nothing its parent does not: take the parent.
  while (parent[top]! >= 0 && parent[top] !== body && t.kids[parent[top]!] === 1 && !dead[parent[top]!]) top = parent[top]!;

  const p = parent[top]!;
  if (p < 0) return { top, include: [top] };
  const topScore = score[top]!;
  const siblingThreshold = Math.max(10, topScore * 0.2);
  const topClass = els[top]!.attribs.class ?? '';
  const include: number[] = [];
  for (const s of childrenOf(ix, dead, p)) {
    if (s === top) { include.push(s); continue; }
    let bonus = 0;
    if (topClass && els[s]!.attribs.class === topClass) bonus = topScore * 0.2;
    if (scored[s] && score[s]! + bonus >= siblingThreshold) { include.push(s); continue; }
    const name = els[s]!.name;
    if (name === 'p' || (name === 'div' && !t.blockDesc[s])) {
      const len = t.text[s]!;
      const ld = len > 0 ? t.link[s]! / len : 0;
      if (len > 80 && ld < 0.25) include.push(s);
      else if (len > 0 && len <= 80 && ld === 0 && SENTENCE_END.test(textContent(els[s]!).trim())) include.push(s);
    }
  }
  addSameClassParts(ix, t, dead, core, top, include, (i) => scored[i] === 1 && score[i]! >= siblingThreshold);
  return { top, include };
}

/**
 * Multi-part bodies: page builders and news templates split one article into several
 * containers with the same class, separated by ads, galleries or "read also" boxes, often in
 * different branches of the tree (so they are not siblings of the top candidate). Take in every
 * other container that carries the top's content-like class (Readability's positive class
 * vocabulary; tokens with digits, which are per-instance ids, ignored) and scores like a part
 * of the text. One linear pass; `include` stays in document order and free of overlaps.
 */
function addSameClassParts(ix: PageIndex, t: Totals, dead: Uint8Array, core: number, top: number, include: number[], strong: (i: number) => boolean): void {
  // The container that names the article: the lowest element from the scored core up to the
  // chosen top whose class is content-like.
  let named = core;
  while (named !== top && !(classWeight(ix.els[named]!) > 0 && classKey(ix.els[named]!.attribs.class))) named = ix.parent[named]!;
  const el = ix.els[named]!;
  if (classWeight(el) <= 0) return;
  const key = classKey(el.attribs.class);
  if (!key) return;
  core = named;
  const keyTokens = key.split(' ');
  const extra: number[] = [];
  const n = ix.els.length;
  for (let i = 0; i < n; i++) {
    if (dead[i] || i === core) continue;
    if (i < core && ix.end[i]! > core) continue; // an ancestor of the core
    const e = ix.els[i]!;
    if (e.name !== el.name || !sameClassKey(e.attribs.class, el.attribs.class!, key, keyTokens)) continue;
    if (insideAny(ix, include, i)) { i = ix.end[i]! - 1; continue; }
    const len = t.text[i]!;
    if (len - t.link[i]! < 80 || t.link[i]! / len > 0.5 || !strong(i)) continue;
    extra.push(i);
    i = ix.end[i]! - 1; // its subtree is taken whole
  }
  if (!extra.length) return;
  include.push(...extra);
  include.sort((a, b) => a - b);
}

/** Is element i inside (or one of) the subtrees rooted at `roots`? */
function insideAny(ix: PageIndex, roots: number[], i: number): boolean {
  for (const r of roots) if (r <= i && i < ix.end[r]!) return true;
  return false;
}

/**
 * classKey(c) === key (the key of class `keyClass`), without building the key for the same
 * class string or for classes that cannot match (one lacks a token of it).
 */
function sameClassKey(c: string | undefined, keyClass: string, key: string, keyTokens: string[]): boolean {
  if (!c) return false;
  if (c === keyClass) return true;
  for (const tok of keyTokens) if (!c.includes(tok)) return false;
  return classKey(c) === key;
}

function classKey(c: string | undefined): string {
  if (!c) return '';
  return c.split(/\s+/).filter((tok) => tok && !/\d/.test(tok)).sort().join(' ');
}

/** Direct element children of `p` that are not pruned. */
export function childrenOf(ix: PageIndex, dead: Uint8Array, p: number): number[] {
  const out: number[] = [];
  const stop = ix.end[p]!;
  for (let j = p + 1; j < stop; j = ix.end[j]!) if (!dead[j]) out.push(j);
  return out;
}
