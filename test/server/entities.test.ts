// Enrichment over HTTP: /api/entities, /api/entities/{id}, /api/quotes and the /entities pages,
// plus the names and quotes panels on article and story pages — over the fixture archive
// (test/fixtures/server/pages) ingested, clustered and enriched as `dateline ingest` does, with
// XSS payloads planted in an entity name and a quote. A copy taken before enrichment stands for an
// old archive without the enrichment tables.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { SqliteArchive } from '../../src/store/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { enrichedArchive, EVIL_NAME, EVIL_QUOTE, EVIL_URL, WIRE_URL } from './enriched-archive.js';

let dir: string;
let archive: SqliteArchive;
let old: SqliteArchive;
let srv: RunningServer;
let oldSrv: RunningServer;

before(async () => {
  ({ dir, archive, old } = await enrichedArchive());
  srv = await startServer({ archive, port: 0, log: () => {} });
  oldSrv = await startServer({ archive: old, port: 0, log: () => {} });
});

after(async () => {
  await srv.close();
  await oldSrv.close();
  archive.close();
  old.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, base = srv.url): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const res = await fetch(base + path);
  const text = await res.text();
  let body: Record<string, unknown> = {};
  if ((res.headers.get('content-type') ?? '').startsWith('application/json')) body = JSON.parse(text) as Record<string, unknown>;
  return { status: res.status, body, text };
}

interface EntityJson { id: number; type: string; name: string; country?: string | null; lat?: number; articles: number; quotes: number }

async function entityNamed(name: string): Promise<EntityJson> {
  const list = (await get(`/api/entities?q=${encodeURIComponent(name)}&limit=100`)).body.entities as EntityJson[];
  const found = list.find((e) => e.name === name);
  assert.ok(found, `${name} in ${JSON.stringify(list.map((e) => e.name))}`);
  return found;
}

test('GET /api/entities: filters by type, name prefix and date; pages with a cursor', async () => {
  const all = await get('/api/entities?limit=100');
  assert.equal(all.status, 200);
  const entities = all.body.entities as EntityJson[];
  assert.ok(entities.some((e) => e.name === 'Vladimir Putin' && e.type === 'person' && e.articles >= 2));
  const moscow = entities.find((e) => e.name === 'Moscow');
  assert.equal(moscow?.country, 'RU');
  assert.equal(typeof moscow?.lat, 'number');
  for (const type of ['person', 'organization', 'place']) {
    const of = (await get(`/api/entities?type=${type}&limit=100`)).body.entities as EntityJson[];
    assert.ok(of.length > 0 && of.every((e) => e.type === type), type);
  }
  assert.deepEqual(((await get('/api/entities?q=put')).body.entities as EntityJson[]).map((e) => e.name), ['Vladimir Putin'], 'prefix of a later word');
  assert.deepEqual((await get('/api/entities?q=%25')).body.entities, [], 'LIKE wildcards are literal');
  assert.deepEqual((await get('/api/entities?since=2030-01-01')).body.entities, []);

  const first = await get('/api/entities?limit=3');
  assert.equal((first.body.entities as unknown[]).length, 3);
  assert.equal(typeof first.body.next, 'string');
  const second = await get(`/api/entities?limit=3&cursor=${first.body.next as string}`);
  const ids = new Set([...(first.body.entities as EntityJson[]), ...(second.body.entities as EntityJson[])].map((e) => e.id));
  assert.equal(ids.size, 6, 'pages do not overlap');
  const last = await get(`/api/entities?limit=100`);
  assert.equal(last.body.next, undefined);
});

