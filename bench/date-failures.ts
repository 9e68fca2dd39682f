// Date diagnosis: lists every page of a bench set whose published day is wrong, with the
// reading of each date source, to group failures by cause.
// Usage: node --import tsx bench/date-failures.ts [trafilatura-dev|htmldate-dev|readability-pages] [--all]
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { extractMetadata } from '../src/extract/meta/index.js';
import { makeContext } from '../src/extract/context.js';
import { decodeBytes } from '../src/extract/decode.js';
import { parseHtml } from '../src/extract/dom.js';
import { collect } from '../src/extract/meta/collect.js';
import { readJsonLd } from '../src/extract/meta/jsonld.js';
import { dateOrder, explainDates, headlineOrder } from '../src/extract/meta/dates.js';
import { timezoneForUrl } from '../src/extract/dates/index.js';

const BENCH = resolve(process.env.DATELINE_BENCH ?? [join(import.meta.dirname, '../../shared/bench'), join(import.meta.dirname, '../../../shared/bench')].find((p) => existsSync(p)) ?? '../shared/bench');
const SETS: Record<string, string> = {
  'readability-pages': 'extraction/readability-pages', 'trafilatura-dev': 'extraction/trafilatura-dev', 'htmldate-dev': 'dates/htmldate-dev',
};
const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('--'));
const all = args.includes('--all');
const quiet = args.includes('--quiet');
if (!existsSync(BENCH)) { console.log(`no benchmark data at ${BENCH}; skipped`); process.exit(0); }
for (const name of names.length ? names : Object.keys(SETS)) {
const dir = join(BENCH, SETS[name]!);
type Truth = { id: string; url?: string; date?: string; publishedTime?: string };
const truth = readFileSync(join(dir, 'truth.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Truth);
let bad = 0, n = 0;
for (const t of truth) {
  const want = (t.date ?? t.publishedTime)?.slice(0, 10);
  if (!want) continue;
  n++;
  const bytes = gunzipSync(readFileSync(join(dir, 'pages', `${t.id}.html.gz`)));
  const url = t.url && /^https?:/.test(t.url) ? t.url : undefined;
  const doc = parseHtml(decodeBytes(bytes, undefined, []).text);
  const a = extractMetadata(doc, makeContext(url ? { url } : {}, []));
  const ok = a.published?.slice(0, 10) === want;
  if (!ok) bad++;
  if ((ok && !all) || quiet) continue;
  const c = collect(doc);
  const u = url ? new URL(url) : undefined;
  const ex = explainDates(c, readJsonLd(c.ldJson), u, headlineOrder(c, a.title), { timezone: timezoneForUrl(u), order: dateOrder(a.language) });
  const srcs = Object.entries(ex).filter(([, v]) => v !== undefined && v !== 'undefined' && v !== 'false').map(([k, v]) => `${k}=${v}`).join(' ');
  console.log(`${ok ? 'OK ' : 'BAD'} ${t.id} want=${want} got=${a.published ?? '-'} url=${url ?? '-'}\n    ${srcs}`);
}
console.log(`${name}: ${bad} wrong of ${n}, accuracy ${((n - bad) / n).toFixed(4)}`);
}
