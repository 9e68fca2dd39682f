// fetchPage against a local server: redirects, errors, limits, decompression, retries, conditional requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetchPage, FetchError, DEFAULT_USER_AGENT, parseRetryAfter, isPrivateAddress } from '../../src/ingest/index.js';
import { startTestServer, ARTICLE_HTML, type TestServer } from '../helpers/test-server.js';

let srv: TestServer;
before(async () => { srv = await startTestServer(); });
after(async () => { await srv.close(); });

const ok = { allowPrivate: true, retryBaseMs: 10 };
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

async function rejectsWith(p: Promise<unknown>, code: string, status?: number): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof FetchError, `expected FetchError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (status !== undefined) assert.equal(e.status, status);
    return e;
  }
  assert.fail(`expected ${code}`);
}

test('fetches a page with a polite user agent and the content type', async () => {
  const r = await fetchPage(`${srv.base}/article`, ok);
  assert.equal(r.status, 200);
  assert.equal(text(r.bytes), ARTICLE_HTML);
  assert.equal(r.contentType, 'text/html; charset=utf-8');
  assert.equal(r.finalUrl, `${srv.base}/article`);
  assert.deepEqual(r.redirects, []);
  assert.match(r.fetchedAt, /^\d{4}-\d\d-\d\dT/);
  assert.equal(srv.lastHeaders.get('/article')?.['user-agent'], DEFAULT_USER_AGENT);
  assert.match(DEFAULT_USER_AGENT, /^Dateline\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/dateline-news\/dateline\)$/);
});

test('follows up to five redirects and records them', async () => {
  const r = await fetchPage(`${srv.base}/redirect/5`, ok);
  assert.equal(r.finalUrl, `${srv.base}/article`);
  assert.equal(r.redirects.length, 5);
  assert.equal(r.redirects.at(-1), `${srv.base}/article`);
  await rejectsWith(fetchPage(`${srv.base}/redirect/6`, ok), 'EREDIRECT');
  await rejectsWith(fetchPage(`${srv.base}/loop`, ok), 'EREDIRECT');
  await rejectsWith(fetchPage(`${srv.base}/to-ftp`, ok), 'EPROTOCOL');
});

test('HTTP errors carry the status', async () => {
  await rejectsWith(fetchPage(`${srv.base}/missing`, ok), 'EHTTP', 404);
  await rejectsWith(fetchPage(`${srv.base}/always-500`, ok), 'EHTTP', 500);
  assert.equal(srv.hits.get('/always-500'), 3, 'two retries after the first attempt');
});

test('times out slow headers and slow bodies', async () => {
  await rejectsWith(fetchPage(`${srv.base}/slow`, { ...ok, timeoutMs: 300 }), 'ETIMEOUT');
  await rejectsWith(fetchPage(`${srv.base}/slow-body`, { ...ok, timeoutMs: 300 }), 'ETIMEOUT');
});

test('caps the size, also after decompression and without Content-Length', async () => {
  await rejectsWith(fetchPage(`${srv.base}/big`, { ...ok, maxBytes: 100_000 }), 'ETOOLARGE');
  await rejectsWith(fetchPage(`${srv.base}/big-chunked`, { ...ok, maxBytes: 100_000 }), 'ETOOLARGE');
  await rejectsWith(fetchPage(`${srv.base}/gzip-bomb`, { ...ok, maxBytes: 1_000_000 }), 'ETOOLARGE');
  const r = await fetchPage(`${srv.base}/big`, ok);
  assert.equal(r.bytes.length, 300_000);
});

test('decompresses gzip, brotli and both kinds of deflate', async () => {
  for (const p of ['/gzip', '/br', '/deflate', '/deflate-raw']) {
    const r = await fetchPage(`${srv.base}${p}`, ok);
    assert.equal(text(r.bytes), ARTICLE_HTML, p);
  }
  await rejectsWith(fetchPage(`${srv.base}/bad-gzip`, ok), 'EPROTOCOL');
});

test('a connection dropped mid-body is reported as truncated', async () => {
  await rejectsWith(fetchPage(`${srv.base}/truncated`, { ...ok, retries: 0 }), 'ETRUNCATED');
  await rejectsWith(fetchPage(`${srv.base}/truncated-gzip`, { ...ok, retries: 0 }), 'ETRUNCATED');
  await rejectsWith(fetchPage(`${srv.base}/truncated`, { ...ok, retries: 1 }), 'ETRUNCATED');
  assert.equal(srv.hits.get('/truncated'), 3, 'a dropped connection is retried');
});

test('retries 503 with Retry-After, gives up on a long Retry-After', async () => {
  const r = await fetchPage(`${srv.base}/flaky`, ok);
  assert.equal(r.status, 200);
  assert.equal(srv.hits.get('/flaky'), 3);
  const e = await rejectsWith(fetchPage(`${srv.base}/rate-limited`, ok), 'EHTTP', 429);
  assert.equal(e.retryAfterMs, 3_600_000);
  assert.equal(srv.hits.get('/rate-limited'), 1);
  assert.equal(parseRetryAfter('120'), 120_000);
  assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')), 60_000);
  assert.equal(parseRetryAfter('soon'), undefined);
});

test('conditional requests give notModified', async () => {
  const first = await fetchPage(`${srv.base}/etag`, ok);
  assert.equal(first.headers.etag, '"v1"');
  const again = await fetchPage(`${srv.base}/etag`, { ...ok, etag: first.headers.etag });
  assert.equal(again.notModified, true);
  assert.equal(again.status, 304);
  assert.equal(again.bytes.length, 0);
});

test('refuses private and loopback targets by default, also after a redirect', async () => {
  await rejectsWith(fetchPage(`${srv.base}/article`), 'EBLOCKED');
  await rejectsWith(fetchPage(srv.base.replace('127.0.0.1', 'localhost') + '/article'), 'EBLOCKED');
  await rejectsWith(fetchPage('http://[::1]:9/'), 'EBLOCKED');
  await rejectsWith(fetchPage('http://[::ffff:127.0.0.1]:9/'), 'EBLOCKED');
  await rejectsWith(fetchPage('http://10.1.2.3/'), 'EBLOCKED');
  // allowed to reach the test server, but not where it redirects to (cloud metadata address)
  const onlyTestServer = (ip: string) => ip !== '127.0.0.1' && isPrivateAddress(ip);
  const r = await fetchPage(`${srv.base}/article`, { isBlockedAddress: onlyTestServer });
  assert.equal(r.status, 200);
  const e = await rejectsWith(fetchPage(`${srv.base}/to-metadata`, { isBlockedAddress: onlyTestServer }), 'EBLOCKED');
  assert.match(e.message, /allow-private/);
});

test('rejects other schemes and malformed URLs', async () => {
  await rejectsWith(fetchPage('file:///etc/passwd'), 'EPROTOCOL');
  await rejectsWith(fetchPage('ftp://example.com/'), 'EPROTOCOL');
  await rejectsWith(fetchPage('not a url'), 'EURL');
});

test('connection refused and abort are typed', async () => {
  await rejectsWith(fetchPage('http://127.0.0.1:1/', { ...ok, retries: 0 }), 'ECONNREFUSED');
  const ac = new AbortController();
  const p = fetchPage(`${srv.base}/slow`, { ...ok, signal: ac.signal });
  setTimeout(() => ac.abort(), 50);
  await rejectsWith(p, 'EABORTED');
});

test('TLS failures and unknown hosts are typed', async () => {
  const https = await import('node:https');
  const { readFileSync } = await import('node:fs');
  const fix = (f: string) => readFileSync(new URL(`../fixtures/ingest/${f}`, import.meta.url));
  const server = https.createServer({ key: fix('self-signed-key.pem'), cert: fix('self-signed-cert.pem') }, (_req, res) => res.end('hi'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as import('node:net').AddressInfo;
    const e = await rejectsWith(fetchPage(`https://127.0.0.1:${port}/`, ok), 'ETLS');
    assert.match(e.message, /TLS/);
  } finally {
    server.closeAllConnections();
    server.close();
  }
  // .invalid never resolves (RFC 2606); without network the lookup fails just the same.
  await rejectsWith(fetchPage('http://no-such-host.invalid/', { retries: 0 }), 'EDNS');
});
