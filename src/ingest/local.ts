// Local sources: files, folders and globs of pages (HTML or crawl text, optionally .gz),
// JSONL records, WARC/WET files. Each becomes a stream of SourceEvents.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InputKind } from '../types.js';
import type { ItemHints } from '../store/api.js';
import type { SourceEvent } from './item.js';
import { readJsonl } from './jsonl.js';
import { openWarcStream, parseHttpResponse, readWarc } from './warc.js';

export type LocalKind = 'page' | 'jsonl' | 'warc';

export interface LocalFile {
  path: string;
  kind: LocalKind;
  size: number;
}

const PAGE_EXT = /\.(html?|xhtml|shtml|txt|text)$/i;

export function classify(path: string): LocalKind | undefined {
  const name = path.replace(/\.gz$/i, '');
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'jsonl';
  if (/\.(warc|wet|arc)$/i.test(name)) return 'warc';
  if (PAGE_EXT.test(name)) return 'page';
  return undefined;
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') { const end = glob.indexOf(']', i); if (end > i) { re += glob.slice(i, end + 1); i = end; } else re += '\\['; }
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, out: string[]): void {
  let names: string[];
  try { names = readdirSync(dir).sort(); } catch { return; }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    let st;
    try { st = statSync(p); } catch { continue; }
    if (st.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/**
 * Expand command-line paths: a file as is (whatever its extension: the user asked for it),
 * a folder recursively (only files with a known extension), a glob by matching.
 * Unreadable paths come back in `missing`.
 */
export function expandLocal(args: string[]): { files: LocalFile[]; missing: string[] } {
  const files: LocalFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (p: string, explicit: boolean) => {
    const abs = resolve(p);
    if (seen.has(abs)) return;
    const kind = classify(abs) ?? (explicit ? 'page' : undefined);
    if (!kind) return;
    let size = 0;
    try { size = statSync(abs).size; } catch { /* reported when read */ }
    seen.add(abs);
    files.push({ path: abs, kind, size });
  };
  for (const arg of args) {
    if (/[*?[]/.test(arg)) {
      const parts = resolve(arg).split(sep);
      const firstGlob = parts.findIndex((x) => /[*?[]/.test(x));
      const base = parts.slice(0, firstGlob).join(sep) || sep;
      const re = globToRegExp(parts.join('/'));
      const all: string[] = [];
      walk(base, all);
      const matched = all.filter((p) => re.test(p.split(sep).join('/')));
      if (!matched.length) missing.push(arg);
      for (const p of matched) add(p, true);
      continue;
    }
    let st;
    try { st = statSync(arg); } catch { missing.push(arg); continue; }
    if (st.isDirectory()) {
      const all: string[] = [];
      walk(arg, all);
      for (const p of all) add(p, false);
    } else add(arg, true);
  }
  return { files, missing };
}

export interface ManifestEntry { url?: string; published?: string; title?: string }

/** `--manifest FILE`: JSONL lines `{"file", "url", "published"?}`, paths relative to the manifest's folder. */
export function readManifest(path: string): Map<string, ManifestEntry> {
  const map = new Map<string, ManifestEntry>();
  const dir = dirname(resolve(path));
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let rec: { file?: unknown; url?: unknown; published?: unknown; title?: unknown };
    try { rec = JSON.parse(line) as typeof rec; } catch { throw new Error(`${path}:${i + 1}: not valid JSON`); }
    if (typeof rec.file !== 'string') throw new Error(`${path}:${i + 1}: a manifest line needs a "file"`);
    const e: ManifestEntry = {};
    if (typeof rec.url === 'string') e.url = rec.url;
    if (typeof rec.published === 'string') e.published = rec.published;
    if (typeof rec.title === 'string') e.title = rec.title;
    map.set(resolve(dir, rec.file), e);
  });
  return map;
}

function kindOfName(path: string): InputKind | undefined {
  const n = path.replace(/\.gz$/i, '');
  if (/\.(txt|text)$/i.test(n)) return 'text';
  if (/\.(html?|xhtml|shtml)$/i.test(n)) return 'html';
  return undefined;
}

export async function* readLocalFile(file: LocalFile, manifest?: Map<string, ManifestEntry>): AsyncGenerator<SourceEvent> {
  const source = file.path;
  if (file.kind === 'jsonl') { yield* readJsonl(file.path); return; }
  if (file.kind === 'warc') { yield* readWarcFile(file.path); return; }
  let body: Buffer;
  let gzipped = false;
  try {
    body = readFileSync(file.path);
    // A gzipped page goes to the pipeline as it is: its extraction worker gunzips it (a bad gzip
    // is reported there, as 'bad-gzip' too), and the gzip is stored as the raw page — no gunzip
    // on the main thread, no second compression of the page.
    gzipped = /\.gz$/i.test(file.path) || (body[0] === 0x1f && body[1] === 0x8b);
  } catch (e) {
    yield { type: 'failure', failure: { source, stage: 'read', reason: /gzip|header|unexpected end/i.test((e as Error).message) ? 'bad-gzip' : 'unreadable', message: (e as Error).message } };
    return;
  }
  const m = manifest?.get(file.path);
  const hints: ItemHints = {};
  if (m?.published) hints.publishedFallback = m.published;
  if (m?.title) hints.title = m.title;
  const kind = kindOfName(file.path);
  yield {
    type: 'item',
    item: { url: m?.url ?? pathToFileURL(file.path).href, body, ...(gzipped ? { gzipped } : {}), ...(kind ? { kind } : {}), source, ...(Object.keys(hints).length ? { hints } : {}) },
  };
}

export async function* readWarcFile(path: string): AsyncGenerator<SourceEvent> {
  let n = 0;
  try {
    for await (const rec of readWarc(openWarcStream(path))) {
      n++;
      const source = `${path}#${rec.offset}`;
      const url = (rec.headers['warc-target-uri'] ?? '').replace(/^<|>$/g, '');
      if (rec.type !== 'response' && rec.type !== 'conversion' && rec.type !== 'resource') continue;
      if (rec.truncated) {
        yield { type: 'failure', failure: { source, url, stage: 'parse', reason: 'truncated-warc-record', message: 'the file ends inside this record' } };
        continue;
      }
      if (!url) { yield { type: 'failure', failure: { source, stage: 'parse', reason: 'malformed-warc', message: 'record without WARC-Target-URI' } }; continue; }
      const fetchedAt = isoOrNow(rec.headers['warc-date']);
      if (rec.type === 'conversion') {
        yield { type: 'item', item: { url, body: rec.block, kind: 'text', contentType: 'text/plain; charset=utf-8', fetchedAt, source } };
        continue;
      }
      if (rec.type === 'resource') {
        const ct = rec.headers['content-type'] ?? '';
        if (!/html|text\/plain/i.test(ct)) { yield { type: 'skip', reason: 'not-html', url, source }; continue; }
        yield { type: 'item', item: { url, body: rec.block, contentType: ct, fetchedAt, source } };
        continue;
      }
      const http = parseHttpResponse(rec.block);
      if (!http) { yield { type: 'failure', failure: { source, url, stage: 'parse', reason: 'malformed-http', message: 'response record without a valid HTTP response' } }; continue; }
      const ct = http.headers['content-type'] ?? '';
      if (http.status >= 300 && http.status < 400) { yield { type: 'skip', reason: 'redirect', url, source }; continue; }
      if (http.status >= 400) { yield { type: 'failure', failure: { source, url, stage: 'fetch', reason: `http-${http.status}` } }; continue; }
      if (ct && !/html|xml/i.test(ct)) { yield { type: 'skip', reason: 'not-html', url, source }; continue; }
      yield { type: 'item', item: { url, body: http.body, kind: 'html', ...(ct ? { contentType: ct } : {}), status: http.status, fetchedAt, source } };
    }
  } catch (e) {
    const msg = (e as Error).message;
    yield { type: 'failure', failure: { source: path, stage: 'parse', reason: /unexpected end|incorrect header|invalid/i.test(msg) ? 'bad-gzip' : 'malformed-warc', message: `after ${n} records: ${msg}` } };
  }
}

function isoOrNow(s: string | undefined): string {
  const d = s ? new Date(s) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : new Date().toISOString();
}
