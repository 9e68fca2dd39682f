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
