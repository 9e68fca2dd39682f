// The article body in crawl text: the best-scoring contiguous run of lines, where prose lines
// count for their length and furniture-shaped lines (short, no sentence end, repeated, in
// long runs) count against. This is the maximum-subarray idea of Finn et al.'s Body Text
// Extraction (BTE, 2001) applied to lines instead of tokens/tags, with jusText-style
// (Pomikálek 2011) per-line classes standing in for tag density, which plain text lacks.
import { furnitureKind, type FurnitureKind } from './boilerplate.js';
import { dateStamp } from './dates.js';
import { isProse, type Line } from './lines.js';

export interface LineClass {
  prose: boolean;
  furniture?: FurnitureKind;
  /** Part of a run of ≥ 4 consecutive short non-prose lines: a menu, a link list, share buttons. */
  inMenuRun: boolean;
  /** A short line that is a date stamp (until the header finder claims it as metadata). */
  dateLine: boolean;
  /** One of ≥ 3 furniture lines in a row. */
  furnitureRun?: boolean;
  /** Metadata line (title, section, byline, date stamp) set by the header finder. */
  meta?: boolean;
  /** A date/time line in a series of them a few lines apart: a news ticker or a list of teasers. */
  feedStamp?: boolean;
  /** Between the first and last stamp of such a series. */
  inFeed?: boolean;
  /** One of ≥ 3 consecutive lines that start with a typed bullet ("+ Added …", "* Fixed …"). */
  listItem?: boolean;
  /** In a run of short lines that is mostly figures: table cells or a recipe's quantities. */
  tableCell?: boolean;
}

const SHORT_UNITS = 6;
/** Most lines between two stamps of a ticker (stamp, headline, text, credit). */
const FEED_SPACING = 5;
const FEED_PENALTY = 30;
// Cheap pre-check before the date parser: a year, a d.m / h:mm pair or a CJK date mark.
const DATE_HINT = /\d{4}|\d[./:h-]\d|\d\s*[年月日년월일]/;
// A clock time alone on a line: a live ticker or a comment stamp.
const TIME_ONLY = /^(?:\d{1,2}[:h.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s*(?:uhr|h|[A-Z]{2,4}))?$/i;

export function classify(lines: Line[]): LineClass[] {
  const cls: LineClass[] = lines.map((l) => ({
    prose: isProse(l),
    furniture: furnitureKind(l.text, l.units),
    inMenuRun: false,
    dateLine: l.units <= 12 && DATE_HINT.test(l.text) && (TIME_ONLY.test(l.text) || dateStamp(l.text, l.units, undefined, false) !== undefined),
  }));
  // Three or more furniture lines in a row (share bar, footer links) close an article.
  for (let i = 0; i < lines.length; ) {
    if (!cls[i]!.furniture) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && cls[j]!.furniture) j++;
    if (j - i >= 3) for (let k = i; k < j; k++) cls[k]!.furnitureRun = true;
    i = j;
  }
  markWideProse(lines, cls);
  markBulletLists(lines, cls);
  markFeeds(lines, cls);
  // Runs of short non-prose lines.
  let i = 0;
  while (i < lines.length) {
    if (cls[i]!.prose || lines[i]!.units > SHORT_UNITS) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !cls[j]!.prose && lines[j]!.units <= SHORT_UNITS) j++;
    if (j - i >= 4) {
      for (let k = i; k < j; k++) if (!cls[k]!.listItem) cls[k]!.inMenuRun = true;
      // A table flattened one cell per line (statistics, a recipe's quantities) is short lines
      // too, but a menu is words, while a table is figures in many of its cells.
      // A share bar or a login box among the short lines makes them a widget, not a table.
      let figures = 0;
      let cells = 0;
      let widget = 0;
      for (let k = i; k < j; k++) {
        if (cls[k]!.furniture) widget++;
        if (cls[k]!.listItem) continue;
        cells++;
        if (/\d/.test(lines[k]!.text)) figures++;
      }
      if (widget <= 0.15 * (j - i) && cells >= 6 && figures >= 0.35 * cells) for (let k = i; k < j; k++) if (!cls[k]!.listItem) cls[k]!.tableCell = true;
    }
    i = j;
  }
  return cls;
}

