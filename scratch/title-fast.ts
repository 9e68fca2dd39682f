// fast title-only eval on both sets; prints acc and changed pages vs a saved baseline
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { decodeBytes } from '../src/extract/decode.js';
import { parseHtml } from '../src/extract/dom.js';
import { extractMetadata } from '../src/extract/meta/index.js';
import { makeContext } from '../src/extract/context.js';
const n = (s?: string) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
const save = process.argv.includes('--save');
for (const set of ['readability-pages', 'trafilatura-dev']) {
  const dir = join('/work/shared/bench/extraction', set);
  const cache = `/tmp/ct-docs-${set}.json`;
  const truth = readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const basef = `/tmp/ct-title-base-${set}.json`;
  const base: Record<string, string> = existsSync(basef) && !save ? JSON.parse(readFileSync(basef, 'utf8')) : {};
  const cur: Record<string, string> = {};
  let ok = 0, tot = 0;
  const diffs: string[] = [];
  for (const t of truth) {
    if (!t.title) continue;
    tot++;
    const bytes = gunzipSync(readFileSync(join(dir, 'pages', `${t.id}.html.gz`)));
    const url = t.url && /^https?:/.test(t.url) ? t.url : undefined;
    const src = decodeBytes(bytes, undefined, []).text;
    const meta = extractMetadata(parseHtml(src), makeContext(url ? { url } : {}, []));
    const p = meta.title ?? '';
    cur[t.id] = p;
    const hit = n(p) === n(t.title);
    if (hit) ok++;
    if (base[t.id] !== undefined && base[t.id] !== p) {
      const was = n(base[t.id]) === n(t.title);
      diffs.push(`${hit ? '+' : was ? '-' : '~'} ${t.id}\n    truth ${t.title}\n    was   ${base[t.id]}\n    now   ${p}`);
    }
  }
  console.log(`${set}: ${ok}/${tot} = ${(ok / tot).toFixed(4)}`);
  for (const d of diffs) console.log(d);
  if (save) writeFileSync(basef, JSON.stringify(cur));
}
