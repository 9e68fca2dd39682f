// Search benchmark: p50/p99 latency of 100 typical queries (words, phrases, prefixes, boolean
// operators, filters) on an archive of ≥ 100,000 articles, and database bytes per article.
//
// Articles are generated from real text: paragraphs of the crawl-text pages in ../shared/bench
// (English, German and a few other languages), recombined into 100k articles of 5–14 paragraphs
// with a headline, one of 300 sites, a section, a language and a date within two years. The
// archive is cached in the temp folder (never the repo) and rebuilt with --rebuild.
//
//   npm run bench:search [-- --articles 100000 --rebuild]
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDir } from './runner.js';
import { extract } from '../src/extract/index.js';
import { SqliteArchive } from '../src/store/index.js';
import { ARCHIVE_MIGRATIONS } from '../src/store/schema.js';
import type { ArticleFilters } from '../src/types.js';

const { values: v } = parseArgs({ options: { articles: { type: 'string' }, rebuild: { type: 'boolean' } } });
const N = Number(v.articles ?? 100_000);
const bench = benchDir();
if (!bench) {
  console.error('bench:search needs ../shared/bench (or $DATELINE_BENCH); skipped');
  process.exit(0);
}

// A small deterministic PRNG (mulberry32) so every run builds the same archive and queries.
let seed = 20251015;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;

interface Source { lang: string; paras: string[] }
const sources: Source[] = [];
for (const set of ['extraction/crawltext-trafilatura/pages', 'extraction/crawltext-readability/pages']) {
  const dir = join(bench, set);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) {
    const a = extract(readFileSync(join(dir, f)), { kind: 'text' });
    const paras = a.text.split(/\n\n+/).filter((p) => p.length > 60);
    if (paras.length >= 3) sources.push({ lang: (a.language ?? 'en').slice(0, 2), paras });
  }
}
const byLang = new Map<string, Source[]>();
for (const s of sources) byLang.set(s.lang, [...(byLang.get(s.lang) ?? []), s]);
const SECTIONS = ['World', 'Business', 'Politics', 'Sport', 'Science', 'Culture', 'Technology', 'Health'];
const SITES = Array.from({ length: 300 }, (_, i) => `outlet${i}.example`);
const DAY = 86_400_000;
const START = Date.parse('2024-01-01T00:00:00Z');

// One cached archive per schema version (other checkouts may use an older one); an older one is
// upgraded on a copy (the same articles: the generator is deterministic) rather than rebuilt.
const dbPath = join(tmpdir(), `dateline-bench-search-${N}-schema${ARCHIVE_MIGRATIONS.length}.db`);
const older = [join(tmpdir(), `dateline-bench-search-${N}.db`), ...Array.from({ length: ARCHIVE_MIGRATIONS.length - 1 }, (_, i) => join(tmpdir(), `dateline-bench-search-${N}-schema${i + 1}.db`))]
  .filter((p) => existsSync(p)).pop();
