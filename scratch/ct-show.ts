import { readFileSync } from 'node:fs';
import { extract } from '../src/extract/index.js';
import { splitLines } from '../src/extract/text/lines.js';
import { classify } from '../src/extract/text/body.js';
const [set, id] = process.argv.slice(2);
const text = readFileSync(`/work/shared/bench/extraction/${set}/pages/${id}.txt`, 'utf8');
const a = extract(text, { kind: 'text' });
console.log('TITLE', a.title);
console.log('---- OUTPUT\n' + a.text.slice(0, 3000));
if (process.argv.includes('--lines')) {
  const lines = splitLines(text); const cls = classify(lines);
  for (const l of lines) { const c = cls[l.index]!; console.log(`${String(l.index).padStart(3)} u${String(Math.round(l.units)).padStart(3)} ${c.prose ? 'P' : '.'}${c.furniture ? 'F' : '.'}${c.inMenuRun ? 'M' : '.'}${c.dateLine ? 'D' : '.'} r${l.repeats} ${l.text.slice(0, 110)}`); }
}