const WIDE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/**
 * Chinese/Japanese/Thai blog text is often written as one clause per line, with spaces for
 * pauses and no final stop. A long run of such long lines (image file names between them
 * aside) is prose; a headline list has shorter lines and breaks sooner.
 */
function markWideProse(lines: Line[], cls: LineClass[]): void {
  for (let i = 0; i < lines.length; ) {
    const ok = (k: number) => !cls[k]!.prose && !cls[k]!.furniture && lines[k]!.units >= 9 && WIDE_CHAR.test(lines[k]!.text);
    if (!ok(i)) {
      i++;
      continue;
    }
    const run: number[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      if (ok(j)) run.push(j);
      else if (!(cls[j]!.furniture === 'caption' || (lines[j]!.units <= 2 && !cls[j]!.prose))) break;
    }
    const mean = run.reduce((n, k) => n + lines[k]!.units, 0) / run.length;
    if (run.length >= 8 && mean >= 12) for (const k of run) cls[k]!.prose = true;
    i = Math.max(j, i + 1);
  }
}

/**
 * Four or more date/time lines, each within a few lines of the previous one ("14:44", entry,
 * "14:32", entry, …): a ticker or a teaser list. An article has one stamp, not a series.
 */
function markFeeds(lines: Line[], cls: LineClass[]): void {
  const stamps: number[] = [];
  // Slide counters ("1/50", "2 / 50") mark the entries of a gallery the same way.
  for (let i = 0; i < cls.length; i++) if (cls[i]!.dateLine || SLIDE_COUNTER.test(lines[i]!.text)) stamps.push(i);
  for (let a = 0; a < stamps.length; ) {
    let b = a;
    while (b + 1 < stamps.length && stamps[b + 1]! - stamps[b]! <= FEED_SPACING) b++;
    if (b - a + 1 >= 4) {
      for (let k = a; k <= b; k++) cls[stamps[k]!]!.feedStamp = true;
      // The entries between the stamps are teasers of other items (at most the last one runs on).
      for (let k = stamps[a]!; k < stamps[b]!; k++) cls[k]!.inFeed = true;
    }
    a = b + 1;
  }
}

// A bullet typed into the text itself: crawlers drop <li> markers, so a run of lines that
// carry one is a list the author wrote (release notes, a plain-text list), not a menu.
const TYPED_BULLET = /^[+*•·‣◦▪►–—-]\s+[\p{L}\p{N}"“„'‘(/@]/u;

function markBulletLists(lines: Line[], cls: LineClass[]): void {
  for (let i = 0; i < lines.length; ) {
    if (!TYPED_BULLET.test(lines[i]!.text)) {
      i++;
      continue;
    }
    let j = i;
    let units = 0;
    while (j < lines.length && TYPED_BULLET.test(lines[j]!.text) && !cls[j]!.furniture) units += lines[j++]!.units;
    // Three or more items of a few words each on average: menus rarely look like that.
    if (j - i >= 3 && units / (j - i) >= 4) for (let k = i; k < j; k++) cls[k]!.listItem = true;
    i = Math.max(j, i + 1);
  }
  // "1. Finland", "2. Norway", …: numbers typed in sequence are an authored ranking or steps.
  for (let i = 0; i < lines.length; ) {
    const first = NUMBERED.exec(lines[i]!.text);
    if (!first) {
      i++;
      continue;
    }
    let j = i + 1;
    let expect = Number(first[1]) + 1;
    for (let m; j < lines.length && (m = NUMBERED.exec(lines[j]!.text)) && Number(m[1]) === expect; j++) expect++;
    if (j - i >= 3) for (let k = i; k < j; k++) if (!cls[k]!.furniture) cls[k]!.listItem = true;
    i = j;
  }
}

const SLIDE_COUNTER = /^\d{1,3}\s?\/\s?\d{1,3}$/;
const NUMBERED = /^(\d{1,2})[.)]\s+\S/;

