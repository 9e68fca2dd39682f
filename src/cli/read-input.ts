// Getting an input's bytes: a file or stdin (gzip detected by its magic bytes, not by `.gz`), or a
// URL through the polite fetcher. Local inputs are read as streams and cut at maxBytes (after
// decompression), so a huge file or a gzip bomb costs at most maxBytes of memory: the page is
// truncated with a warning, as extract() itself does. Failures become InputError with a stable code.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { fetchPage, FetchError, type FetchOptions } from '../ingest/index.js';
import type { ExtractWarning } from '../types.js';
import type { InputSource } from './inputs.js';

export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly code: string, message: string, readonly status?: number) {
    super(message);
  }
}

export interface LoadedInput {
  bytes: Uint8Array;
  /** The Content-Type the server sent (URL inputs). */
  contentType?: string;
  /** Where the bytes came from after redirects (URL inputs). */
  finalUrl?: string;
  /** Problems found while reading (truncation), to add to the Article's warnings. */
  warnings: ExtractWarning[];
}

export interface LoadOptions {
  /** Cap on bytes after decompression: URLs over it fail (ETOOLARGE), local inputs are truncated. */
  maxBytes: number;
  fetch: FetchOptions;
}

export async function loadInput(source: InputSource, opts: LoadOptions): Promise<LoadedInput> {
  if (source.kind === 'url') {
    try {
      const r = await fetchPage(source.url, { ...opts.fetch, maxBytes: opts.maxBytes });
      const out: LoadedInput = { bytes: r.bytes, finalUrl: r.finalUrl, warnings: [] };
      if (r.contentType) out.contentType = r.contentType;
      return out;
    } catch (e) {
      if (e instanceof FetchError) throw new InputError(e.code, e.message, e.status);
      throw e;
    }
  }
  const name = source.kind === 'file' ? source.path : 'stdin';
  const stream = source.kind === 'file' ? createReadStream(source.path) : process.stdin;
  try {
    return await readCapped(stream, opts.maxBytes, name);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
    throw new InputError(code, `${name}: ${why}`);
  }
}

/** Reads a stream up to `cap` bytes, gunzipping it when it starts with the gzip magic bytes. */
async function readCapped(input: Readable, cap: number, name: string): Promise<LoadedInput> {
  const it = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // Gather at least two bytes to look for the magic number (stdin may deliver tiny chunks).
  const head: Buffer[] = [];
  let headLen = 0;
  let ended = false;
  while (headLen < 2) {
    const n = await it.next();
    if (n.done) { ended = true; break; }
    head.push(n.value);
    headLen += n.value.length;
  }
  async function* raw(): AsyncGenerator<Buffer> {
    yield* head;
    if (ended) return;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  }
  const first = Buffer.concat(head, headLen);
  const gzipped = first[0] === 0x1f && first[1] === 0x8b;
  const warnings: ExtractWarning[] = [];
  const chunks: Buffer[] = [];
  let total = 0;
  let truncated = false;

  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      if (total + chunk.length > cap) {
        chunks.push(chunk.subarray(0, cap - total));
        total = cap;
        truncated = true;
        break; // leaving the loop destroys the stream: nothing more is read or inflated
      }
      chunks.push(chunk);
      total += chunk.length;
    }
  };

  if (!gzipped) {
    await collect(raw());
    if (truncated) input.destroy();
  } else {
    const gunzip = zlib.createGunzip();
    // Errors of the feeding side reach us through gunzip (pipeline destroys it with the error).
    void pipeline(Readable.from(raw()), gunzip).catch(() => undefined);
    try {
      await collect(gunzip);
    } catch (e) {
      // A gzip stream cut short still gives its first part: keep it, say so. Garbage gives nothing: error.
      if (total === 0) throw new InputError('EGZIP', `${name}: not a valid gzip file (${(e as Error).message})`);
      warnings.push({ code: 'input-truncated', message: `gzip data is damaged or cut short after ${total} bytes (${(e as Error).message})` });
    } finally {
      gunzip.destroy();
      input.destroy();
    }
  }
  if (truncated) warnings.push({ code: 'input-truncated', message: `input larger than ${cap} bytes${gzipped ? ' after decompression' : ''}; the rest was ignored (raise --max-bytes)` });
  return { bytes: new Uint8Array(Buffer.concat(chunks, total)), warnings };
}
