import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reclusterArchive, updateStories } from '../../src/stories/archive.js';
import { openStories } from '../../src/stories/sqlite.js';
import { article, tempArchive, tempDir } from '../store/helpers.js';

interface Fixture { id: number; event: string; site: string; url: string; title: string; text: string }
const fixtures = JSON.parse(readFileSync(new URL('../fixtures/stories/articles.json', import.meta.url), 'utf8')) as Fixture[];

test('SQLite persistence: state survives closing and reopening; a later article joins its story', () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'stories.db');
    let h = openStories(path);
    h.addBatch(fixtures.filter((f) => f.id !== 5));
    const october = h.engine.article(4)!.storyId;
    h.close();
    // Reopening loads the open stories (those within the time window of the newest article).
    h = openStories(path);
    assert.equal(h.engine.article(4)!.storyId, october, 'restored assignment');
    assert.equal(h.engine.article(6), undefined, 'a 2024 story is closed and stays on disk only');
    const placed = h.add(fixtures.find((f) => f.id === 5)!);
    assert.equal(placed.storyId, october);
    const story = h.engine.story(october)!;
    assert.deepEqual(story.articles.map((a) => a.id).sort(), [4, 5]);
    h.close();
  } finally {
    cleanup();
  }
});

test('archive: ingest-side update, listStories/getStory, and recluster from scratch', () => {
  const { archive, cleanup } = tempArchive();
  try {
    const ids = new Map<number, number>();
    for (const f of fixtures) {
      const published = /date (\d{4}-\d{2}-\d{2})/.exec(f.text)?.[1];
      const res = archive.saveArticle({ url: f.url, article: article(f.title, f.text.replace(/^date .*\n/, ''), published ? { published } : {}) });
      ids.set(f.id, res.articleId);
    }
    const upd = updateStories(archive);
    assert.equal(upd.added, fixtures.length);
    assert.equal(updateStories(archive).added, 0, 'nothing new the second time');
    const page = archive.listStories({}, undefined, 100);
    assert.equal(page.items.reduce((n, s) => n + s.articles.length, 0), fixtures.length);
    const fed = page.items.find((s) => s.articles.some((a) => a.id === ids.get(1)))!;
    const again = archive.getStory(fed.id)!;
    assert.equal(again.id, fed.id);
    assert.ok(again.articles.every((a) => a.url.startsWith('https://')));
    assert.ok(!again.articles.some((a) => a.id === ids.get(4)), 'September and October Fed decisions apart');
    // Paging: a cursor continues where the page stopped.
    const first = archive.listStories({}, undefined, 2);
    assert.equal(first.items.length, 2);
    assert.ok(first.next);
    const second = archive.listStories({}, first.next, 2);
    assert.ok(!second.items.some((s) => first.items.some((t) => t.id === s.id)));
    // --since keeps stories updated on or after the date.
    assert.ok(archive.listStories({ since: '2025-01-01' }, undefined, 100).items.every((s) => s.lastUpdated >= '2025-01-01'));
    const before = page.items.length;
    const r = reclusterArchive(archive);
    assert.equal(r.added, fixtures.length);
    assert.equal(r.stories, before);
    assert.equal(archive.stats().stories, before);
  } finally {
    cleanup();
  }
});

test('a masthead-date warning makes the stored date an upper bound, only for the day it names', async () => {
  const { publishedIsBound, PAGE_DATE_WARNING } = await import('../../src/stories/archive.js');
  const w = [{ code: PAGE_DATE_WARNING, value: '2025-07-31', message: '2025-07-31: a bare weekday-and-day line above the headline' }];
  assert.ok(publishedIsBound(w, '2025-07-31'));
  assert.ok(publishedIsBound(JSON.stringify(w), '2025-07-31'), 'as stored in the articles table');
  assert.ok(!publishedIsBound(w, '2025-07-09T10:00:00Z'), 'a date given from outside the page (a feed hint) is not concerned');
  assert.ok(!publishedIsBound(w, undefined));
  assert.ok(!publishedIsBound(null, '2025-07-31'));
});
