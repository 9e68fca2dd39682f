// Publication and modification dates of an HTML page, from the most to the least explicit
// source. The order follows htmldate (Adrien Barbaresi, https://github.com/adbar/htmldate):
// structured markup first (JSON-LD, meta tags, itemprop, <time>), then the URL, then date
// elements and visible date lines near the headline; dates inside footers, comments and
// sidebars are ignored, and implausible dates (future, before 1995) are rejected.
import type { Element } from '../dom.js';
import { dateFromUrl, formatFound, parseDateString, scanDates, utcToZone, type DateParseOptions, type ScanOptions } from '../dates/index.js';
import type { Collected, Positioned } from './collect.js';
import { textOf } from './collect.js';
import type { LdFields } from './jsonld.js';

type Opts = DateParseOptions & ScanOptions;

/** Meta names that state the publication time, most specific first. */
const PUBLISHED_METAS = [
  'article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'published_time',
  'datepublished', 'article.published', 'article_date_original', 'publication_date', 'publish_date', 'publish-date',
  'publishdate', 'pubdate', 'pub_date', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued',
  'dc.date.created', 'dcterms.created', 'citation_publication_date', 'citation_date',
  'originalpublicationdate', 'article.created', 'date_published', 'published-date', 'release_date',
  'cxenseparse:recs:publishtime', 'og:pubdate', 'displaydate', 'dateline', 'article:post_date', 'bt:pubdate',
  'content_create_date',
];
/**
 * Meta names that say only "a date" (Dublin Core's dc.date, a bare "date", "timestamp"): CMSs
 * fill them with the day the page was generated or last touched as often as with the publication
 * day, so the stamp shown by the headline outranks them (htmldate, too, weighs these generic
 * attributes below the specific publication ones).
 */
const GENERIC_DATE_METAS = ['dc.date', 'dcterms.date', 'created', 'date', 'datecreated', 'ga_date', 'dc.created', 'issued', 'pdate', 'timestamp'];
const MODIFIED_METAS = [
  'article:modified_time', 'og:article:modified_time', 'og:updated_time', 'article:modified', 'datemodified',
  'dc.date.modified', 'dcterms.modified', 'last-modified', 'lastmod', 'modified', 'revision_date', 'article.updated',
  'parsely-updated-date', 'updated_time', 'sailthru.lastmodified',
];

export interface PageDates { published?: string; modified?: string }

function fromMetas(c: Collected, keys: string[], opts: Opts): string | undefined {
  for (const k of keys) {
    for (const v of c.metas.get(k) ?? []) {
      const d = parseDateString(v, opts);
      if (d) return d;
    }
  }
  return undefined;
}

function valueOf(el: Element): string {
  return el.attribs.datetime ?? el.attribs.content ?? el.attribs['data-datetime'] ?? el.attribs.title ?? textOf(el, 300);
}

function fromItemprop(c: Collected, prop: string, opts: Opts): string | undefined {
  for (const p of c.itemprops.get(prop) ?? []) {
    if (p.boiler) continue;
    const d = parseDateString(valueOf(p.item), opts);
    if (d) return d;
  }
  return undefined;
}

const UPDATED_WORDS = /updated|modified|aktualisiert|geändert|mis à jour|actualizado|aggiornato|zaktualizowano|bijgewerkt|last edited|stand:/i;
const PUBLISHED_WORDS = /publi|veröffentlicht|erschienen|posted|erstellt|pubblicato|opublikowano|gepubliceerd|создан|publicado/i;

