// Stories quality gate: ingest the labelled dev set (../shared/bench/stories/dev.jsonl, or
// $DATELINE_BENCH) into a fresh archive as `npm run bench:stories` does, cluster it, and fail when
// B-cubed or pairwise F1 falls below its floor in bench/floors.json ("stories/dev") or more
// confusable event pairs are merged than the floor allows. Then the same articles, split by event
// into halves clustered alone (bench/stories-splits.ts), against "stories/dev-splits": the mean
// B-cubed F1 over the halves and the number of halves merging confusable events, so a setting that
// only fits the whole set fails too. Skips, saying why, without the dev set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.js';
import { openArchive } from '../../src/store/index.js';
import { toStoryInput, updateStories } from '../../src/stories/archive.js';
import { benchDir, devSetPath, eventSplits, readConfusableSets, readLabelled } from '../../src/stories/dev-set.js';
import { StoryEngine, prepareArticle } from '../../src/stories/engine.js';
import { mergedConfusables, scoreClustering } from '../../src/stories/score.js';

interface StoriesFloor { bcubedF1: number; pairwiseF1: number; maxConfusableMerges: number }
interface SplitsFloor { splits: number; meanBcubedF1: number; maxHalvesWithMerges: number }
const floorsPath = new URL('../../bench/floors.json', import.meta.url);
const floors = JSON.parse(readFileSync(floorsPath, 'utf8')) as Record<string, unknown>;
const floor = floors['stories/dev'] as StoriesFloor;
const splitsFloor = floors['stories/dev-splits'] as SplitsFloor;
const path = devSetPath();

test('stories quality gate: dev set', { skip: path ? false : 'stories dev set not found (../shared/bench/stories/dev.jsonl; set DATELINE_BENCH) — gate skipped' }, async () => {
  const records = readLabelled(path!);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-stories-gate-'));
  const archive = openArchive(join(dir, 'gate.db'));
  try {
    await ingest(archive, [path!], { jobs: 1, stories: false });
    updateStories(archive);
    const storyOf = archive.db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck();
    const gold = new Map<number, string>();
    const predicted = new Map<number, number>();
    for (const r of records) {
      const a = archive.getArticleByUrl(r.url);
      if (!a) continue;
      gold.set(a.id, r.event);
      const st = storyOf.get(a.id) as number | undefined;
      if (st !== undefined) predicted.set(a.id, st);
    }
    const s = scoreClustering(gold, predicted);
    const merged = mergedConfusables(gold, predicted, readConfusableSets(join(benchDir(), 'stories', 'README.md')));
    const msg = `B3 F1 ${s.bcubed.f1.toFixed(3)}, pairwise F1 ${s.pairwise.f1.toFixed(3)}, confusable merges ${merged.length}; floors ${JSON.stringify(floor)}`;
    assert.ok(s.bcubed.f1 >= floor.bcubedF1, msg);
    assert.ok(s.pairwise.f1 >= floor.pairwiseF1, msg);
    assert.ok(merged.length <= floor.maxConfusableMerges, msg);

    const confusable = readConfusableSets(join(benchDir(), 'stories', 'README.md'));
    const prepared = [...gold.keys()].sort((a, b) => a - b).map((id) => prepareArticle(toStoryInput(archive.getArticle(id)!)));
    let sum = 0;
    let withMerges = 0;
    const halves = eventSplits(gold.values(), splitsFloor.splits);
    for (const half of halves) {
      const items = prepared.filter((p) => half.has(gold.get(p.input.id)!));
      const engine = new StoryEngine();
      engine.addBatch(items);
      const g = new Map(items.map((p) => [p.input.id, gold.get(p.input.id)!]));
      const pred = new Map(items.map((p) => [p.input.id, engine.article(p.input.id)!.storyId]));
      sum += scoreClustering(g, pred).bcubed.f1;
      if (mergedConfusables(g, pred, confusable).length) withMerges++;
    }
    const splitsMsg = `halves: mean B3 F1 ${(sum / halves.length).toFixed(3)}, ${withMerges} of ${halves.length} with a confusable merge; floors ${JSON.stringify(splitsFloor)}`;
    assert.ok(sum / halves.length >= splitsFloor.meanBcubedF1, splitsMsg);
    assert.ok(withMerges <= splitsFloor.maxHalvesWithMerges, splitsMsg);
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