if (!v.rebuild && !existsSync(dbPath) && older) {
  const t0 = performance.now();
  copyFileSync(older, dbPath);
  const upgraded = new SqliteArchive(dbPath);
  upgraded.db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')");
  upgraded.db.pragma('wal_checkpoint(TRUNCATE)');
  upgraded.close();
  console.log(`upgraded a copy of ${older} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
if (v.rebuild || !existsSync(dbPath)) {
  for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
  const archive = new SqliteArchive(dbPath);
  const t0 = performance.now();
  const batch = 2000;
  for (let start = 0; start < N; start += batch) {
    archive.transaction(() => {
      for (let i = start; i < Math.min(N, start + batch); i++) {
        const src = pick(sources);
        const n = 5 + Math.floor(rand() * 10);
        const paras = Array.from({ length: n }, () => pick(pick(byLang.get(src.lang)!).paras));
        const title = pick(src.paras).split(/(?<=[.!?])\s/)[0]!.slice(0, 110);
        const text = paras.join('\n\n');
        const published = new Date(START + Math.floor(rand() * 700 * DAY)).toISOString();
        archive.saveArticle({
          url: `https://${SITES[i % SITES.length]}/${i}`,
          article: { title, text, markdown: text, html: paras.map((p) => `<p>${p}</p>`).join(''), authors: [], tags: [], wordCount: text.split(/\s+/).length, warnings: [],
            published, language: src.lang, section: pick(SECTIONS) },
        });
      }
    });
    if (process.stderr.isTTY) process.stderr.write(`\rbuilding ${Math.min(N, start + batch)}/${N}`);
  }
  archive.db.exec("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')");
  archive.db.pragma('wal_checkpoint(TRUNCATE)');
  archive.close();
  console.log(`built ${N} articles in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

// The same queries whether or not the archive was just built (building draws from the generator).
seed = 20251015;
// 100 typical queries from the corpus vocabulary: frequent and rarer words, two-word queries,
// phrases from real sentences, prefixes, OR / NOT, and a third of them with filters.
const words = new Map<string, number>();
for (const s of sources) for (const p of s.paras) for (const w of p.toLowerCase().match(/\p{L}{5,}/gu) ?? []) words.set(w, (words.get(w) ?? 0) + 1);
const ranked = [...words.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
const common = ranked.slice(20, 300);
const medium = ranked.slice(300, 3000);
const rare = ranked.slice(3000, 20000);
const phrase = () => {
  const p = pick(pick(sources).paras).split(/\s+/).filter((w) => /^\p{L}+$/u.test(w));
  const i = Math.floor(rand() * Math.max(1, p.length - 2));
  return `"${p.slice(i, i + 2).join(' ')}"`;
};
const makers: Array<() => string> = [
  () => pick(common), () => pick(medium), () => pick(rare), () => `${pick(common)} ${pick(medium)}`, () => `${pick(medium)} ${pick(medium)}`,
  phrase, () => `${pick(medium).slice(0, 5)}*`, () => `${pick(medium)} OR ${pick(rare)}`, () => `${pick(common)} NOT ${pick(medium)}`, () => `${pick(common)} ${pick(common)} ${pick(medium)}`,
];
const filterMakers: Array<() => ArticleFilters> = [
  () => ({}), () => ({}),
  () => ({ since: new Date(START + Math.floor(rand() * 600 * DAY)).toISOString().slice(0, 10) }),
  () => ({ site: pick(SITES) }), () => ({ lang: pick(['en', 'de']) }), () => ({ section: pick(SECTIONS) }),
];
const queries = Array.from({ length: 100 }, (_, i) => ({ q: makers[i % makers.length]!(), f: i % 3 === 0 ? pick(filterMakers)() : {} }));

const archive = new SqliteArchive(dbPath, { readonly: true });
for (const { q, f } of queries) archive.search(q, f); // warm the page cache once
const times: number[] = [];
const cpuTimes: number[] = [];
let hits = 0;
const slow: Array<[number, string]> = [];
const slowCpu: Array<[number, string]> = [];
for (const { q, f } of queries) {
  const t = performance.now();
  const c = process.cpuUsage();
  const page = archive.search(q, f, undefined, 20);
  const cpu = process.cpuUsage(c);
  const ms = performance.now() - t;
  times.push(ms);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  hits += page.items.length;
  slow.push([ms, `${q} ${JSON.stringify(f)}`]);
  slowCpu.push([(cpu.user + cpu.system) / 1000, `${q} ${JSON.stringify(f)} (${page.items.length} hits)`]);
}
// The worst cases, by construction: the most common words (unfiltered, and restricted to one site
// of 300 or to the other language), a prefix of a common word with a site filter, a narrow date
// range, and a phrase of two common words. Best of 3 runs, CPU time.
const top = ranked.slice(0, 3);
const worst: Array<[string, ArticleFilters]> = [
  [top[0]!, {}], [top[1]!, {}], [top[0]!, { site: SITES[52]! }], [`${top[2]!.slice(0, 4)}*`, { site: SITES[7]! }],
  [top[0]!, { lang: 'de' }], [top[0]!, { lang: 'en', section: 'Sport' }], [top[1]!, { since: '2025-11-20' }], [`"${top[0]} ${top[1]}"`, {}],
];
const worstCpu = worst.map(([q, f]) => {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const c = process.cpuUsage();
    archive.search(q, f, undefined, 20);
    const d = process.cpuUsage(c);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return `${best.toFixed(1)} ms ${q} ${JSON.stringify(f)}`;
});
const stats = archive.stats();
archive.close();
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const pct = (p: number, xs = times) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
console.log(`bench:search — ${stats.articles} articles, ${queries.length} queries (20 hits with snippets each; ${(hits / queries.length).toFixed(1)} hits on average)`);
console.log(`  latency   p50 ${pct(50).toFixed(1)} ms   p90 ${pct(90).toFixed(1)} ms   p99 ${pct(99).toFixed(1)} ms   max ${times[times.length - 1]!.toFixed(1)} ms`);
console.log(`  CPU time  p50 ${pct(50, cpuTimes).toFixed(1)} ms   p90 ${pct(90, cpuTimes).toFixed(1)} ms   p99 ${pct(99, cpuTimes).toFixed(1)} ms (what a query costs without other processes competing for the cores)`);
console.log(`  database  ${(stats.bytes / 1048576).toFixed(0)} MB → ${(stats.bytes / stats.articles).toFixed(0)} bytes per article (text, compressed markdown/html, FTS index; no raw pages)`);
console.log(`  most CPU  ${slowCpu.sort((a, b) => b[0] - a[0]).slice(0, 5).map(([ms, q]) => `${ms.toFixed(0)} ms ${q}`).join(" | ")}`);
console.log(`  slowest   ${slow.sort((a, b) => b[0] - a[0]).slice(0, 3).map(([ms, q]) => `${ms.toFixed(0)} ms ${q}`).join(' | ')}`);
console.log(`  worst cases (CPU, best of 3): ${worstCpu.join(' | ')}`);
console.log('  (2 shared cores: figures vary with the load of other processes)');