function lineScore(l: Line, c: LineClass, isolated: boolean): number {
  if (c.meta) return 0;
  // "Comments", "Related articles", "Most read": what follows is rarely the article again.
  if (c.furniture === 'stop' || c.furniture === 'comments') return -150;
  // A date on its own line after the header starts a comment or a teaser in a list.
  // One of a series of stamps: each entry of a ticker costs more than a short entry brings.
  if (c.feedStamp) return -FEED_PENALTY;
  if (c.inFeed) return c.prose ? -2 : -4;
  if (c.dateLine) return -8;
  if (c.furniture) return c.furnitureRun ? -15 : -6;
  // Repeated short lines are menus and captions; a repeated paragraph is the article printed
  // twice (or its lead reused as a teaser) and still counts, at half weight.
  if (l.repeats > 1 && !c.prose) return -Math.max(4, Math.min(l.units, 30));
  if (l.repeats > 1) return (isolated ? 0.35 : 1) * l.units * 0.5;
  // A prose line alone between non-prose lines is a teaser under a headline more often than
  // an article paragraph, which usually has prose neighbours.
  if (c.prose) return isolated && l.units < 40 ? l.units * 0.35 : l.units;
  if (c.listItem) return Math.max(1, l.units * 0.5);
  // Table cells cost little: a table inside an article must not split it, and one outside an
  // article adds nothing (a run never ends on a negative line).
  if (c.tableCell) return -1;
  if (c.inMenuRun) return -4;
  // Headline-shaped or label lines: mildly negative, so a few subheadings or list items inside
  // an article do not split it but a list of other headlines does not join it.
  return -(1.5 + l.units * 0.3);
}

export interface Region {
  start: number;
  /** Exclusive. */
  end: number;
  score: number;
  /** Line ranges [from, to) inside the region that were skipped over (a widget between two parts). */
  gaps?: Array<[number, number]>;
}

function proseNeighbour(cls: LineClass[], i: number, step: number): boolean {
  for (let j = i + step; j >= 0 && j < cls.length; j += step) {
    // A table between two paragraphs does not make them teasers.
    if (cls[j]!.meta || cls[j]!.tableCell) continue;
    return cls[j]!.prose;
  }
  return false;
}

function scoreAt(lines: Line[], cls: LineClass[], i: number): number {
  const c = cls[i]!;
  return lineScore(lines[i]!, c, c.prose && !proseNeighbour(cls, i, -1) && !proseNeighbour(cls, i, 1));
}

/**
 * Maximum-sum contiguous run of line scores (Kadane), walking from `from` in direction `step`
 * up to `to` (exclusive); a run may only begin within `maxLead` lines of `from`.
 */
function kadane(scores: number[], from: number, to: number, step: 1 | -1, maxLead = Infinity, firstAbove = Infinity): Region | undefined {
  let best: Region | undefined;
  let sum = 0;
  let start = from;
  for (let i = from; i !== to; i += step) {
    if (sum <= 0) {
      // The nearest run that is good enough wins over a better one further away.
      if (best && best.score >= firstAbove) return best;
      if (Math.abs(i - from) > maxLead) break;
      sum = 0;
      start = i;
    }
    sum += scores[i]!;
    if (sum > 0 && (!best || sum > best.score)) {
      best = step === 1 ? { start, end: i + 1, score: sum } : { start: i, end: start + 1, score: sum };
    }
  }
  return best;
}

const MAX_GAP = 80;

/** A gap that is (nearly) all table cells is a table inside the article: its cells are kept. */
function tableGap(cls: LineClass[], from: number, to: number): boolean {
  let cells = 0;
  for (let i = from; i < to; i++) if (cls[i]!.tableCell) cells++;
  return cells >= 0.8 * (to - from);
}

/** A comment header is never crossed; a related-links label only when the widget is short (an inline box). */
function crossesStop(cls: LineClass[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const f = cls[i]!.furniture;
    if (f === 'comments' || (f === 'stop' && to - from > 12)) return true;
  }
  return false;
}

/**
 * Prose after the comment-section header counts for little: it is readers' text. Only a header
 * after a fair amount of prose counts (a "Comments" menu link at the top does not).
 */
function damp(scores: number[], lines: Line[], cls: LineClass[]): void {
  let prose = 0;
  let after = false;
  for (let i = 0; i < lines.length; i++) {
    if (after) {
      if (scores[i]! > 0) scores[i]! *= 0.3;
      continue;
    }
    if (cls[i]!.prose) prose += lines[i]!.units;
    else if (cls[i]!.furniture === 'comments' && prose >= 80) after = true;
  }
}

