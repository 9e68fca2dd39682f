// How much placing stories during an ingest run (src/ingest/live-stories.ts) changes them, on the
// labelled stories dev set: the same JSONL ingested into fresh archives, stories placed
//   batch — after the run, with the whole run's idf (what `dateline ingest` did before), and
//   live  — during the run, at scaled-down pacing (the dev set has 121 articles, fewer than the
//           1,000 counted before anything is placed live, so real pacing would change nothing).
//   node --import tsx bench/stories-pacing.ts [--warm 20,40 --lag 10,20]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../src/ingest/index.js';
import { openArchive } from '../src/store/index.js';
import { devSetPath, readLabelled } from '../src/stories/dev-set.js';
import { scoreClustering } from '../src/stories/score.js';

const { values } = parseArgs({ options: { warm: { type: 'string' }, lag: { type: 'string' } } });
const path = devSetPath();
if (!path) { console.log('stories-pacing: no stories dev set (set DATELINE_BENCH); skipped'); process.exit(0); }
const records = readLabelled(path);

async function run(pacing?: { warmDocs: number; lag: number }): Promise<Map<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-pacing-'));
  const archive = openArchive(join(dir, 'a.db'));
  try {
    await ingest(archive, [path!], { jobs: 1, ...(pacing ? { storiesPacing: pacing } : { storiesPacing: { warmDocs: Number.MAX_SAFE_INTEGER } }) });
    const story = archive.db.prepare('SELECT sa.story_id FROM story_articles sa JOIN urls u ON u.article_id = sa.article_id WHERE u.url = ?').pluck();
    return new Map(records.map((r) => [r.url, story.get(r.url) as number]));
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const gold = new Map(records.map((r, i) => [i, r.event]));
const score = (p: Map<string, number>) => scoreClustering(gold, new Map(records.map((r, i) => [i, p.get(r.url) ?? -1 - i])));
const f = (x: number) => x.toFixed(3);
const batch = await run();
const sb = score(batch);
console.log(`batch (whole run counted first)  B³ F1 ${f(sb.bcubed.f1)}  pairwise F1 ${f(sb.pairwise.f1)}  ${sb.predictedClusters} stories`);
for (const warm of (values.warm ?? '20,40,60').split(',').map(Number)) {
  for (const lag of (values.lag ?? '10,20,40').split(',').map(Number)) {
    const live = await run({ warmDocs: warm, lag });
    const s = score(live);
    // Agreement with the batch placement, scored as if the batch stories were the gold events.
    const same = scoreClustering(new Map(records.map((r, i) => [i, String(batch.get(r.url))])), new Map(records.map((r, i) => [i, live.get(r.url) ?? -1 - i])));
    console.log(`live warm ${warm} lag ${lag}`.padEnd(33) + `  B³ F1 ${f(s.bcubed.f1)}  pairwise F1 ${f(s.pairwise.f1)}  ${s.predictedClusters} stories; agreement with batch B³ F1 ${f(same.bcubed.f1)}`);
  }
}
