// Shared benchmark runner: locate the evaluation kit (../shared/bench), load a set's pages,
// run an extractor over them, write predictions JSONL and score it with the kit's score.mjs.
// Used by bench/extract.ts (full benchmark) and test/extract/quality-gate.test.ts (floors),
// so the two never disagree about how a figure is computed.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { extract } from '../src/extract/index.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchSet {
  /** Path under the bench dir, e.g. `extraction/trafilatura-dev`. */
  name: string;
  /** Input kind: `.html.gz` pages or crawl-text `.txt` pages. */
  kind: 'html' | 'text';
}

export const SETS: BenchSet[] = [
  { name: 'extraction/readability-pages', kind: 'html' },
  { name: 'extraction/trafilatura-dev', kind: 'html' },
  { name: 'dates/htmldate-dev', kind: 'html' },
  { name: 'extraction/crawltext-readability', kind: 'text' },
  { name: 'extraction/crawltext-trafilatura', kind: 'text' },
];

/**
 * The evaluation kit: $DATELINE_BENCH, else ../shared/bench next to the repository
 * (or ../../shared/bench, for a git worktree kept one level deeper).
 */
export function benchDir(): string | undefined {
  const candidates = process.env.DATELINE_BENCH
    ? [process.env.DATELINE_BENCH]
    : [resolve(REPO_ROOT, '..', 'shared', 'bench'), resolve(REPO_ROOT, '..', '..', 'shared', 'bench')];
  return candidates.find((dir) => existsSync(join(dir, 'score.mjs')));
}

export interface BenchPage {
  id: string;
  url?: string;
  file: string;
}

export function loadPages(dir: string, set: BenchSet): BenchPage[] {
  const truth = readFileSync(join(dir, set.name, 'truth.jsonl'), 'utf8');
  const pages: BenchPage[] = [];
  for (const line of truth.split('\n')) {
    if (!line.trim()) continue;
    const t = JSON.parse(line) as { id: string; url?: string };
    const ext = set.kind === 'html' ? '.html.gz' : '.txt';
    const page: BenchPage = { id: t.id, file: join(dir, set.name, 'pages', t.id + ext) };
    if (t.url) page.url = t.url;
    pages.push(page);
  }
  return pages;
}

/** Page bytes, gunzipped when stored compressed. */
export function readPage(page: BenchPage): Uint8Array {
  const raw = readFileSync(page.file);
  return page.file.endsWith('.gz') ? gunzipSync(raw) : raw;
}

export interface Prediction {
  id: string;
  text: string;
  title?: string;
  published?: string;
  authors?: string[];
}

export type Extractor = (bytes: Uint8Array, page: BenchPage, set: BenchSet) => Omit<Prediction, 'id'>;

export function predictSet(dir: string, set: BenchSet, extractor: Extractor): Prediction[] {
  return loadPages(dir, set).map((page) => ({ id: page.id, ...extractor(readPage(page), page, set) }));
}

/** Dateline's prediction for one page: the page URL passed, the input kind forced by the set. */
export const datelineExtractor: Extractor = (bytes, page, set) => {
  const a = extract(bytes, page.url ? { url: page.url, kind: set.kind } : { kind: set.kind });
  const p: Omit<Prediction, 'id'> = { text: a.text, authors: a.authors };
  if (a.title) p.title = a.title;
  if (a.published) p.published = a.published;
  return p;
};