/**
 * The body region: the best run, then joined with a neighbouring run when only a widget (a
 * chart, a share bar, an inline teaser box) separates them and that run is substantial. Stop
 * lines ("Comments", "Related articles") are never crossed.
 */
export function bestRegion(lines: Line[], cls: LineClass[]): Region | undefined {
  const region = bestRegionOnce(lines, cls);
  // A page that is nothing but a ticker (a live blog): its entries are the article after all.
  // (Signs: nothing else of weight, or the best run is just the last entry after the last stamp.)
  const tailEntry = region !== undefined && region.start > 0 && cls[region.start - 1]!.feedStamp === true;
  if ((!region || region.score < LIVE_BLOG_SCORE || tailEntry) && cls.some((c) => c.inFeed)) {
    const open = cls.map((c) => ({ ...c, inFeed: false }));
    const live = bestRegionOnce(lines, open);
    if (live && live.score > (region?.score ?? 0) * 2) return live;
  }
  return region;
}

const LIVE_BLOG_SCORE = 60;

/**
 * The best region that starts within a few lines after `anchor` (the page's own headline, found
 * from its URL), or undefined. Used when the global best run lies elsewhere: a list of other
 * stories or readers' comments can outweigh a short article, but not its headline.
 */
export function regionAfter(lines: Line[], cls: LineClass[], anchor: number): Region | undefined {
  return bestRegionOnce(lines, cls, anchor + 1, ANCHOR_LEAD, ANCHOR_FIRST);
}

/** The first run under the headline worth this much is its body, even if a better one follows. */
const ANCHOR_FIRST = 30;

/** Lines between a headline and its first paragraph: byline, date, share bar, picture, caption. */
const ANCHOR_LEAD = 25;

function bestRegionOnce(lines: Line[], cls: LineClass[], from = 0, maxLead = Infinity, firstAbove = Infinity): Region | undefined {
  const scores = lines.map((_, i) => scoreAt(lines, cls, i));
  damp(scores, lines, cls);
  const main = kadane(scores, from, lines.length, 1, maxLead, firstAbove);
  if (!main) return undefined;
  const gaps: Array<[number, number]> = [];
  const threshold = Math.max(30, 0.12 * main.score);
  const enough = (r: Region) => r.score >= threshold;
  for (let joins = 0; joins < 6; joins++) {
    const next = kadane(scores, main.end, Math.min(lines.length, main.end + MAX_GAP * 4), 1, MAX_GAP, threshold);
    if (!next || !enough(next) || crossesStop(cls, main.end, next.start)) break;
    if (!tableGap(cls, main.end, next.start)) gaps.push([main.end, next.start]);
    main.end = next.end;
    main.score += next.score;
  }
  for (let joins = 0; joins < 6 && main.start > 0; joins++) {
    const prev = kadane(scores, main.start - 1, Math.max(-1, main.start - 1 - MAX_GAP * 4), -1, MAX_GAP, threshold);
    if (!prev || !enough(prev) || crossesStop(cls, prev.end, main.start)) break;
    if (!tableGap(cls, prev.end, main.start)) gaps.push([prev.end, main.start]);
    main.start = prev.start;
    main.score += prev.score;
  }
  if (gaps.length) main.gaps = gaps;
  return main;
}

/** Lines of the region that belong in the body: furniture, repeats and metadata go. */
export function regionParagraphs(lines: Line[], cls: LineClass[], region: Region, exclude: Set<string>): Line[] {
  const out: Line[] = [];
  const gaps = region.gaps ?? [];
  for (let i = region.start; i < region.end; i++) {
    const gap = gaps.find(([a, b]) => i >= a && i < b);
    if (gap) {
      i = gap[1] - 1;
      continue;
    }
    const l = lines[i]!;
    const c = cls[i]!;
    if (c.meta || c.furniture) continue;
    if (exclude.has(l.key)) continue;
    // Short repeated lines are captions printed twice or menu words; repeated paragraphs and
    // table cells stay (the page does print them twice).
    if (l.repeats > 1 && l.units < 12 && !c.prose) continue;
    out.push(l);
  }
  return out;
}
