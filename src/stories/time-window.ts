// The time window: which stories an article (or another story) may join, given publication days,
// the calendar days undated articles state, and the weekday each report gives its event.
import type { ArticleFeatures } from './features.js';
import { resolveDayOfYear } from './numbers.js';

/** What the window needs to know of a story. */
export interface DaySpan {
  firstDay?: number;
  lastDay?: number;
  /** Bit mask (bit 0 = Sunday) of the event weekdays its members state; 0 when none does. */
  weekdays?: number;
  /**
   * Calendar days (day of the year, see dayOfYearFromHead) that undated members state in their
   * dateline or first lines: the story's event happened then, whatever its dated members'
   * publication days say (a page whose only date is wrong, or a late follow-up).
   */
  statedDays?: readonly number[];
}

/** Most stated days a story keeps (the first ones; later members rarely add a new day). */
export const MAX_STATED_DAYS = 6;

/** The weekdays within a day of `w` (the event day ±1: a next-morning update is the same event). */
function nearWeekdays(w: number): number {
  return (1 << w) | (1 << ((w + 1) % 7)) | (1 << ((w + 6) % 7));
}

/**
 * Whether two weekday masks can describe the same event: some weekday of one lies within a day of
 * some weekday of the other. A story whose reports say "on Monday" is not the story of an
 * article that says "on Thursday" (two Modi–Putin meetings, two decisions of one court).
 * Either mask empty: no evidence, compatible.
 */
export function weekdaysAgree(a: number | undefined, b: number | undefined): boolean {
  if (!a || !b) return true;
  for (let w = 0; w < 7; w++) if (a & (1 << w) && b & nearWeekdays(w)) return true;
  return false;
}

/**
 * Undated articles and undated stories always fit; dated ones must fall within the window of the
 * story's publication days, or of a calendar day its undated members state (read in the year
 * nearest to `day`). An undated story with stated days holds a dated article to them.
 */
export function dayFits(story: DaySpan, day: number | undefined, window: number): boolean {
  if (day === undefined) return true;
  const stated = story.statedDays ?? [];
  if (story.firstDay === undefined || story.lastDay === undefined) {
    if (!stated.length) return true;
  } else if (day >= story.lastDay - window && day <= story.firstDay + window) return true;
  for (const doy of stated) {
    const d = resolveDayOfYear(doy, day);
    if (d !== undefined && Math.abs(d - day) <= window) return true;
  }
  return false;
}

/**
 * dayFits for an article: an undated one whose first lines state a calendar day ("Sep 9") is held
 * to the window too, with that day read in the year nearest to the story's days; one known only
 * to be published on or before a day (ArticleFeatures.notAfter) fits no story begun after it.
 */
export function articleFits(story: DaySpan, f: Pick<ArticleFeatures, 'day' | 'doy' | 'weekday' | 'notAfter'>, window: number): boolean {
  // Published on or before `notAfter`: not in a story that began more than a window later.
  if (f.notAfter !== undefined && story.firstDay !== undefined && story.firstDay > f.notAfter + window) return false;
  const own: DaySpan = f.day !== undefined ? { firstDay: f.day, lastDay: f.day } : {};
  if (f.weekday !== undefined) own.weekdays = 1 << f.weekday;
  if (!weekdayCompatible(story, own)) return false;
  if (f.day !== undefined || f.doy === undefined) return dayFits(story, f.day, window);
  if (story.lastDay === undefined) return timeCompatible(story, { statedDays: [f.doy] }, window);
  return dayFits(story, resolveDayOfYear(f.doy, story.lastDay), window);
}

/** Days before publication a report's event may lie (same-day and next-day reports, a weekend). */
const REPORT_LAG_DAYS = 2;

/**
 * The weekdays a dated story's event can fall on: its publication days and the REPORT_LAG_DAYS
 * before them. 0 (no evidence) for undated stories and spans of a week or more.
 */
export function spanWeekdays(story: DaySpan): number {
  if (story.firstDay === undefined || story.lastDay === undefined) return 0;
  const from = story.firstDay - REPORT_LAG_DAYS;
  if (story.lastDay - from >= 6) return 0;
  let mask = 0;
  // Epoch day 0 (1970-01-01) was a Thursday: weekday = (day + 4) mod 7 with 0 = Sunday.
  for (let d = from; d <= story.lastDay; d++) mask |= 1 << (((d + 4) % 7 + 7) % 7);
  return mask;
}

/**
 * Event weekdays against event weekdays, and against the weekdays the other side's publication
 * days allow (the window compares publication days with publication days).
 */
export function weekdayCompatible(a: DaySpan, b: DaySpan): boolean {
  if (!a.weekdays && !b.weekdays) return true;
  return weekdaysAgree(a.weekdays, b.weekdays) && weekdaysAgree(a.weekdays, spanWeekdays(b)) && weekdaysAgree(spanWeekdays(a), b.weekdays);
}

export function timeCompatible(a: DaySpan, b: DaySpan, window: number): boolean {
  if (!weekdayCompatible(a, b)) return false;
  if (b.firstDay !== undefined) return dayFits(a, b.firstDay, window) && dayFits(a, b.lastDay, window);
  if (a.firstDay !== undefined) return dayFits(b, a.firstDay, window) && dayFits(b, a.lastDay, window);
  // Both undated: stated days, if both have some, must meet within the window.
  const sa = a.statedDays ?? [];
  const sb = b.statedDays ?? [];
  if (!sa.length || !sb.length) return true;
  return sa.some((x) => sb.some((y) => doyDistance(x, y) <= window));
}

/** Days between two days of the year, around the year's end (Dec 30 and Jan 2 are 3 apart). */
function doyDistance(a: number, b: number): number {
  const d = Math.abs(a - b);
  return Math.min(d, 366 - d);
}

/**
 * Corroboration from time alone: the article was published on a day the story's members were,
 * and names the same event weekday one of them names ("said on Wednesday" in a report dated that
 * Wednesday). Weaker than a shared fact, so it only backs an unambiguous match (decide.ts).
 */
export function sameDayEvent(story: DaySpan, f: Pick<ArticleFeatures, 'day' | 'weekday'>): boolean {
  if (f.day === undefined || f.weekday === undefined || story.firstDay === undefined || story.lastDay === undefined) return false;
  return f.day >= story.firstDay && f.day <= story.lastDay && !!((story.weekdays ?? 0) & (1 << f.weekday));
}
