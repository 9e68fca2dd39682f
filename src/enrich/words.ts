// The word scanner of tokenize(): the matches of
//   /(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-&]*(?:\.(?=\p{L}))?[\p{L}\p{M}\p{N}'’\-&]*/gu
// found by walking character codes instead of running the regex (its exec and match arrays were
// ~7% of enrich's CPU). Same matches by construction, checked against the regex in
// test/enrich/words.test.ts. Characters are classed by code point like the /u regex: ASCII from a
// table, others by the Unicode property regexes, remembered per code point.

/** The regex the scanner stands for (the tests compare the two). */
export const WORD_REGEX = /(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-&]*(?:\.(?=\p{L}))?[\p{L}\p{M}\p{N}'’\-&]*/gu;

const L = 1; // \p{L}
const N = 2; // \p{N}
const M = 4; // \p{M}
const X = 8; // ' ’ - &
const BODY = L | M | N | X;

const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) ASCII[c] = L;
  else if (c >= 48 && c <= 57) ASCII[c] = N;
  else if (c === 0x27 || c === 0x2d || c === 0x26) ASCII[c] = X;
}
const wide = new Map<number, number>();
const IS_L = /^\p{L}$/u; const IS_N = /^\p{N}$/u; const IS_M = /^\p{M}$/u;

function classOf(cp: number): number {
  if (cp < 128) return ASCII[cp]!;
  let k = wide.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = (IS_L.test(ch) ? L : 0) | (IS_N.test(ch) ? N : 0) | (IS_M.test(ch) ? M : 0) | (cp === 0x2019 ? X : 0);
    if (wide.size > 10_000) wide.clear();
    wide.set(cp, k);
  }
  return k;
}

/** The code point at i, reading a surrogate pair only when both halves lie before limit (as in a sliced chunk). */
function codeAt(s: string, i: number, limit: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < limit) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}
const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** Class of the code point at i, 0 at or past limit. */
function classAt(s: string, i: number, limit: number): number {
  return i < limit ? classOf(codeAt(s, i, limit)) : 0;
}

/** End of the word that starts exactly at i, or -1 when none does. */
function wordEnd(s: string, i: number, limit: number): number {
  const c = codeAt(s, i, limit);
  const k = classOf(c);
  if (!(k & (L | N))) return -1;
  if (k & L) {
    // First alternative: two or more "letter." pairs (U.S., a.m.), taken greedily.
    let j = i; let reps = 0;
    for (;;) {
      if (!(classAt(s, j, limit) & L)) break;
      const w = width(codeAt(s, j, limit));
      if (j + w >= limit || s.charCodeAt(j + w) !== 0x2e) break;
      j += w + 1; reps++;
    }
    if (reps >= 2) return j;
  }
  let j = i + width(c);
  while (j < limit && classAt(s, j, limit) & BODY) j += width(codeAt(s, j, limit));
  // One inner period followed by a letter ("Amazon.com", "Ph.D").
  if (j + 1 < limit && s.charCodeAt(j) === 0x2e && classAt(s, j + 1, limit) & L) {
    j++;
    while (j < limit && classAt(s, j, limit) & BODY) j += width(codeAt(s, j, limit));
  }
  return j;
}

/** A word found by nextWord: [start, end) in the scanned string. */
export interface WordSpan { start: number; end: number }

/**
 * The next word at or after `from` that ends by `limit` (the text is read as if cut at limit), written
 * into `out`; false when there is none. Scan on from out.end, as the regex's lastIndex would.
 */
export function nextWord(s: string, from: number, limit: number, out: WordSpan): boolean {
  for (let i = from; i < limit;) {
    const c = s.charCodeAt(i);
    // Most characters between words are spaces and punctuation: decided from the table.
    if (c < 128 && !(ASCII[c]! & (L | N))) { i++; continue; }
    const end = wordEnd(s, i, limit);
    if (end >= 0) { out.start = i; out.end = end; return true; }
    i += width(codeAt(s, i, limit));
  }
  return false;
}
