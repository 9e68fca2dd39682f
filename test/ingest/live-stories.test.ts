// Stories placed during the ingest run (src/ingest/live-stories.ts): every stored article is
// placed exactly once, in the same batches as the writes; a rerun adds nothing; articles an
// earlier run stored without placing are placed first; a lost batch takes its placements with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.js';
import { LiveStories } from '../../src/ingest/live-stories.js';
import { SqliteArchive } from '../../src/store/index.js';
import { article, tempDir } from '../store/helpers.js';

interface Fixture { site: string; url: string; title: string; text: string }
const ARTICLES = JSON.parse(readFileSync(new URL('../fixtures/stories/articles.json', import.meta.url), 'utf8')) as Fixture[];
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const page = (a: Fixture) => `<!DOCTYPE html><html lang="en"><head><title>${escape(a.title)}</title></head><body><article><h1>${escape(a.title)}</h1>
${a.text.split(/\n+/).map((p) => `<p>${escape(p)}</p>`).join('\n')}</article></body></html>`;

/** The fixtures twice (the second copy on other sites: duplicates), as local pages with a manifest. */
function writePages(dir: string, copies = 2): { pages: string; manifest: string } {
  const pages = join(dir, 'pages');
  mkdirSync(pages, { recursive: true });
  const lines: string[] = [];
  for (let c = 0; c < copies; c++) {
    ARTICLES.forEach((a, i) => {
      const name = `c${c}-p${String(i).padStart(2, '0')}.html`;
      writeFileSync(join(pages, name), page(a));
      lines.push(JSON.stringify({ file: `pages/${name}`, url: c ? a.url.replace('://', `://copy${c}.`) : a.url }));
    });
  }
  const manifest = join(dir, 'manifest.jsonl');
  writeFileSync(manifest, `${lines.join('\n')}\n`);
  return { pages, manifest };
}

/** Every article placed once; every story's size is its member count; no member without its story. */
function assertConsistent(archive: SqliteArchive): void {
  const db = archive.db;
  const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  assert.equal(db.prepare('SELECT count(*) FROM story_articles').pluck().get(), articles, 'each article placed once');
  assert.equal(db.prepare('SELECT count(*) FROM story_articles WHERE article_id NOT IN (SELECT id FROM articles)').pluck().get(), 0);
  const bad = db.prepare(`SELECT s.id, s.size, (SELECT count(*) FROM story_articles a WHERE a.story_id = s.id) AS n FROM stories s WHERE s.size != n`).all();
  assert.deepEqual(bad, [], 'story sizes match their members');
  assert.equal(db.prepare('SELECT count(*) FROM story_articles a WHERE a.story_id NOT IN (SELECT id FROM stories)').pluck().get(), 0, 'no member of a missing story');
}

/** Runs `fn` on a fresh archive in a temporary folder, closed and removed afterwards. */
async function withArchive(fn: (archive: SqliteArchive, dir: string) => Promise<void> | void): Promise<void> {
  const { dir, cleanup } = tempDir();
  const archive = new SqliteArchive(join(dir, 'a.db'));
  try {
    await fn(archive, dir);
  } finally {
    archive.close();
    cleanup();
  }
}

test('placed during the run: each article once, duplicates found, a rerun adds nothing', async () => {
  await withArchive(async (archive, dir) => {
    const { pages, manifest } = writePages(dir);
    const s = await ingest(archive, [pages], { jobs: 2, manifest, storiesPacing: { warmDocs: 4, lag: 2 } });
    assert.equal(s.new, 2 * ARTICLES.length);
    assert.equal(s.stories?.added, s.new);
    assert.equal(s.stories?.duplicates, ARTICLES.length, 'each copy joins its original');
    assert.ok((s.stories?.duringRun ?? 0) > 0, `placed during the run: ${JSON.stringify(s.stories)}`);
    assertConsistent(archive);
    const again = await ingest(archive, [pages], { jobs: 2, manifest, storiesPacing: { warmDocs: 4, lag: 2 } });
    assert.equal(again.unchanged, 2 * ARTICLES.length);
    assert.equal(again.stories?.added, 0);
    assertConsistent(archive);
  });
});

test('articles an earlier run stored without placing them are placed first', async () => {
  await withArchive(async (archive, dir) => {
    const { pages, manifest } = writePages(dir);
    const first = await ingest(archive, [join(pages, 'c0-*.html')], { jobs: 1, manifest, stories: false });
    assert.equal(first.new, ARTICLES.length);
    const s = await ingest(archive, [pages], { jobs: 1, manifest, storiesPacing: { warmDocs: 0, lag: 1 } });
    assert.equal(s.new, ARTICLES.length);
    assert.equal(s.stories?.added, 2 * ARTICLES.length);
    assertConsistent(archive);
  });
});

test('a batch rolled back takes its placements with it; the end of the run places from the database', async () => {
  await withArchive(async (archive, dir) => {
    const { pages, manifest } = writePages(dir, 1);
    await ingest(archive, [pages], { jobs: 1, manifest, stories: false });
    const live = new LiveStories(archive, { warmDocs: 0, lag: 0 });
    archive.beginBatch();
    for (let i = 0; i < 3; i++) {
      const { articleId } = archive.saveArticle({ url: `https://lost.example/${i}`, article: article(`Lost ${i}`, `A text that will never be committed, number ${i}.`) });
      live.noteStored(articleId, 'new', undefined);
      live.placeReady(10);
    }
    assert.ok((archive.db.prepare('SELECT count(*) FROM story_articles').pluck().get() as number) > 0, 'placed inside the batch');
    archive.db.exec('ROLLBACK');
    live.abandon();
    const u = live.finish();
    assert.equal(u.rebuiltAfter, 'a write batch was rolled back');
    assert.equal(u.stories, archive.db.prepare('SELECT count(*) FROM stories').pluck().get());
    assertConsistent(archive);
    assert.equal(archive.db.prepare('SELECT count(*) FROM story_articles').pluck().get(), ARTICLES.length);
  });
});
