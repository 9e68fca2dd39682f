// Profiling harness for extract(): loads every page of a dev set into memory first, then times
// extract() over them for several rounds in CPU time (process.cpuUsage), because the machine is
// shared and wall time is noisy. Also dumps outputs (--dump FILE) to guard optimisations.
//   node --import tsx bench/profile-extract.ts [--set trafilatura-dev] [--rounds 3] [--dump out.jsonl]
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-extract.ts
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { extract } from '../src/extract/index.js';

const SETS: Record<string, string> = {
  'trafilatura-dev': 'extraction/trafilatura-dev',
  'readability-pages': 'extraction/readability-pages',
  'htmldate-dev': 'dates/htmldate-dev',
};
const root = process.env.DATELINE_BENCH ?? '/work/shared/bench';
const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const setNames = opt('--set', 'trafilatura-dev').split(',');
const rounds = Number(opt('--rounds', '3'));
const dump = opt('--dump', '');

interface Page { id: string; url?: string; bytes: Uint8Array }
const lines: string[] = [];
for (const setName of setNames) {
  const dir = join(root, SETS[setName] ?? setName);
  if (!existsSync(dir)) { console.error(`missing ${dir}`); process.exit(2); }
  const urls = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const t = JSON.parse(line) as { id: string; url?: string };
    if (t.url) urls.set(t.id, t.url);
  }
  const pages: Page[] = readdirSync(join(dir, 'pages')).filter((f) => f.endsWith('.html.gz')).sort().map((f) => {
    const id = f.replace(/\.html\.gz$/, '');
    return { id, url: urls.get(id), bytes: gunzipSync(readFileSync(join(dir, 'pages', f))) };
  });
  if (dump) {
    for (const p of pages) {
      const a = extract(p.bytes, { url: p.url });
      lines.push(JSON.stringify({ set: setName, id: p.id, title: a.title, published: a.published, modified: a.modified, authors: a.authors, text: a.text, html: a.html, markdown: a.markdown, meta: { ...a, text: undefined, html: undefined, markdown: undefined } }));
    }
  }
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.cpuUsage();
    for (const p of pages) extract(p.bytes, { url: p.url });
    const d = process.cpuUsage(t0);
    rates.push(pages.length / ((d.user + d.system) / 1e6));
  }
  if (rounds) console.log(`${setName}: ${pages.length} pages, pages/CPU-s per round: ${rates.map((x) => x.toFixed(1)).join(' ')} (best ${Math.max(...rates).toFixed(1)})`);
}
if (dump) writeFileSync(dump, lines.join('\n') + '\n');
