// The article body in crawl text: the best-scoring contiguous run of lines, where prose lines
// count for their length and furniture-shaped lines (short, no sentence end, repeated, in
// long runs) count against. This is the maximum-subarray idea of Finn et al.'s Body Text
// Extraction (BTE, 2001) applied to lines instead of tokens/tags, with jusText-style
// (Pomikálek 2011) per-line classes standing in for tag density, which plain text lacks.
import { furnitureKind, type FurnitureKind } from './boilerplate.js';
import { isProse, type Line } from './lines.js';

export interface LineClass {
  prose: boolean;
  furniture?: FurnitureKind;
  /** Part of a run of ≥ 4 consecutive short non-prose lines: a menu, a link list, share buttons. */
  inMenuRun: boolean;
  /** Metadata line (title, section, byline, date stamp) set by the header finder. */
  meta?: boolean;
}

const SHORT_UNITS = 6;

export function classify(lines: Line[]): LineClass[] {
  const cls: LineClass[] = lines.map((l) => ({ prose: isProse(l), furniture: furnitureKind(l.text, l.units), inMenuRun: false }));
  // Runs of short non-prose lines.
  let i = 0;
  while (i < lines.length) {
    if (cls[i]!.prose || lines[i]!.units > SHORT_UNITS) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !cls[j]!.prose && lines[j]!.units <= SHORT_UNITS) j++;
    if (j - i >= 4) for (let k = i; k < j; k++) cls[k]!.inMenuRun = true;
    i = j;
  }
  return cls;
}

function lineScore(l: Line, c: LineClass, isolated: boolean): number {
  if (c.meta) return 0;
  if (c.furniture === 'stop') return -40;
  if (c.furniture) return -6;
  if (l.repeats > 1 && l.units < 30) return -Math.max(4, l.units);
  // A prose line alone between non-prose lines is a teaser under a headline more often than
  // an article paragraph, which usually has prose neighbours.
  if (c.prose) return isolated && l.units < 40 ? l.units * 0.35 : l.units;
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
}

function proseNeighbour(cls: LineClass[], i: number, step: number): boolean {
  for (let j = i + step; j >= 0 && j < cls.length; j += step) {
    if (cls[j]!.meta) continue;
    return cls[j]!.prose;
  }
  return false;
}

/** Maximum-sum contiguous run of line scores (Kadane). */
export function bestRegion(lines: Line[], cls: LineClass[]): Region | undefined {
  let best: Region | undefined;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const s = lineScore(lines[i]!, cls[i]!, cls[i]!.prose && !proseNeighbour(cls, i, -1) && !proseNeighbour(cls, i, 1));
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += s;
    if (sum > 0 && (!best || sum > best.score)) best = { start, end: i + 1, score: sum };
  }
  return best;
}

/** Lines of the region that belong in the body: furniture, repeats and metadata go. */
export function regionParagraphs(lines: Line[], cls: LineClass[], region: Region, exclude: Set<string>): Line[] {
  const out: Line[] = [];
  const seen = new Set<string>();
  for (let i = region.start; i < region.end; i++) {
    const l = lines[i]!;
    const c = cls[i]!;
    if (c.meta || c.furniture) continue;
    if (exclude.has(l.key)) continue;
    if (seen.has(l.key) && l.key) continue;
    if (l.repeats > 1 && l.units < 12 && !c.prose) continue;
    if (c.inMenuRun && l.units <= 2 && !/\d/.test(l.text)) continue;
    seen.add(l.key);
    out.push(l);
  }
  return out;
}
