// The disk cache of derived enrichment data: a city index read back from the cache answers exactly
// as the freshly built one, and a damaged or truncated cache file is ignored.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readCache, writeCache } from '../../src/enrich/data-cache.js';
import { loadCityIndex } from '../../src/enrich/geo/cities.js';

function withCacheDir<T>(f: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-cache-test-'));
  const before = process.env.DATELINE_CACHE;
  process.env.DATELINE_CACHE = dir;
  try { return f(dir); } finally {
    if (before === undefined) delete process.env.DATELINE_CACHE; else process.env.DATELINE_CACHE = before;
    rmSync(dir, { recursive: true, force: true });
  }
}

test('city index from the disk cache equals the freshly built one', () => {
  withCacheDir((dir) => {
    const built = loadCityIndex();
    assert.equal(readdirSync(dir).filter((f) => f.startsWith('cities-') && f.endsWith('.bin')).length, 1);
    const cached = loadCityIndex();
    for (const name of ['paris', 'springfield', 'sao paulo', 'kyiv', 'new york city', 'zurich', 'no such place at all']) {
      const a = built.ids(name); const b = cached.ids(name);
      assert.deepEqual(b, a, name);
      for (const i of a ?? []) assert.deepEqual(cached.city(i), built.city(i));
    }
    assert.ok((built.ids('paris') ?? []).some((i) => built.city(i).country === 'FR'));
    assert.deepEqual([...cached.centroids], [...built.centroids]);
  });
});

test('a truncated or foreign cache file is not used', () => {
  withCacheDir((dir) => {
    writeCache('probe', 'k1', Buffer.from('hello world'));
    assert.equal(readCache('probe', 'k1')?.toString(), 'hello world');
    assert.equal(readCache('probe', 'k2'), undefined);
    const file = join(dir, 'probe-k1.bin');
    truncateSync(file, 12);
    assert.equal(readCache('probe', 'k1'), undefined);
    writeFileSync(file, 'not a cache file at all');
    assert.equal(readCache('probe', 'k1'), undefined);
    assert.equal(readCache('probe', undefined), undefined);
  });
});
