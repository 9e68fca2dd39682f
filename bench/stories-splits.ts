// Cross-validation of the story clusterer on the labelled dev set: the events are split into two
// halves (by event, never by article), each half is clustered alone, and the halves' scores are
// summarised (mean and worst B-cubed / pairwise F1, halves with a confusable merge). A setting
// that only wins on the whole set, and loses on its halves, is tuned to these 32 events; the
// issue owner measures on events we do not have.
//
// The dev set is ingested once into a fresh temporary archive exactly as bench:stories does
// (crawl-text extraction, SQLite); each half is then clustered in memory from the stored
// articles, in archive (= file) order, as `dateline ingest` of that half alone would place them
// (extraction does not depend on the other articles, so the stored texts are the same).
//
//   node --import tsx bench/stories-splits.ts [--splits 8] [--seed 1] [--verbose]
//        [--options '{"joinThreshold":0.15}'] [--compare '[{}, {"idfPower":1}]']
//
// Splits: the first alternates events in sorted order; the others are seeded random 16/16 splits.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDir, devSetPath, eventSplits, readConfusableSets } from '../src/stories/dev-set.js';
import { StoryEngine } from '../src/stories/engine.js';
import { preparedDevSet } from './stories-dev-articles.js';
import { mergedConfusables, scoreClustering } from '../src/stories/score.js';

const { values } = parseArgs({ options: {
  splits: { type: 'string' }, seed: { type: 'string' }, options: { type: 'string' }, compare: { type: 'string' }, verbose: { type: 'boolean', short: 'v' },
} });

const path = devSetPath();
if (!path) { console.log('stories-splits: no stories dev set (set DATELINE_BENCH); skipped'); process.exit(0); }
const confusable = readConfusableSets(join(benchDir(), 'stories', 'README.md'));
const devSet = await preparedDevSet(path);
const { prepared } = devSet;
const gold = new Map([...devSet.gold].map(([id, r]) => [id, r.event]));

const events = [...new Set(gold.values())].sort();
const nSplits = Number(values.splits ?? 8);
const halves = eventSplits(events, nSplits, Number(values.seed ?? 1));

interface Run { b3: number; pw: number; merges: string[]; split: string[] }

function cluster(opts: object, subset: Set<string> | undefined): Run {
  const items = prepared.filter((p) => !subset || subset.has(gold.get(p.input.id)!));
  const engine = new StoryEngine(opts);
  engine.addBatch(items);
  const g = new Map(items.map((p) => [p.input.id, gold.get(p.input.id)!]));
  const pred = new Map(items.map((p) => [p.input.id, engine.article(p.input.id)!.storyId]));
  const s = scoreClustering(g, pred);
  const merges = mergedConfusables(g, pred, confusable).map((m) => `${m.a}+${m.b}`);
  const split: string[] = [];
  for (const ev of new Set(g.values())) {
    const st = new Set(items.filter((p) => g.get(p.input.id) === ev).map((p) => pred.get(p.input.id)));
    if (st.size > 1) split.push(ev);
  }
  return { b3: s.bcubed.f1, pw: s.pairwise.f1, merges, split: split.sort() };
}

const f = (x: number) => x.toFixed(3);
const settings: object[] = values.compare ? JSON.parse(values.compare) as object[] : [values.options ? JSON.parse(values.options) as object : {}];
console.log(`${prepared.length} articles, ${events.length} events; ${nSplits} splits = ${halves.length} halves (each clustered alone)`);
for (const opts of settings) {
  const whole = cluster(opts, undefined);
  const runs = halves.map((h) => cluster(opts, h));
  const mean = (k: 'b3' | 'pw') => runs.reduce((t, r) => t + r[k], 0) / runs.length;
  const worst = (k: 'b3' | 'pw') => Math.min(...runs.map((r) => r[k]));
  const withMerge = runs.filter((r) => r.merges.length).length;
  const merges = runs.reduce((t, r) => t + r.merges.length, 0);
  console.log(`\noptions ${JSON.stringify(opts)}`);
  console.log(`  whole set   B³ F1 ${f(whole.b3)}  pairwise F1 ${f(whole.pw)}  merges: ${whole.merges.join(' ') || 'none'}  split: ${whole.split.join(' ') || 'none'}`);
  console.log(`  halves      B³ F1 mean ${f(mean('b3'))} worst ${f(worst('b3'))}  pairwise F1 mean ${f(mean('pw'))} worst ${f(worst('pw'))}  halves with a confusable merge ${withMerge}/${runs.length} (${merges} merges)`);
  if (values.verbose) runs.forEach((r, i) => console.log(`    half ${i + 1}: ${f(r.b3)} / ${f(r.pw)}  merges: ${r.merges.join(' ') || '-'}  split: ${r.split.join(' ') || '-'}  events: ${[...halves[i]!].sort().join(',')}`));
}
