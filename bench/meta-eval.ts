// Metadata evaluation: runs extract() over a bench set's pages and scores title/date/byline with
// ../shared/bench/score.mjs. Usage: node --import tsx bench/meta-eval.ts [set ...] [--per-doc]
// (sets: readability-pages, trafilatura-dev, htmldate-dev; default all three).
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { extract } from '../src/extract/index.js';

const BENCH = resolve(process.env.DATELINE_BENCH ?? [join(import.meta.dirname, '../../shared/bench'), join(import.meta.dirname, '../../../shared/bench')].find((p) => existsSync(p)) ?? '../shared/bench');
const SETS: Record<string, string> = {
  'readability-pages': 'extraction/readability-pages',
  'trafilatura-dev': 'extraction/trafilatura-dev',
  'htmldate-dev': 'dates/htmldate-dev',
};
const args = process.argv.slice(2);
const perDoc = args.includes('--per-doc');
const names = args.filter((a) => !a.startsWith('--'));
if (!existsSync(BENCH)) {
  console.log(`no benchmark data at ${BENCH}; skipped`);
  process.exit(0);
}
const outDir = join(import.meta.dirname, '../.bench-out');
mkdirSync(outDir, { recursive: true });
for (const name of names.length ? names : Object.keys(SETS)) {
  const dir = join(BENCH, SETS[name]!);
  const truth = readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; url?: string });
  const lines: string[] = [];
  const t0 = performance.now();
  for (const t of truth) {
    const bytes = gunzipSync(readFileSync(join(dir, 'pages', `${t.id}.html.gz`)));
    const url = t.url && /^https?:/.test(t.url) ? t.url : undefined;
    const a = extract(bytes, url ? { url } : {});
    lines.push(JSON.stringify({ id: t.id, text: a.text, title: a.title, published: a.published, authors: a.authors }));
  }
  const ms = performance.now() - t0;
  const pred = join(outDir, `${name}.pred.jsonl`);
  writeFileSync(pred, lines.join('\n') + '\n');
  const scoreArgs = [join(BENCH, 'score.mjs'), '--truth', dir, '--pred', pred];
  if (perDoc) scoreArgs.push('--per-doc', join(outDir, `${name}.per-doc.jsonl`));
  const report = execFileSync(process.execPath, scoreArgs, { encoding: 'utf8' });
  console.log(`${name}: ${truth.length} pages in ${(ms / 1000).toFixed(1)} s (${(truth.length / (ms / 1000)).toFixed(0)} pages/s, noisy)`);
  console.log(report.trim().split('\n').filter((l) => /date|title|byline/i.test(l)).join('\n'));
}
