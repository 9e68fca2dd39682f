// Benchmark for src/enrich against the hand-annotated gold set in ../shared/bench/understand:
// extract each text as a user would (crawl-text path), enrich, write predictions, run the scorer.
// DATELINE_BENCH overrides the bench folder. Speed is measured on enrich() only, after a warm-up.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enrich } from '../src/enrich/index.js';
import { extract } from '../src/extract/index.js';
import type { Article } from '../src/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// ../shared/bench from the repo root (a worktree may sit one level deeper: try parents too).
const bench = process.env.DATELINE_BENCH ?? [resolve(root, '../shared/bench'), resolve(root, '../../shared/bench')].find((p) => existsSync(p)) ?? resolve(root, '../shared/bench');
const truthPath = join(bench, 'understand/dev.jsonl');
if (!existsSync(truthPath)) {
  console.log(`bench:understand skipped: ${truthPath} not found (set DATELINE_BENCH to the shared bench folder)`);
  process.exit(0);
}
const seedPath = resolve(bench, '../seed/000_d723b47e1a5ac468.txt');
const stories = new Map<string, string>();
for (const line of readFileSync(join(bench, 'stories/dev.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line) as { id: string; text: string };
  stories.set(r.id, r.text);
}
interface Gold { id: string; url: string | null; published: string }
const gold = readFileSync(truthPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Gold);

const articles: Array<{ id: string; article: Article }> = [];
for (const g of gold) {
  const text = g.id === 'seed' ? readFileSync(seedPath, 'utf8') : stories.get(g.id);
  if (text === undefined) { console.error(`no text for ${g.id}`); continue; }
  const article = extract(text, { kind: 'text', ...(g.url ? { url: g.url } : {}), published: g.published });
  articles.push({ id: g.id, article });
}

// Warm-up loads the lexicons and the gazetteer once (reported separately).
const t0 = performance.now();
enrich(articles[0]!.article);
const warm = performance.now() - t0;

const preds: string[] = [];
const rounds = Number(process.env.ROUNDS ?? 5);
const t1 = performance.now();
const cpu0 = process.cpuUsage();
for (let r = 0; r < rounds; r++) {
  for (const { id, article } of articles) {
    const e = enrich(article);
    if (r === 0) preds.push(JSON.stringify({ id, people: e.people, organizations: e.organizations, places: e.places, quotes: e.quotes, dates: e.dates, event: e.event }));
  }
}
const elapsed = (performance.now() - t1) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const outDir = join(root, 'test-output');
mkdirSync(outDir, { recursive: true });
const predPath = join(outDir, 'understand-pred.jsonl');
writeFileSync(predPath, preds.join('\n') + '\n');
const scorer = join(bench, 'understand/score-understand.mjs');
const json = execFileSync(process.execPath, [scorer, '--truth', truthPath, '--pred', predPath, '--json'], { encoding: 'utf8' });
const result = JSON.parse(json) as { summary: unknown };
if (process.argv.includes('--per-doc')) execFileSync(process.execPath, [scorer, '--truth', truthPath, '--pred', predPath, '--per-doc', join(outDir, 'understand-per-doc.jsonl')]);
console.log(JSON.stringify(result.summary, null, 1));
const chars = articles.reduce((n, a) => n + a.article.text.length, 0) / articles.length;
const n = articles.length * rounds;
console.log(`${articles.length} articles × ${rounds} rounds: ${(n / cpuSeconds).toFixed(0)} articles per CPU-second (${cpuSeconds.toFixed(2)} s CPU), ${(n / elapsed).toFixed(0)} articles/s wall-clock on one thread (${elapsed.toFixed(2)} s; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores, so wall-clock is noisy)`);
console.log(`mean text ${chars.toFixed(0)} chars; first call including lazy loading of lexicons and gazetteer: ${warm.toFixed(0)} ms`);
console.log(`predictions: ${predPath}`);
