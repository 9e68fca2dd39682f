// Guard for speed work: run every dev page through extract() and either save the Article JSON
// (one line per page) or compare it with a saved run, listing the pages and fields that differ.
//   node --import tsx bench/extract-identical.ts --save /tmp/before.jsonl      (on the old code)
//   node --import tsx bench/extract-identical.ts --against /tmp/before.jsonl   (on the new code)
// Exit 0 when identical, 1 when some page differs. Not timed: see profile-extract.ts for speed.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extract } from '../src/extract/index.js';

const SETS = ['extraction/trafilatura-dev', 'extraction/readability-pages', 'dates/htmldate-dev'];
const root = process.env.DATELINE_BENCH ?? '/work/shared/bench';
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const save = opt('--save');
const against = opt('--against');
if (!save && !against) {
  console.error('usage: extract-identical.ts --save FILE | --against FILE');
  process.exit(2);
}
if (!existsSync(root)) {
  console.error(`no benchmark data at ${root}: nothing to compare`);
  process.exit(0);
}

const lines: string[] = [];
for (const set of SETS) {
  const dir = join(root, set);
  const urls = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const t = JSON.parse(line) as { id: string; url?: string };
    if (t.url) urls.set(t.id, t.url);
  }
  for (const f of readdirSync(join(dir, 'pages')).filter((x) => x.endsWith('.html.gz')).sort()) {
    const id = f.replace(/\.html\.gz$/, '');
    const url = urls.get(id);
    const article = extract(gunzipSync(readFileSync(join(dir, 'pages', f))), url ? { url } : {});
    lines.push(JSON.stringify({ page: `${set}/${id}`, article }));
  }
}

if (save) {
  writeFileSync(save, lines.join('\n') + '\n');
  console.log(`saved ${lines.length} pages to ${save}`);
  process.exit(0);
}
const old = new Map<string, string>();
for (const line of readFileSync(against!, 'utf8').split('\n')) {
  if (line) old.set((JSON.parse(line) as { page: string }).page, line);
}
let differing = 0;
for (const line of lines) {
  const { page, article } = JSON.parse(line) as { page: string; article: Record<string, unknown> };
  const before = old.get(page);
  if (before === line) continue;
  differing++;
  if (!before) { console.log(`${page}: not in ${against}`); continue; }
  const was = (JSON.parse(before) as { article: Record<string, unknown> }).article;
  const fields = [...new Set([...Object.keys(was), ...Object.keys(article)])].filter((k) => JSON.stringify(was[k]) !== JSON.stringify(article[k]));
  console.log(`${page}: ${fields.join(', ')}`);
}
console.log(`${lines.length} pages, ${differing} differ`);
process.exit(differing ? 1 : 0);
