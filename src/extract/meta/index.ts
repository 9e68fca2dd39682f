// Page metadata: title, dates, authors, site, language, image, canonical URL, section, tags.
// One pass over the DOM collects the candidates (collect.ts); each field is then picked from
// the most explicit source that has it. Every field stays absent when the page does not say it.
import type { Article } from '../../types.js';
import type { ExtractContext } from '../context.js';
import type { Document } from '../dom.js';
import { timezoneForUrl } from '../dates/index.js';
import { pickAuthors } from './authors.js';
import { collect, type Collected } from './collect.js';
import { dateOrder, headlineOrder, pageDates } from './dates.js';
import { readJsonLd } from './jsonld.js';
import { pickLanguage } from './language.js';
import { pickTitle } from './title.js';

export type Metadata = Partial<Omit<Article, 'text' | 'markdown' | 'html' | 'wordCount' | 'warnings'>>;

export { toBcp47 } from './language.js';
export { stripSiteName } from './title.js';

const first = (c: Collected, ...keys: string[]) => {
  for (const k of keys) {
    const v = c.metas.get(k)?.[0];
    if (v) return v;
  }
  return undefined;
};

function absolutize(href: string | undefined, base: URL | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function cleanText(s: string | undefined, max = 1000): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : undefined;
}

export function extractMetadata(doc: Document, ctx: ExtractContext): Metadata {
  const c = collect(doc);
  const ld = readJsonLd(c.ldJson);
  let base = ctx.url;
  if (c.baseHref) {
    try { base = new URL(c.baseHref, ctx.url); } catch { /* keep the page URL */ }
  }
  const meta: Metadata = {};
  meta.siteName = cleanText(first(c, 'og:site_name', 'application-name', 'al:android:app_name') ?? ld?.publisher, 200);
  const host = ctx.url?.hostname;
  meta.title = cleanText(pickTitle(c, { ldHeadline: ld?.headline, siteName: meta.siteName, host }), 500);
  meta.description = cleanText(first(c, 'og:description', 'description', 'twitter:description', 'dc.description') ?? ld?.description);
  meta.language = pickLanguage(c, ld?.language);

  const timezone = ctx.timezone ?? timezoneForUrl(ctx.url);
  const dates = pageDates(c, ld, ctx.url, headlineOrder(c, meta.title), { timezone, order: dateOrder(meta.language) });
  meta.published = dates.published;
  meta.modified = dates.modified;

  meta.authors = pickAuthors(c, ld?.authors ?? []);
  meta.section = cleanText(first(c, 'article:section', 'section', 'parsely-section', 'article.section', 'cxenseparse:recs:articlesection') ?? ld?.section, 200);
  meta.tags = pickTags(c, ld?.keywords ?? []);
  meta.image = absolutize(first(c, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src') ?? ld?.image ?? c.links.get('image_src')?.[0], base);
  meta.canonicalUrl = absolutize(c.links.get('canonical')?.[0] ?? first(c, 'og:url') ?? ld?.url, base);
  return meta;
}

function pickTags(c: Collected, ldKeywords: string[]): string[] {
  const raw: string[] = [...(c.metas.get('article:tag') ?? [])];
  if (!raw.length) raw.push(...ldKeywords);
  if (!raw.length) for (const k of ['news_keywords', 'keywords', 'parsely-tags', 'sailthru.tags']) {
    const v = c.metas.get(k)?.[0];
    if (v) { raw.push(...v.split(/[,;]/)); break; }
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of raw) {
    const s = t.replace(/\s+/g, ' ').trim();
    if (!s || s.length > 80 || seen.has(s.toLowerCase())) continue;
    seen.add(s.toLowerCase());
    out.push(s);
    if (out.length >= 30) break;
  }
  return out;
}
