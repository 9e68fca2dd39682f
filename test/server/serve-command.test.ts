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
