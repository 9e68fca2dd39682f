// Crawl-text quality: run extract(text, {kind: 'text', url}) over the crawl-text sets of
// ../shared/bench and score the predictions with that kit's score.mjs.
//
//   node --import tsx bench/crawltext-eval.ts [--set crawltext-readability|crawltext-trafilatura|all]
//                                            [--per-doc DIR] [--pred DIR] [--json]
//
// Prints score.mjs's summary line per set, and pages/s of the text path (noisy on a shared box).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extract } from '../src/extract/index.js';

// ../shared/bench beside the checkout (also two levels up, for git worktrees under a folder).
const BENCH = resolve(process.env.DATELINE_BENCH ?? [join(import.meta.dirname, '..', '..', 'shared', 'bench'), join(import.meta.dirname, '..', '..', '..', 'shared', 'bench')].find((d) => existsSync(d)) ?? join(import.meta.dirname, '..', '..', 'shared', 'bench'));
const SETS = ['crawltext-readability', 'crawltext-trafilatura'];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface TruthLine { id: string; url?: string }

function runSet(set: string, outDir: string, perDocDir: string | undefined, json: boolean): void {
  const dir = join(BENCH, 'extraction', set);
  const truth = readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TruthLine);
  const texts = truth.map((t) => readFileSync(join(dir, 'pages', `${t.id}.txt`)));
  const lines: string[] = [];
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const url = t.url && !t.url.startsWith('http://fakehost/') ? t.url : undefined;
    const a = extract(texts[i]!, { kind: 'text', url });
    lines.push(JSON.stringify({ id: t.id, text: a.text, title: a.title, published: a.published, authors: a.authors }));
  }
  const cold = Number(process.hrtime.bigint() - t0) / 1e9;
  // A second, warm pass (JIT compiled, regexes cached) is what a long batch sees.
  const t1 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < truth.length; i++) extract(texts[i]!, { kind: 'text', url: truth[i]!.url });
  const secs = Number(process.hrtime.bigint() - t1) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  const pred = join(outDir, `${set}.jsonl`);
  writeFileSync(pred, lines.join('\n') + '\n');
  const args = [join(BENCH, 'score.mjs'), '--truth', dir, '--pred', pred];
  if (perDocDir) args.push('--per-doc', join(perDocDir, `${set}.per-doc.jsonl`));
  if (json) args.push('--json');
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  const summary = json ? out.trim() : out.trim().split('\n').pop();
  console.log(`${set}: ${summary}`);
  const mb = texts.reduce((n, t) => n + t.length, 0) / 1e6;
  console.log(`${set}: ${truth.length} pages (${mb.toFixed(1)} MB): first pass ${cold.toFixed(2)} s, warm pass ${secs.toFixed(2)} s = ${(truth.length / secs).toFixed(0)} pages/s wall, ${(truth.length / cpuSecs).toFixed(0)} pages/s per CPU second, ${(mb / cpuSecs).toFixed(1)} MB per CPU second (text path only, one thread; wall time is noisy on a shared machine)`);
}

if (!existsSync(join(BENCH, 'score.mjs'))) {
  console.log(`skipped: no benchmark kit at ${BENCH} (set DATELINE_BENCH)`);
} else {
  const which = arg('set') ?? 'all';
  const outDir = arg('pred') ?? mkdtempSync(join(tmpdir(), 'crawltext-'));
  mkdirSync(outDir, { recursive: true });
  for (const set of which === 'all' ? SETS : [which]) runSet(set, outDir, arg('per-doc'), process.argv.includes('--json'));
  console.log(`predictions in ${outDir}`);
}