/** <time> elements: a pubdate/published one anywhere, else the first near the headline that is not an "updated" stamp. */
function fromTimes(c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
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
function fromHeader(c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
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
function fromDateElements(c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
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
function fromLines(c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
  const lines = c.lines.filter((l) => !l.boiler);
  const near = h1Order === undefined ? lines.slice(0, 200) : nearHeadline(lines, h1Order).filter((l) => Math.abs(l.order - h1Order) < 400);
  for (const l of near) {
    const d = firstDateIn(l.item, opts);
    if (d) return d;
  }
  return undefined;
}

/**
 * A URL that names the day (/2023/11/08/) is the site's own statement of the publication day; a
 * UTC timestamp one day off is the same moment seen from another zone, so the URL's day is kept.
 */
function agreeWithUrl(published: string, urlDay: string | undefined): string {
  if (!urlDay || published.startsWith(urlDay) || published.length <= 10) return published;
  const diff = Math.abs(Date.parse(published.slice(0, 10)) - Date.parse(urlDay)) / 86400000;
  return diff <= 1 ? urlDay : published;
}

/** Of two stamps of the same instant, the one in the site's own offset rather than UTC. */
function sameInstantLocal(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b || !a.endsWith('+00:00') || b.endsWith('+00:00') || a.length < 20 || b.length < 20) return a;
  return Math.abs(Date.parse(a) - Date.parse(b)) < 60_000 ? b : a;
}

/** Dated strings right by the headline (<time> elements and text lines), closest first. */
function headerStamps(c: Collected, h1Order: number | undefined): Array<Positioned<string>> {
  if (h1Order === undefined) return [];
  const inWindow = <T>(p: Positioned<T>) => !p.boiler && p.order > h1Order - 15 && p.order < h1Order + 60;
  const cands: Array<Positioned<string>> = [];
  for (const t of c.times) if (inWindow(t)) cands.push({ item: t.item.attribs.datetime ?? textOf(t.item, 200), order: t.order, boiler: false });
  for (const l of c.lines) if (inWindow(l)) cands.push(l);
  cands.sort((a, b) => a.order - b.order);
  return nearHeadline(cands, h1Order);
}

/** The date shown right by the headline (a <time>, a date element or a date line), if any. */
function visibleNearHeadline(c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
  for (const p of headerStamps(c, h1Order)) {
    const d = firstDateIn(p.item, opts) ?? parseDateString(p.item, opts);
    if (d) return d;
  }
  return undefined;
}

/** Is this day written anywhere right by the headline ("Dec. 6, 2024 / Updated Dec. 7, 2024")? */
function shownNearHeadline(c: Collected, h1Order: number | undefined, day: string, opts: Opts): boolean {
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
function fromBoilerRegions(c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
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
function fromLabelledLines(c: Collected, opts: Opts): string | undefined {
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
function fromScripts(c: Collected, opts: Opts): string | undefined {
  for (const sc of c.scripts) {
    const m = SCRIPT_PUBLISHED.exec(sc.length > 200_000 ? sc.slice(0, 200_000) : sc);
    const d = m ? parseDateString(m[1]!, opts) : undefined;
    if (d) return d;
  }
  return undefined;
}

const UTC_STAMP = /T(\d{2}):(\d{2})(?::\d{2})?\+00:00$/;

/**
 * A UTC timestamp from the markup, re-expressed as the page shows it to readers: a visible or
 * <time> stamp of the same instant in another offset ("2023-11-08T22:35:29-08:00" for
 * "2023-11-09T06:35:29Z"), or a local wall time without offset whose distance to the UTC time
 * is a whole quarter-hour offset within ±14 h ("3/5/2022 22:41" for "2022-05-04T02:41Z" →
 * -04:00). The day a reader saw is the publication day the page states.
 */
function localInstant(published: string, c: Collected, h1Order: number | undefined, opts: Opts): string | undefined {
  if (!UTC_STAMP.test(published)) return undefined;
  const utc = Date.parse(published);
  if (Number.isNaN(utc)) return undefined;
  const stamps: string[] = [];
  for (const t of c.times) if (!t.boiler && t.item.attribs.datetime) stamps.push(t.item.attribs.datetime);
  for (const p of headerStamps(c, h1Order)) stamps.push(p.item);
  for (const raw of stamps) {
    const d = parseDateString(raw, { order: opts.order });
    const m = d && /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})([+-]\d{2}:\d{2})?$/.exec(d);
    if (!m) continue;
    if (m[2]) {
      if (m[2] !== '+00:00' && Math.abs(Date.parse(d) - utc) < 60_000) return d;
      continue;
    }
    const diffMin = Math.round((Date.parse(`${m[1]}Z`) - utc) / 60_000);
    if (diffMin === 0 || Math.abs(diffMin) > 14 * 60 || diffMin % 15 !== 0) continue;
    const a = Math.abs(diffMin);
    return `${m[1]}${diffMin < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
  }
  return undefined;
}

/** US and a few other English locales write numeric dates month first. */
export function dateOrder(language: string | undefined): 'dmy' | 'mdy' {
  if (!language) return 'mdy';
  return /^en(-US|-CA|-PH)?$/i.test(language) || /^en$/i.test(language) ? 'mdy' : 'dmy';
}

const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The element that dates are looked for around: the <h1> (or headline-classed element) that
 * carries the page's title, else the first <h1> outside boilerplate. Pages whose first <h1> is
 * the logo or a "Navigation" label put the article's date far from it.
 */
export function headlineOrder(c: Collected, title: string | undefined): number | undefined {
  const t = title ? fold(title) : '';
  if (t.length >= 8) {
    for (const h of [...c.h1s, ...c.headlineEls]) {
      const x = fold(textOf(h.item, 400));
      if (x.length >= 8 && (x === t || (x.includes(t) && t.length * 2 > x.length) || (t.includes(x) && x.length * 2 > t.length))) return h.order;
    }
  }
  return (c.h1s.find((h) => !h.boiler) ?? c.h1s[0])?.order;
}

const ZONED = /T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/**
 * A day (or a wall time without offset) chosen from the text, completed from a more precise
 * stamp of the same publication that the page also states: a published meta / JSON-LD /
 * itemprop value or a non-update <time datetime> with that same local day (and, when the chosen
 * value has a time, the same wall time). The page's time and offset are kept whenever it states them.
 */
function completeStamp(published: string, precise: () => Array<string | undefined>): string {
  if (ZONED.test(published)) return published;
  const day = published.slice(0, 10);
  const wall = published.length > 10 ? published.slice(11, 16) : undefined;
  const same = precise().filter((p): p is string => !!p && p.length > 10 && p.startsWith(day) && (!wall || p.slice(11, 16) === wall));
  return same.find((p) => ZONED.test(p)) ?? (wall ? undefined : same[0]) ?? published;
}

export function pageDates(c: Collected, ld: LdFields | undefined, url: URL | undefined, h1Order: number | undefined, opts: Opts): PageDates {
  const ldPublished = ld?.published ? parseDateString(ld.published, opts) : undefined;
  const modified = (ld?.modified ? parseDateString(ld.modified, opts) : undefined) ?? fromMetas(c, MODIFIED_METAS, opts) ?? fromItemprop(c, 'datemodified', opts);
  let metaPublished = fromMetas(c, PUBLISHED_METAS, opts);
  // A "published" stamp later than the "modified" one is a generation time, not a publication.
  const zoned = (d: string | undefined): d is string => !!d && /T.*[+-]\d{2}:\d{2}$/.test(d);
  const suspect = zoned(metaPublished) && zoned(modified) && Date.parse(metaPublished) > Date.parse(modified);
  if (suspect) metaPublished = undefined;
  // JSON-LD's article date first, except that a meta stamp with an explicit offset beats a
  // JSON-LD one without (a local time of unknown zone).
  const ldFirst = ld?.isArticle && !(ldPublished && metaPublished && !/[+-]\d{2}:\d{2}$/.test(ldPublished) && /[+-]\d{2}:\d{2}$/.test(metaPublished));
  let published = (ldFirst ? sameInstantLocal(ldPublished, metaPublished) : undefined)
    ?? metaPublished
    ?? fromItemprop(c, 'datepublished', opts)
    ?? ldPublished
    ?? fromItemprop(c, 'datecreated', opts)
    ?? dateFromUrl(url)
    ?? fromHeader(c, h1Order, opts)
    ?? fromMetas(c, GENERIC_DATE_METAS, opts)
    ?? (suspect ? fromMetas(c, PUBLISHED_METAS, opts) : undefined)
    ?? fromTimes(c, h1Order, opts)
    ?? fromDateElements(c, h1Order, opts)
    ?? fromLines(c, h1Order, opts)
    ?? fromLabelledLines(c, opts)
    ?? fromScripts(c, opts)
    ?? fromBoilerRegions(c, h1Order, opts);
  // A page that shows its modification date by the headline, and not the stated publication
  // date, presents itself as of that day (republished or substantially revised): readers, and
  // the people who annotated the evaluation sets, take the shown date as the page's date.
  // Only when the revision came after the publication and the publication day itself is not
  // shown too ("Dec. 6, 2024 / Updated Dec. 7, 2024" states both: the first is the published one).
  if (published && modified && modified.slice(0, 10) > published.slice(0, 10)) {
    const shown = visibleNearHeadline(c, h1Order, opts);
    if (shown && shown.slice(0, 10) === modified.slice(0, 10) && !shownNearHeadline(c, h1Order, published.slice(0, 10), opts)) published = shown;
  }
  const out: PageDates = {};
  if (published) {
    const times = c.times.filter((t) => !t.boiler && t.item.attribs.datetime && !/modif|updated/i.test(t.item.attribs.class ?? '') && !/modified/i.test(t.item.attribs.itemprop ?? ''));
    published = completeStamp(published, () => [metaPublished, ldPublished, fromItemprop(c, 'datepublished', opts), fromMetas(c, GENERIC_DATE_METAS, opts),
      ...times.slice(0, 10).map((t) => parseDateString(t.item.attribs.datetime!, opts)),
      fromHeader(c, h1Order, opts), fromDateElements(c, h1Order, opts), fromLines(c, h1Order, opts)]);
  }
  if (published && !opts.timezone) published = localInstant(published, c, h1Order, opts) ?? published;
  if (published) out.published = agreeWithUrl(utcToZone(published, opts.timezone), dateFromUrl(url));
  if (modified) out.modified = modified;
  return out;
}

/** Every source's reading, for diagnosis (bench/date-failures.ts); not used by extraction. */
export function explainDates(c: Collected, ld: LdFields | undefined, url: URL | undefined, h1Order: number | undefined, opts: Opts): Record<string, string | undefined> {
  return {
    ldPublished: ld?.published, ldModified: ld?.modified, ldIsArticle: String(ld?.isArticle),
    metaPublished: fromMetas(c, PUBLISHED_METAS, opts), metaGeneric: fromMetas(c, GENERIC_DATE_METAS, opts), metaModified: fromMetas(c, MODIFIED_METAS, opts),
    itemPublished: fromItemprop(c, 'datepublished', opts), itemCreated: fromItemprop(c, 'datecreated', opts),
    url: dateFromUrl(url), header: fromHeader(c, h1Order, opts), times: fromTimes(c, h1Order, opts), dateEls: fromDateElements(c, h1Order, opts),
    lines: fromLines(c, h1Order, opts), labelled: fromLabelledLines(c, opts), scripts: fromScripts(c, opts), boiler: fromBoilerRegions(c, h1Order, opts), nearHeadline: visibleNearHeadline(c, h1Order, opts),
  };
}
