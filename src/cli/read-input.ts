// Getting an input's bytes: a file (gzip detected by its magic bytes, not only by `.gz`),
// stdin, or a URL through the polite fetcher. Failures become InputError with a stable code.
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { fetchPage, FetchError, type FetchOptions } from '../ingest/index.js';
import type { InputSource } from './inputs.js';

const gunzip = promisify(zlib.gunzip);

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
}

export interface LoadOptions {
  /** Cap on bytes after decompression (files and URLs). */
  maxBytes: number;
  fetch: FetchOptions;
  /** stdin, read once by the caller (it can be read only once). */
  stdin?: () => Promise<Uint8Array>;
}

export async function loadInput(source: InputSource, opts: LoadOptions): Promise<LoadedInput> {
  if (source.kind === 'url') {
    try {
      const r = await fetchPage(source.url, { ...opts.fetch, maxBytes: opts.maxBytes });
      const out: LoadedInput = { bytes: r.bytes, finalUrl: r.finalUrl };
      if (r.contentType) out.contentType = r.contentType;
      return out;
    } catch (e) {
      if (e instanceof FetchError) throw new InputError(e.code, e.message, e.status);
      throw e;
    }
  }
  let bytes: Uint8Array;
  const name = source.kind === 'file' ? source.path : 'stdin';
  if (source.kind === 'stdin') {
    if (!opts.stdin) throw new InputError('ESTDIN', 'stdin is not available');
    bytes = await opts.stdin();
  } else {
    try {
      bytes = await readFile(source.path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (e as Error).message;
      throw new InputError(code, `${name}: ${why}`);
    }
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = await gunzip(bytes, { maxOutputLength: opts.maxBytes });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new InputError('ETOOLARGE', `${name}: decompresses to more than ${opts.maxBytes} bytes (raise --max-bytes)`);
      throw new InputError('EGZIP', `${name}: not a valid gzip file (${(e as Error).message})`);
    }
  }
  return { bytes };
}

/** Reads all of stdin; memoised so `-` can be asked for once and reused. */
export function stdinReader(maxBytes: number): () => Promise<Uint8Array> {
  let p: Promise<Uint8Array> | undefined;
  return () => (p ??= new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    process.stdin.on('data', (c: Buffer) => {
      total += c.length;
      // Keep reading past the cap (so the writer is not blocked) but keep only what the extractor would use.
      if (total - c.length < maxBytes * 2) chunks.push(c);
    });
    process.stdin.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    process.stdin.on('error', (e) => reject(new InputError('ESTDIN', `cannot read stdin: ${e.message}`)));
  }));
}