test('bad parameters are 400 with a message, unknown ids 404, never a stack trace', async () => {
  for (const path of ['/api/entities?type=animal', '/api/entities?since=yesterday', '/api/entities?limit=0', '/api/entities?cursor=abc',
    '/api/entities?type=person&type=place', `/api/entities?q=${'x'.repeat(201)}`, '/api/entities/abc', '/api/entities/0',
    '/api/quotes?since=2025-13-45', '/api/quotes?limit=1000', '/api/quotes?cursor=o-1']) {
    const r = await get(path);
    assert.equal(r.status, 400, path);
    assert.equal(typeof r.body.error, 'string', path);
    assert.doesNotMatch(r.text, /at \w+ \(|\.ts:\d+/, `${path}: no stack`);
  }
  const missing = await get('/api/entities/987654');
  assert.equal(missing.status, 404);
  assert.match(missing.body.error as string, /no entity with id 987654/);
  assert.equal((await get('/entities/987654')).status, 404);
  assert.equal((await get('/entities/putin')).status, 404);
});

test('GET /api/entities/{id}: articles with story ids, quotes and co-occurring names', async () => {
  const putin = await entityNamed('Vladimir Putin');
  const r = await get(`/api/entities/${putin.id}`);
  assert.equal(r.status, 200);
  const d = r.body as { name: string; type: string; articles: number; quoteCount: number; recentArticles: Array<{ articleId: number; url: string; storyId?: number }>;
    quotes: Array<{ text: string; speaker: string; articleId: number }>; related: Array<{ name: string; together: number }> };
  assert.equal(d.name, 'Vladimir Putin');
  assert.equal(d.type, 'person');
  assert.equal(d.recentArticles.length, d.articles);
  assert.ok(d.recentArticles.some((a) => a.url === 'https://wire.example/world/putin-sharaa'));
  assert.ok(d.recentArticles.some((a) => typeof a.storyId === 'number'), 'story ids after clustering');
  assert.ok(d.quotes.length >= 1 && d.quotes.length === d.quoteCount);
  assert.ok(d.quotes.every((q) => q.speaker === 'Vladimir Putin'));
  assert.ok(d.related.some((x) => x.name === 'Ahmed al-Sharaa' && x.together >= 2));
  const moscow = (await get(`/api/entities/${(await entityNamed('Moscow')).id}`)).body;
  assert.equal(moscow.country, 'RU');
  assert.equal(typeof moscow.lon, 'number');
});

test('GET /api/quotes: newest first, by speaker, since, paged', async () => {
  const all = (await get('/api/quotes')).body.quotes as Array<{ text: string; speaker: string | null; published?: string; entityId?: number }>;
  assert.ok(all.length >= 5);
  const times = all.map((q) => Date.parse(q.published!));
  assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest article first');
  const putin = (await get('/api/quotes?speaker=Putin')).body.quotes as typeof all;
  assert.ok(putin.length >= 1 && putin.every((q) => q.speaker === 'Vladimir Putin' && typeof q.entityId === 'number'));
  assert.deepEqual((await get('/api/quotes?since=2030-01-01')).body.quotes, []);
  const p1 = await get('/api/quotes?limit=2');
  const p2 = await get(`/api/quotes?limit=2&cursor=${p1.body.next as string}`);
  assert.equal((p2.body.quotes as unknown[]).length, 2);
  assert.notDeepEqual(p1.body.quotes, p2.body.quotes);
  const evil = (await get(`/api/quotes?speaker=${encodeURIComponent('Eve <script>')}`)).body.quotes as typeof all;
  assert.equal(evil[0]?.text, EVIL_QUOTE, 'JSON carries the text as it was');
});

test('an archive without enrichment tables answers with empty lists and 404s, its pages still work', async () => {
  assert.deepEqual((await get('/api/entities', oldSrv.url)).body, { entities: [] });
  assert.deepEqual((await get('/api/quotes?speaker=Putin', oldSrv.url)).body, { quotes: [] });
  assert.equal((await get('/api/entities?type=animal', oldSrv.url)).status, 400, 'parameters are still checked');
  assert.equal((await get('/api/entities/1', oldSrv.url)).status, 404);
  assert.equal((await get('/entities/1', oldSrv.url)).status, 404);
  const list = await get('/entities', oldSrv.url);
  assert.equal(list.status, 200);
  assert.match(list.text, /dateline reenrich/);
  const article = await get('/articles/1', oldSrv.url);
  assert.equal(article.status, 200);
  assert.doesNotMatch(article.text, /In this article/);
});

test('the OpenAPI document describes the enrichment endpoints', async () => {
  const doc = (await get('/api/openapi.json')).body as { paths: Record<string, { get?: { parameters?: Array<{ name: string }> } }>; components: { schemas: Record<string, unknown> } };
  for (const p of ['/api/entities', '/api/entities/{id}', '/api/quotes']) assert.ok(doc.paths[p]?.get, p);
  assert.deepEqual(doc.paths['/api/entities']!.get!.parameters!.map((x) => x.name), ['type', 'q', 'since', 'cursor', 'limit']);
  for (const s of ['Entity', 'EntityDetail', 'Quote']) assert.ok(doc.components.schemas[s], s);
  const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g)!;
  for (const r of refs) assert.ok(doc.components.schemas[r.split('/').pop()!], `dangling ${r}`);
});

function elements(markup: string): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [parseDocument(markup)];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'tag' || n.type === 'script') out.push(n as Element);
    if ('children' in n) stack.push(...(n as Element).children);
  }
  return out;
}

