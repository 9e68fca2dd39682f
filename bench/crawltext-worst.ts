// Crawl-text error analysis: the pages where the text path loses most against the HTML path on
// the same page, and for each, the input lines it dropped (FN) or kept (FP) wrongly.
//
//   node --import tsx bench/crawltext-worst.ts [--set crawltext-readability|crawltext-trafilatura] [--top N] [--id ID]
//
// Needs ../shared/bench. Per-page F1 comes from score.mjs --per-doc for both paths; a line counts
// as "in the truth" when its token sequence occurs in the reference body (or in a `with` snippet).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extract } from '../src/extract/index.js';

const BENCH = resolve(process.env.DATELINE_BENCH ?? [join(import.meta.dirname, '..', '..', 'shared', 'bench'), join(import.meta.dirname, '..', '..', '..', 'shared', 'bench')].find((d) => existsSync(d)) ?? '../shared/bench');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const set = arg('set') ?? 'crawltext-readability';
const top = Number(arg('top') ?? 15);
const only = arg('id');
const htmlSet = set === 'crawltext-readability' ? 'readability-pages' : 'trafilatura-dev';

interface Truth { id: string; url?: string; body?: string; with?: string[] }
interface Counts { tp: number; fp: number; fn: number }
interface PerDoc { id: string; body?: Counts; snippets?: Counts }

if (!existsSync(join(BENCH, 'score.mjs'))) {
  console.log(`skipped: no benchmark kit at ${BENCH} (set DATELINE_BENCH)`);
  process.exit(0);
}
const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
const f1 = (c: Counts | undefined) => {
  if (!c) return 0;
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return p + r ? (2 * p * r) / (p + r) : 0;
};
const pageUrl = (t: Truth) => (t.url && /^https?:/.test(t.url) && !t.url.startsWith('http://fakehost/') ? t.url : undefined);
const work = mkdtempSync(join(tmpdir(), 'crawltext-worst-'));

/** Score one path's predictions and return per-page F1 by id. */
function perPage(name: string, dir: string, predict: (t: Truth) => string): Map<string, number> {
  const truth = readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Truth);
  const pred = join(work, `${name}.jsonl`);
  writeFileSync(pred, truth.map((t) => JSON.stringify({ id: t.id, text: predict(t) })).join('\n') + '\n');
  const out = join(work, `${name}.per-doc.jsonl`);
  execFileSync(process.execPath, [join(BENCH, 'score.mjs'), '--truth', dir, '--pred', pred, '--per-doc', out], { encoding: 'utf8' });
  const rows = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as PerDoc);
  return new Map(rows.map((d) => [d.id, f1(d.body ?? d.snippets)]));
}

const textDir = join(BENCH, 'extraction', set);
const htmlDir = join(BENCH, 'extraction', htmlSet);
const readText = (t: Truth) => readFileSync(join(textDir, 'pages', `${t.id}.txt`), 'utf8');
const crawl = perPage('text', textDir, (t) => extract(readText(t), { kind: 'text', url: pageUrl(t) }).text);
const html = perPage('html', htmlDir, (t) => extract(gunzipSync(readFileSync(join(htmlDir, 'pages', `${t.id}.html.gz`))), { url: pageUrl(t) }).text);
const truth = readFileSync(join(textDir, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Truth);
const ranked = truth.map((t) => ({ t, gap: (html.get(t.id) ?? 0) - (crawl.get(t.id) ?? 0) })).sort((a, b) => b.gap - a.gap);
const mean = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / m.size;
console.log(`${set}: mean per-page F1 text ${mean(crawl).toFixed(3)}, html ${mean(html).toFixed(3)} (snippet sets: per-page snippet F1, not the micro average)`);
for (const { t, gap } of only ? ranked.filter((r) => r.t.id === only) : ranked.slice(0, top)) {
  const text = readText(t);
  const ref = ` ${tokens(t.body ?? (t.with ?? []).join(' \n ')).join(' ')} `;
  const got = ` ${tokens(extract(text, { kind: 'text', url: pageUrl(t) }).text).join(' ')} `;
  console.log(`\n## ${t.id}  text ${(crawl.get(t.id) ?? 0).toFixed(3)}  html ${(html.get(t.id) ?? 0).toFixed(3)}  gap ${gap.toFixed(3)}`);
  for (const line of text.split('\n')) {
    const tk = tokens(line);
    if (!tk.length) continue;
    const s = ` ${tk.join(' ')} `;
    const inRef = ref.includes(s);
    const inOut = got.includes(s);
    if (inRef !== inOut) console.log(`${inRef ? 'FN' : 'FP'}  ${line.slice(0, 160)}`);
  }
}
