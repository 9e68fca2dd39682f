// Kept pages (src/server/page-cache.ts) are never stale: a write through the server's own
// connection or by another process shows on the next view; unchanged pages answer 304 to their ETag.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openArchive, type SqliteArchive } from '../../src/store/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { fixtureArchive } from '../e2e/fixture-archive.js';

let srv: RunningServer;
let archive: SqliteArchive;
let dir: string;
let path: string;

before(async () => {
  ({ dir, path } = await fixtureArchive());
  archive = openArchive(path);
  srv = await startServer({ archive, port: 0, log: () => {} });
});
after(async () => {
  await srv.close();
  archive.close();
  rmSync(dir, { recursive: true, force: true });
});

function firstArticleId(): number {
  return (archive.db.prepare('SELECT min(id) AS id FROM articles').get() as { id: number }).id;
}

test('an article page shows a title changed through the same connection, then by another one', async () => {
  const id = firstArticleId();
  const first = await (await fetch(`${srv.url}/articles/${id}`)).text();
  assert.equal(await (await fetch(`${srv.url}/articles/${id}`)).text(), first, 'unchanged archive: same page');
  archive.db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Changed <here> by the server connection', id);
  assert.match(await (await fetch(`${srv.url}/articles/${id}`)).text(), /Changed &lt;here&gt; by the server connection/);
  const other = new Database(path);
  try {
    other.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Changed by another process', id);
  } finally {
    other.close();
  }
  assert.match(await (await fetch(`${srv.url}/articles/${id}`)).text(), /Changed by another process/);
});

test('article and story pages carry an ETag and answer 304 to it while unchanged', async () => {
  const id = firstArticleId();
  const res = await fetch(`${srv.url}/articles/${id}`);
  await res.arrayBuffer();
  const etag = res.headers.get('etag');
  assert.ok(etag, 'ETag present');
  const again = await fetch(`${srv.url}/articles/${id}`, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal((await again.arrayBuffer()).byteLength, 0);
  assert.match(again.headers.get('content-security-policy') ?? '', /default-src 'self'/, 'security headers on 304 too');
  archive.db.prepare("UPDATE articles SET title = title || ' (updated)' WHERE id = ?").run(id);
  const changed = await fetch(`${srv.url}/articles/${id}`, { headers: { 'if-none-match': etag } });
  assert.equal(changed.status, 200, 'changed page: full answer');
  assert.match(await changed.text(), /\(updated\)/);
  const storyId = (archive.db.prepare('SELECT min(id) AS id FROM stories').get() as { id: number }).id;
  const story = await fetch(`${srv.url}/stories/${storyId}`);
  await story.arrayBuffer();
  assert.ok(story.headers.get('etag'));
});

test('unknown ids stay 404 and are not kept', async () => {
  assert.equal((await fetch(`${srv.url}/articles/999999`)).status, 404);
  assert.equal((await fetch(`${srv.url}/stories/999999`)).status, 404);
});
