// kill -9 in the middle of an ingest: the database must stay consistent, keep everything it
// committed, and a rerun must finish the job without duplicates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { tempDir } from '../store/helpers.js';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const N = 400;

function count(db: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try { return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n; } finally { d.close(); }
  } catch {
    return 0;
  }
}

test('SIGKILL mid-ingest leaves a consistent archive; rerun resumes without duplicates', { timeout: 180_000 }, async () => {
  const { dir, cleanup } = tempDir();
  try {
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    const words = 'harbour council budget storm rail union minister court river market election festival'.split(' ');
    for (let i = 0; i < N; i++) {
      const w = (k: number) => words[(i * 7 + k) % words.length];
      const paras = Array.from({ length: 12 }, (_, k) => `<p>Report ${i} paragraph ${k}: the ${w(k)} and the ${w(k + 3)} were discussed at length by officials on day ${i % 28}.</p>`).join('');
      writeFileSync(join(pages, `p${String(i).padStart(4, '0')}.html`), `<html><head><title>Story ${i} about the ${w(1)}</title></head><body><article><h1>Story ${i}</h1>${paras}</article></body></html>`);
    }
    const db = join(dir, 'crash.db');
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', '--quiet', '--jobs', '1', '--db', db, pages], { stdio: 'ignore' });
    let before = 0;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      before = count(db);
      if (before >= 20 || child.exitCode !== null) break;
    }
    assert.equal(child.exitCode, null, 'the ingest was still running when killed (machine too fast? raise N)');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const d = new Database(db);
    try {
      assert.equal((d.pragma('integrity_check') as Array<{ integrity_check: string }>)[0]!.integrity_check, 'ok');
      d.prepare("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").run();
      const after = (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
      assert.ok(after >= before, `committed articles survive (${after} ≥ ${before})`);
      assert.ok(after < N, 'the kill happened before the end');
      const orphans = d.prepare('SELECT count(*) AS n FROM articles a LEFT JOIN pages p ON p.id = a.page_id WHERE p.id IS NULL').get() as { n: number };
      assert.equal(orphans.n, 0, 'no article without its raw page');
      const fts = d.prepare('SELECT count(*) AS n FROM articles_fts').get() as { n: number };
      assert.equal(fts.n, after, 'index and table agree');
    } finally {
      d.close();
    }

    const rerun = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'ingest', '--json', '--jobs', '1', '--db', db, pages], { encoding: 'utf8', timeout: 150_000 });
    assert.equal(rerun.status, 0, rerun.stderr);
    const s = JSON.parse(rerun.stdout) as { new: number; unchanged: number; failed: number };
    assert.equal(s.new + s.unchanged, N);
    const d2 = new Database(db, { readonly: true });
    try {
      assert.equal((d2.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, N);
      assert.equal((d2.prepare('SELECT count(DISTINCT content_hash) AS n FROM articles').get() as { n: number }).n, N);
      assert.equal((d2.prepare('SELECT count(*) AS n FROM pages').get() as { n: number }).n, N, 'no raw page stored twice');
    } finally {
      d2.close();
    }
  } finally {
    cleanup();
  }
});
