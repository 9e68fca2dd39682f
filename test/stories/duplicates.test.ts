import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DuplicateIndex, estimateJaccard, exactHash, signature } from '../../src/stories/duplicates.js';
import { StoryEngine } from '../../src/stories/engine.js';

interface Fixture { id: number; event: string; site: string; url: string; title: string; text: string }
const fixtures = JSON.parse(readFileSync(new URL('../fixtures/stories/articles.json', import.meta.url), 'utf8')) as Fixture[];
const wire = fixtures[0]!.text + '\n\n' + fixtures[3]!.text.replace(/Fed/g, 'central bank'); // a longer wire text

test('exact hash ignores case, punctuation, spacing and accents', () => {
  assert.equal(exactHash('The Fed  cut rates — again.'), exactHash('the fed cut RATES again'));
  assert.equal(exactHash('Lauren Sánchez'), exactHash('Lauren Sanchez'));
  assert.notEqual(exactHash('The Fed cut rates'), exactHash('The Fed held rates'));
});

test('republished wire copy with other headline, boilerplate and a trimmed ending is found', () => {
  const idx = new DuplicateIndex();
  const original = signature(wire)!;
  idx.add(1, exactHash(wire), original);
  const sentences = wire.split(/(?<=\.)\s+/);
  const copy = [
    'Breaking: rates lowered again | Markets | Subscribe to our newsletter',
    ...sentences.slice(0, Math.ceil(sentences.length * 0.7)),
    'Read more: Top 10 stocks to buy now. Follow us on social media.',
  ].join('\n');
  const match = idx.find(exactHash(copy), signature(copy));
  assert.ok(match, 'copy not found');
  assert.equal(match.articleId, 1);
});

test('a lightly edited copy (words changed) is found', () => {
  const idx = new DuplicateIndex();
  idx.add(1, exactHash(wire), signature(wire));
  const edited = wire.replace('Wednesday', 'Wed.').replace('widely expected', 'expected').replace('investors', 'traders').replace('two-day', '2-day');
  const match = idx.find(exactHash(edited), signature(edited));
  assert.equal(match?.articleId, 1);
});

test('different stories, even on the same subject, are not duplicates', () => {
  const idx = new DuplicateIndex();
  for (const f of fixtures) idx.add(f.id, exactHash(f.text), signature(f.text));
  const other = 'The Federal Reserve held its benchmark rate steady on Wednesday at 4.25% to 4.5% for a fifth straight meeting, with two governors dissenting in favour of a cut, as Chair Jerome Powell said officials wanted more data on tariffs and inflation before moving.';
  assert.equal(idx.find(exactHash(other), signature(other)), undefined);
  // Two outlets' own reports of the same event are not copies either.
  assert.ok(estimateJaccard(signature(fixtures[0]!.text)!, signature(fixtures[1]!.text)!) < 0.3);
});

test('engine: each article records its duplicate group; the group knows its earliest-published member', () => {
  const engine = new StoryEngine();
  const base = { site: 'a.example', title: 'Fed cuts', text: wire };
  engine.add({ id: 1, ...base, url: 'https://a.example/1', published: '2025-10-30' });
  engine.add({ id: 2, ...base, url: 'https://b.example/2', site: 'b.example', title: 'Rates lowered', text: `Markets | Business\n${wire}`, published: '2025-10-29' });
  engine.add({ id: 3, site: 'c.example', url: 'https://c.example/3', title: 'Quake', text: fixtures[9]!.text });
  const a = engine.article(1)!;
  const b = engine.article(2)!;
  assert.equal(a.duplicateGroup, b.duplicateGroup);
  assert.equal(a.storyId, b.storyId);
  assert.notEqual(engine.article(3)!.duplicateGroup, a.duplicateGroup);
  assert.equal(engine.duplicateGroup(a.duplicateGroup)!.earliestArticle, 2);
});
