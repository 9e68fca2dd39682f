import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergedConfusables, scoreClustering } from '../../src/stories/score.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);
const m = (pairs: Array<[number, string]>) => new Map(pairs);

test('perfect clustering scores 1 everywhere', () => {
  const gold = m([[1, 'a'], [2, 'a'], [3, 'b']]);
  const s = scoreClustering(gold, m([[1, 'x'], [2, 'x'], [3, 'y']]));
  assert.equal(s.bcubed.f1, 1);
  assert.equal(s.pairwise.f1, 1);
  assert.equal(s.predictedClusters, 2);
});

test('B-cubed and pairwise on a hand-computed example', () => {
  // gold: {1,2,3} {4,5}; predicted: {1,2} {3,4,5}
  const gold = m([[1, 'a'], [2, 'a'], [3, 'a'], [4, 'b'], [5, 'b']]);
  const pred = m([[1, 'x'], [2, 'x'], [3, 'y'], [4, 'y'], [5, 'y']]);
  const s = scoreClustering(gold, pred);
  // precision per item: 1,1,1/3,2/3,2/3 → 11/3 / 5 = 11/15
  close(s.bcubed.precision, 11 / 15);
  // recall per item: 2/3,2/3,1/3,1,1 → 11/3 / 5 = 11/15
  close(s.bcubed.recall, 11 / 15);
  // pairs: predicted {1,2},{3,4},{3,5},{4,5} = 4; gold {1,2},{1,3},{2,3},{4,5} = 4; TP {1,2},{4,5} = 2
  close(s.pairwise.precision, 0.5);
  close(s.pairwise.recall, 0.5);
  assert.equal(s.pairwise.truePositives, 2);
});

test('everything in one cluster: full recall, low precision', () => {
  const gold = m([[1, 'a'], [2, 'a'], [3, 'b'], [4, 'c']]);
  const s = scoreClustering(gold, m([[1, 'x'], [2, 'x'], [3, 'x'], [4, 'x']]));
  close(s.bcubed.recall, 1);
  close(s.bcubed.precision, (2 / 4 + 2 / 4 + 1 / 4 + 1 / 4) / 4);
  close(s.pairwise.recall, 1);
  close(s.pairwise.precision, 1 / 6);
});

test('all singletons: full precision; pairwise recall 0; missing items count as singletons', () => {
  const gold = m([[1, 'a'], [2, 'a'], [3, 'b']]);
  const s = scoreClustering(gold, new Map<number, string>());
  close(s.bcubed.precision, 1);
  close(s.bcubed.recall, (1 / 2 + 1 / 2 + 1) / 3);
  assert.equal(s.pairwise.recall, 0);
  assert.equal(s.pairwise.precision, 1); // no pairs claimed
  assert.equal(s.pairwise.f1, 0);
});

test('mergedConfusables names confusable classes sharing a cluster', () => {
  const gold = m([[1, 'e1'], [2, 'e2'], [3, 'e3'], [4, 'e4']]);
  const pred = m([[1, 'x'], [2, 'x'], [3, 'x'], [4, 'y']]);
  const merged = mergedConfusables(gold, pred, new Map([['set', ['e1', 'e2']], ['other', ['e3', 'e4']]]));
  assert.deepEqual(merged.map((x) => `${x.group}:${x.a}+${x.b}`), ['set:e1+e2']);
});
