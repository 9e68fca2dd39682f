// `npm run bench:serve`: throughput and latency of `dateline serve` on an archive of ≥ 100,000
// articles. Builds the archive once in a temp dir (real news texts multiplied, see
// serve-corpus.ts; reused on later runs), starts `dateline serve` as a child process, and loads
// it from another child process (autocannon, 50 connections) for three pages: article, story
// and search. Targets (issue 5): article pages p99 < 50 ms and ≥ 1,000 requests/s on 2 cores.
//
// Environment: DATELINE_BENCH_ARTICLES (default 100000), DATELINE_BENCH_SECONDS (per scenario,
// default 15), DATELINE_BENCH_CONNECTIONS (default 50), DATELINE_BENCH_DIR (archive folder),
// DATELINE_BENCH_PAGES (e.g. `static,article`: only those scenarios), DATELINE_BENCH_STORIES: stories for an archive that has none yet — `rows` (default: written
// from the corpus's own events, bench/serve-stories.ts, seconds), `cluster` (the clusterer, as
// `dateline ingest` does: slow at 100,000), `0` (none; the story page is skipped).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildBenchArchive, benchPaths, benchStories } from './serve-build.js';

const N = Number(process.env.DATELINE_BENCH_ARTICLES ?? 100_000);
const SECONDS = Number(process.env.DATELINE_BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.DATELINE_BENCH_CONNECTIONS ?? 50);
const DIR = process.env.DATELINE_BENCH_DIR ?? join(tmpdir(), 'dateline-bench-serve');
const ROOT = new URL('..', import.meta.url).pathname;

const WORKERS = process.env.DATELINE_BENCH_WORKERS;

interface LoadResult { name: string; requestsPerSec: number; total: number; p50: number; p90: number; p99: number; max: number; non2xx: number; errors: number; timeouts: number; serverCpuUsPerRequest?: number }

/** CPU time (ms, user + system) of a process and its children (the serve workers), from /proc; undefined elsewhere. */
function treeCpuMs(pid: number): number | undefined {
  const TICK_MS = 10; // USER_HZ is 100 on Linux
  const statOf = (p: string): { ppid: number; ms: number } | undefined => {
    try {
      const text = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      return { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * TICK_MS };
    } catch { return undefined; }
  };
  const own = statOf(String(pid));
  if (!own) return undefined;
  let ms = own.ms;
  for (const p of readdirSync('/proc')) if (/^\d+$/.test(p) && statOf(p)?.ppid === pid) ms += statOf(p)!.ms;
  return ms;
}

function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

async function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--db', db, '--port', '0', ...(WORKERS ? ['--workers', WORKERS] : [])], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATELINE_TOKEN: '' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^(http:\/\/\S+)\n/m.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`dateline serve exited with ${code}`)));
  });
  return { child, url };
}

function load(url: string, name: string, paths: string[], seconds: number): LoadResult {
  const file = join(DIR, `scenario-${name}.json`);
  writeFileSync(file, JSON.stringify({ name, paths, connections: CONNECTIONS, duration: seconds }));
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/serve-load.ts'), url, file], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`load process failed (${r.status})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as LoadResult;
}

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const db = join(DIR, `archive-${N}.db`);
  if (!existsSync(db)) {
    const tmp = `${db}.building`;
    log(`building an archive of ${N.toLocaleString('en')} articles in ${tmp} (reused by later runs)…`);
    const built = await buildBenchArchive(tmp, N, log);
    renameSync(tmp, db);
    log(`built in ${(built.ms / 1000).toFixed(1)} s (${built.real ? 'real texts from the stories dev set' : 'fallback texts: ../shared/bench is absent'})`);
  } else {
    log(`reusing ${db} (delete it to rebuild)`);
  }
  const stories = process.env.DATELINE_BENCH_STORIES ?? 'rows';
  if (stories === 'rows' || stories === 'cluster') benchStories(db, N, stories, log);
  else log(`stories: none added (DATELINE_BENCH_STORIES=${stories})`);
  const paths = benchPaths(db);
  log(`archive: ${paths.articles.toLocaleString('en')} articles, ${paths.stories.toLocaleString('en')} stories, ${(statSync(db).size / 1e6).toFixed(0)} MB`);
  const startLoad = loadavg().map((x) => x.toFixed(1)).join(' ');
  const { child, url } = await startServer(db);
  const results: LoadResult[] = [];
  try {
    const scenarios: [string, string[]][] = [
      // The floor: a static file, no database. On a shared machine it shows what the machine
      // allows at that moment, to read the other rows against.
      ['static asset', ['/assets/favicon.svg']],
      ['article page', paths.articlePaths],
      // Readers crowd on a few articles: the same 200 pages again and again (kept pages, 304-free).
      ['article page, 200 popular', paths.articlePaths.slice(0, 200)],
      ['story page', paths.storyPaths],
      ['search page', paths.searchPaths],
      ['search API', paths.searchApiPaths],
    ];
    // DATELINE_BENCH_PAGES=static,article: only the scenarios whose names start so.
    const only = process.env.DATELINE_BENCH_PAGES?.split(',').map((x) => x.trim()).filter(Boolean);
    for (const [name, list] of scenarios) {
      if (only && !only.some((o) => name.startsWith(o))) continue;
      if (!list.length) { log(`${name}: skipped (nothing to request: ${name.startsWith('story') ? 'no stories in the archive' : 'empty'})`); continue; }
      load(url, `${name}-warmup`.replace(/\s/g, '-'), list, 3);
      const before = treeCpuMs(child.pid!);
      const r = load(url, name.replace(/\s/g, '-'), list, SECONDS);
      const after = treeCpuMs(child.pid!);
      r.name = name;
      if (before !== undefined && after !== undefined && r.total) r.serverCpuUsPerRequest = Math.round((after - before) * 1000 / r.total);
      results.push(r);
      log(`${name}: ${r.requestsPerSec} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, server CPU ${r.serverCpuUsPerRequest ?? '?'} µs/request (non-2xx ${r.non2xx}, errors ${r.errors}), load ${loadavg()[0]!.toFixed(1)}`);
    }
  } finally {
    child.kill('SIGTERM');
  }
  const header = `| page | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | server CPU µs/req |\n|---|---:|---:|---:|---:|---:|---:|---:|`;
  const rows = results.map((r) => `| ${r.name} | ${r.requestsPerSec} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.non2xx} | ${r.serverCpuUsPerRequest ?? '—'} |`);
  const article = results.find((r) => r.name === 'article page');
  const verdict = article ? `article page: p99 ${article.p99} ms (target < 50), ${article.requestsPerSec} req/s (target ≥ 1,000)` : 'article page not measured';
  const machine = `${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end (shared machine: figures are noisy)`;
  process.stdout.write(`\n${N.toLocaleString('en')} articles, ${CONNECTIONS} connections, ${SECONDS} s per page, serve --workers ${WORKERS ?? 'default'}, load average ${startLoad} at the start, ${machine}\n\n${header}\n${rows.join('\n')}\n\n${verdict}\n`);
  mkdirSync(join(ROOT, 'bench-output'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-output/serve.json'), JSON.stringify({ articles: N, connections: CONNECTIONS, seconds: SECONDS, workers: WORKERS ?? 'default', startLoad, machine, results }, null, 2));
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:serve failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
