// Guard for the HTML parser (html-tokenizer.ts + tree-builder.ts): on every HTML dev page, our
// tree must be the one htmlparser2's Parser + domhandler build from the same decoded pieces (the
// parse extraction was tuned on), and the same whether the page is given in pieces or whole.
//   node --import tsx bench/tree-identical.ts        exit 0 when all trees match, 1 otherwise
import { isDeepStrictEqual } from 'node:util';
import { decodeBytes } from '../src/extract/decode.js';
import { parseHtml } from '../src/extract/dom.js';
import { fromOurs, reference } from '../test/extract/tree-shape.js';
import { benchDir, loadPages, readPage, SETS } from './runner.js';

const root = benchDir();
if (!root) {
  console.error('no benchmark kit (../shared/bench or $DATELINE_BENCH): nothing to compare');
  process.exit(0);
}
let pages = 0;
const differ: string[] = [];
for (const set of SETS.filter((s) => s.kind === 'html')) {
  for (const page of loadPages(root, set)) {
    const chunks = decodeBytes(readPage(page), undefined, []).chunks;
    const ours = fromOurs(parseHtml(chunks));
    pages++;
    if (!isDeepStrictEqual(ours, reference(chunks))) differ.push(`${set.name}/${page.id}: differs from htmlparser2 + domhandler`);
    else if (!isDeepStrictEqual(fromOurs(parseHtml(chunks.join(''))), ours)) differ.push(`${set.name}/${page.id}: whole page differs from pieces`);
  }
}
for (const line of differ) console.log(line);
console.log(`${pages} pages, ${differ.length} differing trees`);
process.exit(differ.length ? 1 : 0);
