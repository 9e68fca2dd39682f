// The decisions of the clusterer: which story an arriving article joins, and which stories merge.
import type { ClusterOptions } from './cluster-options.js';

/**
 * The story to join among candidates ranked best first: the best one if it clears the join
 * threshold; else, if it clears the weak threshold and beats the runner-up by the margin, still
 * the best one (nothing else competes for the article); else none (the article starts a story).
 */
export function chooseStory<T extends { score: number }>(
  ranked: readonly T[],
  opts: Pick<ClusterOptions, 'joinThreshold' | 'weakJoinThreshold' | 'joinMargin'>,
  corroborated: (candidate: T) => boolean,
  sameEvent: (a: T, b: T) => boolean = () => false,
): T | undefined {
  const [first] = ranked;
  if (!first) return undefined;
  if (first.score >= opts.joinThreshold) return first;
  if (first.score < opts.weakJoinThreshold) return undefined;
  // The runner-up of the ratio test is the best candidate that is a rival of the first: a story
  // that looks like another fragment of the same event (it and the first corroborate each other)
  // is no alternative, and the article joining the first lets the two merge (consolidate).
  // Ranked best first: when the plain runner-up passes the ratio, any rival does (sameEvent, the
  // costly part, is only asked when it matters).
  const beats = (c: T | undefined) => first.score >= opts.joinMargin * (c?.score ?? 0);
  if (!beats(ranked[1]) && !beats(ranked.slice(1).find((c) => !sameEvent(first, c)))) return undefined;
  return corroborated(first) ? first : undefined;
}

/**
 * Facts precise enough that two reports sharing one probably report the same occurrence: a
 * magnitude, a set-by-set result, a rate range, an amount of money, a calendar day, a clock time,
 * a duration (a 50-month sentence), a casualty count (19 people), an identifier, a decimal, a
 * count of 100 or more, a result score (see isResultScore). Bare set scores, percentages, years and small counts (ages, "two-day")
 * recur across related events and are not evidence on their own.
 */
export function isSpecificFact(k: string): boolean {
  if (/^(?:mag|ss|r|\$|h\$|md|t|dur|toll|id|d):/.test(k)) return true;
  if (k.startsWith('s:')) return isResultScore(k.slice(2));
  return k.startsWith('#:') && Number(k.slice(2)) >= 100;
}

const TENNIS_POINTS = new Set([0, 15, 30, 40]);

/**
 * A score that names one game: not a set score (both sides 7 or less: 6-4 recurs in every match
 * of two players) nor a point score within a tennis game (30-15), e.g. a final result (40-22) or
 * a tie-break (10-2).
 */
function isResultScore(score: string): boolean {
  const [a, b] = score.split('-').map(Number) as [number, number];
  if (Math.max(a, b) <= 7) return false;
  return !(TENNIS_POINTS.has(a) && TENNIS_POINTS.has(b));
}

/** Whether `a` and `b` share a specific fact (see isSpecificFact). */
export function shareSpecificFact(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const k of small.keys()) if (large.has(k) && isSpecificFact(k)) return true;
  return false;
}
