// The API over the real SQLite store: fixture pages ingested by the ingest stage, then read,
// searched and extended over HTTP (POST /api/ingest through the archive's pipeline).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { openArchive, type SqliteArchive } from '../../src/store/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { archiveIngest } from '../../src/server/archive-ingest.js';
import { fixtureArchive } from '../e2e/fixture-archive.js';

let srv: RunningServer;
let archive: SqliteArchive;
let dir: string;

before(async () => {
  const built = await fixtureArchive();
  dir = built.dir;
  archive = openArchive(built.path);
  srv = await startServer({ archive, port: 0, token: 'tok', ingest: archiveIngest(archive), log: () => {} });
});
after(async () => {
  await srv.close();
  archive.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(srv.url + path);
  return { status: res.status, body: await res.json() as Record<string, unknown> };
}

test('search over the store: results shape, snippets, filters, query errors as 400', async () => {
  const r = await get('/api/search?q=kremlin');
  assert.equal(r.status, 200);
  const results = r.body.results as { id: number; url: string; title: string; published: string; snippet: string }[];
  assert.ok(results.length >= 2);
  assert.ok(results.some((x) => x.url === 'https://wire.example/world/putin-sharaa'));
  assert.match(results[0]!.snippet, /<mark>kremlin<\/mark>/i);
  const phrase = await get('/api/search?q=%22naval+base%22&site=wire.example');
  assert.deepEqual((phrase.body.results as { url: string }[]).map((x) => x.url), ['https://wire.example/world/putin-sharaa']);
  const evil = await get('/api/search?q=payloadtest');
  assert.doesNotMatch((evil.body.results as { snippet: string }[])[0]!.snippet, /<(?!\/?mark>)/, 'snippet escapes everything but <mark>');
  for (const q of ['%28kremlin', 'AND', '%22']) assert.equal((await get(`/api/search?q=${q}`)).status, 400, q);
  assert.equal((await get('/api/articles?cursor=bogus')).status, 400);
});

test('articles, sites and stats over the store', async () => {
  const list = await get('/api/articles?section=Business');
  assert.deepEqual((list.body.articles as { site: string }[]).map((a) => a.site), ['markets.example']);
  const id = (list.body.articles as { id: number }[])[0]!.id;
  const one = await get(`/api/articles/${id}`);
  assert.equal(one.body.title, 'Central bank holds rates at 4.25% as inflation cools');
  assert.match(one.body.html as string, /<table>/);
  assert.equal((await get('/api/articles/987654')).status, 404);
  assert.equal(((await get('/api/sites')).body.sites as unknown[]).length, 5);
  assert.equal((await get('/api/stats')).body.articles, 5);
});

test('POST /api/ingest stores raw HTML through the pipeline', async () => {
  const html = '<html lang="en"><head><title>Ferry strike ends</title><meta property="article:published_time" content="2025-10-20T10:00:00Z"></head><body><article><h1>Ferry strike ends</h1>'
    + '<p>The ferry workers ended their strike on Monday after the company agreed to raise wages by six percent, the union said.</p>'
    + '<p>Services between the islands resume on Tuesday morning with the usual timetable, according to a statement.</p></article></body></html>';
  const res = await fetch(`${srv.url}/api/ingest`, { method: 'POST', headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
    body: JSON.stringify({ pages: [{ url: 'https://ferries.example/strike-ends', html }] }) });
  const body = await res.json() as { pages: { new: number } };
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.equal(body.pages.new, 1);
  const found = await get('/api/search?q=ferry+strike');
  assert.equal((found.body.results as { url: string }[])[0]!.url, 'https://ferries.example/strike-ends');
});
