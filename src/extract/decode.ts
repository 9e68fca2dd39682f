// Bytes → text, the way a careful browser would: BOM, then valid UTF-8, then the declared
// charset (Content-Type header, <meta charset>), then windows-1252. Declarations are often
// wrong in the wild (pages that say ISO-8859-1 but are UTF-8), so a clean UTF-8 decode wins
// over a declaration of a single-byte charset.
import { isUtf8 } from 'node:buffer';
import type { ExtractWarning } from '../types.js';

export interface DecodedInput {
  text: string;
  charset: string;
  /** Binary content (image, PDF, archive) that must not be parsed as a page. */
  binary?: string;
}

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF document'],
  [[0x1f, 0x8b], 'gzip data'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP archive'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd data'],
  [[0x42, 0x5a, 0x68], 'bzip2 data'],
];

/** Names some pages use that TextDecoder does not know, mapped to what browsers do. */
const ALIASES: Record<string, string> = {
  'x-sjis': 'shift_jis', sjis: 'shift_jis', 'ms932': 'shift_jis', 'cp932': 'shift_jis', 'windows-31j': 'shift_jis',
  'x-euc-kr': 'euc-kr', 'cp949': 'euc-kr', 'ks_c_5601-1987': 'euc-kr',
  'gb_2312-80': 'gbk', 'x-gbk': 'gbk', 'cp936': 'gbk',
  'big5-hkscs': 'big5', 'cp950': 'big5',
  'utf8': 'utf-8', 'unicode': 'utf-8', 'utf-16': 'utf-8', 'latin1': 'windows-1252', 'latin-1': 'windows-1252',
};

export function normalizeCharset(name: string | undefined): string | undefined {
  if (!name) return undefined;
  let n = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  n = ALIASES[n] ?? n;
  try {
    return new TextDecoder(n).encoding;
  } catch {
    return undefined;
  }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType && /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m ? m[1] : undefined;
}

function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  // The HTML spec's prescan looks at the first 1024 bytes; real pages put <meta> later, so we look further.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 16384)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1] : undefined;
}

function detectBinary(bytes: Uint8Array): string | undefined {
  for (const [sig, what] of MAGIC) {
    if (sig.every((b, i) => bytes[i] === b)) return what;
  }
  // Many NUL bytes or control characters in the first 4 KiB: not text.
  const n = Math.min(bytes.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 9) || (b > 13 && b < 32 && b !== 27)) bad++;
  }
  return n > 0 && bad / n > 0.1 ? 'binary data' : undefined;
}

export function decodeBytes(bytes: Uint8Array, contentType: string | undefined, warnings: ExtractWarning[]): DecodedInput {
  // BOMs are authoritative.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };

  const binary = detectBinary(bytes);
  if (binary) return { text: '', charset: 'binary', binary };

  const declaredRaw = charsetFromContentType(contentType) ?? sniffMetaCharset(bytes);
  const declared = normalizeCharset(declaredRaw);
  if (declaredRaw && !declared) warnings.push({ code: 'charset-unknown', message: `unknown charset "${declaredRaw}"; decoded by content` });

  // Valid UTF-8 with non-ASCII bytes is almost never an accident, whatever the page declares.
  // (isUtf8 + Buffer#toString: simdutf validation and decoding, several times faster than a fatal TextDecoder.)
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (declared && declared !== 'utf-8' && /[^\x00-\x7f]/.test(text)) {
      warnings.push({ code: 'charset-mismatch', message: `declared ${declared} but the bytes are valid UTF-8; decoded as UTF-8` });
    }
    return { text, charset: 'utf-8' };
  }
  if (declared && declared !== 'utf-8') return { text: new TextDecoder(declared).decode(bytes), charset: declared };
  if (declared === 'utf-8') {
    warnings.push({ code: 'charset-mismatch', message: 'declared utf-8 but the bytes are not valid UTF-8; decoded as windows-1252' });
  } else {
    warnings.push({ code: 'charset-guessed', message: 'no charset declared and not UTF-8; decoded as windows-1252' });
  }
  return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252' };
}
