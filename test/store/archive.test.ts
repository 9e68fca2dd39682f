import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalizeUrl, siteOf } from '../../src/store/index.js';
import { article, tempArchive } from './helpers.js';

test('canonical URLs: case, default port, fragment, tracking parameters, order', () => {
  assert.equal(canonicalizeUrl('HTTPS://News.Example.COM:443/a/b?z=1&utm_source=x&a=2&fbclid=y#top'), 'https://news.example.com/a/b?a=2&z=1');
  assert.equal(canonicalizeUrl('http://example.com:80'), 'http://example.com/');
  assert.equal(canonicalizeUrl('http://example.com:8080/x?gclid=1'), 'http://example.com:8080/x');
  assert.equal(canonicalizeUrl('/rel', 'https://example.com/a/'), 'https://example.com/rel');
  assert.equal(canonicalizeUrl('ftp://example.com/x'), undefined);
  assert.equal(canonicalizeUrl('not a url'), undefined);
  assert.equal(siteOf('https://www.BBC.co.uk/news'), 'bbc.co.uk');
});

test('same URL, same canonical URL or same content never makes a second article', () => {
  const { archive, cleanup } = tempArchive();
  try {
    const a = article('Bridge reopens', 'The bridge reopened on Wednesday.');
    const r1 = archive.saveArticle({ url: 'https://example.com/bridge?utm_medium=rss', article: a });
    assert.equal(r1.outcome, 'new');
    assert.equal(archive.saveArticle({ url: 'https://EXAMPLE.com/bridge#x', article: a }).outcome, 'unchanged');
    // Another address whose page declares the first as canonical.
    assert.equal(archive.saveArticle({ url: 'https://example.com/amp/bridge', article: { ...a, canonicalUrl: 'https://example.com/bridge' } }).articleId, r1.articleId);
    // Same content under an unrelated address on the same site.
    assert.equal(archive.saveArticle({ url: 'https://example.com/?p=123', article: a }).articleId, r1.articleId);
    // The same text on another outlet is another article (republished copies are the stories module's business).
    assert.equal(archive.saveArticle({ url: 'https://other.org/bridge', article: a }).outcome, 'new');
    assert.equal(archive.stats().articles, 2);
    assert.equal(archive.getArticleByUrl('https://example.com/amp/bridge')?.id, r1.articleId);
  } finally {
    cleanup();
  }
});

test('a changed page updates its article and keeps history', () => {
  const { archive, cleanup } = tempArchive();
  try {
    const page = (s: string) => ({ url: 'https://example.com/story', body: Buffer.from(s), kind: 'html' as const, fetchedAt: new Date().toISOString(), source: 'test' });
    const r1 = archive.saveArticle({ url: 'https://example.com/story', article: article('Storm nears coast', 'A storm is nearing the coast.'), page: page('<p>v1</p>') });
    const r2 = archive.saveArticle({ url: 'https://example.com/story', article: article('Storm hits coast', 'The storm hit the coast overnight.'), page: page('<p>v2</p>') });
    assert.equal(r2.outcome, 'updated');
    assert.equal(r2.articleId, r1.articleId);
    const a = archive.getArticle(r1.articleId)!;
    assert.equal(a.title, 'Storm hits coast');
    const h = archive.history(r1.articleId);
    assert.equal(h.length, 2);
    assert.notEqual(h[0]!.contentHash, h[1]!.contentHash);
    assert.equal(archive.knownPageHash('https://example.com/story')?.length, 32);
    assert.equal(archive.search('storm', {}).items.length, 1);
    assert.equal(archive.search('nearing', {}).items.length, 0, 'the index follows the update');
  } finally {
    cleanup();
  }
});

