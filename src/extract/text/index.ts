// Crawl text (one block per line, as a crawler or a WET record stores a page) → Article.
import type { Article } from '../../types.js';
import type { ExtractContext } from '../context.js';
import { renderParagraphs } from '../render.js';

/** Baseline: every non-empty line is a paragraph. (To be replaced by the crawl-text cleaner.) */
export function extractFromText(source: string, ctx: ExtractContext): Article {
  const paras = source.split(/\n/).map((l) => l.trim()).filter(Boolean);
  const body = renderParagraphs(paras);
  const a: Article = { authors: [], tags: [], ...body, warnings: ctx.warnings };
  if (ctx.url) a.url = ctx.url.href;
  return a;
}
