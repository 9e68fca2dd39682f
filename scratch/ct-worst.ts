// worst crawl-text pages vs HTML: lines wrongly dropped (FN) / kept (FP)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/extract/index.js';
const set = process.argv[2] ?? 'crawltext-readability';
const top = Number(process.argv[3] ?? 15);
const only = process.argv[4];
const dir = join('/work/shared/bench/extraction', set);
const truth = readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const tok = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []);
const f1 = (d: any) => { const p = d.tp / (d.tp + d.fp || 1), r = d.tp / (d.tp + d.fn || 1); return p + r ? 2 * p * r / (p + r) : 0; };
const crawl = new Map<string, any>(readFileSync(`/tmp/ctpd/${set}.per-doc.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((d) => [d.id, d]));
const htmlName = set === 'crawltext-readability' ? 'readability-pages' : 'trafilatura-dev';
let html = new Map<string, any>();
try { html = new Map(readFileSync(`.bench-out/${htmlName}.per-doc.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((d) => [d.id, d])); } catch {}
const rows = truth.map((t) => {
  const c = crawl.get(t.id); const h = html.get(t.id);
  const cf = c?.body ? f1(c.body) : c?.snippets ? (c.snippets.tp ?? 0) : 0;
  const hf = h?.body ? f1(h.body) : 0;
  return { t, cf, hf, gap: hf - cf };
}).sort((a, b) => b.gap - a.gap);
for (const r of rows.slice(0, top)) {
  if (only && r.t.id !== only) continue;
  const t = r.t;
  const text = readFileSync(join(dir, 'pages', `${t.id}.txt`), 'utf8');
  const url = t.url && !t.url.startsWith('http://fakehost/') ? t.url : undefined;
  const a = extract(text, { kind: 'text', url });
  const ref = ' ' + tok(t.body ?? (t.with ?? []).join(' \n ')).join(' ') + ' ';
  const bad = ' ' + tok((t.without ?? []).join(' \n ')).join(' ') + ' ';
  const out = ' ' + tok(a.text).join(' ') + ' ';
  console.log(`\n##### ${t.id}  crawl ${r.cf.toFixed(3)} html ${r.hf.toFixed(3)} gap ${r.gap.toFixed(3)}`);
  for (const line of text.split('\n')) {
    const tk = tok(line); if (!tk.length) continue;
    const s = ' ' + tk.join(' ') + ' ';
    const inRef = ref.includes(s); const inOut = out.includes(s); const inBad = bad.includes(s);
    const mark = inRef && !inOut ? 'FN' : !inRef && inOut ? (set.includes('traf') ? (inBad ? 'FP!' : 'out') : 'FP') : inRef ? 'ok' : '  ';
    if (mark.trim()) console.log(`${mark.padEnd(3)} ${line.slice(0, 150)}`);
  }
}
