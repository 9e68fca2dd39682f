// Guard for speed work: run every dev page through extract() and either save the Article JSON
// (one line per page) or compare it with a saved run, listing the pages and fields that differ.
//   node --import tsx bench/extract-identical.ts --save /tmp/before.jsonl      (on the old code)
//   node --import tsx bench/extract-identical.ts --against /tmp/before.jsonl   (on the new code)
// --text also runs the crawl-text sets (input kind forced to text, as the quality bench does).
// Exit 0 when identical, 1 when some page differs. Not timed: see profile-extract.ts for speed.
import { readFileSync, writeFileSync } from 'node:fs';
import { extract } from '../src/extract/index.js';
import { benchDir, loadPages, readPage, SETS } from './runner.js';

const root = benchDir();
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
if (!root) {
  console.error('no benchmark kit (../shared/bench or $DATELINE_BENCH): nothing to compare');
  process.exit(0);
}

const withText = args.includes('--text');
const lines: string[] = [];
for (const set of SETS.filter((s) => withText || s.kind === 'html')) {
  for (const page of loadPages(root, set)) {
    const kind = set.kind === 'text' ? { kind: set.kind } : {};
    const article = extract(readPage(page), page.url ? { url: page.url, ...kind } : kind);
    lines.push(JSON.stringify({ page: `${set.name}/${page.id}`, article }));
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
