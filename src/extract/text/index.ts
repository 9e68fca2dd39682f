// Crawl text (one block per line, as a crawler or a WET record stores a page) → Article.
// 1. lines with shape features (lines.ts); 2. per-line classes: prose, furniture, menu runs
// (body.ts, boilerplate.ts); 3. the body = best-scoring run of lines; 4. headline, section,
// byline and date stamps searched just before (and at the top of) that run (header.ts,
// dates.ts); 5. a standfirst between headline and body joins the body.
import type { Article } from '../../types.js';
import type { ExtractContext } from '../context.js';
import { timezoneForUrl } from '../dates/index.js';
import { renderParagraphs } from '../render.js';
import { bestRegion, classify, regionAfter, regionParagraphs, type LineClass, type Region } from './body.js';
import { extendColonList, trimAuthorBox } from './region-ends.js';
import { crawlerDate, dateStamp, labelledDate, leadingDate, slashDatesMonthFirst, urlDate, type DateStamp } from './dates.js';
import { findByline, findSection, findTitle, headlineText, labelledSection, slugHeadlines, titleFromFirstLine } from './header.js';
import { guessLanguage } from './language.js';
import { isProse, splitLines, type Line } from './lines.js';

export { parseDateLine } from './dates.js';

const CRAWLER_DATE_PREFIX = /^\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)(?:\s+|$)/i;

/** How far past the body start a byline or date stamp may sit ("By …" under the first paragraph). */
const META_AFTER_START = 6;

