// A/B speed of extract() against another revision, in ONE process and interleaved page by page
// (the order alternating), in CPU time: on a shared machine whole-run figures swing by ±20 %,
// while both sides of a pair see the same load. Both sides get the same warm-up.
//   git archive <rev> src | tar -x -C /tmp/base     (a copy of the other revision's src/)
//   node --import tsx bench/ab-extract.ts /tmp/base [rounds]
// Prints pages per CPU-second for the base (A) and this checkout (B) over the dev sets.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extract as current } from '../src/extract/index.js';

type Extract = typeof current;
const [baseDir, roundsArg] = process.argv.slice(2);
if (!baseDir || !existsSync(join(baseDir, 'src/extract/index.ts'))) {
  console.error('usage: ab-extract.ts <dir with the base revision\'s src/> [rounds]');
  process.exit(2);
}
const root = process.env.DATELINE_BENCH ?? '/work/shared/bench';
if (!existsSync(root)) { console.error(`no benchmark data at ${root}`); process.exit(0); }
const base = (await import(resolve(baseDir, 'src/extract/index.ts')) as { extract: Extract }).extract;
const rounds = Number(roundsArg ?? 3);

const pages: Array<{ bytes: Uint8Array; opts: { url?: string } }> = [];
for (const set of ['extraction/trafilatura-dev', 'extraction/readability-pages', 'dates/htmldate-dev']) {
  const dir = join(root, set);
  const urls = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const t = JSON.parse(line) as { id: string; url?: string };
    if (t.url) urls.set(t.id, t.url);
  }
  for (const f of readdirSync(join(dir, 'pages')).filter((x) => x.endsWith('.html.gz')).sort()) {
    const url = urls.get(f.replace(/\.html\.gz$/, ''));
    pages.push({ bytes: gunzipSync(readFileSync(join(dir, 'pages', f))), opts: url ? { url } : {} });
  }
}
const cpu = (fn: Extract, p: (typeof pages)[number]): number => {
  const t0 = process.cpuUsage();
  fn(p.bytes, p.opts);
  const d = process.cpuUsage(t0);
  return d.user + d.system;
};
for (const p of pages.slice(0, 200)) { base(p.bytes, p.opts); current(p.bytes, p.opts); }
let a = 0, b = 0;
for (let r = 0; r < rounds; r++) {
  pages.forEach((p, i) => {
    if ((i + r) % 2) { a += cpu(base, p); b += cpu(current, p); } else { b += cpu(current, p); a += cpu(base, p); }
  });
}
const n = pages.length * rounds;
console.log(`A (base) ${(n / (a / 1e6)).toFixed(1)} pages/CPU-s   B (this checkout) ${(n / (b / 1e6)).toFixed(1)} pages/CPU-s   B/A ${(a / b).toFixed(3)}   (${rounds} rounds × ${pages.length} pages, interleaved)`);
