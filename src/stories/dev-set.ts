// Reading a labelled stories file (the form of ../shared/bench/stories/dev.jsonl) and scoring a
// clustering of it. Used by bench/stories.ts and by the tests that run on the dev set when present.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LabelledRecord {
  id: string;
  url: string;
  site: string;
  event: string;
  event_title?: string;
  event_date?: string;
  text: string;
}

/** ../shared/bench relative to the repository root, or $DATELINE_BENCH. */
export function benchDir(): string {
  if (process.env.DATELINE_BENCH) return resolve(process.env.DATELINE_BENCH);
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  // ../shared/bench beside the clone; a worktree nested one level deeper finds it one level up.
  const candidates = [resolve(repoRoot, '..', 'shared', 'bench'), resolve(repoRoot, '..', '..', 'shared', 'bench')];
  return candidates.find((c) => existsSync(c)) ?? candidates[0]!;
}

export function devSetPath(): string | undefined {
  const p = join(benchDir(), 'stories', 'dev.jsonl');
  return existsSync(p) ? p : undefined;
}

export function readLabelled(path: string): LabelledRecord[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRecord);
}

/** The confusable sets listed in the dev set's README (`- \`name\`: e002, e040, e046 (...)`). */
export function readConfusableSets(readmePath: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!existsSync(readmePath)) return out;
  const text = readFileSync(readmePath, 'utf8');
  const section = text.split(/^## Confusable sets/m)[1]?.split(/^## /m)[0] ?? '';
  for (const m of section.matchAll(/^- `([^`]+)`: ((?:e\d+(?:, )?)+)/gm)) out.set(m[1]!, m[2]!.split(/,\s*/).filter(Boolean));
  return out;
}

/** mulberry32: a small seeded PRNG, so event splits are the same on every run. */
function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Halves of the event labels for cross-validation, two per split: the first split alternates the
 * sorted events, the others are seeded random halves. Splits are by event, never by article.
 */
export function eventSplits(events: Iterable<string>, splits: number, seed = 1): Array<Set<string>> {
  const sorted = [...new Set(events)].sort();
  const halves: Array<Set<string>> = [new Set(sorted.filter((_, i) => i % 2 === 0)), new Set(sorted.filter((_, i) => i % 2 === 1))];
  const rand = seededRandom(seed);
  for (let s = 1; s < splits; s++) {
    const shuffled = [...sorted];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const a = new Set(shuffled.slice(0, sorted.length >> 1));
    halves.push(a, new Set(sorted.filter((e) => !a.has(e))));
  }
  return halves;
}
