// Enrichment in the archive: entities linked across articles, quotes by speaker, reenrich.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enrichStored, entityDetail, findEntity, listEntities, listQuotes, migrateEnrich, enrichmentOf } from '../../src/enrich/store.js';
import { extract } from '../../src/extract/index.js';
import { openArchive } from '../../src/store/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const FIRST = `Syria's leader meets Putin in Moscow

MOSCOW (Dateline Wire) — Syria's interim President Ahmad al-Sharaa met Russian President Vladimir Putin in Moscow on Wednesday.

"We are trying to restore this relationship," al-Sharaa said after the talks.`;
const SECOND = `Syrian leader returns to Damascus

Ahmed al-Sharaa returned to Damascus on Thursday. "The talks were useful," he told reporters at the airport.`;

test('entities are linked across articles and quotes are found by speaker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-enrich-'));
  const archive = openArchive(join(dir, 'a.db'));
  try {
    const save = (url: string, text: string, published: string) => archive.saveArticle({ url, article: extract(text, { kind: 'text', url, published }) }).articleId;
    const a = save('https://example.com/a', FIRST, '2025-10-15');
    const b = save('https://example.com/b', SECOND, '2025-10-16');
    save('https://example.com/c', readFileSync(join(root, 'test/fixtures/enrich/paris-texas.txt'), 'utf8'), '2025-05-14');
    migrateEnrich(archive.db);
    assert.deepEqual(enrichStored(archive.db, (id) => archive.getArticle(id)), { enriched: 3, failed: 0 });
    assert.deepEqual(enrichStored(archive.db, (id) => archive.getArticle(id)), { enriched: 0, failed: 0 }, 'nothing left to do');

    const sharaa = findEntity(archive.db, 'al-Sharaa');
    assert.ok(sharaa, 'found by bare surname');
    assert.equal(sharaa.type, 'person');
    assert.equal(sharaa.articles, 2, 'Ahmad and Ahmed al-Sharaa are one entity');
    assert.equal(findEntity(archive.db, 'Ahmed al-Sharaa')?.id, sharaa.id);
    const detail = entityDetail(archive.db, sharaa);
    assert.deepEqual(detail.timeline.map((t) => t.articleId).sort(), [a, b].sort());
    assert.ok(detail.related.some((r) => r.name === 'Vladimir Putin'));
    assert.equal(detail.quoteList.length, 2);

    const places = listEntities(archive.db, { type: 'place' });
    assert.equal(places.find((p) => p.name === 'Moscow')?.country, 'RU');
    assert.equal(listEntities(archive.db, { type: 'person', since: '2025-10-16' }).find((p) => p.id === sharaa.id)?.articles, 1);

    const quotes = listQuotes(archive.db, { speaker: 'Jane Whitfield' });
    assert.equal(quotes.length, 3);
    assert.ok(quotes.every((q) => q.speaker === 'Jane Whitfield'));
    assert.equal(enrichmentOf(archive.db, a)?.event?.action, 'meet');
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
