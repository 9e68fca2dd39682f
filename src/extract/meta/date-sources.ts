// The date sources a reader sees, or that page scripts carry: <time> elements, date-classed
// elements, date lines by the headline, labelled "published on" lines anywhere, page-state JSON
// and, last, boilerplate-looking regions. pageDates (dates.ts) decides their order.
import type { Element } from '../dom.js';
import { formatFound, parseDateString, scanDates, type DateParseOptions, type ScanOptions } from '../dates/index.js';
import type { Collected, Positioned } from './collect.js';
import { textOf } from './collect.js';

type Opts = DateParseOptions & ScanOptions;

const UPDATED_WORDS = /updated|modified|aktualisiert|geändert|mis à jour|actualizado|aggiornato|zaktualizowano|bijgewerkt|last edited|stand:/i;
const PUBLISHED_WORDS = /publi|veröffentlicht|erschienen|posted|erstellt|pubblicato|opublikowano|gepubliceerd|создан|publicado/i;

/** <time> elements: a pubdate/published one anywhere, else the first near the headline that is not an "updated" stamp. */
export function fromTimes(c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
  const usable = c.times.filter((t) => !t.boiler);
  const marked = usable.find((t) => 'pubdate' in t.item.attribs || /publish|posted|entry-date|created/i.test(`${t.item.attribs.class ?? ''} ${t.item.attribs.itemprop ?? ''}`));
  const ordered = marked ? [marked, ...usable] : nearHeadline(usable, h1Order);
  for (const t of ordered) {
    const ctx = `${t.item.attribs.class ?? ''} ${t.item.attribs.itemprop ?? ''} ${parentText(t.item)}`;
    if (t !== marked && UPDATED_WORDS.test(ctx) && !PUBLISHED_WORDS.test(ctx)) continue;
    const d = timeValue(t.item, opts);
    if (d) return d;
  }
  return undefined;
}

function parentText(el: Element): string {
  const p = el.parent as Element | null;
  return p && 'attribs' in p ? `${p.attribs.class ?? ''} ${textOf(p, 120)}` : '';
}

/**
 * The publication stamp right by the headline: <time> elements, date-classed elements and date
 * lines in a short window around it, the closest after it first (a <time> marked as the
 * publication date wins). Read before <time> elements elsewhere, which are often embedded posts,
 * comments or teasers further down. Stamps labelled as updates are skipped when another exists.
 */
export function fromHeader(c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
  if (h1Order === undefined) return undefined;
  const inWindow = <T>(p: Positioned<T>) => !p.boiler && p.order > h1Order - 15 && p.order < h1Order + 60;
  const cands: Array<Positioned<string>> = [];
  let marked: string | undefined;
  for (const t of c.times) {
    if (!inWindow(t)) continue;
    const v = timeValue(t.item, opts);
    if (!v) continue;
    if ('pubdate' in t.item.attribs || /publish|posted|entry-date|created/i.test(`${t.item.attribs.class ?? ''} ${t.item.attribs.itemprop ?? ''}`)) marked ??= v;
    cands.push({ item: v, order: t.order, boiler: false });
  }
  if (marked) return marked;
  for (const e of c.dateEls) {
    if (!inWindow(e) || /modif|updated|aktualisiert/i.test(`${e.item.attribs.class ?? ''} ${e.item.attribs.id ?? ''}`)) continue;
    const a = e.item.attribs;
    const text = a.datetime ?? a.content;
    if (text) cands.push({ item: text, order: e.order, boiler: false });
  }
  for (const l of c.lines) if (inWindow(l)) cands.push(l);
  // Closest first, a stamp before the headline (a kicker line above it) counting double distance.
  const dist = (p: Positioned<string>) => (p.order > h1Order ? p.order - h1Order : 2 * (h1Order - p.order));
  cands.sort((a, b) => dist(a) - dist(b) || a.order - b.order);
  for (const p of cands) {
    const d = ISO_START.test(p.item) ? parseDateString(p.item, opts) : firstDateIn(p.item, opts) ?? parseDateString(p.item, opts);
    if (d) return d;
  }
  return undefined;
}

