// Per-page diagnostic of the HTML body engine on trafilatura-dev (snippet truth): for every
// expected ("with") snippet that is missing and every forbidden ("without") snippet that
// appears, where the snippet sits in the DOM and what the engine did with that region
// (not indexed = junk tag or hidden, pruned as "unlikely", outside the selected container,
// dropped by the cleaner, or kept). A tool for finding failure causes, not a benchmark.
//
//   node --import tsx bench/body-diagnose.ts [--only miss|extra] [--id substring] [--summary]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyNode, Element } from '../src/extract/dom.js';
import { parseHtml, textContent } from '../src/extract/dom.js';
import { makeContext } from '../src/extract/context.js';
import { decodeBytes } from '../src/extract/decode.js';
import { extractMetadata } from '../src/extract/meta/index.js';
import { planBody } from '../src/extract/html/index.js';
import { renderBody } from '../src/extract/html/render.js';
import { D } from '../src/extract/html/clean.js';
import { benchDir, loadPages, readPage } from './runner.js';

const REASON = new Map<number, string>(Object.entries(D).map(([k, v]) => [v, k]));
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const only = opt('--only');
const idFilter = opt('--id');
const summaryOnly = args.includes('--summary');

const dir = benchDir();
if (!dir) { console.error('body-diagnose: evaluation kit not found'); process.exit(2); }
const set = { name: 'extraction/trafilatura-dev', kind: 'html' as const };
const truth = new Map<string, { with?: string[]; without?: string[] }>();
for (const line of readFileSync(join(dir, set.name, 'truth.jsonl'), 'utf8').split('\n')) {
  if (line.trim()) { const t = JSON.parse(line) as { id: string; with?: string[]; without?: string[] }; truth.set(t.id, t); }
}
const norm = (s: string): string => s.replace(/\s+/g, ' ');
const counts = new Map<string, number>();
const bump = (k: string): void => { counts.set(k, (counts.get(k) ?? 0) + 1); };

for (const page of loadPages(dir, set)) {
  if (idFilter && !page.id.includes(idFilter)) continue;
  const t = truth.get(page.id)!;
  const warnings: never[] = [];
  const decoded = decodeBytes(readPage(page), undefined, warnings);
  const doc = parseHtml(decoded.text);
  const ctx = makeContext(page.url ? { url: page.url } : {}, warnings);
  const meta = extractMetadata(doc, ctx);
  const { ix, plan, attempt, base } = planBody(doc, ctx, meta);
  const text = norm(renderBody({ ix, include: plan.include, drop: plan.drop, dataTable: plan.dataTable, ...(base ? { base } : {}) }).text);
  const lines: string[] = [];
  const where = (snippet: string): { status: string; path: string } => {
    const s = norm(snippet).trim();
    // Deepest element whose text contains the snippet.
    // (searching <body> first: a title snippet is also in <head><title>)
    const body = doc.children.flatMap((c) => (c.type === 'tag' ? (c as Element).children : [])).find((c) => c.type === 'tag' && (c as Element).name === 'body');
    let node: AnyNode = body && norm(textContent(body)).includes(s) ? body : doc;
    for (;;) {
      const kids: AnyNode[] = (node as Element).children ?? [];
      const next: AnyNode | undefined = kids.find((k) => (k.type === 'tag' || k.type === 'root') && norm(textContent(k)).includes(s));
      if (!next) break;
      node = next;
    }
    if (node.type !== 'tag') return { status: 'not-in-dom', path: '' };
    const chain: Element[] = [];
    for (let e: Element | null = node as Element; e && e.type === 'tag'; e = e.parent as Element | null) chain.unshift(e);
    const path = chain.slice(-6).map((e) => e.name + (e.attribs.class ? '.' + e.attribs.class.trim().split(/\s+/).slice(0, 3).join('.') : '') + (e.attribs.id ? '#' + e.attribs.id : '')).join(' > ');
    const i = (node as Element).index;
    let status: string;
    if (i < 0) status = 'not-indexed';
    else if (plan.dead[i]) status = 'unlikely';
    else {
      const inc = plan.include.find((r) => r <= i && i < ix.end[r]!);
      if (inc === undefined) {
        // Is the selected content inside this element (snippet spans several) or elsewhere?
        status = plan.include.some((r) => i <= r && r < ix.end[i]!) ? 'spans-content' : 'outside';
      } else {
        let dropped = -1;
        for (let a = i; a >= 0 && a >= inc; a = ix.parent[a]!) if (plan.drop[a]) dropped = a;
        if (dropped >= 0) {
          const e = ix.els[dropped]!;
          status = `dropped:${REASON.get(plan.drop[dropped]!) ?? '?'}(${e.name}${e.attribs.class ? '.' + e.attribs.class.trim().split(/\s+/)[0] : ''})`;
        } else status = 'kept';
      }
    }
    return { status, path };
  };
  for (const w of t.with ?? []) {
    if (text.includes(norm(w))) continue;
    const { status, path } = where(w);
    bump('miss ' + status.replace(/\(.*/, ''));
    if (only !== 'extra') lines.push(`  MISS [${status}] ${JSON.stringify(w.slice(0, 90))}\n      ${path}`);
  }
  for (const w of t.without ?? []) {
    if (!text.includes(norm(w))) continue;
    const { status, path } = where(w);
    bump('extra ' + status.replace(/\(.*/, ''));
    if (only !== 'miss') lines.push(`  EXTRA [${status}] ${JSON.stringify(w.slice(0, 90))}\n      ${path}`);
  }
  if (lines.length && !summaryOnly) {
    const top = plan.top >= 0 ? ix.els[plan.top]! : undefined;
    console.log(`${page.id} attempt=${attempt} top=${top ? top.name + '.' + (top.attribs.class ?? '') + '#' + (top.attribs.id ?? '') : '-'} include=${plan.include.map((i) => ix.els[i]!.name + '.' + (ix.els[i]!.attribs.class ?? '').trim().split(/\s+/)[0]).join(',')}`);
    console.log(lines.join('\n'));
  }
}
console.log('\nsummary:', [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`).join(', '));
