// CPU cost of one request, in process: `npm run bench:serve` measures throughput from another
// process, which on a shared 2-core machine mostly measures the machine; this measures what the
// server itself spends per page (process CPU time, user + system, over many requests).
//   node --import tsx bench/serve-cpu.ts [DB] [--cpu-prof via node flags]
// Two figures per page: the handler alone (routing, queries, rendering: dispatch() → Reply) and a
// full HTTP round trip over one keep-alive connection to a server in this same process (client
// included, so read it against the static file's row, which is nearly all HTTP).
// DB defaults to the serve benchmark's archive ($TMPDIR/dateline-bench-serve/archive-100000.db).
import { request, Agent } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openArchive } from '../src/store/index.js';
import { dispatch, startServer } from '../src/server/index.js';
import { SmallCache } from '../src/server/context.js';
import { benchPaths } from './serve-build.js';

const N = Number(process.env.DATELINE_BENCH_REQUESTS ?? 2000);
const db = process.argv[2] ?? join(process.env.DATELINE_BENCH_DIR ?? join(tmpdir(), 'dateline-bench-serve'), `archive-${process.env.DATELINE_BENCH_ARTICLES ?? 100000}.db`);

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

const paths = benchPaths(db);
const archive = openArchive(db, { readonly: true });
archive.db.pragma('mmap_size = 268435456'); // as `dateline serve` opens it
const options = { archive, allowedHosts: undefined };
const cache = new SmallCache(archive);
const scenarios: [string, string[]][] = [
  ['static file', ['/assets/favicon.svg']],
  ['article page', paths.articlePaths],
  ['article page, 200 popular', paths.articlePaths.slice(0, 200)],
  ['article API', paths.articlePaths.map((p) => `/api${p}`)],
  ['story page', paths.storyPaths],
  ['search page', paths.searchPaths],
];

async function handlerOnly(list: string[], n: number): Promise<{ us: number; bytes: number }> {
  let bytes = 0;
  const t = cpuMicros();
  for (let i = 0; i < n; i++) {
    const req = { method: 'GET', url: list[i % list.length], headers: { host: '127.0.0.1' } } as unknown as IncomingMessage;
    const r = await dispatch(req, options, cache);
    if (r.status !== 200) throw new Error(`${list[i % list.length]}: ${r.status}`);
    bytes += Buffer.byteLength(r.body);
  }
  return { us: (cpuMicros() - t) / n, bytes: bytes / n };
}

async function roundTrips(base: string, list: string[], n: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string): Promise<void> => new Promise((resolve, reject) => {
    request(`${base}${path}`, { agent }, (res) => { res.resume(); res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`)))); }).on('error', reject).end();
  });
  const t = cpuMicros();
  for (let i = 0; i < n; i++) await get(list[i % list.length]!);
  agent.destroy();
  return (cpuMicros() - t) / n;
}

// DATELINE_BENCH_PAGES=article,story: only those rows (e.g. under --cpu-prof).
const only = process.env.DATELINE_BENCH_PAGES?.split(',').map((s) => s.trim()).filter(Boolean);
const server = await startServer({ archive, port: 0 });
const rows: string[] = [];
for (const [name, list] of scenarios) {
  if (only && !only.some((o) => name.startsWith(o))) continue;
  if (!list.length) { rows.push(`| ${name} | — | — | — |`); continue; }
  const n = name.startsWith('search') ? Math.min(N, 200) : N;
  await handlerOnly([...list].reverse(), Math.min(n, 200)); // warm-up (JIT, SQLite cache) on other paths than the measured ones, unless the list is short
  const h = await handlerOnly(list, n);
  const rt = await roundTrips(server.url, list, n);
  rows.push(`| ${name} | ${Math.round(h.us)} | ${Math.round(rt)} | ${Math.round(h.bytes).toLocaleString('en')} |`);
  process.stderr.write(`${name}: handler ${Math.round(h.us)} µs, HTTP round trip ${Math.round(rt)} µs CPU per request\n`);
}
await server.close();
archive.close();
process.stdout.write(`\n${paths.articles.toLocaleString('en')} articles, ${paths.stories.toLocaleString('en')} stories; CPU µs per request (user + system, one process), ${N} requests per page (search 200)\n\n| page | handler µs | HTTP round trip µs (client + server) | body bytes |\n|---|---:|---:|---:|\n${rows.join('\n')}\n`);