export function extractFromText(source: string, ctx: ExtractContext): Article {
  // A crawler's " date YYYY-MM-DD " prefix, on its own line or in front of the first paragraph.
  let crawled: string | undefined;
  const prefix = CRAWLER_DATE_PREFIX.exec(source.slice(0, 80));
  if (prefix) {
    crawled = crawlerDate(`date ${prefix[1]}`);
    source = source.slice(prefix[0].length);
  }
  const lines = splitLines(source);
  const cls = classify(lines);
  const timezone = ctx.timezone ?? timezoneForUrl(ctx.url);
  // The middle of a record is article text more often than its menu-heavy top.
  const middle = source.length >> 1;
  const english = guessLanguage(source.slice(Math.max(0, middle - 1500), middle + 1500))?.startsWith('en') ?? false;
  const monthFirst = slashDatesMonthFirst(source, english, ctx.url?.hostname);
  const article: Article = { authors: [], tags: [], text: '', markdown: '', html: '', wordCount: 0, warnings: ctx.warnings };
  if (ctx.url) article.url = ctx.url.href;


  const anchors = slugHeadlines(lines, cls, ctx.url);
  const region = anchoredRegion(lines, cls, bestRegion(lines, cls), anchors) ?? smallPageRegion(lines, cls);
  if (!region) {
    if (crawled) article.published = crawled;
    return article;
  }
  // A record cut off mid-paragraph (a size limit) ends in an unfinished line: still story text.
  const last = lines[region.end];
  if (last && region.end === lines.length - 1 && last.units >= 8 && !cls[region.end]!.furniture && cls[region.end - 1]!.prose) region.end++;

  extendColonList(lines, cls, region);

  // Byline and date-stamp lines around the body start are found first: the headline sits
  // just above them, and they must not be taken for a headline or a section label.
  const zoneStart = Math.max(0, region.start - 45);
  const zoneEnd = Math.min(lines.length, region.start + META_AFTER_START);
  const stampAt = new Map<number, DateStamp>();
  for (let i = zoneStart; i < zoneEnd; i++) {
    const l = lines[i]!;
    if (cls[i]!.prose && l.units > 16) continue;
    const st = dateStamp(l.text, l.units, timezone, monthFirst);
    if (st) {
      stampAt.set(i, st);
      cls[i]!.meta = true;
      continue;
    }
    const by = findByline(lines, i);
    if (by) {
      if (!article.authors.length || i >= region.start - 12) article.authors = by.names;
      for (let k = 0; k < by.used; k++) {
        cls[i + k]!.meta = true;
        // "Von" / "Deutscher Tennis Bund 4. 2. 2022.": a byline's second line may carry the stamp.
        const line = lines[i + k]!;
        const st = k > 0 ? dateStamp(line.text, line.units, timezone, monthFirst) : undefined;
        if (st) stampAt.set(i + k, st);
      }
      i += by.used - 1;
    }
  }

  const titleIdx = slugTitle(anchors, cls, region) ?? findTitle(lines, cls, region.start, ctx.url);
  const exclude = new Set<string>();
  if (titleIdx >= 0) {
    article.title = headlineText(lines[titleIdx]!.text);
    cls[titleIdx]!.meta = true;
    exclude.add(lines[titleIdx]!.key);
    const sec = findSection(lines, cls, titleIdx);
    if (sec >= 0) {
      article.section = lines[sec]!.text;
      cls[sec]!.meta = true;
      exclude.add(lines[sec]!.key);
    }
  } else {
    const first = lines[0];
    const t = first && !cls[0]!.meta && !cls[0]!.prose && !cls[0]!.furniture ? titleFromFirstLine(first) : undefined;
    if (t) article.title = t;
  }
  setSiteName(article, lines[0]);
  // Stamps far above the headline belong to other things (a ticker, a previous story).
  const headerFrom = (titleIdx >= 0 ? titleIdx : region.start) - 8;
  const stamps = [...stampAt].filter(([i]) => i >= headerFrom).map(([, st]) => st);
  const stampLine = new Map([...stampAt].map(([i, st]) => [st, i]));
  if (!article.section) {
    for (let i = Math.max(0, headerFrom); i < zoneEnd; i++) {
      const sec = labelledSection(lines[i]!.text);
      if (sec) {
        article.section = sec;
        cls[i]!.meta = true;
        break;
      }
    }
  }
  // Date stamps inside the body (a dateline list, "Updated" notes) are dropped from the text;
  // the first one is a fallback publication date.
  const inBody: DateStamp[] = [];
  for (let i = zoneEnd; i < region.end; i++) {
    const l = lines[i]!;
    if (cls[i]!.prose || l.units > 10) continue;
    const st = dateStamp(l.text, l.units, timezone, monthFirst);
    if (st) {
      cls[i]!.meta = true;
      inBody.push(st);
    }
  }
  if (!stamps.length) {
    // Fallbacks, nearest evidence first: a stamp higher up the header, one in the body, one
    // just after it ("Posted on …" footers).
    const above = [...stampAt].filter(([i]) => i < headerFrom).map(([, st]) => st);
    const after: DateStamp[] = [];
    for (let i = region.end; i < Math.min(lines.length, region.end + 15); i++) {
      const st = dateStamp(lines[i]!.text, lines[i]!.units, timezone, monthFirst);
      if (st) after.push(st);
    }
    const pick = [above[above.length - 1], inBody[0], after.find((s) => s.kind !== 'plain') ?? after[0]].find(Boolean);
    if (pick) stamps.push(pick);
  }
  const published = stamps.find((s) => s.kind === 'published') ?? stamps.find((s) => s.kind === 'plain');
  const modified = stamps.find((s) => s.kind === 'modified');
  if (published) article.published = published.iso;
  else if (modified) article.published = modified.iso;
  const publishedLine = published ? stampLine.get(published) : undefined;
  if (published && publishedLine !== undefined && isPageDateLine(lines[publishedLine]!.text, published, publishedLine, titleIdx >= 0 ? titleIdx : region.start)) {
    article.warnings.push({ code: 'published-page-date', value: published.iso, message: `${published.iso}: a bare weekday-and-day line above the headline, often the day the page was shown (a masthead); published on or before it` });
  }
  if (modified && modified.iso !== article.published) article.modified = modified.iso;
  if (!article.published) article.published = proseDate(lines, cls, titleIdx, region, timezone, monthFirst) ?? crawled ?? urlDate(ctx.url);

  trimAuthorBox(lines, cls, region, article.authors);
  const body = [...leadLines(lines, cls, titleIdx, region, exclude), ...regionParagraphs(lines, cls, region, exclude)];
  Object.assign(article, renderParagraphs(body.map((l) => l.text)));
  const lang = guessLanguage(article.text || lines.map((l) => l.text).join('\n'));
  if (lang) article.language = lang;
  return article;
}

/**
 * A bare "Thursday, July 31, 2025" above the headline, with no label and no time: news themes print
 * the current day in their masthead in exactly this form (bostonherald.com, twincities.com and
 * mercurynews.com pages in ../shared/bench/extraction/crawltext-trafilatura show the crawl day,
 * a day or more after publication), while a post's own date stamp usually carries a label, a
 * time or a byline. Still often the publication day (blog date headers): readers of the warning
 * take the day as an upper bound, not as wrong.
 */
function isPageDateLine(text: string, stamp: DateStamp, line: number, headline: number): boolean {
  return stamp.kind === 'plain' && line < headline && /^\d{4}-\d{2}-\d{2}$/.test(stamp.iso) && PAGE_DATE_LINE.test(text.trim());
}

