// `npm run bench`: quality of Dateline's extract() on every set of the evaluation kit
// (../shared/bench or $DATELINE_BENCH), scored by the kit's own score.mjs, and speed
// (pages/s, peak RSS) for Dateline and Readability.js (linkedom, jsdom) on the same pages.
//
// Options: --sets a,b (substring match on set names)  --no-speed  --no-quality
//          --jsdom-limit N (pages per set for jsdom; default 60, 0 = all)  --json
//          --warm (each speed child also runs its pages a second time and reports that warm pass)
//          --src (time Dateline's TypeScript sources through tsx instead of the compiled dist/ that
//                 `npm install` ships and `npx dateline` runs; by default dist/ is rebuilt first)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { belowFloors, benchDir, loadFloors, REPO_ROOT, runSet, SETS, type SetScores } from './runner.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const value = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const dir = benchDir();
if (!dir) {
  console.error('bench: evaluation kit not found (looked for ../shared/bench next to the repo; set DATELINE_BENCH=/path/to/bench)');
  process.exit(2);
}
const wanted = value('--sets')?.split(',');
const sets = SETS.filter((s) => !wanted || wanted.some((w) => s.name.includes(w)));
const jsdomLimit = Number(value('--jsdom-limit') ?? 60);
const asJson = flag('--json');
const warm = flag('--warm');
const log = (s: string): void => { if (!asJson) console.log(s); };

const quality: SetScores[] = [];
if (!flag('--no-quality')) {
  for (const set of sets) {
    quality.push(runSet(dir, set, join(REPO_ROOT, 'bench-output')));
  }
  const f = (x: number | undefined): string => (x === undefined ? '    -' : x.toFixed(3));
  log('\nQuality (score.mjs; predictions in bench-output/)');
  log('set                                   pages  body F1  snippet F1  title acc  date acc');
  for (const q of quality) {
    log(`${q.set.padEnd(37)} ${String(q.n).padStart(5)}    ${f(q.bodyF1)}       ${f(q.snippetF1)}      ${f(q.titleAcc)}     ${f(q.dateAcc)}`);
  }
  const floors = loadFloors();
  const below = quality.flatMap((q) => belowFloors(q, floors));
  log(below.length ? `\nBELOW FLOOR (bench/floors.json):\n  ${below.join('\n  ')}` : '\nAll figures at or above the floors in bench/floors.json.');
}

interface Speed { extractor: string; set: string; pages: number; seconds: number; pagesPerSec: number; cpuSeconds: number; cpuPagesPerSec: number; warmPagesPerSec?: number; warmCpuPagesPerSec?: number; peakRssMb: number }
const speed: Speed[] = [];
if (!flag('--no-speed')) {
  const fromSrc = flag('--src');
  if (!fromSrc) {
    // Time the code users run: the compiled package, built from the current sources now.
    const b = spawnSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (b.status !== 0) { console.error(`npm run build failed (needed to time dist/; --src times the sources instead):\n${b.stdout}${b.stderr}`); process.exit(1); }
  }
  log(`\nSpeed (one child process per extractor and set; read+gunzip+decode+parse+extract timed, start-up not; Dateline ${fromSrc ? 'from src/ through tsx' : 'compiled (dist/, just built)'})`);
  log(`set                                   extractor  pages   pages/s  pages/CPU-s  peak RSS MB${warm ? '  warm pages/s  warm pages/CPU-s' : ''}`);
  for (const set of sets.filter((s) => s.kind === 'html')) {
    for (const ex of ['dateline', 'linkedom', 'jsdom']) {
      const limit = ex === 'jsdom' && jsdomLimit > 0 ? [String(jsdomLimit)] : [];
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'bench', 'speed-worker.ts'), ex, set.name, ...limit, ...(warm ? ['--warm'] : []), ...(fromSrc ? [] : ['--dist'])], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (r.status !== 0) { console.error(`speed ${ex} ${set.name} failed: ${r.stderr.slice(0, 500)}`); continue; }
      const s = JSON.parse(r.stdout.trim().split('\n').pop()!) as Speed;
      speed.push(s);
      log(`${set.name.padEnd(37)} ${ex.padEnd(9)} ${String(s.pages).padStart(6)}  ${s.pagesPerSec.toFixed(1).padStart(8)}  ${s.cpuPagesPerSec.toFixed(1).padStart(11)}  ${s.peakRssMb.toFixed(0).padStart(11)}${s.warmPagesPerSec ? `  ${s.warmPagesPerSec.toFixed(1).padStart(12)}  ${s.warmCpuPagesPerSec!.toFixed(1).padStart(16)}` : ''}`);
    }
    const d = speed.find((s) => s.set === set.name && s.extractor === 'dateline');
    const l = speed.find((s) => s.set === set.name && s.extractor === 'linkedom');
    const j = speed.find((s) => s.set === set.name && s.extractor === 'jsdom');
    if (d && l && j) {
      log(`${''.padEnd(37)} ratio (wall): ${(d.pagesPerSec / l.pagesPerSec).toFixed(1)}× linkedom, ${(d.pagesPerSec / j.pagesPerSec).toFixed(1)}× jsdom${jsdomLimit > 0 ? ` (jsdom on the first ${jsdomLimit} pages)` : ''}`);
      log(`${''.padEnd(37)} ratio (CPU):  ${(d.cpuPagesPerSec / l.cpuPagesPerSec).toFixed(1)}× linkedom, ${(d.cpuPagesPerSec / j.cpuPagesPerSec).toFixed(1)}× jsdom`);
      if (d.warmPagesPerSec && l.warmPagesPerSec && j.warmPagesPerSec) {
        log(`${''.padEnd(37)} ratio (warm wall): ${(d.warmPagesPerSec / l.warmPagesPerSec).toFixed(1)}× linkedom, ${(d.warmPagesPerSec / j.warmPagesPerSec).toFixed(1)}× jsdom`);
      }
    }
  }
  log('Note: the machine is shared; speed figures are noisy.');
}
if (asJson) console.log(JSON.stringify({ quality, speed }, null, 2));
