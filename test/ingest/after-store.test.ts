// Ingest computes enrichments and stories features in its extraction workers, ahead of the writes
// (src/ingest/extract-task.ts). They must be exactly what the archive would compute afterwards
// from the stored articles: the same enrichment rows as `dateline reenrich`, the same stories,
// duplicate groups and features as `dateline recluster` (which reads every stored text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ingest } from '../../src/ingest/index.js';
import { SqliteArchive } from '../../src/store/index.js';
import { enrichStored } from '../../src/enrich/store.js';
import { reclusterArchive } from '../../src/stories/archive.js';
import { tempDir } from '../store/helpers.js';

interface Fixture { id: number; site: string; url: string; title: string; text: string; published?: string }
const ARTICLES = JSON.parse(readFileSync(new URL('../fixtures/stories/articles.json', import.meta.url), 'utf8')) as Fixture[];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function page(a: Fixture, opts: { canonical?: string; date?: boolean } = {}): string {
  const paras = a.text.split(/\n+/).map((p) => `<p>${escape(p)}</p>`).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(a.title)}</title>
${opts.canonical ? `<link rel="canonical" href="${opts.canonical}">` : ''}
${opts.date && a.published ? `<meta property="article:published_time" content="${a.published}">` : ''}
</head><body><nav><a href="/">Home</a></nav><article><h1>${escape(a.title)}</h1>${paras}</article></body></html>`;
}

test('enrichments and stories features computed by the workers equal those computed from the stored articles', async () => {
  const { dir, cleanup } = tempDir();
  const archive = new SqliteArchive(join(dir, 'a.db'));
  try {
    const pages = join(dir, 'pages');
    mkdirSync(pages, { recursive: true });
    const manifest: string[] = [];
    ARTICLES.forEach((a, i) => {
      // Some pages gzipped, some with their address from a manifest (with a title hint that wins
      // over the page's), some only with their own canonical link, one copied on a second site.
      const name = `p${i}.html${i % 2 ? '.gz' : ''}`;
      const html = page(a, { ...(i % 3 === 2 ? { canonical: a.url } : {}), date: i % 4 !== 0 });
      writeFileSync(join(pages, name), i % 2 ? gzipSync(html) : html);
      if (i % 3 !== 2) manifest.push(JSON.stringify({ file: `pages/${name}`, url: a.url, ...(i % 5 === 0 ? { title: `${a.title} (updated)` } : {}), ...(a.published && i % 4 === 0 ? { published: a.published.slice(0, 10) } : {}) }));
    });
    writeFileSync(join(pages, 'copy.html.gz'), gzipSync(page(ARTICLES[0]!, { date: true })));
    manifest.push(JSON.stringify({ file: 'pages/copy.html.gz', url: 'https://other-copy.example/fed?utm_source=x' }));
    writeFileSync(join(dir, 'manifest.jsonl'), `${manifest.join('\n')}\n`);

    const s = await ingest(archive, [pages], { jobs: 2, manifest: join(dir, 'manifest.jsonl'), enrich: true });
    assert.equal(s.new, ARTICLES.length + 1, JSON.stringify(s));
    assert.equal(s.enriched, s.new, 'every stored article enriched with its writes');
    assert.equal(s.stories?.added, s.new);

    const db = archive.db;
    const enrichments = () => db.prepare('SELECT article_id, content_hash, version, data FROM enrichments ORDER BY article_id').all();
    const mentions = () => db.prepare('SELECT e.key, m.article_id, m.name FROM entity_mentions m JOIN entities e ON e.id = m.entity_id ORDER BY 1, 2').all();
    const stories = () => db.prepare('SELECT article_id, story_id, duplicate_group, duplicate_score, url, site, title, published, day, lang, hash, features, hex(signature) AS sig FROM story_articles ORDER BY article_id').all();
    const fromWorkers = { enrichments: enrichments(), mentions: mentions(), stories: stories() };
    assert.ok(fromWorkers.mentions.length > 0, 'the fixtures name people and places');

    enrichStored(db, (id) => archive.getArticle(id), { all: true });
    reclusterArchive(archive);
    assert.deepEqual(enrichments(), fromWorkers.enrichments);
    assert.deepEqual(mentions(), fromWorkers.mentions);
    assert.deepEqual(stories(), fromWorkers.stories);

    // The gzipped pages are stored as they came and read back as the original page.
    const id = archive.getArticleByUrl(ARTICLES[1]!.url)!.id;
    const raw = archive.rawPageOf(id);
    assert.ok(raw, 'raw page stored');
    assert.equal(raw.body.toString('utf8'), page(ARTICLES[1]!, { date: true }));
    assert.equal(db.prepare('SELECT p.encoding FROM pages p JOIN articles a ON a.page_id = p.id WHERE a.id = ?').pluck().get(id), 'gzip');
  } finally {
    archive.close();
    cleanup();
  }
});
