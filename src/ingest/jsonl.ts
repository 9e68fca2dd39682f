// JSONL records `{"url", "html" | "text", "published"?, "title"?, "site"?, …}` — the format
// `dateline export` writes, so archives round-trip. A bad line is a failure; the file goes on.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ItemHints } from '../store/api.js';
import type { SourceEvent } from './item.js';

const STRING_HINTS = ['published', 'title', 'site', 'description', 'section', 'language', 'image', 'modified'] as const;

export async function* readJsonl(path: string): AsyncGenerator<SourceEvent> {
  let input: Readable = createReadStream(path);
  if (/\.gz$/i.test(path)) input = input.pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      const ev = recordToEvent(line, `${path}:${n}`);
      if (ev) yield ev;
    }
  } catch (e) {
    yield { type: 'failure', failure: { source: path, stage: 'read', reason: 'unreadable', message: `after line ${n}: ${(e as Error).message}` } };
  }
}

export function recordToEvent(line: string, source: string): SourceEvent | undefined {
  let rec: Record<string, unknown>;
  try {
    const v = JSON.parse(line) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
    rec = v as Record<string, unknown>;
  } catch (e) {
    return { type: 'failure', failure: { source, stage: 'parse', reason: 'malformed-jsonl', message: (e as Error).message } };
  }
  const url = typeof rec.url === 'string' ? rec.url : undefined;
  const html = typeof rec.html === 'string' ? rec.html : undefined;
  const text = typeof rec.text === 'string' ? rec.text : undefined;
  if (!url) return { type: 'failure', failure: { source, stage: 'parse', reason: 'malformed-jsonl', message: 'record has no "url"' } };
  if (html === undefined && text === undefined) {
    return { type: 'failure', failure: { source, url, stage: 'parse', reason: 'malformed-jsonl', message: 'record has neither "html" nor "text"' } };
  }
  const hints: ItemHints = {};
  for (const k of STRING_HINTS) if (typeof rec[k] === 'string' && (rec[k] as string).trim()) hints[k] = rec[k] as string;
  for (const k of ['authors', 'tags'] as const) {
    const v = rec[k];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string') && v.length) hints[k] = v as string[];
  }
  return {
    type: 'item',
    item: {
      url, source,
      body: Buffer.from(html ?? text ?? '', 'utf8'),
      kind: html !== undefined ? 'html' : 'text',
      contentType: html !== undefined ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      ...(typeof rec.fetchedAt === 'string' ? { fetchedAt: rec.fetchedAt } : {}),
      ...(Object.keys(hints).length ? { hints } : {}),
    },
  };
}
