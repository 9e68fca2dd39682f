import { readFileSync } from 'node:fs';
import { extract } from '../src/extract/index.js';
import { enrich } from '../src/enrich/index.js';
const id = process.argv[2]!;
let text = '';
for (const l of readFileSync('/work/shared/bench/stories/dev.jsonl', 'utf8').split('\n')) if (l.includes(`"id": "${id}"`)) text = (JSON.parse(l) as { text: string }).text;
const a = extract(text, { kind: 'text', published: process.argv[3] });
const pat = process.argv[4];
if (pat) { const i = a.text.indexOf(pat); console.log(JSON.stringify(a.text.slice(Math.max(0, i - 200), i + 80))); }
else console.log(JSON.stringify({ title: a.title, published: a.published, text: a.text.slice(0, 200) }));
console.log(JSON.stringify(enrich(a).dates));
