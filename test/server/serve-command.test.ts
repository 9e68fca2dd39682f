// `dateline serve` as a user runs it: a child process on a fixture archive, URL on stdout,
// answers, stops cleanly on SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixtureArchive } from '../e2e/fixture-archive.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

test('dateline serve --db … --port 0 serves the archive and stops on SIGTERM', async () => {
  const { path, dir } = await fixtureArchive();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--db', path, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATELINE_TOKEN: '' } });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); const m = /^(http:\/\/127\.0\.0\.1:\d+)\n/m.exec(out); if (m) resolve(m[1]!); });
      child.once('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
    });
    const stats = await (await fetch(`${url}/api/stats`)).json() as { articles: number };
    assert.equal(stats.articles, 5);
    const page = await fetch(`${url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /al-Sharaa/);
    const ingest = await fetch(`${url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"urls":["https://example.com/"]}' });
    assert.equal(ingest.status, 403, 'no token: ingest disabled');
    await ingest.arrayBuffer();
    const code = await new Promise<number | null>((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dateline serve --workers 2: two processes on one port, one URL printed, all stop on SIGTERM', async () => {
  const { path, dir } = await fixtureArchive();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--db', path, '--port', '0', '--workers', '2'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATELINE_TOKEN: '' } });
  let out = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); const m = /^(http:\/\/127\.0\.0\.1:\d+)\n/m.exec(out); if (m) resolve(m[1]!); });
      child.once('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
    });
    // Several requests at once: whichever worker takes them, the answers are the archive's.
    const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(`${url}/api/stats`).then((r) => r.json() as Promise<{ articles: number }>)));
    for (const a of answers) assert.equal(a.articles, 5);
    const code = await new Promise<number | null>((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });
    assert.equal(code, 0);
    assert.equal(out.trim().split('\n').length, 1, 'the URL is printed once');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dateline serve --workers: bad counts and ingest with several workers are usage errors', async () => {
  const run = (args: string[], token = ''): Promise<{ code: number | null; err: string }> => new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--db', MAIN, '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DATELINE_TOKEN: token } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.once('exit', (code) => resolve({ code, err }));
  });
  const zero = await run(['--workers', '0']);
  assert.equal(zero.code, 2);
  assert.match(zero.err, /--workers must be a whole number/);
  const withToken = await run(['--workers', '2'], 'sekret');
  assert.equal(withToken.code, 2);
  assert.match(withToken.err, /single writer/);
});
