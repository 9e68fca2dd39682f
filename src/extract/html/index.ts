// The article body of an HTML page. Four linear passes over the DOM (see analyze, select,
// clean, render), retried with looser settings when the result is too short — Readability's
// fallback chain: first without pruning "unlikely" chrome by class name, then without class
// weights, then without conditional cleaning; the longest result wins when none is long enough.
import type { ExtractContext } from '../context.js';
import type { Document } from '../dom.js';
import { textContent } from '../dom.js';
import type { Metadata } from '../meta/index.js';
import { NON_ASCII } from '../meta/title-strings.js';
import type { BodyOutputs } from '../render.js';
import { aggregate, indexPage, type PageIndex } from './analyze.js';
import { cleanContent } from './clean.js';
import { renderBody } from './render.js';
import { findLede } from './lede.js';
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
  const { ix, plan, base } = planBody(doc, ctx, meta);
  // Only the winning attempt is rendered: the fallback compares cleaned text totals.
  return renderBody({ ix, include: plan.include, drop: plan.drop, dataTable: plan.dataTable, ...(base ? { base } : {}) });
}

/** The body plan without rendering: exported for diagnostics (bench/body-diagnose.ts). */
export function planBody(doc: Document, ctx: ExtractContext, meta: Metadata): { ix: PageIndex; plan: Planned; attempt: number; base?: URL } {
  const ix = indexPage(doc);
  const base = baseUrl(ix.baseHref, ctx.url);
  const titleTokens = meta.title ? tokens(meta.title) : undefined;
  let best: Planned | undefined;
  let attempt = 0;
  for (let k = 0; k < ATTEMPTS.length; k++) {
    const plan = planAttempt(ix, ATTEMPTS[k]!, meta.title, titleTokens);
    if (plan.keptText >= CHAR_THRESHOLD) { best = plan; attempt = k; break; }
    if (!best || plan.keptText > best.keptText) { best = plan; attempt = k; }
  }
  return { ix, plan: best!, attempt, ...(base ? { base } : {}) };
}

export interface Planned { include: number[]; drop: Uint8Array; dataTable: Uint8Array; keptText: number; dead: Uint8Array; top: number }

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
  if (lede >= 0) {
    sel.include.unshift(lede);
    // A lead inside a header that was pruned as "unlikely" is revived (its own unlikely parts stay pruned).
    if (dead[lede]) for (let j = lede; j < ix.end[lede]!; j++) dead[j] = ix.unlikely[j] || (j > lede && dead[ix.parent[j]!]) ? 1 : 0;
  }
  const titleHeadings = new Set<number>();
  if (title && titleTokens) {
    for (const root of sel.include) {
      for (let i = root; i < ix.end[root]!; i++) {
        const name = ix.els[i]!.name;
        if ((name === 'h1' || name === 'h2') && duplicatesTitle(textContent(ix.els[i]!), title, titleTokens)) titleHeadings.add(i);
      }
    }
  }
  const cleaned = cleanContent(ix, sel.include, dead, { weightClasses: a.weight, cleanConditionally: a.clean, titleHeadings, totals });
  return { include: sel.include, ...cleaned, dead, top: sel.top };
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
  // (ASCII text's letters and digits are [a-z0-9] once lower-cased: a cheaper pattern, the same tokens.)
  return s.toLowerCase().split(NON_ASCII.test(s) ? /[^\p{L}\p{N}\p{M}]+/u : /[^a-z0-9]+/).filter(Boolean);
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
