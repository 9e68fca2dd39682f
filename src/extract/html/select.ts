// Pass 2: find the element that holds the article. The scheme is Readability's (Mozilla,
// Apache-2.0), reimplemented over the typed-array index: paragraph-like elements score their
// ancestors (1 + commas + length bonus, halved per level), scores are discounted by link
// density, the best candidate may widen to a common ancestor of near-equal rivals or a
// better-scoring parent, and then takes in siblings that look like more of the same.
import { textContent } from '../dom.js';
import type { PageIndex, Totals } from './analyze.js';
import { classWeight, SCORED_TAGS, tagScore } from './hints.js';

export interface Selection {
  /** The chosen container (−1 when the page has no element at all). */
  top: number;
  /** Elements to render, in document order: the top candidate and the siblings it took in. */
  include: number[];
}

const MIN_PARA = 25;
const ANCESTOR_LEVELS = 5;
const TOP_N = 5;
const SENTENCE_END = /[.。．！？!?؟।॥](\s|$)/u;

export function selectContent(ix: PageIndex, t: Totals, dead: Uint8Array, weightClasses: boolean): Selection {
  const n = ix.els.length;
  const score = new Float64Array(n);
  const scored = new Uint8Array(n);
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

  for (let i = 0; i < n; i++) {
    if (dead[i]) continue;
    const name = els[i]!.name;
    if (name === 'body' && body < 0) body = i;
    const divLike = name === 'div';
    if (SCORED_TAGS.has(name) || (divLike && !t.blockDesc[i])) {
      const len = t.text[i]!;
      if (len < MIN_PARA) continue;
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
  return { top, include };
}

/** Direct element children of `p` that are not pruned. */
export function childrenOf(ix: PageIndex, dead: Uint8Array, p: number): number[] {
  const out: number[] = [];
  const stop = ix.end[p]!;
  for (let j = p + 1; j < stop; j = ix.end[j]!) if (!dead[j]) out.push(j);
  return out;
}
