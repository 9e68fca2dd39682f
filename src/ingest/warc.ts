// A small streaming WARC 1.0/1.1 reader (ISO 28500): `response` records carrying HTTP
// responses (Common Crawl CC-NEWS / WARC files) and `conversion` records carrying extracted
// text (Common Crawl WET files). Gzip-compressed files are one gzip member per record;
// Node's gunzip reads concatenated members, so the reader sees one continuous stream.
// A truncated or corrupt file yields the records before the damage, then one error.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { brotliDecompressSync, createGunzip, gunzipSync, inflateSync } from 'node:zlib';
import { ByteReader } from './byte-reader.js';

export interface WarcRecord {
  type: string;
  headers: Record<string, string>;
  /** Byte offset of the record in the (uncompressed) stream. */
  offset: number;
  block: Buffer;
  /** The record was cut short by the end of the file. */
  truncated: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const MAX_RECORD = 64 * 1024 * 1024;

export function openWarcStream(path: string): AsyncIterable<Buffer> {
  const file = createReadStream(path);
  if (!/\.gz$/i.test(path)) return file;
  return file.pipe(createGunzip()) as Readable;
}

/** Records of a WARC stream, in order. Throws (after yielding the good records) on malformed input. */
export async function* readWarc(stream: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<WarcRecord> {
  const r = new ByteReader(stream);
  for (;;) {
    let line = await r.readLine();
    while (line !== undefined && line.trim() === '') line = await r.readLine();
    if (line === undefined) return;
    const offset = r.offset - line.length - 2;
    if (!/^WARC\/\d/.test(line)) throw new Error(`not a WARC record at byte ${Math.max(0, offset)}: '${line.slice(0, 40)}'`);
    const headers: Record<string, string> = {};
    for (;;) {
      const h = await r.readLine(65536);
      if (h === undefined) throw new Error(`WARC file ends inside a record header at byte ${r.offset}`);
      if (h === '') break;
      const colon = h.indexOf(':');
      if (colon > 0) headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length']);
    if (!Number.isFinite(length) || length < 0) throw new Error(`WARC record at byte ${offset} has no valid Content-Length`);
    if (length > MAX_RECORD) throw new Error(`WARC record at byte ${offset} is larger than ${MAX_RECORD} bytes`);
    const block = await r.read(length);
    const truncated = block.length < length;
    yield { type: (headers['warc-type'] ?? '').toLowerCase(), headers, offset, block, truncated };
    if (truncated) return;
  }
}

/** Parse the HTTP response inside a `response` record's block (status line, headers, body). */
export function parseHttpResponse(block: Buffer): HttpResponse | undefined {
  let sep = block.indexOf('\r\n\r\n');
  let sepLen = 4;
  if (sep < 0) { sep = block.indexOf('\n\n'); sepLen = 2; }
  if (sep < 0) return undefined;
  const head = block.subarray(0, sep).toString('latin1').split(/\r?\n/);
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(head[0] ?? '');
  if (!m) return undefined;
  const headers: Record<string, string> = {};
  for (const h of head.slice(1)) {
    const colon = h.indexOf(':');
    if (colon > 0) headers[h.slice(0, colon).trim().toLowerCase()] = h.slice(colon + 1).trim();
  }
  let body = block.subarray(sep + sepLen);
  // Crawlers sometimes keep the transfer and content encodings as they came off the wire.
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  const enc = (headers['content-encoding'] ?? '').toLowerCase();
  try {
    if (enc === 'gzip' || enc === 'x-gzip') body = gunzipSync(body);
    else if (enc === 'br') body = brotliDecompressSync(body);
    else if (enc === 'deflate') body = inflateSync(body);
  } catch {
    // Most archives store the decoded body but keep the original header: use the body as is.
  }
  return { status: Number(m[1]), headers, body };
}

function dechunk(b: Buffer): Buffer {
  const parts: Buffer[] = [];
  let i = 0;
  while (i < b.length) {
    const nl = b.indexOf('\r\n', i);
    if (nl < 0) break;
    const size = parseInt(b.subarray(i, nl).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size)) return b; // not really chunked
    if (size === 0) break;
    parts.push(b.subarray(nl + 2, nl + 2 + size));
    i = nl + 2 + size + 2;
  }
  return parts.length ? Buffer.concat(parts) : b;
}
