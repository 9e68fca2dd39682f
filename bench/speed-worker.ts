// One speed measurement in its own process, so peak RSS belongs to one extractor only.
// Usage: node --import tsx bench/speed-worker.ts <dateline|linkedom|jsdom> <set> [limit]
// Prints one JSON line: {extractor, set, pages, seconds, pagesPerSec, cpuSeconds, cpuPagesPerSec, peakRssMb}.
// CPU time (user+system of this process) is reported beside wall time because on a shared
// machine wall time mostly measures the neighbours.
// Timed: reading + gunzip + decoding + parsing + extraction (+ text of the result) per page;
// process start-up and module loading are not timed.
import { benchDir, loadPages, readPage, SETS } from './runner.js';
import { extract } from '../src/extract/index.js';

const [which, setName, limitArg] = process.argv.slice(2);
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
const t0 = performance.now();
const c0 = process.cpuUsage();
let chars = 0;
for (const p of pages) chars += run(readPage(p), p.url);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ extractor: which, set: set.name, pages: pages.length, seconds, pagesPerSec: pages.length / seconds, cpuSeconds, cpuPagesPerSec: pages.length / cpuSeconds, peakRssMb, chars }));
