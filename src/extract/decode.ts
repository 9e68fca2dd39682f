// Bytes → text, the way a careful browser would: BOM, then valid UTF-8, then the declared
// charset (Content-Type header, <meta charset>), then windows-1252. Declarations are often
// wrong in the wild (pages that say ISO-8859-1 but are UTF-8), so a clean UTF-8 decode wins
// over a declaration of a single-byte charset.
import { isAscii, isUtf8 } from 'node:buffer';
import type { ExtractWarning } from '../types.js';
import { decodeAs, decodingScore, guessCharset, isScored } from './charset-guess.js';

export interface DecodedInput {
  /** The text in pieces of at most 32 KB of input each (see CHUNK_BYTES), in order. */
  chunks: string[];
  /** The whole text (joined on first use). */
  readonly text: string;
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
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
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

/** UTF-16 without a BOM: every other byte of ASCII-range text is NUL. */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.4 && evenZero < half * 0.05) return 'utf-16le';
  if (evenZero > half * 0.4 && oddZero < half * 0.05) return 'utf-16be';
  return undefined;
}

/** More valid multi-byte UTF-8 sequences than invalid bytes. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0, invalid = 0;
  const n = Math.min(bytes.length, 1 << 20);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const len = b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) { valid++; i += len - 1; } else invalid++;
  }
  return valid > 0 && valid >= invalid * 2;
}

/**
 * Bytes ≥ 0x80. A function of its own (as are the other byte loops here) so that decodeBytes,
 * which runs once per page, holds no hot loop: V8 then never compiles the whole of it on stack
 * replacement, and again after each rare branch (a new charset path) deoptimises it.
 */
function countHighBytes(sample: Uint8Array): number {
  let high = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i]! >= 0x80) high++;
  return high;
}

const MULTI_BYTE = new Set(['gbk', 'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'iso-2022-jp']);

export function decodeBytes(bytes: Uint8Array, contentType: string | undefined, warnings: ExtractWarning[]): DecodedInput {
  // BOMs are authoritative.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    return decoded(isUtf8(rest) ? decodeUtf8Chunks(rest) : decodeChunks(rest, 'utf-8'), 'utf-8');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(decodeChunks(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(decodeChunks(bytes.subarray(2), 'utf-16be'), 'utf-16be');
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    warnings.push({ code: 'charset-guessed', message: `no byte-order mark; the NUL pattern says ${utf16}` });
    return decoded(decodeChunks(bytes, utf16), utf16);
  }

  const binary = detectBinary(bytes);
  if (binary) return { chunks: [], text: '', charset: 'binary', binary };

  const declaredRaw = charsetFromContentType(contentType) ?? sniffMetaCharset(bytes);
  const declared = normalizeCharset(declaredRaw);
  if (declaredRaw && !declared) warnings.push({ code: 'charset-unknown', message: `unknown charset "${declaredRaw}"; decoded by content` });

  // Valid UTF-8 with non-ASCII bytes is almost never an accident, whatever the page declares.
  if (isUtf8(bytes)) {
    if (declared && declared !== 'utf-8' && !isAscii(bytes)) {
      warnings.push({ code: 'charset-mismatch', message: `declared ${declared} but the bytes are valid UTF-8; decoded as UTF-8` });
    }
    return decoded(decodeUtf8Chunks(bytes), 'utf-8');
  }
  if (declared && declared !== 'utf-8') {
    if (MULTI_BYTE.has(declared)) {
      // A multi-byte declaration is right when the bytes decode without errors.
      try {
        return decoded(decodeChunks(bytes, declared, true), declared);
      } catch {
        // wrong declaration: guess below
      }
    } else {
      // A single-byte declaration always "decodes"; keep it unless the text reads as gibberish
      // and another charset reads as ordinary language (a Russian page labelled ISO-8859-1).
      // The verdict comes from a sample, so the whole page is decoded once, as the winner.
      if (!isScored(declared)) return decoded(decodeChunks(bytes, declared), declared);
      const sample = bytes.subarray(0, 65536);
      if (countHighBytes(sample) < 20) return decoded(decodeChunks(bytes, declared), declared);
      const own = decodingScore(decodeAs(sample, declared), declared);
      if (own >= 0.3) return decoded(decodeChunks(bytes, declared), declared);
      const guess = guessCharset(sample);
      if (guess.encoding === declared || guess.score < own + 0.4) return decoded(decodeChunks(bytes, declared), declared);
      warnings.push({ code: 'charset-mismatch', message: `declared ${declared} but the text reads as ${guess.encoding}; decoded as ${guess.encoding}` });
      return decoded(decodeChunks(bytes, guess.encoding), guess.encoding);
    }
  }
  if (declared === 'utf-8' && mostlyUtf8(bytes)) {
    // Mostly UTF-8 with a few broken sequences (a mis-pasted string): browsers decode it as declared.
    warnings.push({ code: 'charset-mismatch', message: 'declared utf-8; a few byte sequences are invalid and were replaced' });
    return decoded(decodeChunks(bytes, 'utf-8'), 'utf-8');
  }
  const guess = guessCharset(bytes);
  const why = declared ? `declared ${declared} but the bytes do not decode as it` : 'no charset declared and not UTF-8';
  warnings.push({ code: declared ? 'charset-mismatch' : 'charset-guessed', message: `${why}; decoded as ${guess.encoding}` });
  return decoded(decodeChunks(bytes, guess.encoding), guess.encoding);
}

// Why chunks: V8 puts every string over ~128 KB in its large-object space, one fresh memory
// mapping per string, and on this kind of machine mapping and faulting in those pages cost
// more than the decoding itself (a 150 KB page decoded whole took ~1.5 ms, in 32 KB pieces
// ~0.15 ms). Pieces stay in the young generation; the HTML parser takes them one by one.
const CHUNK_BYTES = 32768;

function decoded(chunks: string[], charset: string): DecodedInput {
  let text: string | undefined;
  return {
    chunks,
    charset,
    get text(): string {
      return (text ??= chunks.join(''));
    },
  };
}

/** Valid UTF-8 in pieces cut between characters; ASCII-only pieces take the (much faster) Latin-1 path. */
function decodeUtf8Chunks(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const out: string[] = [];
  for (let start = 0; start < buf.length;) {
    let end = Math.min(buf.length, start + CHUNK_BYTES);
    // Never cut inside a character: back up over continuation bytes (10xxxxxx).
    if (end < buf.length) while (end > start + 1 && (buf[end]! & 0xc0) === 0x80) end--;
    const piece = buf.subarray(start, end);
    out.push(isAscii(piece) ? piece.toString('latin1') : piece.toString('utf8'));
    start = end;
  }
  return out;
}

/** Any charset in pieces: the streaming decoder carries a character cut between pieces. `fatal` throws on invalid bytes. */
function decodeChunks(bytes: Uint8Array, encoding: string, fatal = false): string[] {
  if (encoding === 'windows-1252') {
    const out: string[] = [];
    for (let start = 0; start < bytes.length; start += CHUNK_BYTES) out.push(decodeAs(bytes.subarray(start, start + CHUNK_BYTES), encoding));
    return out;
  }
  const decoder = new TextDecoder(encoding, { fatal });
  const out: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const end = Math.min(bytes.length, start + CHUNK_BYTES);
    const piece = decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    if (piece) out.push(piece);
  }
  if (!bytes.length) out.push(decoder.decode());
  return out;
}
