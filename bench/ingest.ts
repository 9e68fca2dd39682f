// Ingest benchmark: ≥ 10,000 local pages end to end, exactly as `dateline ingest` runs them (read →
// gunzip → extract → enrich → store → stories and duplicate groups, placed as the run goes, the last
// few hundred after it), reporting pages/s and
// where the CPU goes per phase (workers vs main thread; the phases after the pipeline).
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
//   npm run bench:ingest [-- --pages 10000 --jobs 2 [--no-enrich] [--no-stories] [--db /tmp/x.db] [--src]]
// The compiled package (dist/, rebuilt first) is timed, as `dateline ingest` runs; --src times src/ through tsx.
// --no-enrich / --no-stories measure the run as `dateline ingest --no-enrich --no-stories` does it
// (an archive-only bulk load, stories deferred): the default measures the full pipeline.
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT, benchDir, htmlPageFiles, threadCpuMs } from './runner.js';
import type * as IngestModule from '../src/ingest/index.js';
import type * as StoreModule from '../src/store/index.js';


const { values: v } = parseArgs({ options: { pages: { type: 'string' }, jobs: { type: 'string' }, 'no-enrich': { type: 'boolean' }, 'no-stories': { type: 'boolean' }, db: { type: 'string' }, src: { type: 'boolean' } } });
// Time the code users run: the compiled package (dist/), rebuilt from the current sources now;
// --src runs the TypeScript sources through tsx instead (a few per cent slower: tsx wraps every
// named closure), for comparing uncommitted work.
if (!v.src) {
  const b = spawnSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (b.status !== 0) { console.error(`npm run build failed (needed to time dist/; --src times the sources instead):\n${b.stdout}${b.stderr}`); process.exit(1); }
}
const { ingest } = await import(v.src ? '../src/ingest/index.js' : '../dist/ingest/index.js') as typeof IngestModule;
const { SqliteArchive } = await import(v.src ? '../src/store/index.js' : '../dist/store/index.js') as typeof StoreModule;
const N = Number(v.pages ?? 10_000);
const jobs = Number(v.jobs ?? availableParallelism());
const bench = benchDir();
if (!bench) {
  console.error('bench:ingest needs ../shared/bench (or $DATELINE_BENCH); skipped');
  process.exit(0);
}

// The sets share some pages: keep each distinct page once.
const seenPages = new Set<string>();
const sources = htmlPageFiles(bench)
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

// --db: a database of one's own (two benches running at once must not share the default one).
const dbPath = v.db ?? join(root, 'bench.db');
for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
const archive = new SqliteArchive(dbPath);
const load0 = loadavg()[0]!;
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
// Wall clock, main-thread CPU and process CPU as each phase of ingest() starts.
const marks = new Map<string, { t: number; main: number; proc: number }>();
const mark = (phase: string) => marks.set(phase, { t: performance.now(), main: threadCpuMs(), proc: cpuMs(process.cpuUsage()) });
mark('start');
// Exactly what `dateline ingest --manifest M --jobs N DIR` does (enrichment included, as in the CLI
// unless --no-enrich; stories and duplicate groups updated at the end), through the same call.
const summary = await ingest(archive, [corpus], { jobs, manifest, enrich: !v['no-enrich'], ...(v['no-stories'] ? { stories: false } : {}), onPhase: mark });
const load1 = loadavg()[0]!;
const stats = archive.stats();
archive.close();
// The database's size once closed (the write-ahead log checkpointed and removed): stats() counts the
// log too, whose size at that moment depends on checkpoint timing.
stats.bytes = statSync(dbPath).size;

