// Regression: stories are evicted from memory every 2,000 articles. An old article placed in a
// story outside the time window at that moment used to close the story before it was saved,
// and ingest crashed reading it back (seen on a 10,000-page bench:ingest run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStories } from '../../src/stories/sqlite.js';

const WORDS = ['harbour', 'council', 'bridge', 'festival', 'orchestra', 'museum', 'railway', 'library', 'stadium', 'airport', 'hospital', 'market', 'tunnel', 'garden', 'theatre', 'school'];
const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 864e5).toISOString().slice(0, 10);
function text(i: number): string {
  const w = (k: number) => `${WORDS[(i >> (k * 4)) % 16]}${(i * 7 + k) % 97}`;
  return `Officials in Town${i} opened the ${w(0)} ${w(1)} on Monday after ${i % 50 + 3} years of work. The ${w(2)} cost ${i} million. Residents of Town${i} welcomed the ${w(0)}.`;
}

test('an old article joining a closed story at eviction time is saved, not lost', () => {
  const stories = openStories(':memory:', { windowDays: 3 });
  try {
    for (let i = 1; i < 2000; i++) stories.add({ id: i, site: `s${i}.example`, title: `Town${i} opens its ${WORDS[i % 16]}`, text: text(i), published: day(i) });
    // The 2,000th article (eviction runs now) repeats article 1's story, dated on its day.
    const r = stories.add({ id: 2000, site: 'copy.example', title: 'Town1 opens its council', text: text(1), published: day(1) });
    const saved = stories.db.prepare('SELECT id FROM stories WHERE id = ?').get(r.storyId);
    assert.ok(saved, 'the story the article joined is in the database');
  } finally {
    stories.close();
  }
});

test('first seen / last updated compare instants across UTC offsets', async () => {
  const { StoryEngine } = await import('../../src/stories/engine.js');
  const engine = new StoryEngine();
  const base = 'Syria’s interim president met Putin in Moscow on Wednesday to discuss Russian military bases and future ties between the two countries.';
  // 12:10 at +06:00 is 06:10 UTC, earlier than 09:36 UTC.
  const a = engine.add({ id: 1, site: 'a.example', title: 'Putin meets al-Sharaa in Moscow', text: base, published: '2025-10-15T09:36:00+00:00' });
  engine.add({ id: 2, site: 'b.example', title: 'Al-Sharaa meets Putin in Moscow', text: base, published: '2025-10-15T12:10:00+06:00' });
  const story = engine.story(a.storyId)!;
  assert.equal(story.articles.length, 2, 'the copy joined the story');
  assert.equal(story.firstSeen, '2025-10-15T12:10:00+06:00');
  assert.equal(story.lastUpdated, '2025-10-15T09:36:00+00:00');
  assert.deepEqual(story.articles.map((x) => x.id), [2, 1]);
});
