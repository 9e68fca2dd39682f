// The hand-written word scanner must find exactly the regex's matches, including at a cut-off
// limit (tokenize scans sentence ranges of the whole text) and around surrogate pairs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextWord, WORD_REGEX, type WordSpan } from '../../src/enrich/words.js';

function viaRegex(s: string): string[] {
  const re = new RegExp(WORD_REGEX.source, WORD_REGEX.flags);
  return [...s.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
}

function viaScanner(text: string, from: number, limit: number): string[] {
  const out: string[] = [];
  const span: WordSpan = { start: 0, end: 0 };
  for (let at = from; nextWord(text, at, limit, span); at = span.end) out.push(`${span.start - from}:${text.slice(span.start, span.end)}`);
  return out;
}

test('word scanner agrees with the regex on sentences', () => {
  for (const s of ['U.S. President Donald Trump’s plan', 'Amazon.com and Ph.D. holders, a.m. U.S', "al-Sharaa's rock & roll -- 3.5% e.g.x", 'Café naïve Zoë 𝐀𝐁.𝐂 ١٢٣ x\u0301y', '']) {
    assert.deepEqual(viaScanner(s, 0, s.length), viaRegex(s), s);
  }
});

test('word scanner agrees with the regex on random text, cut at random limits', () => {
  const alphabet = ['a', 'B', 'z', '1', '.', '.', ' ', "'", '’', '-', '&', ',', 'é', '\u0301', '٣', '𝐀', '\ud835', '\udc00', '“', '\n', 'U', 'S'];
  let seed = 7;
  const rand = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let k = 0; k < 20_000; k++) {
    let text = '';
    for (let j = rand(16); j > 0; j--) text += alphabet[rand(alphabet.length)];
    const from = rand(text.length + 1);
    const limit = from + rand(text.length - from + 1);
    assert.deepEqual(viaScanner(text, from, limit), viaRegex(text.slice(from, limit)), JSON.stringify([text, from, limit]));
  }
});
