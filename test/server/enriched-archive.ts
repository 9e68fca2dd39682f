// The fixture archive (test/fixtures/server/pages) as `dateline ingest` leaves it: stored,
// clustered into stories and enriched — plus XSS payloads planted in an entity name and a quote
// of the evil page. A copy taken before enrichment stands for an old archive.
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive, type SqliteArchive } from '../../src/store/index.js';
import { updateStories } from '../../src/stories/archive.js';
import { enrichStored, enrichmentOf, migrateEnrich, saveEnrichment } from '../../src/enrich/store.js';
import { fixtureArchive } from '../e2e/fixture-archive.js';

export const EVIL_NAME = 'Eve <script>window.__xss=31</script> "><img src=x onerror=window.__xss=32> Mallory';
export const EVIL_QUOTE = '<img src=x onerror=window.__xss=33> We\'ll see </q><script>window.__xss=34</script>';
export const EVIL_URL = 'https://evil.example/harbour-reopens';
export const WIRE_URL = 'https://wire.example/world/putin-sharaa';

/** `archive` is enriched (read-write), `old` is the pre-enrichment copy (read-only); the caller closes both and removes `dir`. */
export async function enrichedArchive(): Promise<{ dir: string; archive: SqliteArchive; old: SqliteArchive }> {
  const built = await fixtureArchive();
  const oldPath = join(built.dir, 'old.db');
  copyFileSync(built.path, oldPath);
  const archive = openArchive(built.path);
  updateStories(archive); // a no-op when fixtureArchive already clustered
  migrateEnrich(archive.db);
  assert.deepEqual(enrichStored(archive.db, (id) => archive.getArticle(id)), { enriched: 5, failed: 0 });
  const evil = archive.getArticleByUrl(EVIL_URL)!;
  const e = enrichmentOf(archive.db, evil.id)!;
  saveEnrichment(archive.db, evil.id, evil.contentHash, { ...e, people: [...e.people, EVIL_NAME], quotes: [...e.quotes, { text: EVIL_QUOTE, speaker: EVIL_NAME }] });
  return { dir: built.dir, archive, old: openArchive(oldPath, { readonly: true }) };
}