/** The page holds no markup from the payloads: only our own script, no handlers, no foreign images. */
function assertEscaped(markup: string, where: string): void {
  for (const el of elements(markup)) {
    if (el.name === 'script') assert.match(el.attribs.src ?? '', /^\/assets\/time\.js\?v=/, `${where}: foreign script`);
    if (el.name === 'img') assert.match(el.attribs.src ?? '', /^https:\/\//, `${where}: injected <img>`);
    for (const name of Object.keys(el.attribs)) assert.ok(!name.startsWith('on'), `${where}: handler ${name}`);
  }
}

test('entity page: stories, timeline, quotes and co-occurring names, linked', async () => {
  const putin = await entityNamed('Vladimir Putin');
  const r = await get(`/entities/${putin.id}`);
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1>Vladimir Putin<\/h1>/);
  assert.match(r.text, /<h2 id="stories">Stories<\/h2>[\s\S]*href="\/stories\/\d+"/);
  assert.match(r.text, /href="\/articles\/\d+">Putin meets Syria’s interim president al-Sharaa in Moscow<\/a>/);
  assert.match(r.text, /<q>We are interested in the stability of the region,<\/q>/);
  const sharaa = await entityNamed('Ahmed al-Sharaa');
  assert.match(r.text, new RegExp(`href="/entities/${sharaa.id}">Ahmed al-Sharaa</a>`));
  const place = await get(`/entities/${(await entityNamed('Moscow')).id}`);
  assert.match(place.text, /Country RU/);
  const index = await get('/entities?type=person&q=put');
  assert.equal(index.status, 200);
  assert.match(index.text, new RegExp(`href="/entities/${putin.id}">Vladimir Putin</a>`));
  assert.match(index.text, /<option value="person" selected>/);
  assert.equal((await get('/entities?type=animal')).status, 400);
});

test('article and story pages show names, places and quotes linking to entity pages', async () => {
  const wire = archive.getArticleByUrl(WIRE_URL)!;
  const r = await get(`/articles/${wire.id}`);
  assert.match(r.text, /<h2 id="in-article">In this article<\/h2>/);
  for (const name of ['Vladimir Putin', 'Ahmed al-Sharaa', 'Moscow']) {
    assert.match(r.text, new RegExp(`href="/entities/${(await entityNamed(name)).id}">${name}</a>`), name);
  }
  assert.match(r.text, /Moscow<\/a> <span class="muted">RU<\/span>/);
  assert.match(r.text, /<q>This visit opens a new page,<\/q>/);
  const storyId = archive.db.prepare('SELECT story_id FROM story_articles WHERE article_id = ?').pluck().get(wire.id) as number | undefined;
  assert.ok(storyId !== undefined, 'the wire article was clustered');
  const story = await get(`/stories/${storyId}`);
  assert.match(story.text, /People, organisations and places/);
  assert.match(story.text, new RegExp(`href="/entities/${(await entityNamed('Vladimir Putin')).id}">Vladimir Putin</a>`));
});

test('XSS payloads in an entity name and a quote come out escaped everywhere', async () => {
  const eve = (await get(`/api/entities?q=${encodeURIComponent('Eve <')}`)).body.entities as EntityJson[];
  assert.equal(eve[0]?.name, EVIL_NAME);
  const evilArticle = archive.getArticleByUrl(EVIL_URL)!;
  const pages = [`/entities/${eve[0]!.id}`, `/articles/${evilArticle.id}`, '/entities?q=Eve', `/entities?q=${encodeURIComponent('<script>alert(1)</script>')}`,
    `/entities/${(await entityNamed('Africa')).id}`];
  for (const path of pages) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assertEscaped(r.text, path);
  }
  const page = (await get(`/entities/${eve[0]!.id}`)).text;
  assert.match(page, /<h1>Eve &lt;script&gt;window.__xss=31&lt;\/script&gt; &quot;&gt;&lt;img src=x onerror=window.__xss=32&gt; Mallory<\/h1>/);
  assert.match(page, /<q>&lt;img src=x onerror=window.__xss=33&gt; We&#39;ll see &lt;\/q&gt;&lt;script&gt;window.__xss=34&lt;\/script&gt;<\/q>/);
  const article = (await get(`/articles/${evilArticle.id}`)).text;
  assert.match(article, /href="\/entities\/\d+">Eve &lt;script&gt;/);
  const json = await fetch(`${srv.url}/api/entities/${eve[0]!.id}`);
  assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
});