/** Extract a whole set with Dateline, write `<outDir>/<set>.jsonl`, score it. */
export function runSet(dir: string, set: BenchSet, outDir: string): SetScores {
  const file = join(outDir, set.name.replace(/\//g, '__') + '.jsonl');
  writePredictions(file, predictSet(dir, set, datelineExtractor));
  return scorePredictions(dir, set, file);
}

export function writePredictions(file: string, preds: Prediction[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, preds.map((p) => JSON.stringify(p)).join('\n') + '\n');
}

/** The headline figures of one scored set (absent when the set has no such truth). */
export interface SetScores {
  set: string;
  n: number;
  bodyF1?: number;
  snippetF1?: number;
  titleAcc?: number;
  dateAcc?: number;
}

export function scorePredictions(dir: string, set: BenchSet, predFile: string): SetScores {
  const r = spawnSync(process.execPath, [join(dir, 'score.mjs'), '--truth', join(dir, set.name), '--pred', predFile, '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`score.mjs failed on ${set.name}: ${r.stderr}`);
  const j = JSON.parse(r.stdout) as {
    n: number;
    body?: { f1: number };
    snippets?: { f1: number };
    title?: { accuracy: number };
    date?: { accuracy: number };
  };
  const s: SetScores = { set: set.name, n: j.n };
  if (j.body) s.bodyF1 = j.body.f1;
  if (j.snippets) s.snippetF1 = j.snippets.f1;
  if (j.title) s.titleAcc = j.title.accuracy;
  if (j.date) s.dateAcc = j.date.accuracy;
  return s;
}

export const METRICS = ['bodyF1', 'snippetF1', 'titleAcc', 'dateAcc'] as const;
export type Metric = (typeof METRICS)[number];
export type Floors = Record<string, Partial<Record<Metric, number>>>;

export function loadFloors(): Floors {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'bench', 'floors.json'), 'utf8')) as Floors;
}

/** Figures below their pinned floor, as readable messages. */
export function belowFloors(scores: SetScores, floors: Floors): string[] {
  const f = floors[scores.set] ?? {};
  const out: string[] = [];
  for (const m of METRICS) {
    const floor = f[m];
    const got = scores[m];
    if (floor === undefined) continue;
    if (got === undefined || got < floor) out.push(`${scores.set} ${m} ${got?.toFixed(3) ?? 'missing'} < floor ${floor}`);
  }
  return out;
}

/**
 * Arguments of the interleaved A/B benchmarks (ab-extract.ts, ab-meta.ts): the folder holding the
 * base revision's `src/` (checked for `probe`, a path inside it) and the number of rounds. Exits
 * with a usage message (code 2) when the folder is wrong, and quietly (0) without the bench kit.
 */
export function abArguments(script: string, probe: string, defaultRounds: number): { baseDir: string; root: string; rounds: number } {
  const [baseDir, roundsArg] = process.argv.slice(2);
  if (!baseDir || !existsSync(join(baseDir, probe))) {
    console.error(`usage: ${script} <dir with the base revision's src/> [rounds]`);
    process.exit(2);
  }
  // Without a package.json saying "type": "module" next to it, tsx compiles the base's src as
  // CommonJS, where every imported function is a property read through a getter: measured ~20 %
  // slower than the same code as ESM (an A/A run read B/A 1.18), which would bias every A/B.
  const pkg = join(baseDir, 'package.json');
  if (!existsSync(pkg) || !/"type"\s*:\s*"module"/.test(readFileSync(pkg, 'utf8'))) {
    console.error(`${baseDir} has no package.json with "type": "module": its src would run as CommonJS (~20 % slower) and bias the A/B.\n  cp package.json tsconfig.json ${baseDir}/`);
    process.exit(2);
  }
  const root = benchDir();
  if (!root) {
    console.error('no benchmark kit (../shared/bench or $DATELINE_BENCH): nothing to measure');
    process.exit(0);
  }
  return { baseDir, root, rounds: Number(roundsArg ?? defaultRounds) };
}

/** CPU milliseconds of the calling thread (Linux's /proc/thread-self/schedstat), or NaN elsewhere. */
export function threadCpuMs(): number {
  try { return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6; } catch { return Number.NaN; }
}

/** The gzipped pages of the kit's three HTML sets (trafilatura-dev, readability-pages, htmldate-dev), sorted within each set. */
export function htmlPageFiles(bench: string): string[] {
  return ['extraction/trafilatura-dev/pages', 'extraction/readability-pages/pages', 'dates/htmldate-dev/pages']
    .flatMap((d) => readdirSync(join(bench, d)).filter((f) => f.endsWith('.html.gz')).sort().map((f) => join(bench, d, f)));
}
