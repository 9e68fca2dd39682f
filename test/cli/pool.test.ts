// The pieces behind `dateline extract`: in-order concurrent runner, worker pool, progress bar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { runOrdered } from '../../src/cli/ordered.js';
import { createExtractor } from '../../src/extract/pool.js';
import { Progress, formatDuration } from '../../src/cli/progress.js';

test('runOrdered emits in input order, never more than `window` ahead', async () => {
  const delays = [50, 5, 30, 1, 20, 1, 1, 40, 2, 3];
  const emitted: number[] = [];
  let inFlight = 0;
  let maxAhead = 0;
  await runOrdered(delays, async (d, i) => {
    inFlight++;
    maxAhead = Math.max(maxAhead, i - emitted.length);
    await new Promise((r) => setTimeout(r, d));
    inFlight--;
    return i;
  }, (r) => { emitted.push(r); }, { concurrency: 3, window: 4 });
  assert.deepEqual(emitted, delays.map((_, i) => i));
  assert.ok(maxAhead < 4, `started ${maxAhead} ahead`);
  assert.equal(inFlight, 0);
});

test('runOrdered handles an empty list', async () => {
  await runOrdered([], async () => 1, () => assert.fail('nothing to emit'), { concurrency: 2 });
});

test('the worker pool extracts like the in-process extractor', async () => {
  const html = readFileSync(new URL('../fixtures/cli/article.html', import.meta.url));
  const pool = createExtractor(2);
  const local = createExtractor(1);
  try {
    const [a, b] = await Promise.all([pool.run(new Uint8Array(html), { url: 'https://x.example/a' }), pool.run(new Uint8Array(html), {})]);
    const expected = await local.run(new Uint8Array(html), { url: 'https://x.example/a' });
    assert.deepEqual(a, expected);
    assert.match(b.text, /harbour reopened/);
  } finally {
    await pool.close();
  }
});

test('the progress bar draws count, rate, ETA and errors only when enabled', () => {
  let out = '';
  const sink = new Writable({ write(chunk: Buffer, _e, cb) { out += chunk.toString(); cb(); } }) as unknown as NodeJS.WriteStream;
  const p = new Progress({ total: 2, label: 'extract', enabled: true, stream: sink });
  p.tick(false);
  p.tick(true);
  assert.match(out, /extract \[#+\] 2\/2 [\d.]+\/s ETA \S+ 1 error/);
  p.clear();
  assert.ok(out.endsWith('\r\x1b[K'));
  let quiet = '';
  const q = new Progress({ total: 1, label: 'x', enabled: false, stream: new Writable({ write(c: Buffer, _e, cb) { quiet += c.toString(); cb(); } }) as unknown as NodeJS.WriteStream });
  q.tick(false);
  assert.equal(quiet, '');
  assert.equal(formatDuration(75), '1m15s');
});

test('a page over the time limit fails with ETIMEOUT and its worker is replaced', async () => {
  const html = readFileSync(new URL('../fixtures/cli/article.html', import.meta.url));
  // 1 ms is shorter than a worker takes to even start: every page times out, none hangs the pool.
  const pool = createExtractor(2, { pageTimeoutMs: 1 });
  try {
    const results = await Promise.allSettled([1, 2, 3].map(() => pool.run(new Uint8Array(html), {})));
    for (const r of results) {
      assert.equal(r.status, 'rejected');
      assert.equal((r as PromiseRejectedResult).reason.code, 'ETIMEOUT');
    }
  } finally {
    await pool.close();
  }
});

test('a pool handing two jobs to each worker (depth 2, pages transferred) returns every result to its caller', async () => {
  const { createTaskPool, workerModule, transferable } = await import('../../src/extract/pool.js');
  const { extract } = await import('../../src/extract/index.js');
  const html = readFileSync(new URL('../fixtures/cli/article.html', import.meta.url));
  const pages = Array.from({ length: 9 }, (_, i) => html.toString('utf8').replace('<title>', `<title>Page ${i} `));
  const pool = createTaskPool(2, workerModule(new URL('../../src/extract/pool.ts', import.meta.url).href, 'pool-worker'),
    (job: { bytes: Uint8Array; options: object }) => extract(job.bytes, job.options), {
      depth: 2, transfer: (job) => { const b = transferable(job.bytes); return b ? [b] : []; },
    });
  try {
    const got = await Promise.all(pages.map((p) => pool.run({ bytes: new Uint8Array(Buffer.from(p)), options: {} })));
    got.forEach((a, i) => assert.equal(a.title, extract(Buffer.from(pages[i]!), {}).title));
  } finally {
    await pool.close();
  }
});
