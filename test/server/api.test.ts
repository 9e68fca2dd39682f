import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startServer, type RunningServer, type IngestRequest } from '../../src/server/index.js';
import { sampleArchive } from './sample-data.js';
import type { ArchiveReader } from '../../src/types.js';

let srv: RunningServer;
const logged: string[] = [];
const ingested: IngestRequest[] = [];

before(async () => {
  srv = await startServer({ archive: sampleArchive(), port: 0, host: '127.0.0.1', token: 'sekret', log: (l) => logged.push(l),
    ingest: async (r) => { ingested.push(r); return { new: r.urls.length + r.pages.length }; } });
});
after(async () => { await srv.close(); });

async function getJson(path: string): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(srv.url + path);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/, path);
  return { status: res.status, body: await res.json() as Record<string, unknown>, headers: res.headers };
}

test('openapi document lists every endpoint', async () => {
  const { status, body } = await getJson('/api/openapi.json');
  assert.equal(status, 200);
  assert.equal(body.openapi, '3.1.0');
  const paths = Object.keys(body.paths as object).sort();
  assert.deepEqual(paths, ['/api/articles', '/api/articles/{id}', '/api/entities', '/api/entities/{id}', '/api/ingest', '/api/quotes', '/api/search', '/api/sites', '/api/stats', '/api/stories', '/api/stories/{id}']);
});

test('articles: list with filters and cursor pagination', async () => {
  const first = await getJson('/api/articles?limit=2');
  assert.equal(first.status, 200);
  const items = first.body.articles as { id: number; text?: string }[];
  assert.deepEqual(items.map((a) => a.id), [1, 2]);
  assert.equal(items[0]!.text, undefined, 'lists leave out bodies');
  assert.equal(typeof first.body.next, 'string');
  const second = await getJson(`/api/articles?limit=2&cursor=${encodeURIComponent(first.body.next as string)}`);
  assert.deepEqual((second.body.articles as { id: number }[]).map((a) => a.id), [5, 3]);
  const filtered = await getJson('/api/articles?section=Business&since=2025-10-01&until=2025-10-31');
  assert.deepEqual((filtered.body.articles as { id: number }[]).map((a) => a.id), [4]);
  const lang = await getJson('/api/articles?lang=de');
  assert.deepEqual((lang.body.articles as { id: number }[]).map((a) => a.id), [5]);
  const site = await getJson('/api/articles?site=www.markets.example');
  assert.deepEqual((site.body.articles as { id: number }[]).map((a) => a.id), [4]);
});

test('article by id, 404 for unknown ids, 400 for malformed ids', async () => {
  const ok = await getJson('/api/articles/1');
  assert.equal(ok.status, 200);
  assert.equal(ok.body.title, 'Putin meets Syrian interim president al-Sharaa in Moscow');
  assert.match(ok.body.html as string, /<p>/);
  const missing = await getJson('/api/articles/999');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error, 'no article with id 999');
  for (const bad of ['abc', '0', '-1', '1.5', '99999999999999999999']) {
    const r = await getJson(`/api/articles/${bad}`);
    assert.equal(r.status, 400, bad);
    assert.match(r.body.error as string, /positive whole number/);
  }
});

test('search: results shape, filters, pagination, bad queries', async () => {
  const r = await getJson('/api/search?q=kremlin');
  assert.equal(r.status, 200);
  const results = r.body.results as Record<string, unknown>[];
  assert.deepEqual(results.map((x) => x.id).sort(), [1, 2, 3]);
  for (const hit of results) for (const key of ['id', 'url', 'title', 'published', 'snippet']) assert.ok(key in hit, key);
  assert.match(results[0]!.snippet as string, /<mark>/i);
  const filtered = await getJson('/api/search?q=kremlin&site=daily.example');
  assert.deepEqual((filtered.body.results as { id: number }[]).map((x) => x.id), [2]);
  const paged = await getJson('/api/search?q=kremlin&limit=1');
  assert.equal((paged.body.results as unknown[]).length, 1);
  assert.equal(typeof paged.body.next, 'string');
  const missingQ = await getJson('/api/search');
  assert.equal(missingQ.status, 400);
  assert.match(missingQ.body.error as string, /'q' is required/);
  const badQuery = await getJson('/api/search?q=%22unbalanced');
  assert.equal(badQuery.status, 400);
  assert.match(badQuery.body.error as string, /unbalanced quote/);
});

test('bad parameters give 400 with a message naming the parameter', async () => {
  const cases: [string, RegExp][] = [
    ['/api/articles?since=yesterday', /'since' must be an ISO date/],
    ['/api/articles?until=2025-13-45', /'until' must be an ISO date/],
    ['/api/articles?since=2025-10-20&until=2025-10-01', /is after 'until'/],
    ['/api/articles?limit=0', /'limit' must be a whole number from 1 to 100/],
    ['/api/articles?limit=1000', /'limit'/],
    ['/api/articles?limit=abc', /'limit'/],
    ['/api/articles?site=%3Cscript%3E', /'site' must be a host name/],
    ['/api/articles?lang=english!', /'lang'/],
    ['/api/articles?cursor=%3Cx%3E', /'cursor'/],
    ['/api/articles?cursor=zzz', /could not use the query/],
    ['/api/articles?site=a.example&site=b.example', /given 2 times/],
  ];
  for (const [path, message] of cases) {
    const r = await getJson(path);
    assert.equal(r.status, 400, path);
    assert.match(r.body.error as string, message, path);
  }
});

