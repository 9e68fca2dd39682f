// The article body of an HTML page. Four linear passes over the DOM (see analyze, select,
// clean, render), retried with looser settings when the result is too short — Readability's
// fallback chain: first without pruning "unlikely" chrome by class name, then without class
// weights, then without conditional cleaning; the longest result wins when none is long enough.
import type { ExtractContext } from '../context.js';
import type { Document } from '../dom.js';
import { textContent } from '../dom.js';
import type { Metadata } from '../meta/index.js';
import type { BodyOutputs } from '../render.js';
import { aggregate, indexPage, type PageIndex, type Totals } from './analyze.js';
import { cleanContent } from './clean.js';
import { renderBody } from './render.js';
import { selectContent } from './select.js';

export { resolveHttp, imageSource, bestFromSrcset } from './urls.js';

/** Below this many (Latin-equivalent) characters the result is retried with looser settings. */
const CHAR_THRESHOLD = 500;

interface Attempt { strip: boolean; weight: boolean; clean: boolean }
const ATTEMPTS: Attempt[] = [
  { strip: true, weight: true, clean: true },
  { strip: false, weight: true, clean: true },
  { strip: false, weight: false, clean: true },
  { strip: false, weight: false, clean: false },
];

export function extractBody(doc: Document, ctx: ExtractContext, meta: Metadata): BodyOutputs {
  const ix = indexPage(doc);
  const base = baseUrl(ix.baseHref, ctx.url);
  const titleTokens = meta.title ? tokens(meta.title) : undefined;
  let best: Planned | undefined;
  for (const attempt of ATTEMPTS) {
    const plan = planAttempt(ix, attempt, meta.title, titleTokens);
    if (plan.keptText >= CHAR_THRESHOLD) { best = plan; break; }
    if (!best || plan.keptText > best.keptText) best = plan;
  }
  // Only the winning attempt is rendered: the fallback compares cleaned text totals.
  return renderBody({ ix, include: best!.include, drop: best!.drop, dataTable: best!.dataTable, ...(base ? { base } : {}) });
}

interface Planned { include: number[]; drop: Uint8Array; dataTable: Uint8Array; keptText: number }

function planAttempt(ix: PageIndex, a: Attempt, title: string | undefined, titleTokens: string[] | undefined): Planned {
  const n = ix.els.length;
  const dead = new Uint8Array(n);
  if (a.strip) {
    for (let i = 0; i < n; i++) {
      const p = ix.parent[i]!;
      dead[i] = ix.unlikely[i] || (p >= 0 ? dead[p]! : 0);
    }
  }
  const totals = aggregate(ix, a.strip ? ix.unlikely : undefined);
  const sel = selectContent(ix, totals, dead, a.weight);
  const lede = findLede(ix, totals, dead, sel.top, sel.include[0] ?? -1);
  if (lede >= 0) sel.include.unshift(lede);
  const titleHeadings = new Set<number>();
  if (title && titleTokens) {
    for (const root of sel.include) {
      for (let i = root; i < ix.end[root]!; i++) {
        const name = ix.els[i]!.name;
        if ((name === 'h1' || name === 'h2') && duplicatesTitle(textContent(ix.els[i]!), title, titleTokens)) titleHeadings.add(i);
      }
    }
  }
  const cleaned = cleanContent(ix, sel.include, dead, { weightClasses: a.weight, cleanConditionally: a.clean, titleHeadings });
  return { include: sel.include, ...cleaned };
}

const LEDE = /(^|[\s_-])(lead|leadin|lede|intro|introduction|standfirst|excerpt|deck|dek|summary|subtitle|sub-?title|subhead|sub-?headline|chapo|bajada|perex|abstract|teaser-?text|description)([\s_-]|$)/i;

/**
 * The standfirst: news templates put the lead paragraph in the article header, next to the
 * headline, outside the container that holds the rest of the text. Take the nearest element
 * before the content whose class says "lead/intro/deck/…", if it is close in the tree
 * (shares an ancestor at most four levels up), reads as prose (not link text) and is not chrome.
 */
function findLede(ix: PageIndex, t: Totals, dead: Uint8Array, top: number, first: number): number {
  if (top < 0 || first < 0) return -1;
  const near = new Set<number>();
  for (let a = ix.parent[top]!, k = 0; a >= 0 && k < 4; a = ix.parent[a]!, k++) near.add(a);
  const stop = Math.max(0, first - 300);
  for (let i = first - 1; i >= stop; i--) {
    if (dead[i] || ix.end[i]! > first) continue;
    const el = ix.els[i]!;
    const ci = el.attribs.class ?? '';
    if (!ci || !LEDE.test(ci)) continue;
    const len = t.text[i]!;
    if (len < 40 || len > 1500 || t.link[i]! / len > 0.3) continue;
    let close = false;
    for (let a = ix.parent[i]!, k = 0; a >= 0 && k < 4; a = ix.parent[a]!, k++) if (near.has(a)) { close = true; break; }
    if (close) return i;
  }
  return -1;
}

function baseUrl(baseHref: string | undefined, pageUrl: URL | undefined): URL | undefined {
  if (!baseHref) return pageUrl;
  try {
    return new URL(baseHref, pageUrl);
  } catch {
    return pageUrl;
  }
}

function tokens(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
}

/**
 * A heading that repeats the page title (Readability's _headerDuplicatesTitle): the share of
 * the heading's text made of title tokens is above 0.75. Script-neutral: unspaced scripts make
 * one token per run, so equality/containment decides there.
 */
export function duplicatesTitle(heading: string, title: string, titleTokens: string[]): boolean {
  const h = heading.replace(/\s+/g, ' ').trim();
  if (!h) return false;
  const t = title.replace(/\s+/g, ' ').trim();
  if (h === t) return true;
  const ht = tokens(h);
  if (ht.length === 0) return false;
  const inTitle = new Set(titleTokens);
  let all = 0;
  let missing = 0;
  for (const tok of ht) {
    all += tok.length + 1;
    if (!inTitle.has(tok)) missing += tok.length + 1;
  }
  if (1 - missing / all > 0.75) return true;
  return h.length >= 0.5 * t.length && t.includes(h);
}
