// CPU of each step of ingest's worker job (src/ingest/extract-task.ts) on one thread, without the
// pool, the main thread or neighbours' noise in the split: gunzip + raw hash, extract(), packing
// (page compression, content hash, packed markdown/html), enrich(), the stories features
// (precomputeStory) and the structured clone of the result the worker posts to the main thread.
// Each step is timed with the thread's CPU clock over all pages, pass after pass (the first pass
// warms the JIT and is not reported).
//
//   node --import tsx bench/worker-cpu.ts [--pages 300] [--passes 3]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { gunzipSync } from 'node:zlib';
import { benchDir, htmlPageFiles, threadCpuMs } from './runner.js';
import { extract } from '../src/extract/index.js';
import { enrich } from '../src/enrich/index.js';
import { applyHints, articleAddresses, contentHash, packExtra, packPage, rawHash } from '../src/store/rows.js';
import { precomputeStory } from '../src/stories/archive.js';
import { runIngestJob } from '../src/ingest/extract-task.js';
import type { Article } from '../src/types.js';

const { values: v } = parseArgs({ options: { pages: { type: 'string' }, passes: { type: 'string' } } });
const bench = benchDir();
if (!bench) { console.error('worker-cpu needs ../shared/bench (or $DATELINE_BENCH); skipped'); process.exit(0); }
const nPages = Number(v.pages ?? 300);
const passes = Number(v.passes ?? 3);


const files = htmlPageFiles(bench);
const step = Math.max(1, Math.floor(files.length / nPages));
const pages: Array<{ gz: Uint8Array; url: string }> = [];
for (let i = 0; i < files.length && pages.length < nPages; i += step) {
  pages.push({ gz: new Uint8Array(readFileSync(files[i]!)), url: `https://copy0.bench.example/${files[i]!.split('/').pop()!}` });
}

const totals = new Map<string, number>();
const time = <T>(name: string, fn: () => T, count: boolean): T => {
  const t = threadCpuMs();
  const r = fn();
  if (count) totals.set(name, (totals.get(name) ?? 0) + threadCpuMs() - t);
  return r;
};

let proc0 = process.cpuUsage();
let thread0 = threadCpuMs();
for (let pass = 0; pass < passes; pass++) {
  const count = pass > 0;
  if (pass === 1) { proc0 = process.cpuUsage(); thread0 = threadCpuMs(); }
  for (const { gz, url } of pages) {
    const bytes = time('gunzip+hash', () => { const b = gunzipSync(gz); rawHash(b); return b; }, count);
    const article = time('extract', () => extract(bytes, { url }), count);
    if (!article.text.trim()) continue;
    time('pack', () => { packPage(bytes, 'x'); const m = applyHints(article, undefined); contentHash(m); packExtra(article); }, count);
    const stored: Article = { ...article };
    for (const k of ['title', 'published', 'language'] as const) if (!stored[k]) delete stored[k];
    time('enrich', () => enrich(stored), count);
    const key = articleAddresses(url, undefined, article.canonicalUrl).key;
    time('stories features', () => precomputeStory({ url: key, text: stored.text, ...(stored.title ? { title: stored.title } : {}), ...(stored.published ? { published: stored.published } : {}), ...(stored.language ? { language: stored.language } : {}) }), count);
    const r = runIngestJob({ bytes: gz, gzipped: true, options: { url }, enrich: true, stories: { url } });
    const buf = time('clone: serialize', () => serialize(r), count);
    time('clone: deserialize', () => deserialize(buf), count);
  }
}
const procMs = ((u) => (u.user + u.system) / 1000)(process.cpuUsage(proc0));
const threadMs = threadCpuMs() - thread0;
const n = pages.length * (passes - 1);
console.log(`worker-cpu: ${pages.length} pages × ${passes - 1} passes (after a warm-up pass), thread CPU ms per page:`);
let sum = 0;
for (const [k, ms] of totals) { console.log(`  ${k.padEnd(20)} ${(ms / n).toFixed(3)}`); sum += ms; }
console.log(`  ${'sum'.padEnd(20)} ${(sum / n).toFixed(3)}  (the clone's deserialize runs on the main thread)`);
console.log(`  process CPU ${(procMs / n).toFixed(3)} ms per page against this thread's ${(threadMs / n).toFixed(3)} (the rest: GC and other helper threads)`);
