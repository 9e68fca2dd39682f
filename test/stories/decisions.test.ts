// Session 5 decision rules: result scores as facts, same-event runner-ups in the ratio test,
// centroid pruning that keeps facts, and calendar days in other languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseStory, isSpecificFact } from '../../src/stories/decide.js';
import { articleFeatures } from '../../src/stories/features.js';
import { foreignCalendarDays } from '../../src/stories/foreign-dates.js';
import { numberTokens } from '../../src/stories/numbers.js';
import { prune } from '../../src/stories/vectors.js';

const OPTS = { joinThreshold: 0.14, weakJoinThreshold: 0.1, joinMargin: 1.7 };

test('result scores are specific facts; set scores and tennis point scores are not', () => {
  assert.ok(isSpecificFact('s:40-22'));
  assert.ok(isSpecificFact('s:10-2'));
  assert.ok(!isSpecificFact('s:6-4'));
  assert.ok(!isSpecificFact('s:7-6'));
  assert.ok(!isSpecificFact('s:30-15'));
  assert.ok(!isSpecificFact('s:40-0'));
});

test('a bracketed tie-break score is a score of its own', () => {
  const t = numberTokens('Alcaraz won 4-6 6-7(4) 6-4 7-6(3) 7-6(10-2) in five hours.');
  assert.ok(t.has('ss:4-6,6-7,6-4,7-6,7-6'));
  assert.ok(t.has('s:10-2'));
});

test('ratio test: a runner-up that is the same event as the best is no rival', () => {
  const ranked = [{ id: 'a', score: 0.12 }, { id: 'b', score: 0.11 }, { id: 'c', score: 0.05 }];
  assert.equal(chooseStory(ranked, OPTS, () => true), undefined, 'ambiguous between a and b');
  const same = (x: { id: string }, y: { id: string }) => x.id === 'a' && y.id === 'b';
  assert.equal(chooseStory(ranked, OPTS, () => true, same)?.id, 'a', 'b is a fragment of a: c is the rival');
  assert.equal(chooseStory(ranked, OPTS, () => false, same), undefined, 'still needs corroboration');
  assert.equal(chooseStory([{ id: 'a', score: 0.12 }, { id: 'c', score: 0.08 }], OPTS, () => true), undefined, 'ratio 1.5 < 1.7');
});

test('pruning a centroid keeps its light facts', () => {
  const c = new Map<string, number>([['w:rate', 3], ['w:fed', 2.5], ['w:cut', 2], ['md:10-29', 0.1], ['w:noise', 0.1]]);
  prune(c, 3, (k) => !k.startsWith('w:'));
  assert.deepEqual([...c.keys()].sort(), ['md:10-29', 'w:cut', 'w:fed', 'w:rate']);
});

test('calendar days in Spanish, French, Italian, Portuguese, German and Dutch', () => {
  assert.deepEqual(foreignCalendarDays('ingresado el 14 de febrero de 2025'), ['md:2-14']);
  assert.deepEqual(foreignCalendarDays('admis le 14 février, sorti le 1er mars'), ['md:2-14', 'md:3-1']);
  assert.deepEqual(foreignCalendarDays('ricoverato il 14 febbraio'), ['md:2-14']);
  assert.deepEqual(foreignCalendarDays('em 29 de outubro'), ['md:10-29']);
  assert.deepEqual(foreignCalendarDays('am 14. Februar'), ['md:2-14']);
  assert.deepEqual(foreignCalendarDays('op 14 februari'), ['md:2-14']);
  assert.deepEqual(foreignCalendarDays('the 2025 Mars rover'), []);
});

test('a non-English article gets the calendar day an English report of the same day has', () => {
  const es = articleFeatures({ id: 1, text: 'El papa Francisco fue ingresado el 14 de febrero en el hospital Gemelli de Roma por una bronquitis, según informó el Vaticano en un comunicado.' });
  const en = articleFeatures({ id: 2, text: 'Pope Francis was admitted to Rome\'s Gemelli hospital on February 14 for treatment of bronchitis, the Vatican said in a statement.' });
  assert.equal(es.lang, 'es');
  assert.ok('md:2-14' in es.vec && 'md:2-14' in en.vec);
  const enMars = articleFeatures({ id: 3, text: 'NASA said on Tuesday that 14 mars samples were collected by the rover, which landed in 2021, and more will follow.' });
  assert.ok(!Object.keys(enMars.vec).some((k) => k === 'md:3-14'), 'English text: "mars" is no month');
});
