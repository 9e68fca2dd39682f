// Stories quality gate: ingest the labelled dev set (../shared/bench/stories/dev.jsonl, or
// $DATELINE_BENCH) into a fresh archive as `npm run bench:stories` does, cluster it, and fail when
// B-cubed or pairwise F1 falls below its floor in bench/floors.json ("stories/dev") or more
// confusable event pairs are merged than the floor allows. Skips, saying why, without the dev set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.js';
import { openArchive } from '../../src/store/index.js';
import { updateStories } from '../../src/stories/archive.js';
import { benchDir, devSetPath, readConfusableSets, readLabelled } from '../../src/stories/dev-set.js';
import { mergedConfusables, scoreClustering } from '../../src/stories/score.js';

interface StoriesFloor { bcubedF1: number; pairwiseF1: number; maxConfusableMerges: number }
const floorsPath = new URL('../../bench/floors.json', import.meta.url);
const floor = (JSON.parse(readFileSync(floorsPath, 'utf8')) as Record<string, unknown>)['stories/dev'] as StoriesFloor;
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
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
