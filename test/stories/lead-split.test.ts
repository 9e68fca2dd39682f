// prepareArticle tokenises the lead once for the features and the body's words (features.ts
// splitLead / bodyWordsOf): the body's words must be exactly what bodyWords() gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyWords } from '../../src/stories/duplicates.js';
import { bodyWordsOf, LEAD_WORDS, splitLead } from '../../src/stories/features.js';

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
