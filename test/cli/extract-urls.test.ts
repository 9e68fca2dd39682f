// `dateline extract` on http(s) URLs, against a server this test starts on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, jsonLines } from '../helpers/run-cli.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let srv: TestServer;
before(async () => { srv = await startTestServer(); });
after(async () => { await srv.close(); });

type Err = { code: string; message: string; status?: number };

test('a URL is fetched and extracted; redirects are followed and reported', async () => {
  const r = await runCli(['extract', '--allow-private', '-f', 'jsonl', `${srv.base}/article`, `${srv.base}/redirect/3`, `${srv.base}/gzip`]);
  assert.equal(r.code, 0, r.stderr);
  const [a, b, c] = jsonLines(r.stdout);
  assert.equal(a?.url, `${srv.base}/article`);
  assert.equal(a?.finalUrl, undefined);
  assert.match(String(a?.title), /Harbour reopens/);
  assert.equal(a?.published, '2025-10-15T19:36:00+06:00');
  assert.equal(b?.url, `${srv.base}/redirect/3`);
  assert.equal(b?.finalUrl, `${srv.base}/article`);
  assert.match(String(c?.text), /harbour reopened/);
  assert.match(String(srv.lastHeaders.get('/article')?.['user-agent']), /^Dateline\/\S+ \(\+https:\/\/github\.com\/dateline-news\/dateline\)$/);
});

test('the Content-Type charset reaches the extractor', async () => {
  const r = await runCli(['extract', '--allow-private', `${srv.base}/latin1`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(String((JSON.parse(r.stdout) as Record<string, unknown>).text), /Le café de la place/);
});

test('HTTP errors, timeouts, oversized pages and redirect limits are error records; the batch goes on', async () => {
  const r = await runCli([
    'extract', '--allow-private', '--timeout', '3', '--max-bytes', '100k',
    `${srv.base}/missing`, `${srv.base}/slow`, `${srv.base}/big`, `${srv.base}/redirect/6`, `${srv.base}/article`,
  ]);
  assert.equal(r.code, 1);
  const lines = jsonLines(r.stdout);
  assert.equal(lines.length, 5);
  const err = (i: number) => lines[i]?.error as Err;
  assert.equal(err(0).code, 'EHTTP');
  assert.equal(err(0).status, 404);
  assert.equal(err(1).code, 'ETIMEOUT');
  assert.equal(err(2).code, 'ETOOLARGE');
  assert.equal(err(3).code, 'EREDIRECT');
  assert.equal(lines[4]?.error, undefined);
  assert.deepEqual(lines.map((l) => l.url), [`${srv.base}/missing`, `${srv.base}/slow`, `${srv.base}/big`, `${srv.base}/redirect/6`, `${srv.base}/article`]);
});

test('private addresses are refused without --allow-private', async () => {
  const before = srv.hits.get('/text') ?? 0;
  const r = await runCli(['extract', `${srv.base}/text`]);
  assert.equal(r.code, 1);
  const rec = JSON.parse(r.stdout) as { url: string; error: Err };
  assert.equal(rec.error.code, 'EBLOCKED');
  assert.match(rec.error.message, /--allow-private/);
  assert.equal(srv.hits.get('/text') ?? 0, before, 'no request reached the server');
});

test('URLs and files mix, with --jobs 2, in input order', async () => {
  const { fileURLToPath } = await import('node:url');
  const file = fileURLToPath(new URL('../fixtures/cli/second.html', import.meta.url));
  const r = await runCli(['extract', '--allow-private', '-j', '2', `${srv.base}/text`, file, `${srv.base}/br`, `${srv.base}/deflate`]);
  assert.equal(r.code, 0, r.stderr);
  const lines = jsonLines(r.stdout);
  assert.deepEqual(lines.map((l) => l.url ?? l.file), [`${srv.base}/text`, file, `${srv.base}/br`, `${srv.base}/deflate`]);
  assert.match(String(lines[0]?.text), /crawl text/);
});
