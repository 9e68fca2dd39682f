// `dateline extract --enrich`: the enrichment object rides along on each JSON record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { runCli, jsonLines } from '../helpers/run-cli.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/enrich/paris-texas.txt', import.meta.url));

test('extract --enrich adds people, places, quotes, dates and the event to each record', async () => {
  const r = await runCli(['extract', '--kind', 'text', '--enrich', '-f', 'jsonl', FIXTURE]);
  assert.equal(r.code, 0, r.stderr);
  const [rec] = jsonLines(r.stdout);
  const e = rec!.enrichment as { people: string[]; places: Array<{ name: string; country: string | null }>; quotes: unknown[]; dates: unknown[]; event: { action: string } };
  assert.ok(e.people.includes('Jane Whitfield'));
  assert.equal(e.places.find((p) => p.name === 'Paris')?.country, 'US');
  assert.ok(e.quotes.length >= 3);
  assert.ok(Array.isArray(e.dates));
  assert.equal(e.event.action, 'disaster');
});

test('extract --enrich with a text format is a usage error', async () => {
  const r = await runCli(['extract', '--kind', 'text', '--enrich', '-f', 'markdown', FIXTURE]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--enrich/);
});

test('ingest enriches; entities, entity, quotes and reenrich read the archive', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'dateline-enrich-cli-'));
  const db = join(dir, 'a.db');
  try {
    const ing = await runCli(['ingest', '--db', db, '--json', FIXTURE]);
    assert.equal(ing.code, 0, ing.stderr);
    assert.equal((JSON.parse(ing.stdout) as { enriched: number }).enriched, 1);
    const ents = await runCli(['entities', '--db', db, '--type', 'person', '--format', 'json']);
    assert.equal(ents.code, 0, ents.stderr);
    const people = (JSON.parse(ents.stdout) as { entities: Array<{ name: string }> }).entities.map((e) => e.name);
    assert.ok(people.includes('Jane Whitfield'));
    const one = await runCli(['entity', '--db', db, '--format', 'json', 'Whitfield']);
    assert.equal(one.code, 0, one.stderr);
    assert.equal((JSON.parse(one.stdout) as { name: string; quoteList: unknown[] }).quoteList.length, 3);
    const none = await runCli(['entity', '--db', db, 'Nobody Anywhere']);
    assert.equal(none.code, 1);
    const q = await runCli(['quotes', '--db', db, '--speaker', 'Jane Whitfield', '--format', 'jsonl']);
    assert.equal(jsonLines(q.stdout).length, 3);
    const re = await runCli(['reenrich', '--db', db, '--all', '--json']);
    assert.equal(re.code, 0, re.stderr);
    assert.equal((JSON.parse(re.stdout) as { enriched: number }).enriched, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