const PAGE_DATE_LINE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\.?\s+\p{L}+),?\s+\d{4}$/u;

/**
 * The body run that follows the page's own headline (matched against the URL slug) wins over a
 * better-scoring run elsewhere — a comments widget, a list of other stories — unless it is
 * much weaker. A run that already starts just after such a headline is kept as it is.
 */
function anchoredRegion(lines: Line[], cls: LineClass[], best: Region | undefined, anchors: number[]): Region | undefined {
  if (!anchors.length || !best) return best;
  // The best run already starts under the headline (nothing but header lines between them).
  const under = (a: number) => a < best.start && best.start - a <= ANCHOR_REACH && !cls.slice(a + 1, best.start).some((c) => c.prose && !c.meta);
  if (anchors.some(under)) return best;
  let near: Region | undefined;
  for (const a of anchors) {
    const r = regionAfter(lines, cls, a);
    if (!r) continue;
    if (r.start >= best.start && r.start < best.end) return best;
    if (!near || r.score > near.score) near = r;
  }
  return near && near.score >= ANCHOR_SHARE * best.score ? near : best;
}

/** The URL-named headline nearest above the body, when there is one: it beats shape guesses. */
function slugTitle(anchors: number[], cls: LineClass[], region: Region): number | undefined {
  let best: number | undefined;
  for (const a of anchors) if (a < region.start && region.start - a <= TITLE_REACH && !cls[a]!.meta && !cls[a]!.prose) best = a;
  return best;
}

const TITLE_REACH = 80;

/** How far below its headline a body may start, and how weak (against the best run elsewhere) it may be. */
const ANCHOR_REACH = 25;
const ANCHOR_SHARE = 0.25;

/**
 * Fallback publication date when no stamp line was found: a date written in front of the
 * headline or of the first paragraphs, else a sentence just after the body (or above it) that
 * says when the post was published.
 */
function proseDate(lines: Line[], cls: LineClass[], titleIdx: number, region: Region, timezone: string | undefined, monthFirst: boolean): string | undefined {
  const heads = [titleIdx, region.start, region.start + 1, region.start + 2].filter((i) => i >= 0 && i < region.end);
  for (const i of heads) {
    const d = leadingDate(lines[i]!.text, timezone);
    if (d) return d;
  }
  const near: number[] = [];
  for (let i = region.end; i < Math.min(lines.length, region.end + 15); i++) near.push(i);
  for (let i = region.start - 1; i >= Math.max(0, region.start - 80); i--) near.push(i);
  for (const i of near) {
    if (cls[i]!.feedStamp || cls[i]!.inFeed) continue;
    const d = labelledDate(lines[i]!.text, lines[i]!.units, timezone, monthFirst);
    if (d) return d;
  }
  return undefined;
}

/** Prose between the headline and the body run (a standfirst), unless it is a caption or a repeat. */
function leadLines(lines: Line[], cls: LineClass[], titleIdx: number, region: Region, exclude: Set<string>): Line[] {
  if (titleIdx < 0 || region.start - titleIdx > 25) return [];
  const out: Line[] = [];
  for (let i = titleIdx + 1; i < region.start; i++) {
    const l = lines[i]!;
    const c = cls[i]!;
    if (c.meta || c.furniture || l.repeats > 1 || exclude.has(l.key)) continue;
    if (isProse(l)) out.push(l);
  }
  return out;
}

/**
 * No run of prose at all: a short page (a note, a list, a stub) is kept whole, minus furniture;
 * a long one is all furniture and yields no body.
 */
function smallPageRegion(lines: Line[], cls: LineClass[]): Region | undefined {
  if (lines.length > 40) return undefined;
  const keep = lines.filter((l, i) => !cls[i]!.furniture && !cls[i]!.meta);
  if (!keep.length) return undefined;
  return { start: keep[0]!.index, end: keep[keep.length - 1]!.index + 1, score: 0 };
}

function setSiteName(article: Article, first: Line | undefined): void {
  if (!first || !article.title) return;
  const parts = first.text.split(/\s+[|–—-]\s+|\s+[·•»]\s+/);
  if (parts.length < 2) return;
  const rest = parts.filter((p) => p.trim() && !article.title!.includes(p.trim()));
  const site = rest[rest.length - 1]?.trim();
  if (site && site.length <= 40 && site.split(' ').length <= 5 && rest.length < parts.length) article.siteName = site;
}
