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
