// The SQLite archive the e2e and store-backed API tests use: the fixture pages of
// test/fixtures/server/pages (news pages and an XSS page) ingested by the ingest stage, as
// `dateline ingest --manifest manifest.jsonl` would (stories included).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openArchive } from '../../src/store/index.js';
import { ingest } from '../../src/ingest/index.js';
import { updateStories } from '../../src/stories/archive.js';

const MANIFEST = fileURLToPath(new URL('../fixtures/server/pages/manifest.jsonl', import.meta.url));

/** Builds the archive in a new temp dir; the caller removes `dir`. */
export async function fixtureArchive(): Promise<{ path: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-e2e-'));
  const path = join(dir, 'e2e.db');
  const writer = openArchive(path);
  try {
    const summary = await ingest(writer, [], { manifest: MANIFEST, jobs: 0 });
    assert.equal(summary.new, 5, `fixture pages ingested: ${JSON.stringify(summary.failures)}`);
    updateStories(writer); // as the end of `dateline ingest` does
  } finally {
    writer.close();
  }
  return { path, dir };
}

