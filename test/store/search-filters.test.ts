// Filters on site, language and section are tokens in the FTS index (schema step 3): they must
// select exactly what the SQL filters select, follow an article whose fields change, never match
// a typed word, and an archive created before step 3 must come out of the upgrade searchable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteArchive } from '../../src/store/index.js';
import { migrate } from '../../src/store/migrate.js';
import { ARCHIVE_MIGRATIONS } from '../../src/store/schema.js';
import { article, tempArchive, tempDir } from './helpers.js';

test('site, language and section filters select what the articles say, case-insensitively', () => {
  const { archive, cleanup } = tempArchive();
  try {
    const save = (url: string, extra: Record<string, string>) => archive.saveArticle({ url, article: article(`Harbour ${url}`, `The harbour council met about ${url}.`, extra) }).articleId;
    const a = save('https://one.example/a', { language: 'en-GB', section: 'World News' });
    const b = save('https://www.two.example/b', { language: 'EN', section: 'world news' });
    const c = save('https://two.example/c', { language: 'de', section: 'Wirtschaft & Börse' });
    const d = save('https://one.example/d', { language: 'english' });
    const ids = (f: Record<string, string>) => archive.search('harbour', f).items.map((h) => h.id).sort((x, y) => x - y);
    assert.deepEqual(ids({ lang: 'en' }), [a, b], '`en` is en-GB and EN, not `english`');
    assert.deepEqual(ids({ lang: 'en-gb' }), [a]);
    assert.deepEqual(ids({ lang: 'english' }), [d]);
    assert.deepEqual(ids({ section: 'WORLD NEWS' }), [a, b]);
    assert.deepEqual(ids({ section: 'Wirtschaft & Börse' }), [c]);
    assert.deepEqual(ids({ site: 'two.example' }), [b, c]);
    assert.deepEqual(ids({ site: 'https://www.one.example/x' }), [a, d]);
    assert.deepEqual(ids({ site: 'one.example', lang: 'en', section: 'world news' }), [a]);
    assert.deepEqual(ids({ site: 'nowhere.example' }), [], 'an unknown site matches nothing');
    // The filter tokens are out of reach of typed words.
    const siteToken = `site${(archive.db.prepare('SELECT site_id FROM articles WHERE id = ?').get(a) as { site_id: number }).site_id}`;
    assert.deepEqual(archive.search(siteToken, {}).items, []);
    assert.deepEqual(archive.search(`filters:${siteToken}`, {}).items, [], 'nor through a column prefix');
  } finally {
    cleanup();
  }
});

test('a prefix query gets each hit its own snippet (snippets made in one pass)', () => {
  const { archive, cleanup } = tempArchive();
  try {
    const ids = ['ferry', 'bridge', 'tunnel'].map((w, i) => archive.saveArticle({
      url: `https://one.example/${w}`, article: article(`Harbour ${w}`, `Nothing here. The harbourmaster opened the ${w} number ${i} on Monday.`, { section: 'Local' }),
    }).articleId);
    archive.saveArticle({ url: 'https://two.example/x', article: article('Elsewhere', 'The harbourside market was busy.') });
    const hits = archive.search('harbourm*', { section: 'local' }).items;
    assert.deepEqual(hits.map((h) => h.id).sort((a, b) => a - b), ids);
    for (const h of hits) {
      const word = h.url.split('/').pop()!;
      assert.match(h.snippet, new RegExp(`<mark>harbourmaster</mark> opened the ${word}`));
    }
  } finally {
    cleanup();
  }
});

test('a changed article is found under its new section and site only', () => {
  const { archive, cleanup } = tempArchive();
  try {
    const url = 'https://one.example/a';
    const id = archive.saveArticle({ url, article: article('Storm closes port', 'The storm closed the port.', { section: 'World' }) }).articleId;
    archive.saveArticle({ url, article: article('Storm closes port again', 'The storm closed the port a second time.', { section: 'Weather' }) });
    assert.deepEqual(archive.search('storm', { section: 'weather' }).items.map((h) => h.id), [id]);
    assert.deepEqual(archive.search('storm', { section: 'world' }).items, []);
    archive.db.prepare("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").run();
    archive.db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    archive.db.prepare("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").run();
    assert.deepEqual(archive.search('storm', {}).items, []);
  } finally {
    cleanup();
  }
});

test('an archive from before the filter tokens is upgraded and searchable with filters', () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    migrate(old, 'archive', ARCHIVE_MIGRATIONS.slice(0, 2));
    old.prepare("INSERT INTO sites (id, host) VALUES (1, 'one.example')").run();
    old.prepare(`INSERT INTO articles (id, url, site_id, title, text, sort_key, language, section, content_hash, first_seen, fetched_at)
      VALUES (1, 'https://one.example/a', 1, 'Harbour reopens', 'The harbour reopened.', '2025', 'en', 'World', 'h', '2025', '2025')`).run();
    old.close();
    const readOnly = new SqliteArchive(path, { readonly: true });
    try {
      assert.equal(readOnly.search('harbour', { site: 'one.example', section: 'world' }).items.length, 1, 'read-only on the old index: SQL filters');
    } finally {
      readOnly.close();
    }
    const archive = new SqliteArchive(path);
    try {
      assert.equal(archive.search('harbour', { site: 'one.example', lang: 'en', section: 'World' }).items[0]?.id, 1);
      assert.match(archive.search('harbour', {}).items[0]!.snippet, /<mark>Harbour<\/mark>/);
    } finally {
      archive.close();
    }
  } finally {
    cleanup();
  }
});
