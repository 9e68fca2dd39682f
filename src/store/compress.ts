// Raw pages and rendered bodies are stored compressed. Brotli at a middle quality compresses
// HTML about 15% better than gzip at similar speed; the encoding is recorded per row so older
// rows (or other encoders) stay readable.
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'deflate' | 'identity';

export function compress(bytes: Uint8Array): { body: Buffer; encoding: Encoding } {
  if (bytes.length < 128) return { body: Buffer.from(bytes), encoding: 'identity' };
  const body = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
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
