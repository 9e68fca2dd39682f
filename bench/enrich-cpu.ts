// CPU cost of the per-article work that follows extraction in ingest's workers: enrich() and the
// stories features (precomputeStory), measured separately with process.cpuUsage on real articles:
// the extracted pages of extraction/trafilatura-dev (HTML) and the stories dev set (crawl text).
//
//   node --import tsx bench/enrich-cpu.ts                  CPU ms per article, enrich and features
//   node --import tsx bench/enrich-cpu.ts --save F.json    + write every output (for an identity check)
//   node --import tsx bench/enrich-cpu.ts --compare F.json + diff every output against a saved run
//   ROUNDS=5 ... (default 3); --only enrich|features; --cold  measures lexicon/gazetteer loading in this process
//   --ingest   the pages bench:ingest repeats instead (every HTML set: trafilatura-dev, readability-pages, htmldate-dev)
//
// CPU time, not wall-clock (the machine is shared); the first call (lazy loading) is reported apart.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { enrich } from '../src/enrich/index.js';
import { extract } from '../src/extract/index.js';
import { precomputeStory } from '../src/stories/archive.js';
import type { Article } from '../src/types.js';
import { benchDir, loadPages, readPage } from './runner.js';

const { values } = parseArgs({ options: { save: { type: 'string' }, compare: { type: 'string' }, only: { type: 'string' }, ingest: { type: 'boolean' } } });
const dir = benchDir();
if (!dir) { console.log('bench/enrich-cpu skipped: shared bench folder not found (set DATELINE_BENCH)'); process.exit(0); }

interface Item { id: string; url: string; article: Article }
const items: Item[] = [];
const stored = (a: Article): Article => {
  const s: Article = { ...a };
  for (const k of ['title', 'published', 'language'] as const) if (!s[k]) delete s[k];
  return s;
};
const htmlSets = values.ingest ? ['extraction/trafilatura-dev', 'extraction/readability-pages', 'dates/htmldate-dev'] : ['extraction/trafilatura-dev'];
for (const name of htmlSets) {
  for (const page of loadPages(dir, { name, kind: 'html' })) {
    const a = extract(readPage(page), page.url ? { url: page.url, kind: 'html' } : { kind: 'html' });
    if (a.text.trim()) items.push({ id: `${name === 'extraction/trafilatura-dev' ? 'traf' : name}:${page.id}`, url: page.url ?? `https://example.invalid/${page.id}`, article: stored(a) });
  }
}
const storiesPath = join(dir, 'stories/dev.jsonl');
if (!values.ingest && existsSync(storiesPath)) {
  for (const line of readFileSync(storiesPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; url: string; text: string };
    const a = extract(r.text, { kind: 'text', url: r.url });
    if (a.text.trim()) items.push({ id: `stories:${r.id}`, url: r.url, article: stored(a) });
  }
}

const runEnrich = (it: Item) => enrich(it.article);
const runFeatures = (it: Item) => {
  const a = it.article;
  return precomputeStory({ url: it.url, text: a.text, ...(a.title ? { title: a.title } : {}), ...(a.published ? { published: a.published } : {}), ...(a.language ? { language: a.language } : {}) });
};

const cpuMs = (f: () => void): number => {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};

// First calls: lazy loading of the lexicons and the gazetteer (what each worker pays once).
const firstEnglish = items.find((it) => !it.article.language || it.article.language.startsWith('en')) ?? items[0]!;
const coldEnrich = cpuMs(() => runEnrich(firstEnglish));
const coldFeatures = cpuMs(() => runFeatures(items[0]!));

const outputs = new Map<string, string>();
for (const it of items) {
  outputs.set(`e:${it.id}`, JSON.stringify(runEnrich(it)));
  const f = runFeatures(it);
  outputs.set(`f:${it.id}`, JSON.stringify({ ...f, signature: f.signature ? { shingles: f.signature.shingles, mins: [...f.signature.mins] } : undefined }));
}

const rounds = Number(process.env.ROUNDS ?? 3);
let enrichMs = 0; let featuresMs = 0;
for (let r = 0; r < rounds; r++) {
  // Interleaved so that load changes hit both alike.
  if (values.only !== 'features') enrichMs += cpuMs(() => { for (const it of items) runEnrich(it); });
  if (values.only !== 'enrich') featuresMs += cpuMs(() => { for (const it of items) runFeatures(it); });
}
const n = items.length * rounds;
const chars = items.reduce((s, it) => s + it.article.text.length, 0) / items.length;
console.log(`${items.length} articles (mean ${chars.toFixed(0)} chars) × ${rounds} rounds, CPU time:`);
if (values.only !== 'features') console.log(`  enrich:   ${(enrichMs / n).toFixed(3)} ms/article (first call incl. loading ${coldEnrich.toFixed(0)} ms)`);
if (values.only !== 'enrich') console.log(`  features: ${(featuresMs / n).toFixed(3)} ms/article (first call ${coldFeatures.toFixed(0)} ms)`);

if (values.save) {
  writeFileSync(values.save, JSON.stringify(Object.fromEntries(outputs)));
  console.log(`outputs saved to ${values.save}`);
}
if (values.compare) {
  const before = JSON.parse(readFileSync(values.compare, 'utf8')) as Record<string, string>;
  let diff = 0;
  for (const [k, v] of outputs) {
    if (before[k] === v) continue;
    if (++diff <= 5) console.log(`DIFF ${k}\n  before: ${before[k]?.slice(0, 600)}\n  after:  ${v.slice(0, 600)}`);
  }
  console.log(diff ? `${diff} of ${outputs.size} outputs differ from ${values.compare}` : `all ${outputs.size} outputs identical to ${values.compare}`);
  if (diff) process.exitCode = 1;
}
