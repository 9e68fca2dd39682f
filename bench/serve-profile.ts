// A CPU profile of the page handlers alone (no HTTP, no setup): where an uncached page's time goes.
//   node --import tsx bench/serve-profile.ts [article|story|search] [DB]  → /tmp/serve-<page>.cpuprofile
//   then: node --import tsx bench/cpuprofile-top.ts /tmp/serve-article.cpuprofile
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openArchive } from '../src/store/index.js';
import { dispatch } from '../src/server/index.js';
import { SmallCache } from '../src/server/context.js';
import { benchPaths } from './serve-build.js';

const page = process.argv[2] ?? 'article';
const db = process.argv[3] ?? join(process.env.DATELINE_BENCH_DIR ?? join(tmpdir(), 'dateline-bench-serve'), 'archive-100000.db');
const paths = benchPaths(db);
const list = page === 'story' ? paths.storyPaths : page === 'search' ? paths.searchPaths : paths.articlePaths;
const archive = openArchive(db, { readonly: true });
archive.db.pragma('mmap_size = 268435456');
const options = { archive, allowedHosts: undefined };
const cache = new SmallCache(archive);
const n = Number(process.env.DATELINE_BENCH_REQUESTS ?? (page === 'search' ? 300 : 5000));
async function run(from: number, count: number): Promise<number> {
  const t = process.cpuUsage();
  for (let i = from; i < from + count; i++) {
    const req = { method: 'GET', url: list[i % list.length], headers: { host: '127.0.0.1' } } as unknown as IncomingMessage;
    const r = await dispatch(req, options, cache);
    if (r.status !== 200) throw new Error(`${list[i % list.length]}: ${r.status}`);
  }
  const u = process.cpuUsage(t);
  return (u.user + u.system) / count;
}
// Warm-up: JIT, SQLite's cache, and the kept stories (what a server that has run a while holds);
// the pages it keeps are the last 1,000 of the list, and the measured run starts at the first.
await run(0, Math.min(list.length, page === 'search' ? 300 : 5000));
if (process.env.DATELINE_BENCH_ROUNDS) {
  // No profiler: R rounds, min and median CPU µs per request (the machine is shared: read the min).
  const per: number[] = [];
  for (let r = 0; r < Number(process.env.DATELINE_BENCH_ROUNDS); r++) per.push(await run(r * n, n));
  per.sort((a, b) => a - b);
  process.stdout.write(`${page}: min ${per[0]!.toFixed(0)}, median ${per[per.length >> 1]!.toFixed(0)} µs CPU per request (handler), ${per.length} rounds of ${n}\n`);
  process.exit(0);
}
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const us = await run(0, n);
const { profile } = await session.post('Profiler.stop');
writeFileSync(`/tmp/serve-${page}.cpuprofile`, JSON.stringify(profile));
process.stdout.write(`${page}: ${us.toFixed(0)} µs CPU per request (handler, profiled), ${n} requests → /tmp/serve-${page}.cpuprofile\n`);
