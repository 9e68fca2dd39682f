// `npm run bench:stories` — story clustering on the labelled dev set, and clustering cost at scale.
//
//   npm run bench:stories                      quality on ../shared/bench/stories/dev.jsonl
//   npm run bench:stories -- --scale 10000,100000,1000000
//                                              + time per incoming article on archives of those sizes
//   npm run bench:stories -- --verbose         + every predicted story with its gold events
//   npm run bench:stories -- --engine          the engine alone in memory (no archive)
//   npm run bench:stories -- --single          articles added one at a time (cold start: no batch statistics)
//   npm run bench:stories -- --options '{"joinThreshold":0.2}'   engine options (see ClusterOptions)
//
// Quality: the JSONL is ingested into a fresh temporary archive exactly as `dateline ingest` does
// (crawl-text extraction, SQLite store, then stories for the new articles), then scored against the `event`
// labels with B-cubed and pairwise precision/recall/F1 (src/stories/score.ts).
// DATELINE_BENCH overrides the location of the shared bench folder.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extract } from '../src/extract/index.js';
import { devSetPath, readConfusableSets, readLabelled, benchDir } from '../src/stories/dev-set.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ingest } from '../src/ingest/index.js';
import { openArchive } from '../src/store/index.js';
import { toStoryInput, updateStories } from '../src/stories/archive.js';
import type { LabelledRecord } from '../src/stories/dev-set.js';
import { StoryEngine } from '../src/stories/engine.js';
import { mergedConfusables, scoreClustering } from '../src/stories/score.js';
import { openStories, type StoriesOptions } from '../src/stories/sqlite.js';
import { runScale } from './stories-scale.js';

const { values } = parseArgs({ options: { scale: { type: 'string' }, verbose: { type: 'boolean', short: 'v' }, window: { type: 'string' }, options: { type: 'string' }, single: { type: 'boolean' }, engine: { type: 'boolean' } } });

interface Clustered { gold: Map<number, string>; predicted: Map<number, number>; duplicates: number; ms: number; how: string }

/** Through the archive: `ingest` the JSONL into a fresh temp database, as a user would. */
async function viaArchive(path: string, records: LabelledRecord[], opts: StoriesOptions): Promise<Clustered> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-stories-'));
  const archive = openArchive(join(dir, 'bench.db'));
  try {
    const t0 = performance.now();
    await ingest(archive, [path], { jobs: 1, stories: false });
    const upd = values.single ? undefined : updateStories(archive, opts);
    if (values.single) {
      // One ingest run per article: no batch statistics (cold start).
      const ids = archive.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[];
      const handle = openStories(archive.db, opts);
      for (const id of ids) handle.add(toStoryInput(archive.getArticle(id)!));
    }
    const ms = performance.now() - t0;
    const gold = new Map<number, string>();
    const predicted = new Map<number, number>();
    const story = archive.db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck();
    for (const r of records) {
      const a = archive.getArticleByUrl(r.url);
      if (!a) { console.log(`  not ingested: ${r.url}`); continue; }
      gold.set(a.id, r.event);
      const st = story.get(a.id) as number | undefined;
      if (st !== undefined) predicted.set(a.id, st);
    }
    const duplicates = upd?.duplicates ?? (archive.db.prepare('SELECT count(*) FROM story_articles WHERE article_id != duplicate_group').pluck().get() as number);
    return { gold, predicted, duplicates, ms, how: 'dateline ingest into a fresh archive (extraction, SQLite, stories)' };
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The engine alone, in memory, on crawl text run through the extractor. */
function viaEngine(records: LabelledRecord[], opts: StoriesOptions): Clustered {
  const t0 = performance.now();
  const engine = new StoryEngine(opts);
  const gold = new Map<number, string>();
  const inputs = records.map((r, i) => {
    const article = extract(r.text, { kind: 'text', url: r.url });
    gold.set(i + 1, r.event);
    return toStoryInput({ ...article, id: i + 1, url: r.url, site: r.site, fetchedAt: '', contentHash: '', text: article.text || r.text });
  });
  const results = values.single ? inputs.map((x) => engine.add(x)) : engine.addBatch(inputs);
  const predicted = new Map(results.map((r, i) => [i + 1, r.storyId]));
  return { gold, predicted, duplicates: results.filter((r) => r.duplicateOf !== undefined).length, ms: performance.now() - t0, how: 'stories engine in memory' };
}

async function quality(): Promise<void> {
  const path = devSetPath();
  if (!path) {
    console.log(`stories bench: skipped — no dev set at ${join(benchDir(), 'stories', 'dev.jsonl')} (set DATELINE_BENCH to the shared bench folder)`);
    return;
  }
  const records = readLabelled(path);
  const opts: StoriesOptions = { ...(values.options ? JSON.parse(values.options) as object : {}), ...(values.window ? { windowDays: Number(values.window) } : {}) };
  const { gold, predicted, duplicates, ms, how } = values.engine ? viaEngine(records, opts) : await viaArchive(path, records, opts);
  const s = scoreClustering(gold, predicted);
  const confusable = readConfusableSets(join(benchDir(), 'stories', 'README.md'));
  const merged = mergedConfusables(gold, predicted, confusable);
  const f = (x: number) => x.toFixed(3);
  console.log(`stories dev set (${how}${values.single ? ', one article at a time' : ''}):`);
  console.log(`  ${s.items} articles, ${s.goldClusters} events → ${s.predictedClusters} stories; ${duplicates} articles are copies of earlier ones; ${(ms / records.length).toFixed(1)} ms/article overall`);
  console.log(`  B-cubed   P ${f(s.bcubed.precision)}  R ${f(s.bcubed.recall)}  F1 ${f(s.bcubed.f1)}`);
  console.log(`  pairwise  P ${f(s.pairwise.precision)}  R ${f(s.pairwise.recall)}  F1 ${f(s.pairwise.f1)}  (${s.pairwise.truePositives}/${s.pairwise.predictedPairs} predicted pairs correct, ${s.pairwise.goldPairs} gold pairs)`);
  console.log(`  confusable events merged: ${merged.length ? merged.map((m) => `${m.group}: ${m.a}+${m.b}`).join(', ') : 'none'}`);
  if (values.verbose) {
    const byStory = new Map<number | string, number[]>();
    for (const id of gold.keys()) { const st = predicted.get(id) ?? `none-${id}`; byStory.set(st, [...(byStory.get(st) ?? []), id]); }
    const rows = [...byStory.values()].sort((a, b) => gold.get(a[0]!)!.localeCompare(gold.get(b[0]!)!));
    for (const ids of rows) console.log(`  ${ids.map((id) => gold.get(id)).join(' ')}`);
  }
}

await quality();
if (values.scale) runScale(values.scale.split(',').map(Number));