test('search: words, phrases, prefixes, boolean operators, filters, escaped snippets', () => {
  const { archive, cleanup } = tempArchive();
  try {
    const save = (url: string, title: string, text: string, extra = {}) => archive.saveArticle({ url, article: article(title, text, extra) }).articleId;
    const putin = save('https://a.com/1', 'Putin meets al-Sharaa in Moscow', 'Vladimir Putin met the Syrian interim president in Moscow on Wednesday. <script>alert(1)</script>', { published: '2025-10-15T12:00:00+03:00', language: 'en', section: 'World' });
    const rates = save('https://b.com/2', 'Central bank holds rates', 'The central bank held interest rates in Moscow time on Friday.', { published: '2025-10-17', language: 'en-GB', section: 'Business' });
    const german = save('https://c.de/3', 'Klimakonferenz beginnt', 'Die Klimakonferenz beginnt in Glasgow.', { published: '2021-10-30', language: 'de' });
    const ids = (q: string, f = {}) => archive.search(q, f).items.map((h) => h.id);
    assert.deepEqual(ids('moscow'), [putin, rates], 'headline match ranks first');
    assert.deepEqual(ids('"interim president"'), [putin]);
    assert.deepEqual(ids('"president interim"'), []);
    assert.deepEqual(ids('klima*'), [german]);
    assert.deepEqual(ids('moscow NOT putin'), [rates]);
    assert.deepEqual(ids('moscow -putin'), [rates]);
    assert.deepEqual(ids('glasgow OR wednesday').sort(), [putin, german].sort());
    assert.deepEqual(ids('al-Sharaa'), [putin], 'punctuation inside words does not break the query');
    assert.deepEqual(ids('title:bank'), [rates]);
    assert.deepEqual(ids('moscow', { since: '2025-10-16' }), [rates]);
    assert.deepEqual(ids('moscow', { until: '2025-10-15' }), [putin]);
    assert.deepEqual(ids('moscow', { lang: 'en' }).sort(), [putin, rates].sort(), 'en matches en-GB');
    assert.deepEqual(ids('moscow', { site: 'www.b.com' }), [rates]);
    assert.deepEqual(ids('moscow', { section: 'world' }), [putin]);
    const hit = archive.search('alert putin', {}).items[0]!;
    assert.match(hit.snippet, /<mark>Putin<\/mark>/);
    assert.ok(!hit.snippet.includes('<script>'), 'page text is escaped');
    assert.match(hit.snippet, /&lt;script&gt;<mark>alert<\/mark>|&lt;script&gt;/);
    const both = archive.search('moscow', {}).items;
    assert.match(both[0]!.snippet, /al-Sharaa|Syrian/, 'each hit has its own snippet');
    assert.match(both[1]!.snippet, /bank|rates/, 'each hit has its own snippet');
    assert.throws(() => archive.search('-putin', {}), /not excluded/);
    assert.throws(() => archive.search('(moscow', {}), /parenthesis/);
  } finally {
    cleanup();
  }
});

test('listing: newest first with cursors; stats and sites', () => {
  const { archive, cleanup } = tempArchive();
  try {
    for (let i = 1; i <= 5; i++) {
      archive.saveArticle({ url: `https://s${i % 2}.com/${i}`, article: article(`Story ${i}`, `Text number ${i} of the test.`, { published: `2025-01-0${i}`, language: i % 2 ? 'en' : 'fr' }) });
    }
    const p1 = archive.listArticles({}, undefined, 2);
    assert.deepEqual(p1.items.map((a) => a.title), ['Story 5', 'Story 4']);
    const p2 = archive.listArticles({}, p1.next, 2);
    assert.deepEqual(p2.items.map((a) => a.title), ['Story 3', 'Story 2']);
    const p3 = archive.listArticles({}, p2.next, 2);
    assert.deepEqual(p3.items.map((a) => a.title), ['Story 1']);
    assert.equal(p3.next, undefined);
    const s = archive.stats();
    assert.equal(s.articles, 5);
    assert.equal(s.sites, 2);
    assert.deepEqual(s.languages, { en: 3, fr: 2 });
    assert.ok(s.bytes > 0);
    assert.deepEqual(archive.listSites().map((x) => [x.site, x.articles]), [['s1.com', 3], ['s0.com', 2]]);
    assert.deepEqual(archive.listStories({}), { items: [] });
    assert.throws(() => archive.listArticles({}, 'garbage'), /cursor/);
  } finally {
    cleanup();
  }
});

test('failures are recorded once per item and cleared by a later success', () => {
  const { archive, cleanup } = tempArchive();
  try {
    archive.recordFailure({ source: 'feed', url: 'https://x.com/a', stage: 'fetch', reason: 'http-500' });
    archive.recordFailure({ source: 'feed', url: 'https://x.com/a', stage: 'fetch', reason: 'http-503' });
    assert.deepEqual(archive.listFailures().map((f) => f.reason), ['http-503']);
    archive.saveArticle({ url: 'https://x.com/a', article: article('A', 'Some text.') });
    assert.equal(archive.stats().failures, 0);
    // Without an address: replaced per source and stage all the same.
    archive.recordFailure({ source: 'pages/missing', stage: 'read', reason: 'not-found' });
    archive.recordFailure({ source: 'pages/missing', stage: 'read', reason: 'not-found-again' });
    assert.deepEqual(archive.listFailures().map((f) => f.reason), ['not-found-again']);
    // Clearing an address's failures is an index lookup, not a scan of every failure.
    const plan = archive.db.prepare('EXPLAIN QUERY PLAN DELETE FROM failures WHERE url = ?').all('https://x.com/a') as Array<{ detail: string }>;
    assert.match(plan.map((p) => p.detail).join(' '), /failures_url/);
  } finally {
    cleanup();
  }
});