const ISO_START = /^\d{4}-\d{2}-\d{2}T/;

/**
 * A <time>'s machine value, unless its visible text states another day: "Publié le 29 juin 2019"
 * with datetime="2019-07-03T10:18:46Z" (a revision stamp in the attribute); readers see the text.
 */
function timeValue(el: Element, opts: Opts): string | undefined {
  const attr = el.attribs.datetime ? parseDateString(el.attribs.datetime, opts) : undefined;
  const text = textOf(el, 200);
  const shown = text ? firstDateIn(text, opts) ?? parseDateString(text, opts) : undefined;
  if (!attr) return shown;
  if (shown && Math.abs(Date.parse(shown.slice(0, 10)) - Date.parse(attr.slice(0, 10))) > 86400000) return shown;
  return attr;
}

/** Items after the headline first (closest first), then the ones before it (closest first). */
function nearHeadline<T>(items: Array<Positioned<T>>, h1Order: number | undefined): Array<Positioned<T>> {
  if (h1Order === undefined) return items;
  const after = items.filter((i) => i.order > h1Order);
  const before = items.filter((i) => i.order <= h1Order).reverse();
  return [...after, ...before];
}

/** Elements whose class or id says date/published: their attributes, then their text. */
export function fromDateElements(c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
  for (const p of nearHeadline(c.dateEls.filter((e) => !e.boiler), h1Order)) {
    const a = p.item.attribs;
    if (/modif|updated|aktualisiert/i.test(`${a.class ?? ''} ${a.id ?? ''}`)) continue;
    const text = a.datetime ?? a.content ?? textOf(p.item, 240);
    if (text.length > 240) continue;
    const d = firstDateIn(text, opts);
    if (d) return d;
  }
  return undefined;
}

/** The first plausible date in a line, skipping ones announced as updates when a published one follows. */
function firstDateIn(text: string, opts: Opts): string | undefined {
  const found = scanDates(text, opts);
  for (const f of found) {
    const before = text.slice(Math.max(0, f.index - 30), f.index);
    if (found.length > 1 && UPDATED_WORDS.test(before)) continue;
    const d = formatFound(f, opts);
    if (d) return d;
  }
  return undefined;
}

/** Visible short lines near the headline (within a window of nodes), then none. */
export function fromLines(c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
  const lines = c.lines.filter((l) => !l.boiler);
  const near = h1Order === undefined ? lines.slice(0, 200) : nearHeadline(lines, h1Order).filter((l) => Math.abs(l.order - h1Order) < 400);
  for (const l of near) {
    const d = firstDateIn(l.item, opts);
    if (d) return d;
  }
  return undefined;
}

/** Dated strings right by the headline (<time> elements and text lines), closest first. */
export function headerStamps(c: Collected, h1Order: number | undefined): Array<Positioned<string>> {
  if (h1Order === undefined) return [];
  const inWindow = <T>(p: Positioned<T>) => !p.boiler && p.order > h1Order - 15 && p.order < h1Order + 60;
  const cands: Array<Positioned<string>> = [];
  for (const t of c.times) if (inWindow(t)) cands.push({ item: t.item.attribs.datetime ?? textOf(t.item, 200), order: t.order, boiler: false });
  for (const l of c.lines) if (inWindow(l)) cands.push(l);
  cands.sort((a, b) => a.order - b.order);
  return nearHeadline(cands, h1Order);
}

/** The date shown right by the headline (a <time>, a date element or a date line), if any. */
export function visibleNearHeadline(c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
  for (const p of headerStamps(c, h1Order)) {
    const d = firstDateIn(p.item, opts) ?? parseDateString(p.item, opts);
    if (d) return d;
  }
  return undefined;
}

