// The archive commands end to end through the CLI: formats, keys, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { tempDir } from './helpers.js';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

test('ingest → search/show/stats/failures/export/reextract, with DATELINE_DB', { timeout: 120_000 }, () => {
  const { dir, cleanup } = tempDir();
  try {
    const env = { DATELINE_DB: join(dir, 'env.db') };
    const ing = cli(['ingest', '--json', '--jobs', '0', join(FIXTURES, 'sample.warc.gz'), join(FIXTURES, 'sample.warc.wet.gz')], env);
    assert.equal(ing.status, 1, 'exit 1: the WARC holds a 404 record');
    const summary = JSON.parse(ing.stdout) as { new: number; failed: number; db: string };
    assert.equal(summary.new, 4);
    assert.equal(summary.db, env.DATELINE_DB);

    const search = cli(['search', 'bridge OR strike', '--format', 'jsonl'], env);
    assert.equal(search.status, 0, search.stderr);
    const hits = search.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(hits.length, 2);
    for (const k of ['id', 'url', 'title', 'published', 'snippet']) assert.ok(k in hits[0]!, k);
    assert.equal(cli(['search', 'nothingmatchesthis'], env).status, 1);
    assert.equal(cli(['search', '--since', 'yesterday', 'bridge'], env).status, 2);

    const id = String(hits[0]!.id);
    const json = JSON.parse(cli(['show', id, '--format', 'json'], env).stdout) as { id: number; text: string; history: unknown[] };
    assert.equal(json.id, Number(id));
    assert.equal(json.history.length, 1);
    assert.match(cli(['show', String(hits[0]!.url), '--format', 'markdown'], env).stdout, /^# /);
    assert.equal(cli(['show', '999999'], env).status, 1);

    const stats = JSON.parse(cli(['stats', '--format', 'json'], env).stdout) as Record<string, unknown>;
    for (const k of ['articles', 'sites', 'languages', 'failures', 'bytes']) assert.ok(k in stats, k);
    assert.equal(stats.articles, 4);
    assert.equal(stats.failures, 1);

    const fails = cli(['failures', '--format', 'jsonl'], env).stdout.trim().split('\n').map((l) => JSON.parse(l) as { reason: string });
    assert.deepEqual(fails.map((f) => f.reason), ['http-404']);

    const raw = cli(['export', '--raw'], env).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(raw.some((r) => typeof r.html === 'string' && /<article>/.test(r.html as string)), 'raw export carries the original page');

    const re = JSON.parse(cli(['reextract', '--json', '--jobs', '0'], env).stdout) as { changed: number; unchanged: number };
    assert.equal(re.changed + re.unchanged, 4);
    assert.equal(cli(['stats', '--db', join(dir, 'missing.db')]).status, 2, 'a missing archive is a usage error');
  } finally {
    cleanup();
  }
});

test('ingest --no-stories stores without clustering; the next ingest places the skipped articles', { timeout: 120_000 }, () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, 'bulk.db');
    const warc = join(FIXTURES, 'sample.warc.gz');
    const first = cli(['ingest', '--db', db, '--json', '--jobs', '0', '--no-stories', warc]);
    const s1 = JSON.parse(first.stdout) as { new: number; stories?: unknown };
    assert.equal(s1.new, 2);
    assert.equal(s1.stories, undefined, 'no stories update in the summary');
    const none = cli(['stories', '--db', db, '--format', 'jsonl']);
    assert.equal(none.stdout.trim(), '', 'nothing clustered yet');

    const second = cli(['ingest', '--db', db, '--json', '--jobs', '0', warc]);
    const s2 = JSON.parse(second.stdout) as { unchanged: number; stories?: { added: number } };
    assert.equal(s2.unchanged, 2);
    assert.equal(s2.stories?.added, 2, 'the deferred articles are placed by the next run');
    const stories = cli(['stories', '--db', db, '--format', 'jsonl']).stdout.trim().split('\n').map((l) => JSON.parse(l) as { articles: unknown[] });
    assert.equal(stories.reduce((n, s) => n + s.articles.length, 0), 2);
  } finally {
    cleanup();
  }
});