test('stories, sites, stats', async () => {
  const list = await getJson('/api/stories');
  const stories = list.body.stories as { id: number; outlets: number }[];
  assert.deepEqual(stories.map((s) => s.id), [10, 11, 12]);
  assert.equal(stories[0]!.outlets, 3);
  const one = await getJson('/api/stories/10');
  assert.equal((one.body.articles as unknown[]).length, 3);
  assert.equal((await getJson('/api/stories/77')).status, 404);
  const sites = await getJson('/api/sites');
  assert.equal((sites.body.sites as unknown[]).length, 5);
  const stats = await getJson('/api/stats');
  assert.equal(stats.body.articles, 5);
  assert.deepEqual(stats.body.languages, { en: 4, de: 1 });
});

test('unknown endpoints 404, wrong methods 405, JSON everywhere under /api', async () => {
  const r = await getJson('/api/nothing');
  assert.equal(r.status, 404);
  assert.match(r.body.error as string, /openapi\.json/);
  const res = await fetch(`${srv.url}/api/articles`, { method: 'DELETE' });
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'GET');
});

test('security headers on API and page responses', async () => {
  for (const path of ['/api/stats', '/', '/articles/1', '/nope']) {
    const res = await fetch(srv.url + path);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/, path);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
    await res.arrayBuffer();
  }
  const page = await fetch(`${srv.url}/`);
  assert.match(page.headers.get('content-security-policy')!, /script-src 'self'/);
  await page.arrayBuffer();
});

test('a crashing archive gives a generic 500, logged server-side, never a stack trace', async () => {
  const broken = sampleArchive() as ArchiveReader;
  broken.stats = () => { throw new Error('disk I/O error at /secret/path/archive.db'); };
  const s = await startServer({ archive: broken, port: 0, log: (l) => logged.push(l) });
  try {
    const res = await fetch(`${s.url}/api/stats`);
    const text = await res.text();
    assert.equal(res.status, 500);
    assert.match(text, /internal server error \(reference [0-9a-f]{8}\)/);
    assert.doesNotMatch(text, /secret|at .*\.ts|Error:/);
    assert.ok(logged.some((l) => l.includes('disk I/O error')), 'logged with details');
  } finally {
    await s.close();
  }
});

test('requests for other host names are refused (DNS rebinding)', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const u = new URL(srv.url);
    const req = request({ host: u.hostname, port: u.port, path: '/api/stats', headers: { host: 'attacker.example' } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end();
  });
  assert.equal(status, 421);
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}, server = srv): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() as Record<string, unknown> };
}

test('ingest: token required, private targets refused, pages passed on', async () => {
  const auth = { authorization: 'Bearer sekret' };
  assert.equal((await post('/api/ingest', { urls: ['https://example.com/'] })).status, 401);
  assert.equal((await post('/api/ingest', { urls: ['https://example.com/'] }, { authorization: 'Bearer wrong' })).status, 401);
  for (const u of ['http://127.0.0.1/x', 'http://localhost:8080/', 'http://10.1.2.3/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:192.168.0.1]/', 'file:///etc/passwd']) {
    const r = await post('/api/ingest', { urls: [u] }, auth);
    assert.equal(r.status, 400, u);
    assert.equal((r.body.refused as unknown[]).length, 1, u);
  }
  const bad = await post('/api/ingest', { pages: [{ url: 'https://a.example/x' }] }, auth);
  assert.equal(bad.status, 400);
  assert.match(bad.body.error as string, /pages\[0\]\.html/);
  const noUrl = await post('/api/ingest', { pages: [{ html: '<p>hi</p>' }] }, auth);
  assert.match(noUrl.body.error as string, /pages\[0\]\.url is required/);
  const ok = await post('/api/ingest', { pages: [{ url: 'https://a.example/x', html: '<p>hi</p>' }] }, auth);
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body, { new: 1 });
  assert.equal(ingested.at(-1)!.allowPrivate, false);
  const notJson = await fetch(`${srv.url}/api/ingest`, { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: 'x' });
  assert.equal(notJson.status, 415);
  await notJson.arrayBuffer();
});

test('ingest: 403 with a clear message when no token is configured, 501 without ingest support', async () => {
  const s = await startServer({ archive: sampleArchive(), port: 0 });
  try {
    const r = await post('/api/ingest', { urls: ['https://example.com/'] }, { authorization: 'Bearer x' }, s);
    assert.equal(r.status, 403);
    assert.match(r.body.error as string, /DATELINE_TOKEN/);
  } finally { await s.close(); }
  const s2 = await startServer({ archive: sampleArchive(), port: 0, token: 't' });
  try {
    const r = await post('/api/ingest', { pages: [{ url: 'https://a.example/1', html: '<p>x</p>' }] }, { authorization: 'Bearer t' }, s2);
    assert.equal(r.status, 501);
    assert.match(r.body.error as string, /dateline ingest/);
  } finally { await s2.close(); }
});

test('HEAD answers like GET without a body; trailing slashes redirect', async () => {
  const head = await fetch(`${srv.url}/articles/1`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.ok(Number(head.headers.get('content-length')) > 1000);
  assert.equal((await head.text()).length, 0);
  const slash = await fetch(`${srv.url}/search/?q=x`, { redirect: 'manual' });
  assert.equal(slash.status, 308);
  assert.equal(slash.headers.get('location'), '/search?q=x');
  await slash.arrayBuffer();
  const sneaky = await new Promise<string | undefined>((resolve, reject) => {
    const u = new URL(srv.url);
    const req = request({ host: u.hostname, port: u.port, path: '/.//evil.example/' }, (res) => { res.resume(); resolve(res.headers.location); });
    req.on('error', reject);
    req.end();
  });
  assert.equal(sneaky, '/evil.example', 'no redirect to another host');
});
