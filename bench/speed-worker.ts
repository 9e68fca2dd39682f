// One speed measurement in its own process, so peak RSS belongs to one extractor only.
// Usage: node --import tsx bench/speed-worker.ts <dateline|linkedom|jsdom> <set> [limit] [--warm] [--dist]
// Prints one JSON line: {extractor, set, pages, seconds, pagesPerSec, cpuSeconds, cpuPagesPerSec, peakRssMb}.
// With --warm the same pages run a second time in the same process and the line also carries
// warmPagesPerSec / warmCpuPagesPerSec: steady-state speed once V8 has compiled the hot code, as a
// long batch or a server sees it. The first (cold) pass stays the headline figure.
// CPU time (user+system of this process) is reported beside wall time because on a shared
// machine wall time mostly measures the neighbours.
// With --dist, Dateline is the compiled package (dist/, what `npm install` and `npx dateline` run;
// bench/extract.ts builds it first); without, the TypeScript sources through tsx, whose transform
// wraps every named closure in a helper call and runs a few per cent slower (for A/B work on src).
// Timed: reading + gunzip + decoding + parsing + extraction (+ text of the result) per page;
// process start-up and module loading are not timed.
import { benchDir, loadPages, readPage, SETS } from './runner.js';
import type { extract as extractFn } from '../src/extract/index.js';

const argv = process.argv.slice(2);
const warm = argv.includes('--warm');
const dist = argv.includes('--dist');
const [which, setName, limitArg] = argv.filter((a) => !a.startsWith('--'));
const dir = benchDir();
const set = SETS.find((s) => s.name === setName);
if (!dir || !set || !which) {
  console.error('usage: speed-worker.ts <dateline|linkedom|jsdom> <set> [limit]');
  process.exit(2);
}
let pages = loadPages(dir, set);
if (limitArg) pages = pages.slice(0, Number(limitArg));

type Run = (bytes: Uint8Array, url: string | undefined) => number;

async function makeRunner(): Promise<Run> {
  if (which === 'dateline') {
    const { extract } = await import(dist ? '../dist/extract/index.js' : '../src/extract/index.js') as { extract: typeof extractFn };
    return (bytes, url) => extract(bytes, url ? { url, kind: set!.kind } : { kind: set!.kind }).text.length;
  }
  const { Readability } = await import('@mozilla/readability');
  if (which === 'linkedom') {
    const { parseHTML } = await import('linkedom');
    return (bytes) => {
      const { document } = parseHTML(Buffer.from(bytes).toString('utf8'));
      const art = new Readability(document as never).parse();
      return art?.textContent?.length ?? 0;
    };
  }
  if (which === 'jsdom') {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const vc = new VirtualConsole();
    return (bytes, url) => {
      let dom;
      try {
        dom = new JSDOM(Buffer.from(bytes), { url: url ?? 'http://localhost/', virtualConsole: vc });
      } catch {
        // jsdom's CSS parser throws on a few pages; retry without stylesheets as the kit's baseline does.
        dom = new JSDOM(Buffer.from(bytes).toString('utf8').replace(/<style[\s\S]*?<\/style>/gi, ''), { url: url ?? 'http://localhost/', virtualConsole: vc });
      }
      try {
        const art = new Readability(dom.window.document).parse();
        return art?.textContent?.length ?? 0;
      } finally {
        dom.window.close();
      }
    };
  }
  throw new Error(`unknown extractor ${which}`);
}

const run = await makeRunner();
// Warm-up on a few pages (JIT), not timed.
for (const p of pages.slice(0, 3)) run(readPage(p), p.url);
function pass(): { seconds: number; cpuSeconds: number; chars: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let chars = 0;
  for (const p of pages) chars += run(readPage(p), p.url);
  const cpu = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, chars };
}
const { seconds, cpuSeconds, chars } = pass();
// Peak RSS of the cold pass: the second pass must not hide a bigger footprint, so it is read again below.
let peakRssMb = process.resourceUsage().maxRSS / 1024;
const warmFigures: Record<string, number> = {};
if (warm) {
  const w = pass();
  warmFigures.warmPagesPerSec = pages.length / w.seconds;
  warmFigures.warmCpuPagesPerSec = pages.length / w.cpuSeconds;
  peakRssMb = process.resourceUsage().maxRSS / 1024;
}
console.log(JSON.stringify({ extractor: which, set: set.name, pages: pages.length, seconds, pagesPerSec: pages.length / seconds, cpuSeconds, cpuPagesPerSec: pages.length / cpuSeconds, ...warmFigures, peakRssMb, chars }));
