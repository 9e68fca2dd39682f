// `node --import tsx bench/stories-diagnose.ts` — why the stories bench gets what it gets.
//
// Ingests the labelled dev set (../shared/bench/stories/dev.jsonl) into a fresh temporary archive
// exactly as bench:stories does, clusters the stored articles with the engine in memory, and prints,
// per gold event: its articles (predicted story, site, publication day, language, headline), and for
// every article split off from the rest of its event its best similarity to that rest, plus its
// best match outside the event, with the features that carry each score. Then every predicted story
// that mixes events, with the cross-event pairs and their shared features.
//
//   node --import tsx bench/stories-diagnose.ts [--options '{"joinThreshold":0.2}'] [--only e018,e026]
import { parseArgs } from 'node:util';
import { devSetPath } from '../src/stories/dev-set.js';
import { StoryEngine } from '../src/stories/engine.js';
import { preparedDevSet } from './stories-dev-articles.js';
import { scoreClustering } from '../src/stories/score.js';

const { values } = parseArgs({ options: { options: { type: 'string' }, only: { type: 'string' }, top: { type: 'string' } } });
const TOP = Number(values.top ?? 8);

const path = devSetPath();
if (!path) { console.log('diagnose: no dev set (set DATELINE_BENCH)'); process.exit(0); }
const devSet = await preparedDevSet(path);
const { prepared } = devSet;
const gold = new Map([...devSet.gold].map(([id, r]) => [id, r.event]));
const eventDate = new Map([...devSet.gold.values()].map((r) => [r.event, r.event_date ?? '']));

const engine = new StoryEngine(values.options ? JSON.parse(values.options) as object : {});
engine.addBatch(prepared);
const story = new Map(prepared.map((p) => [p.input.id, engine.article(p.input.id)!.storyId]));
const byId = new Map(prepared.map((p) => [p.input.id, p]));
const s = scoreClustering(gold, story);
console.log(`B3 P ${s.bcubed.precision.toFixed(3)} R ${s.bcubed.recall.toFixed(3)} F1 ${s.bcubed.f1.toFixed(3)}; pairwise P ${s.pairwise.precision.toFixed(3)} R ${s.pairwise.recall.toFixed(3)} F1 ${s.pairwise.f1.toFixed(3)}; ${s.predictedClusters} stories for ${s.goldClusters} events`);

// Similarity as the clusterer sees it at the end (archive-wide idf, unit-normalised tf-idf).
const c = engine.clusterer;
function vec(id: number): Map<string, number> {
  const v = new Map<string, number>();
  let n = 0;
  for (const [k, w] of Object.entries(byId.get(id)!.features.vec)) { const x = w * c.idf(k); if (x > 0) { v.set(k, x); n += x * x; } }
  n = Math.sqrt(n) || 1;
  for (const [k, x] of v) v.set(k, x / n);
  return v;
}
const vecs = new Map(prepared.map((p) => [p.input.id, vec(p.input.id)]));
function sim(a: number, b: number): { score: number; shared: string } {
  const va = vecs.get(a)!;
  const vb = vecs.get(b)!;
  const parts: Array<[string, number]> = [];
  let score = 0;
  for (const [k, x] of va) { const y = vb.get(k); if (y) { parts.push([k, x * y]); score += x * y; } }
  parts.sort((p, q) => q[1] - p[1]);
  return { score, shared: parts.slice(0, TOP).map(([k, v]) => `${k}(${v.toFixed(3)})`).join(' ') };
}
const day = (d: number | undefined) => (d === undefined ? '----------' : new Date(d * 864e5).toISOString().slice(0, 10));
const only = values.only ? new Set(values.only.split(',')) : undefined;
const events = [...new Set(gold.values())].sort().filter((e) => !only || only.has(e));
const ids = [...gold.keys()];

console.log('\n== per gold event ==');
for (const ev of events) {
  const members = ids.filter((i) => gold.get(i) === ev);
  const stories = new Set(members.map((i) => story.get(i)));
  const mark = stories.size > 1 ? 'SPLIT' : 'ok';
  console.log(`\n${ev} (${eventDate.get(ev)}) ${members.length} articles in ${stories.size} stories: ${mark}`);
  // The event's largest predicted story is "the" story; the others are split off.
  const counts = new Map<number, number>();
  for (const i of members) counts.set(story.get(i)!, (counts.get(story.get(i)!) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  for (const i of members) {
    const f = byId.get(i)!.features;
    const intruders = ids.filter((j) => story.get(j) === story.get(i) && gold.get(j) !== ev).length;
    console.log(`  #${i} story ${story.get(i)}${story.get(i) === main ? ' ' : '*'} ${day(f.day)} ${f.lang ?? '??'} ${byId.get(i)!.input.site ?? ''} | ${f.title.slice(0, 90)}${intruders ? `  [story has ${intruders} from other events]` : ''}`);
  }
  for (const i of members) {
    if (story.get(i) === main && stories.size === 1) continue;
    if (story.get(i) === main) continue;
    const same = members.filter((j) => j !== i).map((j) => ({ j, ...sim(i, j) })).sort((a, b) => b.score - a.score);
    const other = ids.filter((j) => gold.get(j) !== ev).map((j) => ({ j, ...sim(i, j) })).sort((a, b) => b.score - a.score)[0];
    const avgMain = members.filter((j) => story.get(j) === main);
    const avg = avgMain.reduce((t, j) => t + sim(i, j).score, 0) / (avgMain.length || 1);
    console.log(`  split #${i}: avg sim to main story ${avg.toFixed(3)}; best same-event #${same[0]?.j} ${same[0]?.score.toFixed(3)}: ${same[0]?.shared}`);
    if (other) console.log(`           best other-event #${other.j} (${gold.get(other.j)}) ${other.score.toFixed(3)}: ${other.shared}`);
  }
}

console.log('\n== predicted stories mixing events ==');
const byStory = new Map<number, number[]>();
for (const i of ids) byStory.set(story.get(i)!, [...(byStory.get(story.get(i)!) ?? []), i]);
for (const [st, members] of byStory) {
  const evs = new Set(members.map((i) => gold.get(i)));
  if (evs.size < 2) continue;
  console.log(`\nstory ${st}: ${members.map((i) => `#${i}:${gold.get(i)}`).join(' ')}`);
  for (const a of members) for (const b of members) {
    if (a >= b || gold.get(a) === gold.get(b)) continue;
    const x = sim(a, b);
    console.log(`  #${a}(${gold.get(a)}) ~ #${b}(${gold.get(b)}) ${x.score.toFixed(3)}: ${x.shared}`);
  }
}
