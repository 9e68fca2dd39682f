import { readFileSync } from 'node:fs';
import { extract } from '../src/extract/index.js';
import { enrich } from '../src/enrich/index.js';
const gold = new Set(readFileSync('/work/shared/bench/understand/dev.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id));
let n = 0;
for (const l of readFileSync('/work/shared/bench/stories/dev.jsonl', 'utf8').split('\n')) {
  if (!l.trim()) continue;
  const r = JSON.parse(l) as { id: string; text: string; event_date: string; url: string };
  if (gold.has(r.id)) continue;
  if (n++ % 4 !== 0) continue;
  const e = enrich(extract(r.text, { kind: 'text', url: r.url, published: r.event_date }));
  console.log(r.id, r.url.slice(0, 60));
  console.log('  P', e.people.join('; '));
  console.log('  O', e.organizations.join('; '));
  console.log('  L', e.places.map((p) => `${p.name}/${p.country}`).join('; '));
  console.log('  Q', e.quotes.map((q) => `${q.speaker}: ${q.text.slice(0, 30)}`).join(' | '));
  console.log('  E', JSON.stringify(e.event));
}
