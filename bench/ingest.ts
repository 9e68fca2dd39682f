// Ingest benchmark: ≥ 10,000 local pages end to end (read → gunzip → extract → store), reporting
// pages/s and where the time goes (extraction CPU in the workers vs storage on the main thread).
//
// The corpus is the HTML pages of ../shared/bench (≈1,100 real pages), repeated under new
// addresses: copy k of a page is served as https://copy<k>.bench.example/<name>, given through a
// --manifest as `dateline ingest` users would. Copies are hard links in a temp folder (never in
// the repo); a different site per copy keeps them distinct articles (the archive merges identical
// content only within one site).
//
// CPU time is what the figures are about (the machine is shared, so wall clock says more about
// the neighbours than about us): the main thread's own CPU time is read from
// /proc/thread-self/schedstat (Linux), the workers' is the process's CPU time minus the main thread's.
//
//   npm run bench:ingest [-- --pages 10000 --jobs 2]
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDir } from './runner.js';
import { ingest } from '../src/ingest/index.js';
import { SqliteArchive } from '../src/store/index.js';
import { updateStories } from '../src/stories/archive.js';

/** CPU milliseconds of the calling thread (Linux), or NaN elsewhere. */
function threadCpuMs(): number {
  try { return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6; } catch { return Number.NaN; }
}

const { values: v } = parseArgs({ options: { pages: { type: 'string' }, jobs: { type: 'string' } } });
const N = Number(v.pages ?? 10_000);
const jobs = Number(v.jobs ?? availableParallelism());
const bench = benchDir();
if (!bench) {
  console.error('bench:ingest needs ../shared/bench (or $DATELINE_BENCH); skipped');
  process.exit(0);
}

// The sets share some pages: keep each distinct page once.
const seenPages = new Set<string>();
const sources = ['extraction/trafilatura-dev/pages', 'extraction/readability-pages/pages', 'dates/htmldate-dev/pages']
  .flatMap((d) => readdirSync(join(bench, d)).filter((f) => f.endsWith('.html.gz')).sort().map((f) => join(bench, d, f)))
  .filter((p) => { const h = createHash('sha1').update(readFileSync(p)).digest('hex'); if (seenPages.has(h)) return false; seenPages.add(h); return true; });
// The corpus is cached by its content (page list and URL scheme): a stale one from an older bench is never reused.
const corpusKey = createHash('sha1').update(`v2\n${sources.join('\n')}`).digest('hex').slice(0, 10);
const root = join(tmpdir(), `dateline-bench-ingest-${N}-${corpusKey}`);
const corpus = join(root, 'pages');
const manifest = join(root, 'manifest.jsonl');
if (!existsSync(manifest)) {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(corpus, { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const src = sources[i % sources.length]!;
    const copy = Math.floor(i / sources.length);
    const name = `${String(i).padStart(6, '0')}.html.gz`;
    linkSync(src, join(corpus, name));
    const base = `p${i % sources.length}-${src.split('/').pop()!.replace(/\.html\.gz$/, '')}`;
    lines.push(JSON.stringify({ file: `pages/${name}`, url: `https://copy${copy}.bench.example/${encodeURIComponent(base)}` }));
  }
  writeFileSync(manifest, `${lines.join('\n')}\n`);
}
const bytes = readdirSync(corpus).reduce((n, f) => n + statSync(join(corpus, f)).size, 0);

const dbPath = join(root, 'bench.db');
for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
const archive = new SqliteArchive(dbPath);
const load0 = loadavg()[0]!;
const cpu0 = process.cpuUsage();
const main0 = threadCpuMs();
const t0 = performance.now();
const summary = await ingest(archive, [corpus], { jobs, manifest, stories: false });
const ingestSecs = (performance.now() - t0) / 1000;
const mainIngest = threadCpuMs() - main0;
const cpuIngest = process.cpuUsage(cpu0);
// What `dateline ingest` does next (inside ingest() unless stories: false): place the new articles in stories.
const mainStories0 = threadCpuMs();
const stories = updateStories(archive);
const mainStories = threadCpuMs() - mainStories0;
const secs = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const load1 = loadavg()[0]!;
const stats = archive.stats();
archive.close();

const handled = summary.new + summary.updated + summary.unchanged + summary.failed + summary.skipped;
const perPage = (ms: number) => (ms / handled).toFixed(2);
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
const workersCpu = cpuMs(cpuIngest) - mainIngest;
console.log(`bench:ingest — ${handled} pages (${N} files, ${(bytes / 1048576).toFixed(0)} MB gzipped, ${sources.length} distinct pages), ${jobs} extraction worker(s), ${availableParallelism()} cores, load average ${load0.toFixed(1)} → ${load1.toFixed(1)}`);
console.log(`  end to end      ${secs.toFixed(1)} s  → ${(handled / secs).toFixed(1)} pages/s wall clock (ingest ${ingestSecs.toFixed(1)} s + stories ${(stories.ms / 1000).toFixed(1)} s)`);
console.log(`  outcome         new ${summary.new}, unchanged ${summary.unchanged}, failed ${summary.failed} ${JSON.stringify(summary.failedReasons)}; ${stories.added} articles placed in ${stories.stories} stories`);
console.log('  CPU per page (ms, all pages handled):');
console.log(`    workers       ${perPage(workersCpu)}  (process CPU minus main thread: extraction, hashing, compression, message passing, GC helpers)`);
console.log(`      inside      extract() ${perPage(summary.extractMs)}, hash+compress ${perPage(summary.packMs)}  (wall clock inside the workers' calls)`);
console.log(`    main thread   ${perPage(mainIngest)}  (reading and gunzipping the files, dispatch, identity, SQLite writes, FTS index, commits)`);
console.log(`      storage     ${perPage(summary.storeMs)}  (wall clock in saveArticle and commits)`);
console.log(`    stories       ${perPage(mainStories)}  (main thread, after ingest)`);
console.log(`    total         ${perPage(cpuMs(cpu))}  → ${(handled / (cpuMs(cpu) / 1000)).toFixed(1)} pages per CPU-second; the busiest thread needs ${perPage(Math.max(mainIngest + mainStories, workersCpu / jobs))} ms/page`);
// On two idle cores: the ingest phase needs max(main thread, all its CPU / 2) per page, then the
// stories update runs alone on the main thread.
const ingestPhase = Math.max(mainIngest, cpuMs(cpuIngest) / Math.min(2, availableParallelism())) / handled;
console.log(`  ≈ ${(1000 / (ingestPhase + mainStories / handled)).toFixed(0)} pages/s on two otherwise idle cores (ingest phase ${ingestPhase.toFixed(2)} ms/page + stories ${perPage(mainStories)} ms/page), if CPU times stayed as measured`);
console.log(`  database        ${(stats.bytes / 1048576).toFixed(0)} MB, ${(stats.bytes / Math.max(1, stats.articles) / 1024).toFixed(1)} KB per article (raw pages included)`);
console.log('  (2 shared cores: wall-clock figures vary with the load of other processes; CPU figures much less)');
