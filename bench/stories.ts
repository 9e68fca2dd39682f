// `npm run bench:stories` — story clustering on the labelled dev set, and clustering cost at scale.
//
//   npm run bench:stories                      quality on ../shared/bench/stories/dev.jsonl
//   npm run bench:stories -- --scale 10000,100000,1000000
//                                              + time per incoming article on archives of those sizes
//   npm run bench:stories -- --verbose         + every predicted story with its gold events
//   npm run bench:stories -- --single          articles added one at a time (cold start: no batch statistics)
//   npm run bench:stories -- --options '{"joinThreshold":0.2}'   engine options (see ClusterOptions)
//
// Quality: every record goes through the crawl-text extractor (as `dateline ingest` does), then
// into a fresh SQLite database through the stories engine, then is scored against the `event`
// labels with B-cubed and pairwise precision/recall/F1 (src/stories/score.ts).
// DATELINE_BENCH overrides the location of the shared bench folder.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extract } from '../src/extract/index.js';
import { devSetPath, readConfusableSets, readLabelled, benchDir } from '../src/stories/dev-set.js';
import { mergedConfusables, scoreClustering } from '../src/stories/score.js';
import { openStories } from '../src/stories/sqlite.js';
import { runScale } from './stories-scale.js';

const { values } = parseArgs({ options: { scale: { type: 'string' }, verbose: { type: 'boolean', short: 'v' }, window: { type: 'string' }, options: { type: 'string' }, single: { type: 'boolean' } } });

function quality(): void {
  const path = devSetPath();
  if (!path) {
    console.log(`stories bench: skipped — no dev set at ${join(benchDir(), 'stories', 'dev.jsonl')} (set DATELINE_BENCH to the shared bench folder)`);
    return;
  }
  const records = readLabelled(path);
  const opts = { ...(values.options ? JSON.parse(values.options) as object : {}), ...(values.window ? { windowDays: Number(values.window) } : {}) };
  const engine = openStories(':memory:', opts);
  const gold = new Map<number, string>();
  const predicted = new Map<number, number>();
  const t0 = performance.now();
  const inputs = records.map((r, i) => {
    const article = extract(r.text, { kind: 'text', url: r.url });
    const id = i + 1;
    gold.set(id, r.event);
    return { id, url: r.url, site: r.site, title: article.title, text: article.text || r.text, published: article.published, language: article.language };
  });
  // One ingest run: the batch path (term statistics of the batch first), as `dateline ingest` does.
  if (values.single) for (const x of inputs) engine.add(x);
  else engine.addBatch(inputs);
  const ms = performance.now() - t0;
  for (const id of gold.keys()) predicted.set(id, engine.engine.article(id)!.storyId);
  const s = scoreClustering(gold, predicted);
  const confusable = readConfusableSets(join(benchDir(), 'stories', 'README.md'));
  const merged = mergedConfusables(gold, predicted, confusable);
  const dupGroups = new Set(records.map((_, i) => engine.engine.article(i + 1)!.duplicateGroup));
  const f = (x: number) => x.toFixed(3);
  console.log(`stories dev set: ${s.items} articles, ${s.goldClusters} events → ${s.predictedClusters} stories, ${records.length - dupGroups.size} articles in duplicate groups (${(ms / records.length).toFixed(2)} ms/article incl. extraction + SQLite)`);
  console.log(`  B-cubed   P ${f(s.bcubed.precision)}  R ${f(s.bcubed.recall)}  F1 ${f(s.bcubed.f1)}`);
  console.log(`  pairwise  P ${f(s.pairwise.precision)}  R ${f(s.pairwise.recall)}  F1 ${f(s.pairwise.f1)}  (${s.pairwise.truePositives}/${s.pairwise.predictedPairs} predicted pairs correct, ${s.pairwise.goldPairs} gold pairs)`);
  console.log(`  confusable events merged: ${merged.length ? merged.map((m) => `${m.group}: ${m.a}+${m.b}`).join(', ') : 'none'}`);
  if (values.verbose) {
    const byStory = new Map<number, number[]>();
    for (const [id, st] of predicted) byStory.set(st, [...(byStory.get(st) ?? []), id]);
    const rows = [...byStory.values()].sort((a, b) => gold.get(a[0]!)!.localeCompare(gold.get(b[0]!)!));
    for (const ids of rows) console.log(`  ${ids.map((id) => `${gold.get(id)}:${records[id - 1]!.site.slice(0, 18)}`).join('  ')}`);
  }
  engine.close();
}

quality();
if (values.scale) runScale(values.scale.split(',').map(Number));