/** Is this day written anywhere right by the headline ("Dec. 6, 2024 / Updated Dec. 7, 2024")? */
export function shownNearHeadline(c: Collected, h1Order: number | undefined, day: string, opts: Opts): boolean {
  for (const p of headerStamps(c, h1Order)) {
    if (parseDateString(p.item, opts)?.startsWith(day)) return true;
    for (const f of scanDates(p.item, opts)) if (formatFound(f, opts)?.startsWith(day)) return true;
  }
  return false;
}

/**
 * Last resort when the page's main regions hold no date: dates inside regions that look like
 * boilerplate by their class names ("sidebar_content", "social-share", "site-footer" wrapping a
 * whole blog theme), closest to the headline first and within a short window of it, so that a
 * sidebar list of other articles further away is not read. Comment threads, page footers and
 * copyright lines are never used.
 * (htmldate likewise searches the whole tree, discarding only comments and a few tags.)
 */
export function fromBoilerRegions(c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
  const usable = <T>(p: Positioned<T>) => p.boiler && !p.hard;
  const cands: Array<Positioned<string>> = [];
  for (const t of c.times) if (usable(t)) cands.push({ item: t.item.attribs.datetime ?? textOf(t.item, 200), order: t.order, boiler: true });
  for (const e of c.dateEls) {
    if (!usable(e) || /modif|updated|aktualisiert/i.test(`${e.item.attribs.class ?? ''} ${e.item.attribs.id ?? ''}`)) continue;
    const text = e.item.attribs.datetime ?? e.item.attribs.content ?? textOf(e.item, 240);
    if (text.length <= 240) cands.push({ item: text, order: e.order, boiler: true });
  }
  for (const l of c.lines) if (usable(l)) cands.push(l);
  cands.sort((a, b) => a.order - b.order);
  const near = h1Order === undefined ? cands.filter((p) => p.order < 400) : nearHeadline(cands, h1Order).filter((p) => p.order > h1Order - 40 && p.order < h1Order + 120);
  for (const p of near) {
    if (/©|copyright/i.test(p.item)) continue;
    const d = firstDateIn(p.item, opts) ?? parseDateString(p.item, opts);
    if (d) return d;
  }
  return undefined;
}

// A line that opens with an explicit publication label names the publication date wherever it
// stands (htmldate reads such "published on" expressions too); "posted" is left out, comment
// threads say it of every reply.
const PUBLICATION_LABEL = /^(?:erschienen|ver(?:ö|oe)ffentlicht|published|first published|publi(?:é|e) le|publicado|pubblicato|opublikowano|gepubliceerd|julkaistu|publiceret|publicerad|datum der ver)\b/i;

/** Labelled publication lines anywhere outside comment threads (page footers included). */
export function fromLabelledLines(c: Collected, opts: Opts): string | undefined {
  for (const l of c.lines) {
    if (l.hard === 'comment' || !PUBLICATION_LABEL.test(l.item)) continue;
    const d = firstDateIn(l.item, opts);
    if (d) return d;
  }
  return undefined;
}

// "datePublished": "2016-11-04T20:37:27Z" and its spellings, as page-state scripts write them.
const SCRIPT_PUBLISHED = /["'](?:datePublished|publishedDate|publishDate|published_at|publishedAt|publication_date|firstPublishedDate|date_published|pubDate)["']\s*:\s*["']([^"']{8,40})["']/;

/**
 * Page-state scripts (Next.js __NEXT_DATA__, CMS data layers) often carry the publication time as
 * JSON when no markup does (htmldate also searches scripts for such JSON keys). The first such
 * key in the first script that has one; read only when the markup and the text say nothing.
 */
export function fromScripts(c: Collected, opts: Opts): string | undefined {
  for (const sc of c.scripts) {
    const m = SCRIPT_PUBLISHED.exec(sc.length > 200_000 ? sc.slice(0, 200_000) : sc);
    const d = m ? parseDateString(m[1]!, opts) : undefined;
    if (d) return d;
  }
  return undefined;
}
