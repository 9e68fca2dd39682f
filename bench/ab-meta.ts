// A/B speed of the metadata step (extractMetadata on pre-parsed DOMs) and of the crawl-text path
// (extractFromText) against another revision, in ONE process, interleaved page by page, in CPU
// time; the whole-extract A/B (ab-extract.ts) hides a 20 % change in a step that is 20 % of the total.
//   git archive <rev> src package.json tsconfig.json | tar -x -C /tmp/base   (package.json too: see abArguments)
//   node --import tsx bench/ab-meta.ts /tmp/base [rounds]
import { resolve } from 'node:path';
import { makeContext } from '../src/extract/context.js';
import { decodeBytes } from '../src/extract/decode.js';
import { parseHtml, type Document } from '../src/extract/dom.js';
import { extractMetadata as currentMeta } from '../src/extract/meta/index.js';
import { extractFromText as currentText } from '../src/extract/text/index.js';
import { abArguments, loadPages, readPage, SETS } from './runner.js';

type Meta = typeof currentMeta;
type Text = typeof currentText;
const { baseDir, root, rounds } = abArguments('ab-meta.ts', 'src/extract/meta/index.ts', 5);
const baseMeta = (await import(resolve(baseDir, 'src/extract/meta/index.ts')) as { extractMetadata: Meta }).extractMetadata;
const baseText = (await import(resolve(baseDir, 'src/extract/text/index.ts')) as { extractFromText: Text }).extractFromText;

const docs: Array<{ doc: Document; url?: string }> = [];
const texts: Array<{ text: string; url?: string }> = [];
for (const set of SETS) {
  for (const page of loadPages(root, set)) {
    const text = decodeBytes(readPage(page), undefined, []).chunks.join('');
    if (set.kind === 'html') docs.push({ doc: parseHtml([text]), url: page.url });
    else texts.push({ text, url: page.url });
  }
}
const ctxOf = (url: string | undefined) => makeContext(url ? { url } : {}, []);
const cpu = (fn: () => unknown): number => {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return d.user + d.system;
};
function ab<T>(label: string, items: T[], a: (x: T) => unknown, b: (x: T) => unknown): void {
  for (const x of items.slice(0, 100)) { a(x); b(x); }
  let ta = 0, tb = 0;
  for (let r = 0; r < rounds; r++) {
    items.forEach((x, i) => {
      if ((i + r) % 2) { ta += cpu(() => a(x)); tb += cpu(() => b(x)); } else { tb += cpu(() => b(x)); ta += cpu(() => a(x)); }
    });
  }
  const n = items.length * rounds;
  console.log(`${label}: A (base) ${(n / (ta / 1e6)).toFixed(0)}/CPU-s  B (this checkout) ${(n / (tb / 1e6)).toFixed(0)}/CPU-s  B/A ${(ta / tb).toFixed(3)}  (${rounds} rounds × ${items.length})`);
}
ab('metadata (html dev sets)', docs, (d) => baseMeta(d.doc, ctxOf(d.url)), (d) => currentMeta(d.doc, ctxOf(d.url)));
ab('crawl text (text dev sets)', texts, (t) => baseText(t.text, ctxOf(t.url)), (t) => currentText(t.text, ctxOf(t.url)));
