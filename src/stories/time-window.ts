// The time window: which stories an article (or another story) may join, given publication days
// and the calendar days undated articles state.
import type { ArticleFeatures } from './features.js';
import { resolveDayOfYear } from './numbers.js';

/** What the window needs to know of a story. */
export interface DaySpan { firstDay?: number; lastDay?: number }

/** Undated articles and undated stories always fit; dated ones must fall within the window. */
export function dayFits(story: DaySpan, day: number | undefined, window: number): boolean {
  if (day === undefined || story.firstDay === undefined || story.lastDay === undefined) return true;
  return day >= story.lastDay - window && day <= story.firstDay + window;
}

/**
 * dayFits for an article: an undated one whose first lines state a calendar day ("Sep 9") is held
 * to the window too, with that day read in the year nearest to the story's days.
 */
export function articleFits(story: DaySpan, f: Pick<ArticleFeatures, 'day' | 'doy'>, window: number): boolean {
  if (f.day !== undefined || f.doy === undefined || story.lastDay === undefined) return dayFits(story, f.day, window);
  return dayFits(story, resolveDayOfYear(f.doy, story.lastDay), window);
}

export function timeCompatible(a: DaySpan, b: DaySpan, window: number): boolean {
  if (a.firstDay === undefined || b.firstDay === undefined) return true;
  return dayFits(a, b.firstDay, window) && dayFits(a, b.lastDay, window);
}
