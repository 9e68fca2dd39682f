// CPU of ingest's main-thread writes alone (saveArticle, enrichment rows, batch commits), without
// extraction, placement or neighbours' noise: the worker results of a few hundred real pages are
// computed once, then stored again and again under new addresses into fresh databases, with the
// variants interleaved round by round so that all of them see the same machine load.
//
//   node --import tsx bench/store-cpu.ts [--pages 200] [--copies 10] [--rounds 3] [--batch 60]
//
// Variants (store settings to compare) are listed in VARIANTS below; 'current' is what ingest does
// (STORE_CPU_ONLY=name runs one, e.g. under strace -c). Session 5, load average ~9, 6 rounds:
// current 0.955 ms per article, temp_store=FILE 1.159 (the savepoints' sub-journals in temp files),
// batches of 120 instead of 60: 0.907.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDir, htmlPageFiles, threadCpuMs } from './runner.js';
import { runIngestJob, type IngestResult } from '../src/ingest/extract-task.js';
import { SqliteArchive } from '../src/store/index.js';
import { migrateEnrich, saveEnrichment } from '../src/enrich/store.js';

const { values: v } = parseArgs({ options: { pages: { type: 'string' }, copies: { type: 'string' }, rounds: { type: 'string' }, batch: { type: 'string' } } });
const bench = benchDir();
if (!bench) { console.error('store-cpu needs ../shared/bench (or $DATELINE_BENCH); skipped'); process.exit(0); }
const nPages = Number(v.pages ?? 200);
const copies = Number(v.copies ?? 10);
const rounds = Number(v.rounds ?? 3);
const batch = Number(v.batch ?? 60);


const files = htmlPageFiles(bench);
const step = Math.max(1, Math.floor(files.length / nPages));
type Done = Extract<IngestResult, { article: unknown }>;
const results: Array<{ name: string; r: Done }> = [];
for (let i = 0; i < files.length && results.length < nPages; i += step) {
  const name = files[i]!.split('/').pop()!.replace(/\.html\.gz$/, '');
  const r = runIngestJob({ bytes: new Uint8Array(readFileSync(files[i]!)), gzipped: true, options: { url: `https://copy0.bench.example/${name}` }, enrich: true });
  if (!r.unchanged && r.badGzip === undefined && r.article.text.trim()) results.push({ name, r });
}

interface Variant { name: string; setup?: (a: SqliteArchive) => void; batch?: number }
const fts = (k: string, val: number) => (a: SqliteArchive) => { a.db.exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('${k}', ${val})`); };
const only = process.env.STORE_CPU_ONLY;
const VARIANTS: Variant[] = ([
  { name: 'current' },
  { name: 'temp_store=file', setup: (a) => { a.db.pragma('temp_store = FILE'); } },
  { name: 'batch120', batch: 120 },
  { name: 'fts-automerge16', setup: fts('automerge', 16) },
] as Variant[]).filter((x) => !only || x.name === only);

function storeAll(variant: Variant, round: number): { ms: number; articles: number } {
  const path = join(tmpdir(), `dateline-store-cpu-${process.pid}-${variant.name}-${round}.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  const archive = new SqliteArchive(path);
  migrateEnrich(archive.db);
  variant.setup?.(archive);
  const t0 = threadCpuMs();
  let n = 0;
  archive.beginBatch();
  for (let c = 0; c < copies; c++) {
    for (const { name, r } of results) {
      const url = `https://copy${c}.bench.example/${name}`;
      const saved = archive.saveArticle({ url, article: r.article, prepared: r.prepared, page: { url, packed: r.page, kind: 'html', fetchedAt: '2026-11-28T00:00:00.000Z', source: name } });
      if (saved.outcome !== 'unchanged' && r.enrichment) saveEnrichment(archive.db, saved.articleId, r.prepared.contentHash, r.enrichment);
      if (++n % (variant.batch ?? batch) === 0) { archive.commitBatch(); archive.beginBatch(); }
    }
  }
  archive.commitBatch();
  const ms = threadCpuMs() - t0;
  archive.close();
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  return { ms, articles: n };
}

const totals = new Map<string, number[]>();
for (let round = 0; round < rounds; round++) {
  for (const variant of round % 2 ? [...VARIANTS].reverse() : VARIANTS) {
    const { ms, articles } = storeAll(variant, round);
    const list = totals.get(variant.name) ?? [];
    list.push(ms / articles);
    totals.set(variant.name, list);
  }
}
console.log(`store-cpu — ${results.length} pages × ${copies} copies, batches of ${batch}, ${rounds} rounds (main-thread CPU per article stored, ms; 2 shared cores)`);
for (const [name, list] of totals) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(`  ${name.padEnd(24)} median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)}  (${list.map((x) => x.toFixed(3)).join(', ')})`);
}
