// Ingest's batched writes and its worker-side hashing/compression: each article stays atomic
// inside a batch, a batch is committed even when no further article arrives, and pages packed
// in the workers are stored exactly as the in-process path stores them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ingest, IngestPipeline } from '../../src/ingest/index.js';
import { BATCH_MS } from '../../src/ingest/pipeline.js';
import { SqliteArchive } from '../../src/store/index.js';
import { rawHash } from '../../src/store/rows.js';
import { article, tempArchive, tempDir } from '../store/helpers.js';

const page = (i: number) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour report ${i}</title></head><body><article><h1>Harbour report ${i}</h1>
<p>Report ${i}: the harbour council met on Monday and discussed the budget, the storm damage and the new ferry timetable at length.</p>
<p>Officials said repairs to pier ${i} would start next month and take until the summer, with the cost shared by the port and the city.</p></article></body></html>`;

function countIn(path: string, table: string): number {
  const d = new Database(path, { readonly: true, fileMustExist: true });
  try { return (d.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n; } finally { d.close(); }
}

test('inside a batch, an article that fails to save leaves nothing behind and the others commit', () => {
  const { archive, path, cleanup } = tempArchive();
  try {
    archive.beginBatch();
    archive.saveArticle({ url: 'https://a.example/1', article: article('One', 'First text of the batch.'), page: { url: 'https://a.example/1', body: Buffer.from('<p>one</p>'), kind: 'html', fetchedAt: '2025-01-01T00:00:00Z', source: 't' } });
    // text NULL violates NOT NULL after the page row was inserted: the savepoint must undo that page.
    const broken = { ...article('Two', 'x'), text: null as unknown as string };
    assert.throws(() => archive.saveArticle({ url: 'https://a.example/2', article: broken, page: { url: 'https://a.example/2', body: Buffer.from('<p>two</p>'), kind: 'html', fetchedAt: '2025-01-01T00:00:00Z', source: 't' } }));
    archive.saveArticle({ url: 'https://a.example/3', article: article('Three', 'Third text of the batch.') });
    assert.equal(countIn(path, 'articles'), 0, 'nothing visible to other connections before the commit');
    archive.commitBatch();
    assert.equal(countIn(path, 'articles'), 2);
    assert.equal(countIn(path, 'pages'), 1, 'the failed article left no raw page');
    assert.equal(archive.db.inTransaction, false);
  } finally {
    cleanup();
  }
});

test('an open batch is committed after BATCH_MS even when no further article arrives', async () => {
  const { archive, path, cleanup } = tempArchive();
  const pipeline = new IngestPipeline({ archive, jobs: 0 });
  try {
    await pipeline.submit({ type: 'item', item: { url: 'https://b.example/1', body: Buffer.from(page(1)), kind: 'html', source: 't' } });
    await pipeline.processNow({ url: 'https://b.example/2', body: Buffer.from(page(2)), kind: 'html', source: 't' });
    assert.ok(archive.db.inTransaction, 'the writes wait in a batch');
    await new Promise((r) => setTimeout(r, BATCH_MS + 300));
    assert.equal(countIn(path, 'articles'), 2);
  } finally {
    await pipeline.close();
    cleanup();
  }
});

test('worker threads store what the in-process path stores; a rerun finds every page unchanged', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    for (let i = 0; i < 12; i++) writeFileSync(join(pages, `p${i}.html`), page(i));
    const rows = async (jobs: number) => {
      const path = join(dir, `j${jobs}.db`);
      const archive = new SqliteArchive(path);
      try {
        const s = await ingest(archive, [pages], { jobs, stories: false });
        assert.equal(s.new, 12);
        assert.ok(!archive.db.inTransaction, 'everything committed when ingest returns');
        const again = await ingest(archive, [pages], { jobs, stories: false });
        assert.equal(again.unchanged, 12);
        assert.equal(countIn(path, 'articles'), 12);
        return archive.db.prepare('SELECT a.url, a.content_hash, a.extra, p.raw_hash, p.raw_size, p.encoding, p.body FROM articles a JOIN pages p ON p.id = a.page_id ORDER BY a.url').all() as Array<Record<string, unknown>>;
      } finally {
        archive.close();
      }
    };
    const inProcess = await rows(0);
    const workers = await rows(2);
    assert.deepEqual(workers, inProcess);
    const stored = new SqliteArchive(join(dir, 'j2.db'));
    try {
      const raw = stored.rawPageOf(1)!;
      assert.equal(rawHash(raw.body), (stored.db.prepare('SELECT raw_hash FROM pages WHERE id = 1').get() as { raw_hash: string }).raw_hash);
      assert.match(raw.body.toString('utf8'), /Harbour report/);
      assert.match(stored.getArticle(1)!.markdown, /harbour council/);
    } finally {
      stored.close();
    }
  } finally {
    cleanup();
  }
});
