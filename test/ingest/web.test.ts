// Web ingest against our own servers on 127.0.0.1 (no external network).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.js';
import { SqliteArchive } from '../../src/store/index.js';
import { tempDir } from '../store/helpers.js';
import { html, send, startSite, type TestSite } from './server.js';

let rateLimited = 0;
const cyrillicTitle = 'Новости города';
const win1251 = (s: string) => Buffer.from([...s].map((c) => { const x = c.charCodeAt(0); return x >= 0x410 && x <= 0x44f ? x - 0x410 + 0xc0 : x; }));

const sites: TestSite[] = [];
after(async () => { await Promise.all(sites.map((s) => s.close())); });

async function newsSite(): Promise<TestSite> {
  const site = await startSite({
    '/robots.txt': (_q, r, s) => send(r, 'text/plain', `User-agent: *\nDisallow: /private/\nCrawl-delay: 0.2\n\nUser-agent: OtherBot\nDisallow: /\n\nSitemap: ${s.origin}/sitemap-index.xml\n`),
    '/feed.rss': (q, r, s) => {
      if (q.headers['if-none-match'] === '"v1"') { r.writeHead(304); r.end(); return; }
      send(r, 'application/rss+xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title><link>${s.origin}/</link>
<item><title>Bridge</title><link>/news/bridge</link><pubDate>Wed, 15 Oct 2025 10:00:00 GMT</pubDate></item>
<item><title>Undated</title><link>${s.origin}/news/undated?utm_source=rss</link><pubDate>the day before yesterday</pubDate></item>
<item><title>Feed-dated</title><link>news/feed-dated</link><pubDate>Thu, 16 Oct 2025 08:30:00 +0200</pubDate></item>
<item><title>Private</title><link>/private/secret</link></item>
<item><title>Missing</title><link>/news/missing</link></item>
<item><title>Broken</title><link>/news/error</link></item>
<item><title>Busy</title><link>/news/busy</link></item>
<item><title>Moved</title><link>/news/old-address</link></item>
<item><title>Logo</title><link>/logo.png</link></item>
<item><guid>${s.origin}/news/guid-only</guid><title>Guid</title></item>
</channel></rss>`, { etag: '"v1"' });
    },
    '/atom.xml': (_q, r, s) => send(r, 'application/atom+xml', `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="${s.origin}/world/">
<title>World</title><entry><title>Summit</title><link rel="alternate" href="summit"/><updated>2025-13-45T99:00:00Z</updated></entry>
<entry><title>Slow</title><link href="/news/slow"/><published>2025-10-14T09:00:00Z</published></entry>
<entry><title>Huge</title><link href="/news/huge"/></entry>
<entry><title>Cut</title><link href="/news/truncated"/></entry></feed>`),
    '/feed.json': (_q, r, s) => send(r, 'application/feed+json', JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [
      { id: '1', url: `${s.origin}/news/json-item`, title: 'JSON item', date_published: '2025-10-13T07:00:00Z' },
      { id: '2', url: '/news/cyrillic', date_published: 'garbage' },
    ] })),
    '/garbage.rss': (_q, r) => send(r, 'application/rss+xml', 'this is { not a feed'),
    '/sitemap-index.xml': (_q, r, s) => send(r, 'application/xml', `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${s.origin}/sitemap-news.xml</loc></sitemap><sitemap><loc>${s.origin}/sitemap-old.xml</loc><lastmod>2019-01-01</lastmod></sitemap></sitemapindex>`),
    '/sitemap-news.xml': (_q, r, s) => send(r, 'application/xml', `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>${s.origin}/news/sitemap-story</loc><news:news><news:publication><news:name>Test</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2025-10-12T06:00:00+00:00</news:publication_date><news:title>Sitemap story</news:title></news:news></url>
<url><loc>${s.origin}/news/bridge</loc></url></urlset>`),
    '/sitemap-old.xml': (_q, r) => send(r, 'application/xml', '<urlset><url><loc>/never</loc></url></urlset>'),
    '/news/bridge': (_q, r) => send(r, 'text/html; charset=utf-8', html('Harbour bridge reopens', 'The harbour bridge reopened on Wednesday after months of repairs.', { published: '2025-10-15T10:00:00Z' })),
    '/news/undated': (_q, r) => send(r, 'text/html', html('Library extends hours', 'The central library will stay open until midnight on weekdays.')),
    '/news/feed-dated': (_q, r) => send(r, 'text/html', html('Market hall restored', 'The old market hall has been restored and opens to traders next month.')),
    '/news/guid-only': (_q, r) => send(r, 'text/html', html('Guid story', 'A story only reachable through its permalink guid in the feed.')),
    '/private/secret': (_q, r) => send(r, 'text/html', html('Secret', 'Nobody should fetch this page.')),
    '/news/error': (_q, r) => { r.writeHead(500); r.end('oops'); },
    '/news/busy': (_q, r) => {
      rateLimited++;
      if (rateLimited === 1) { r.writeHead(429, { 'retry-after': '1' }); r.end(); return; }
      send(r, 'text/html', html('Busy server answers later', 'The server asked us to wait a second, and then it answered.'));
    },
    '/news/old-address': (_q, r) => { r.writeHead(301, { location: '/news/new-address' }); r.end(); },
    '/news/new-address': (_q, r) => send(r, 'text/html', html('Moved story', 'This story moved to a new address and the crawler followed.', { published: '2025-10-11' })),
    '/logo.png': (_q, r) => send(r, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
    '/world/summit': (_q, r) => send(r, 'text/html', html('Leaders meet at summit', 'The leaders met at the summit on Tuesday to discuss trade.')),
    '/news/slow': async (_q, r) => { await new Promise((x) => setTimeout(x, 3000)); send(r, 'text/html', html('Slow', 'Too slow.')); },
    '/news/huge': (_q, r) => send(r, 'text/html', html('Huge', 'x'.repeat(400_000))),
    '/news/truncated': (_q, r) => { r.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' }); r.write('<html><body><p>cut'); setTimeout(() => r.destroy(), 50); },
    '/news/json-item': (_q, r) => send(r, 'text/html', html('JSON item story', 'A story listed in a JSON Feed with a proper date.')),
    // Wrong charset in the page (meta says utf-8), right one in the header.
    '/news/cyrillic': (_q, r) => send(r, 'text/html; charset=windows-1251', win1251(html(cyrillicTitle, 'Городской совет утвердил бюджет на следующий год после долгих обсуждений.', { charset: 'utf-8' }))),
    '/news/sitemap-story': (_q, r) => send(r, 'text/html', html('Sitemap story', 'A story found through the Google News sitemap.')),
  });
  sites.push(site);
  return site;
}

const WEB = { allowPrivate: true, perHostDelayMs: 20, timeoutMs: 1500, maxBytes: 200_000, retries: 1, retryBaseMs: 100, concurrency: 4 };

test('feeds, sitemaps, robots, redirects, errors: each item stored or recorded, nothing aborts', { timeout: 60_000 }, async () => {
  const site = await newsSite();
  const { dir, cleanup } = tempDir();
  const archive = new SqliteArchive(join(dir, 'web.db'));
  try {
    const sources = ['/feed.rss', '/atom.xml', '/feed.json', '/sitemap-index.xml', '/garbage.rss'].map((p) => site.origin + p);
    const s = await ingest(archive, [...sources, 'http://127.0.0.1:9/unreachable'], { jobs: 0, since: '2025-01-01', web: WEB });
    const url = (p: string) => archive.getArticleByUrl(site.origin + p);
    // Stored: bridge, undated, feed-dated, guid-only, busy (after 429), new-address, summit, json-item, cyrillic, sitemap-story.
    assert.equal(s.new, 10, JSON.stringify(s, null, 1));
    const time = (p: string) => { const x = url(p)?.published; return x ? new Date(x).toISOString() : x; };
    assert.equal(time('/news/bridge'), '2025-10-15T10:00:00.000Z');
    assert.equal(time('/news/feed-dated'), '2025-10-16T06:30:00.000Z', 'feed date used when the page has none');
    assert.equal(url('/news/undated')!.published, undefined, 'a bad feed date is dropped, not guessed');
    assert.ok(url('/news/undated?utm_source=rss'), 'tracking parameters do not split an article');
    assert.ok(url('/world/summit'), 'Atom xml:base resolves relative links');
    assert.equal(time('/news/sitemap-story'), '2025-10-12T06:00:00.000Z');
    assert.ok(url('/news/guid-only'));
    assert.match(url('/news/busy')!.text, /asked us to wait/, '429 + Retry-After then success');
    const moved = url('/news/old-address')!;
    assert.equal(moved.title, 'Moved story');
    assert.equal(moved.id, url('/news/new-address')!.id, 'both addresses lead to the article');
    assert.equal(url('/news/cyrillic')!.title, cyrillicTitle, 'charset from the header');
    assert.equal(s.skippedReasons['robots-disallowed'], 1);
    assert.equal(s.skippedReasons['older-than-since'], 1, 'sitemap older than --since not fetched');
    for (const reason of ['http-404', 'http-500', 'not-html', 'timeout', 'too-large', 'truncated', 'not-a-feed', 'connection-refused']) {
      assert.equal(s.failedReasons[reason], 1, `${reason}: ${JSON.stringify(s.failedReasons)}`);
    }
    assert.ok(!site.log.some((r) => r.path.startsWith('/private/')), 'disallowed page never requested');
    assert.ok(!site.log.some((r) => r.path === '/never'));
    assert.equal(site.maxInFlight, 1, 'one request at a time per host');
    // Between two fetches (a redirect hop or a retry belongs to the fetch before it).
    const gaps = site.log.slice(1).flatMap((r, i) => {
      const prev = site.log[i]!;
      return prev.path === r.path || prev.path === '/news/old-address' ? [] : [r.at - prev.at];
    });
    assert.ok(Math.min(...gaps) >= 150, `Crawl-delay 0.2 s honoured (smallest gap ${Math.min(...gaps)} ms)`);
    assert.ok(site.log.every((r) => /^Dateline\//.test(String(r.headers['user-agent']))));
    const page = archive.db.prepare('SELECT redirects, final_url, status, content_type FROM pages p JOIN articles a ON a.page_id = p.id WHERE a.id = ?').get(moved.id) as { redirects: string; final_url: string; status: number };
    assert.deepEqual(JSON.parse(page.redirects), [`${site.origin}/news/new-address`]);
    assert.equal(page.status, 200);
    assert.equal(archive.listFailures().length, s.failed);

    // Polling again: the RSS feed answers 304; archived articles are not fetched again.
    const before = site.log.length;
    const again = await ingest(archive, [`${site.origin}/feed.rss`, `${site.origin}/feed.json`], { jobs: 0, web: WEB });
    assert.equal(again.new, 0);
    assert.equal(again.skippedReasons['not-modified'], 1);
    assert.equal(again.skippedReasons['already-archived'], 2);
    const newRequests = site.log.slice(before).map((r) => r.path);
    assert.deepEqual(newRequests.sort(), ['/feed.json', '/feed.rss', '/robots.txt']);
    assert.equal(site.log.find((r, i) => i >= before && r.path === '/feed.rss')!.headers['if-none-match'], '"v1"');
  } finally {
    archive.close();
    cleanup();
  }
});

test('home page: feeds discovered from <link rel=alternate>; private addresses refused by default; robots deny', { timeout: 30_000 }, async () => {
  const home = await startSite({
    '/': (_q, r) => send(r, 'text/html', '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>Home</body></html>'),
    '/rss': (_q, r, s) => send(r, 'application/rss+xml', `<rss><channel><item><link>${s.origin}/a</link></item></channel></rss>`),
    '/a': (_q, r) => send(r, 'text/html', html('Found through the home page', 'The feed announced on the home page led here.')),
  });
  const denied = await startSite({
    '/robots.txt': (_q, r) => send(r, 'text/plain', 'User-agent: *\nDisallow: /\n'),
    '/story': (_q, r) => send(r, 'text/html', html('Denied', 'Should not be fetched.')),
  });
  const broken = await startSite({
    '/robots.txt': (_q, r) => { r.writeHead(503); r.end(); },
    '/story': (_q, r) => send(r, 'text/html', html('Unavailable robots', 'Should not be fetched while robots.txt fails.')),
  });
  sites.push(home, denied, broken);
  const { dir, cleanup } = tempDir();
  const archive = new SqliteArchive(join(dir, 'home.db'));
  try {
    const refused = await ingest(archive, [`${home.origin}/`], { jobs: 0, web: { ...WEB, allowPrivate: false } });
    assert.equal(refused.failedReasons['private-address'], 1);
    assert.equal(home.log.length, 0);
    const s = await ingest(archive, [`${home.origin}/`, `${denied.origin}/story`, `${broken.origin}/story`], { jobs: 0, web: WEB });
    assert.equal(s.new, 1);
    assert.ok(archive.getArticleByUrl(`${home.origin}/a`));
    assert.equal(s.skippedReasons['robots-disallowed'], 2);
    assert.ok(!denied.log.some((r) => r.path === '/story'));
    assert.ok(!broken.log.some((r) => r.path === '/story'));
  } finally {
    archive.close();
    cleanup();
  }
});
