// The article body of an HTML page.
import type { ExtractContext } from '../context.js';
import type { Document } from '../dom.js';
import { allElements, textContent } from '../dom.js';
import type { Metadata } from '../meta/index.js';
import { renderParagraphs, type BodyOutputs } from '../render.js';

/** Baseline: the paragraphs of the element holding the most <p> text. (To be replaced by the full body engine.) */
export function extractBody(doc: Document, _ctx: ExtractContext, _meta: Metadata): BodyOutputs {
  const score = new Map<object, number>();
  for (const el of allElements(doc)) {
    if (el.name !== 'p' || !el.parent) continue;
    score.set(el.parent, (score.get(el.parent) ?? 0) + textContent(el).length);
  }
  let best: object | undefined;
  let bestScore = 0;
  for (const [el, s] of score) if (s > bestScore) { best = el; bestScore = s; }
  if (!best) return renderParagraphs([]);
  const paras = allElements(best as Document).filter((e) => e.name === 'p').map((p) => textContent(p));
  return renderParagraphs(paras);
}
