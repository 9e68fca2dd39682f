// Publication and modification dates of an HTML page, from the most to the least explicit
// source. The order follows htmldate's ideas (Adrien Barbaresi, https://github.com/adbar/htmldate)
// and was tuned on why dates went wrong (bench/date-failures.ts): specific publication metas,
// JSON-LD and itemprop first, then the URL, then the stamp shown by the headline, then generic
// "date" metas, other <time> and date elements, date lines, labelled "published on" lines,
// page-state JSON and, last, boilerplate-looking regions (never comments). The chosen value is
// then completed with the time and offset the page states for the same day, re-expressed in the
// page's own offset when it came as UTC, and checked against a day in the URL. Implausible dates
// (future, before 1995) are rejected by the parser.
import type { Element } from '../dom.js';
import { dateFromUrl, parseDateString, utcToZone, type DateParseOptions, type ScanOptions } from '../dates/index.js';
import type { Collected } from './collect.js';
import { textOf } from './collect.js';
import { NON_ASCII } from './title-strings.js';
import { fromBoilerRegions, fromDateElements, fromHeader, fromLabelledLines, fromLines, fromScripts, fromTimes, headerStamps, shownNearHeadline, visibleNearHeadline } from './date-sources.js';
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

// (ASCII text's letters and digits are [a-z0-9] once lower-cased: a cheaper pattern, the same result.)
const fold = (s: string) => (NON_ASCII.test(s) ? s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ') : s.toLowerCase().replace(/[^a-z0-9]+/g, ' ')).trim();

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
function completeStamp(published: string, sources: Array<() => string | undefined>): string {
  if (ZONED.test(published)) return published;
  const day = published.slice(0, 10);
  const wall = published.length > 10 ? published.slice(11, 16) : undefined;
  let timed: string | undefined;
  // Sources are read lazily, cheapest first, and the first zoned stamp of that day ends the search.
  for (const read of sources) {
    const p = read();
    if (!p || p.length <= 10 || !p.startsWith(day) || (wall && p.slice(11, 16) !== wall)) continue;
    if (ZONED.test(p)) return p;
    timed ??= p;
  }
  return (wall ? undefined : timed) ?? published;
}

/** A source read at most once per page, however many steps ask for it. */
function once(read: () => string | undefined): () => string | undefined {
  let done = false;
  let value: string | undefined;
  return () => {
    if (!done) { value = read(); done = true; }
    return value;
  };
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
  // Sources read both here and again by completeStamp are read once.
  const itemPublished = once(() => fromItemprop(c, 'datepublished', opts));
  const header = once(() => fromHeader(c, h1Order, opts));
  const genericMeta = once(() => fromMetas(c, GENERIC_DATE_METAS, opts));
  const dateElements = once(() => fromDateElements(c, h1Order, opts));
  const lines = once(() => fromLines(c, h1Order, opts));
  let published = (ldFirst ? sameInstantLocal(ldPublished, metaPublished) : undefined)
    ?? metaPublished
    ?? itemPublished()
    ?? ldPublished
    ?? fromItemprop(c, 'datecreated', opts)
    ?? dateFromUrl(url)
    ?? header()
    ?? genericMeta()
    ?? (suspect ? fromMetas(c, PUBLISHED_METAS, opts) : undefined)
    ?? fromTimes(c, h1Order, opts)
    ?? dateElements()
    ?? lines()
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
    published = completeStamp(published, [() => metaPublished, () => ldPublished, itemPublished, genericMeta,
      ...times.slice(0, 10).map((t) => () => parseDateString(t.item.attribs.datetime!, opts)),
      header, dateElements, lines]);
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
