import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRobots } from '../../src/ingest/robots.js';
import { classifyDocument, feedDate, parseListing } from '../../src/ingest/feeds.js';

test('robots.txt: our group wins over *, longest match, Allow on ties, wildcards, Crawl-delay, Sitemap', () => {
  const txt = `# comment
User-agent: *
Disallow: /

User-agent: Dateline
User-agent: otherbot
Disallow: /private
Allow: /private/press
Disallow: /*.pdf$
Disallow: /tmp/*/draft
Crawl-delay: 2.5

Sitemap: https://example.com/sitemap.xml`;
  const r = parseRobots(txt, 'Dateline/0.1 (+https://example.com)');
  assert.equal(r.crawlDelay, 2.5);
  assert.deepEqual(r.sitemaps, ['https://example.com/sitemap.xml']);
  assert.equal(r.allows('https://example.com/news/a'), true);
  assert.equal(r.allows('https://example.com/private/x'), false);
  assert.equal(r.allows('https://example.com/private/press/1'), true);
  assert.equal(r.allows('https://example.com/files/a.pdf'), false);
  assert.equal(r.allows('https://example.com/files/a.pdf?x=1'), true);
  assert.equal(r.allows('https://example.com/tmp/1/draft/2'), false);
  const other = parseRobots(txt, 'SomeBot/1.0');
  assert.equal(other.allows('https://example.com/news/a'), false);
  assert.equal(other.allows('https://example.com/robots.txt'), true);
  assert.equal(parseRobots('', 'Dateline').allows('https://x.com/a'), true);
  assert.equal(parseRobots('User-agent: *\nDisallow:\n', 'Dateline').allows('https://x.com/a'), true);
});

test('feeds: RSS 1.0 (RDF), dates, classification', () => {
  const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://e.com/"><title>E</title></channel>
<item rdf:about="https://e.com/a"><title>A</title><link>https://e.com/a</link><dc:date>2025-10-15T10:00:00+02:00</dc:date></item></rdf:RDF>`;
  const p = parseListing(Buffer.from(rdf), 'application/rdf+xml', 'https://e.com/feed');
  assert.equal(p.kind, 'rss');
  assert.deepEqual(p.entries, [{ url: 'https://e.com/a', published: '2025-10-15T08:00:00.000Z', title: 'A' }]);
  assert.equal(feedDate('Mon, 32 Foo 2025'), undefined);
  assert.equal(feedDate('1970-01-01T00:00:00Z'), undefined, 'epoch zero is a placeholder, not a date');
  assert.equal(feedDate('2025-10-15'), '2025-10-15');
  assert.equal(classifyDocument('text/html', Buffer.from('<!DOCTYPE html><html>')), 'html');
  assert.equal(classifyDocument(undefined, Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- x --><urlset>')), 'urlset');
  assert.throws(() => parseListing(Buffer.from('{"version":"https://jsonfeed.org/version/1", "items": 3}'), 'application/feed+json', 'https://e.com/'), /items/);
});
