// Speed paths of the stories features that must give exactly what the plain code gives:
// the lead tokenised once (features.ts splitLead / bodyWordsOf) and foldText's per-character fold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyWords } from '../../src/stories/duplicates.js';
import { bodyWordsOf, LEAD_WORDS, splitLead } from '../../src/stories/features.js';
import { foldText, foldTextFull } from '../../src/stories/text.js';

const filler = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');

test('bodyWordsOf(splitLead(text)) equals bodyWords(text)', () => {
  const texts = [
    '',
    '   ',
    ' date 2025-10-29 Short crawl text with a date line.',
    'One two three',
    `${filler(LEAD_WORDS - 1, 'w')} Last’s word\u00a0then “more” text`,
    `${filler(LEAD_WORDS, 'a')}\n\nrest of the body, with Sánchez and ΟΔΟΣ ΣΑΣ`,
    `${filler(LEAD_WORDS - 1, 'b')} ΟΔΟΣ ΣΑΣ Σ after`,
    `${filler(LEAD_WORDS - 1, 'c')} café\u0301\u00a0\u0301x rock'n'roll's ½ ﬁne`,
    ` date 2025-01-02 ${filler(LEAD_WORDS + 50, 'd')}\u2028tail`,
  ];
  for (const t of texts) assert.deepEqual(bodyWordsOf(splitLead(t)), bodyWords(t), JSON.stringify(t.slice(-60)));
});

test('foldText fast paths fold exactly as the full NFKD fold', () => {
  const latin = Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');
  const samples = [
    'Plain ASCII Text, 42%',
    `Für Sánchez — “Größe” ‘quoted’ … €5 «bien» œuvre ŒUVRE ${latin}`,
    `${latin.toUpperCase()} – ‚low‘ „German“ • ½ ¼ ¾ ª º ² ³ ¹ µ ¸ ´ ¨ ¯ − minus`,
    'e\u0301 combining mark takes the full path: café',
    'Ελληνικά ΟΔΟΣ and ü', 'İstanbul Ǆ ﬁ ẞ',
  ];
  for (const s of samples) assert.equal(foldText(s), foldTextFull(s), s);
  for (const ch of latin) assert.equal(foldText(`x${ch}y`), foldTextFull(`x${ch}y`), ch);
});

test('splitLead cuts the lead where /^(?:\\s*\\S+){1,LEAD_WORDS}/ ends', () => {
  const re = new RegExp(`^(?:\\s*\\S+){1,${LEAD_WORDS}}`);
  const texts = [
    '', '   ', '\n\t ', 'one', '  one two  ', filler(LEAD_WORDS - 1, 'w'), filler(LEAD_WORDS, 'w'), `  ${filler(LEAD_WORDS + 5, 'w')}  tail`,
    // Unicode white space (no-break, ideographic, line separator) and astral characters.
    `a\u00a0b\u3000c\u2028d e\u200af 😀 g${filler(LEAD_WORDS, ' x')}`, `\ufeff${filler(LEAD_WORDS + 1, 'é\u202f')}`,
  ];
  for (const t of texts) {
    const { lead, rest } = splitLead(t);
    assert.equal(lead, re.exec(t)?.[0] ?? '', JSON.stringify(t.slice(0, 40)));
    assert.equal(lead + rest, t);
  }
});
