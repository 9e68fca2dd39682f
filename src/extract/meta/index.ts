// Page metadata: title, dates, authors, site, language, image, canonical URL, section, tags.
import type { Article } from '../../types.js';
import type { ExtractContext } from '../context.js';
import type { Document, Element } from '../dom.js';
import { allElements, textContent } from '../dom.js';

export type Metadata = Partial<Omit<Article, 'text' | 'markdown' | 'html' | 'wordCount' | 'warnings'>>;

/** Baseline: <title>, og:* and a few meta names. (To be replaced by the full metadata engine.) */
export function extractMetadata(doc: Document, ctx: ExtractContext): Metadata {
  const meta: Metadata = { authors: [], tags: [] };
  const metas = new Map<string, string>();
  let titleEl: Element | undefined;
  let htmlEl: Element | undefined;
  for (const el of allElements(doc)) {
    if (el.name === 'meta') {
      const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop ?? '').toLowerCase();
      if (key && el.attribs.content && !metas.has(key)) metas.set(key, el.attribs.content.trim());
    } else if (el.name === 'title' && !titleEl) titleEl = el;
    else if (el.name === 'html' && !htmlEl) htmlEl = el;
  }
  meta.title = metas.get('og:title') ?? (titleEl ? textContent(titleEl).replace(/\s+/g, ' ').trim() : undefined);
  meta.description = metas.get('og:description') ?? metas.get('description');
  meta.siteName = metas.get('og:site_name');
  meta.published = metas.get('article:published_time');
  meta.modified = metas.get('article:modified_time');
  meta.section = metas.get('article:section');
  const author = metas.get('author');
  if (author) meta.authors = [author];
  const lang = htmlEl?.attribs.lang;
  if (lang) meta.language = lang;
  const image = metas.get('og:image');
  if (image) meta.image = absolutize(image, ctx.url);
  return meta;
}

function absolutize(href: string, base: URL | undefined): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}