const handled = summary.new + summary.updated + summary.unchanged + summary.failed + summary.skipped;
const perPage = (ms: number) => (ms / handled).toFixed(2);
const span = (from: string, to: string) => {
  const a = marks.get(from); const b = marks.get(to);
  return a && b ? { wall: b.t - a.t, main: b.main - a.main, proc: b.proc - a.proc } : { wall: 0, main: 0, proc: 0 };
};
const afterPipeline = marks.has('enrich-catch-up') ? 'enrich-catch-up' : marks.has('stories') ? 'stories' : 'done';
const pipe = span('pipeline', afterPipeline);
const catchUp = marks.has('enrich-catch-up') ? span('enrich-catch-up', marks.has('stories') ? 'stories' : 'done') : undefined;
const storiesPhase = span('stories', 'done');
const total = span('start', 'done');
const workersCpu = pipe.proc - pipe.main;
console.log(`bench:ingest — ${handled} pages (${N} files, ${(bytes / 1048576).toFixed(0)} MB gzipped, ${sources.length} distinct pages), ${jobs} extraction worker(s), ${availableParallelism()} cores, enrichment ${v['no-enrich'] ? 'off (--no-enrich)' : 'on (as the CLI)'}, code ${v.src ? 'src/ through tsx' : 'dist/ (just built)'}, load average ${load0.toFixed(1)} → ${load1.toFixed(1)}`);
console.log(`  end to end      ${(total.wall / 1000).toFixed(1)} s  → ${(handled / (total.wall / 1000)).toFixed(1)} pages/s wall clock UNDER THIS LOAD (pipeline ${(pipe.wall / 1000).toFixed(1)} s${catchUp ? ` + enrichment catch-up ${(catchUp.wall / 1000).toFixed(1)} s` : ''} + stories ${(storiesPhase.wall / 1000).toFixed(1)} s)`);
console.log(`  outcome         new ${summary.new}, unchanged ${summary.unchanged}, failed ${summary.failed} ${JSON.stringify(summary.failedReasons)}; ${summary.enriched ?? 0} enriched; ${summary.stories?.added ?? 0} articles placed in ${summary.stories?.stories ?? 0} stories (${summary.stories?.duringRun ?? 0} of them while the pipeline ran; placement ${((summary.stories?.ms ?? 0) / 1000).toFixed(1)} s wall in all)`);
console.log('  CPU per page (ms, all pages handled):');
console.log(`    workers       ${perPage(workersCpu)}  (pipeline phase: process CPU minus main thread — extraction, gunzip, hashing, compression, enrichment, stories features, message passing, GC helpers)`);
console.log(`      inside      extract() ${perPage(summary.extractMs)}, hash+compress ${perPage(summary.packMs)}, enrichment+stories features ${perPage(summary.afterMs)}  (wall clock inside the workers' calls)`);
console.log(`    main thread   ${perPage(pipe.main)}  (pipeline phase: reading files, dispatch, identity, SQLite writes, FTS index, enrichment rows, stories placement, commits)`);
console.log(`      storage     ${perPage(summary.storeMs)}  (wall clock in saveArticle, enrichment rows and commits)`);
if (catchUp) console.log(`    catch-up      ${perPage(catchUp.main)}  (main thread after the pipeline: enriching articles stored without an enrichment — ${summary.enriched! - summary.new - summary.updated > 0 ? 'some' : 'none'} expected)`);
console.log(`    stories       ${perPage(storiesPhase.main)}  (main thread after the pipeline: the run's last articles placed and written; the others were placed during it)`);
console.log(`    total         ${perPage(total.proc)}  → ${(handled / (total.proc / 1000)).toFixed(1)} pages per CPU-second`);
// On two idle cores: the pipeline phase needs max(main thread, all its CPU / 2) per page, then the
// catch-up and stories phases run alone on the main thread.
const cores = Math.min(2, availableParallelism());
const pipePhase = Math.max(pipe.main, pipe.proc / cores) / handled;
const tail = ((catchUp?.main ?? 0) + storiesPhase.main) / handled;
console.log(`  ≈ ${(1000 / (pipePhase + tail)).toFixed(0)} pages/s on two otherwise idle cores, if CPU times stayed as measured (pipeline phase ${pipePhase.toFixed(2)} ms/page + after it ${tail.toFixed(2)} ms/page on one thread)`);
console.log(`  database        ${(stats.bytes / 1048576).toFixed(0)} MB, ${(stats.bytes / Math.max(1, stats.articles) / 1024).toFixed(1)} KB per article (raw pages included)`);
console.log('  (2 shared cores: wall-clock figures vary with the load of other processes; CPU figures much less)');
