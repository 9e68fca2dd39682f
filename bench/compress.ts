// Raw-page compression choices: CPU time per page and stored size, over the trafilatura-dev pages
// (the figures in src/store/compress.ts's comment come from here).
//   node --import tsx bench/compress.ts [N pages, default 300]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { benchDir } from './runner.js';

const bench = benchDir();
if (!bench) {
  console.error('bench/compress.ts needs ../shared/bench (or $DATELINE_BENCH); skipped');
  process.exit(0);
}
const dir = join(bench, 'extraction/trafilatura-dev/pages');
const pages = readdirSync(dir).sort().slice(0, Number(process.argv[2] ?? 300)).map((f) => gunzipSync(readFileSync(join(dir, f))));
const raw = pages.reduce((n, p) => n + p.length, 0);
console.log(`${pages.length} pages, ${(raw / pages.length / 1024).toFixed(0)} KB on average (CPU time per page; 2 shared cores, so ±20 %)`);
const brotli = (quality: number, lgwin?: number) => (p: Uint8Array) => brotliCompressSync(p, {
  params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: p.length, ...(lgwin ? { [constants.BROTLI_PARAM_LGWIN]: lgwin } : {}) },
});
const cases: Array<[string, (p: Uint8Array) => Uint8Array]> = [
  ['brotli q1 window 18', brotli(1, 18)], ['brotli q1', brotli(1)], ['brotli q2', brotli(2)], ['brotli q3', brotli(3)], ['brotli q4', brotli(4)],
  ['gzip 1', (p) => gzipSync(p, { level: 1 })], ['gzip 6', (p) => gzipSync(p, { level: 6 })],
];
for (const [name, fn] of cases) {
  const c0 = process.cpuUsage();
  let out = 0;
  for (const p of pages) out += fn(p).length;
  const c = process.cpuUsage(c0);
  console.log(`  ${name.padEnd(20)} ${((c.user + c.system) / 1000 / pages.length).toFixed(2)} ms  ${((100 * out) / raw).toFixed(1)} % of the size`);
}
