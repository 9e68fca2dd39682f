// Quality gate: extract every dev set of the evaluation kit (../shared/bench, or $DATELINE_BENCH)
// and fail when a figure falls below its floor in bench/floors.json. Skips, saying why, when the
// kit is absent. Shares bench/runner.ts with `npm run bench`, so both compute figures the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { belowFloors, benchDir, loadFloors, REPO_ROOT, runSet, SETS } from '../../bench/runner.js';

const dir = benchDir();
const floors = loadFloors();

if (!dir) {
  test('quality gate', { skip: 'evaluation kit not found (../shared/bench next to the repository; set DATELINE_BENCH to point at it) — gate skipped' }, () => {});
} else {
  for (const set of SETS) {
    test(`quality gate: ${set.name}`, () => {
      const scores = runSet(dir, set, join(REPO_ROOT, 'test-output', 'quality-gate'));
      const below = belowFloors(scores, floors);
      assert.deepEqual(below, [], `below the floors pinned in bench/floors.json:\n${below.join('\n')}`);
    });
  }
}
