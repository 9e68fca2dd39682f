// A/B speed of extract() against another revision, in ONE process and interleaved page by page
// (the order alternating), in CPU time: on a shared machine whole-run figures swing by ±20 %,
// while both sides of a pair see the same load. Both sides get the same warm-up.
//   git archive <rev> src package.json tsconfig.json | tar -x -C /tmp/base   (package.json too: see abArguments)
//   node --import tsx bench/ab-extract.ts /tmp/base [rounds]
// Prints pages per CPU-second for the base (A) and this checkout (B) over the dev sets.
import { resolve } from 'node:path';
import { extract as current } from '../src/extract/index.js';
import { abArguments, loadPages, readPage, SETS } from './runner.js';

type Extract = typeof current;
const { baseDir, root, rounds } = abArguments('ab-extract.ts', 'src/extract/index.ts', 3);
const base = (await import(resolve(baseDir, 'src/extract/index.ts')) as { extract: Extract }).extract;

// The HTML dev sets (the crawl-text sets run another path).
const pages: Array<{ bytes: Uint8Array; opts: { url?: string } }> = [];
for (const set of SETS.filter((s) => s.kind === 'html')) {
  for (const page of loadPages(root, set)) pages.push({ bytes: readPage(page), opts: page.url ? { url: page.url } : {} });
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
