import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { decodeBytes } from '../src/extract/decode.js';
import { parseHtml } from '../src/extract/dom.js';
import { collect } from '../src/extract/meta/collect.js';
import { readJsonLd } from '../src/extract/meta/jsonld.js';
import { extract } from '../src/extract/index.js';
const BENCH = '/work/shared/bench';
const set = process.argv[2]!;
const all = process.argv.includes('--all');
const dir = join(BENCH, 'extraction', set);
const truth = readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const n = (s?: string) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
let ok = 0, tot = 0;
for (const t of truth) {
  if (!t.title) continue;
  tot++;
  const bytes = gunzipSync(readFileSync(join(dir, 'pages', `${t.id}.html.gz`)));
  const url = t.url && /^https?:/.test(t.url) ? t.url : undefined;
  const a = extract(bytes, url ? { url } : {});
  if (n(a.title) === n(t.title)) { ok++; if (!all) continue; }
  const src = decodeBytes(bytes, undefined, []).text;
  const c = collect(parseHtml(src));
  const ld = readJsonLd(c.ldJson);
  console.log(`## ${t.id}  ${n(a.title) === n(t.title) ? 'OK' : 'MISS'}`);
  console.log(`  truth: ${t.title}`);
  console.log(`  pred : ${a.title}`);
  console.log(`  <title>: ${c.title}`);
  const og = c.metas.get('og:title')?.[0]; if (og) console.log(`  og   : ${og}`);
  const tw = c.metas.get('twitter:title')?.[0]; if (tw) console.log(`  tw   : ${tw}`);
  if (ld?.headline) console.log(`  ld   : ${ld.headline}`);
  for (const h of c.h1s) console.log(`  h1${h.boiler ? '(b)' : ''} : ${(h.item as any).children ? require_text(h.item) : ''}`);
  for (const h of c.headlineEls) console.log(`  hl${h.boiler ? '(b)' : ''} <${h.item.name} ${(h.item.attribs.class ?? '').slice(0, 40)}> : ${require_text(h.item).slice(0, 120)}`);
  console.log(`  site : ${a.siteName} host ${url ? new URL(url).hostname : ''}`);
}
function require_text(el: any): string { const out: string[] = []; const st = [el]; while (st.length) { const x = st.pop(); if (x.type === 'text') out.push(x.data); else if (x.children) for (let i = x.children.length - 1; i >= 0; i--) st.push(x.children[i]); } return out.join('').replace(/\s+/g, ' ').trim().slice(0, 200); }
console.log(`${ok}/${tot}`);
