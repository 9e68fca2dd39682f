// Ingest benchmark: ≥ 10,000 local pages end to end (read → gunzip → extract → store), reporting
// pages/s and where the time goes (extraction CPU in the workers vs storage on the main thread).
//
// The corpus is the HTML pages of ../shared/bench (≈1,100 real pages), repeated under new
// addresses: copy k of a page is served as https://copy<k>.bench.example/<name>, given through a
// --manifest as `dateline ingest` users would. Copies are hard links in a temp folder (never in
// the repo); a different site per copy keeps them distinct articles (the archive merges identical
// content only within one site).
//
//   npm run bench:ingest [-- --pages 10000 --jobs 2]
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDir } from './runner.js';
import { ingest } from '../src/ingest/index.js';
import { SqliteArchive } from '../src/store/index.js';

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
const root = join(tmpdir(), `dateline-bench-ingest-${N}`);
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
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const summary = await ingest(archive, [corpus], { jobs, manifest });
const secs = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const stats = archive.stats();
archive.close();

const handled = summary.new + summary.updated + summary.unchanged + summary.failed + summary.skipped;
const perPage = (ms: number) => (ms / handled).toFixed(2);
console.log(`bench:ingest — ${handled} pages (${N} files, ${(bytes / 1048576).toFixed(0)} MB gzipped, ${sources.length} distinct pages), ${jobs} extraction worker(s), ${availableParallelism()} cores`);
console.log(`  end to end      ${secs.toFixed(1)} s  → ${(handled / secs).toFixed(1)} pages/s`);
console.log(`  outcome         new ${summary.new}, unchanged ${summary.unchanged}, failed ${summary.failed} ${JSON.stringify(summary.failedReasons)}`);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
const split = summary.extractMs / Math.max(1, summary.extractMs + summary.storeMs);
console.log(`  extraction      ${(summary.extractMs / 1000).toFixed(1)} s in the workers (${perPage(summary.extractMs)} ms/page, wall clock inside extract())`);
console.log(`  storage         ${(summary.storeMs / 1000).toFixed(1)} s on the main thread (${perPage(summary.storeMs)} ms/page: identity, compression, SQLite, FTS index)`);
console.log(`  split           ${(split * 100).toFixed(0)}% extraction / ${((1 - split) * 100).toFixed(0)}% storage`);
console.log(`  process CPU     ${cpuSecs.toFixed(1)} s (all threads) → ${(handled / cpuSecs).toFixed(1)} pages per CPU-second, ≈ ${((2 * handled) / cpuSecs).toFixed(0)} pages/s on two otherwise idle cores`);
console.log(`  database        ${(stats.bytes / 1048576).toFixed(0)} MB, ${(stats.bytes / Math.max(1, stats.articles) / 1024).toFixed(1)} KB per article (raw pages included)`);
console.log('  (2 shared cores: figures vary with the load of other processes)');
