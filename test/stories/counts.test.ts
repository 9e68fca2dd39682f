import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeatureCounts } from '../../src/stories/counts.js';

test('feature counts: exact for a few keys, never below the true count under collisions', () => {
  const small = new FeatureCounts(16);
  for (let i = 0; i < 5; i++) small.increment('w:putin');
  small.increment('n:tianjin');
  assert.equal(small.get('w:putin'), 5);
  assert.equal(small.get('n:tianjin'), 1);
  assert.equal(small.get('n:unseen'), 0);
  // 2^8 cells per row and 5,000 keys: collisions everywhere, yet no count is underestimated.
  const tiny = new FeatureCounts(8);
  const truth = new Map<string, number>();
  for (let i = 0; i < 20_000; i++) {
    const k = `k${(i * 7919) % 5000}`;
    tiny.increment(k);
    truth.set(k, (truth.get(k) ?? 0) + 1);
  }
  for (const [k, n] of truth) assert.ok(tiny.get(k) >= n, `${k}: ${tiny.get(k)} < ${n}`);
});
