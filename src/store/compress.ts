// Raw pages and rendered bodies are stored compressed, with brotli. Per 147 KB page, CPU time
// (`node --import tsx bench/compress.ts`, 300 trafilatura-dev pages, 2 shared cores so ±20 %):
//   quality 1, 256 KB window  0.75 ms  21.9 % of the size
//   quality 3                 1.22 ms  19.7 %
//   quality 4                 1.73 ms  18.8 %      gzip level 1: 0.99 ms 22.9 %, level 6: 2.18 ms 20.1 %
// Raw pages ('fast': kept for reextract and export --raw, rarely read) take quality 1: ingest
// spends ~0.5 ms less per page for ~2 % of the page more. Markdown/HTML (a 12 KB JSON per article
// on those pages) take quality 1 too: 0.09 ms to compress instead of 0.28 ms (quality 3), and
// 0.049 ms to decompress on every show instead of 0.066 ms, for 27.2 % of the size instead of
// 25.3 % (~230 bytes per article; 150 trafilatura-dev pages, CPU time under load, session 4).
// The encoding is recorded per row so older rows (or other encoders) stay readable.
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'deflate' | 'identity';

export function compress(bytes: Uint8Array, opts: { fast?: boolean } = {}): { body: Buffer; encoding: Encoding } {
  if (bytes.length < 128) return { body: Buffer.from(bytes), encoding: 'identity' };
  const body = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: opts.fast ? 1 : 3,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      ...(opts.fast ? { [constants.BROTLI_PARAM_LGWIN]: 18 } : {}),
    },
  });
  return { body, encoding: 'br' };
}

export function decompress(body: Uint8Array, encoding: string): Buffer {
  switch (encoding) {
    case 'br': return brotliDecompressSync(body);
    case 'gzip': return gunzipSync(body);
    case 'deflate': return inflateSync(body);
    case 'identity': return Buffer.from(body);
    default: throw new Error(`unknown stored encoding '${encoding}'`);
  }
}
