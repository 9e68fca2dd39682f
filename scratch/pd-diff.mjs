import { readFileSync } from 'node:fs';
const [a, b] = process.argv.slice(2);
for (const set of ['crawltext-readability', 'crawltext-trafilatura']) {
  const load = (d) => new Map(readFileSync(`${d}/${set}.per-doc.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((x) => [x.id, x]));
  const A = load(a), B = load(b);
  const f1 = (d) => { if (!d) return 0; const p = d.tp / (d.tp + d.fp || 1), r = d.tp / (d.tp + d.fn || 1); return p + r ? 2 * p * r / (p + r) : 0; };
  for (const [id, x] of A) {
    const y = B.get(id); const out = [];
    if (x.body) { const d = f1(y.body) - f1(x.body); if (Math.abs(d) > 0.01) out.push(`body ${d > 0 ? '+' : ''}${d.toFixed(3)}`); }
    if (x.snippets) { const s = JSON.stringify(x.snippets) !== JSON.stringify(y.snippets); if (s) out.push(`snip ${JSON.stringify(x.snippets)} -> ${JSON.stringify(y.snippets)}`); }
    if (x.date && x.date.ok !== y.date.ok) out.push(`date ${x.date.ok}->${y.date.ok}`);
    if (x.title && x.title.ok !== y.title.ok) out.push(`title ${x.title.ok}->${y.title.ok}`);
    if (out.length) console.log(set.slice(10, 14), id, out.join(' | '));
  }
}
