import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/extract/index.js';

const body = '<p>' + 'The council voted on Tuesday to approve the new budget after a long debate. '.repeat(5) + '</p>';

test('JSON-LD @graph article: headline, dates, authors, section, tags, image, language', () => {
  const ld = { '@context': 'https://schema.org', '@graph': [
    { '@type': 'WebSite', name: 'Daily Example' },
    { '@type': ['NewsArticle'], headline: 'Council approves budget', datePublished: '2025-10-15T19:36:00+06:00', dateModified: '2025-10-16T08:00:00+06:00',
      author: [{ '@type': 'Person', name: 'Jane Roe' }, { '@type': 'Person', name: 'John Doe' }], articleSection: ['Politics'], keywords: 'budget, council',
      image: { '@type': 'ImageObject', url: '/img/lead.jpg' }, inLanguage: 'en_GB' },
  ] };
  const html = `<html><head><title>Council approves budget | Daily Example</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><article><h1>Council approves budget</h1>${body}</article></body></html>`;
  const a = extract(html, { url: 'https://example.com/politics/budget' });
  assert.equal(a.title, 'Council approves budget');
  assert.equal(a.published, '2025-10-15T19:36:00+06:00');
  assert.equal(a.modified, '2025-10-16T08:00:00+06:00');
  assert.deepEqual(a.authors, ['Jane Roe', 'John Doe']);
  assert.equal(a.section, 'Politics');
  assert.deepEqual(a.tags, ['budget', 'council']);
  assert.equal(a.image, 'https://example.com/img/lead.jpg');
  assert.equal(a.language, 'en-GB');
  assert.equal(a.siteName, 'Daily Example');
});

test('OpenGraph and meta tags, canonical and image made absolute', () => {
  const html = `<html lang="DE-de"><head><title>Ignored</title>
    <meta property="og:title" content="Neue Brücke eröffnet – Stadtanzeiger"><meta property="og:site_name" content="Stadtanzeiger">
    <meta property="article:published_time" content="2024-06-01T09:30:00+02:00"><meta property="article:section" content="Lokales">
    <meta property="article:tag" content="Verkehr"><meta property="article:tag" content="Brücken"><meta name="author" content="Von Anna Schmidt und Peter Meier">
    <meta property="og:image" content="//cdn.example.de/b.jpg"><link rel="canonical" href="/lokales/bruecke"><meta name="description" content="  Die  Brücke ist offen. "></head>
    <body><main>${body}</main></body></html>`;
  const a = extract(html, { url: 'https://www.stadtanzeiger.example.de/x?y=1' });
  assert.equal(a.title, 'Neue Brücke eröffnet');
  assert.equal(a.published, '2024-06-01T09:30:00+02:00');
  assert.equal(a.section, 'Lokales');
  assert.deepEqual(a.tags, ['Verkehr', 'Brücken']);
  assert.deepEqual(a.authors, ['Anna Schmidt', 'Peter Meier']);
  assert.equal(a.image, 'https://cdn.example.de/b.jpg');
  assert.equal(a.canonicalUrl, 'https://www.stadtanzeiger.example.de/lokales/bruecke');
  assert.equal(a.description, 'Die Brücke ist offen.');
  assert.equal(a.language, 'de-DE');
});

test('title: site names stripped, confirmed <h1> preferred, kickers dropped', () => {
  const t = (head: string, h1 = '', url = 'https://news.example.com/a') => extract(`<html><head>${head}</head><body>${h1}${body}</body></html>`, { url }).title;
  assert.equal(t('<title>Storm hits the coast - News Example</title>'), 'Storm hits the coast');
  assert.equal(t('<title>Example Times | Storm hits the coast</title><meta property="og:site_name" content="Example Times">'), 'Storm hits the coast');
  assert.equal(t('<title>Storm hits the coast tonight | Weather | Example</title>', '<h1><span class="kicker">Weather</span> Storm hits the coast tonight</h1>'), 'Storm hits the coast tonight');
  assert.equal(t('<title>Example</title>', '<h1>Example</h1><h1>A headline in an h1</h1>', 'https://example.org/'), 'A headline in an h1');
});

test('authors: bylines cleaned, handles and URLs dropped', () => {
  const a = extract(`<html><head><title>x</title></head><body><article><h1>x</h1><div class="byline">By Maria Garcia and Li Wei | Updated 3 March 2024</div>${body}</article></body></html>`);
  assert.deepEqual(a.authors, ['Maria Garcia', 'Li Wei']);
  const b = extract(`<html><head><meta name="author" content="https://twitter.com/someone"><title>x</title></head><body>${body}</body></html>`);
  assert.deepEqual(b.authors, []);
});

test('dates: visible date lines, <time>, URL, and no invented dates', () => {
  const page = (inner: string) => `<html><head><title>Headline here</title></head><body><article><h1>Headline here</h1>${inner}${body}</article><footer>© 2019 · 01.01.2019</footer></body></html>`;
  assert.equal(extract(page('<p class="meta">Veröffentlicht am 15. Oktober 2025, 19:36 Uhr</p>'), { url: 'https://example.de/a' }).published, '2025-10-15T19:36:00+02:00');
  assert.equal(extract(page('<time datetime="2023-11-08T21:15:00-05:00">Nov 8</time>')).published, '2023-11-08T21:15:00-05:00');
  assert.equal(extract(page(''), { url: 'https://example.com/2021/07/04/story' }).published, '2021-07-04');
  assert.equal(extract(page('<p>Opublikowano: 3 marca 2022</p>')).published, '2022-03-03');
  assert.equal(extract(page('')).published, undefined);
  assert.equal(extract(page('<span class="date">12 June 2999</span>')).published, undefined);
});

test('options.timezone and URL hints give local times an offset; external published only as fallback', () => {
  const html = '<html><head><title>t</title><meta name="pubdate" content="2025-10-15 19:36"></head><body>' + body + '</body></html>';
  assert.equal(extract(html, { timezone: 'Asia/Dhaka' }).published, '2025-10-15T19:36:00+06:00');
  assert.equal(extract(html, { url: 'https://bangladeshpost.net/posts/x' }).published, '2025-10-15T19:36:00+06:00');
  assert.equal(extract(html).published, '2025-10-15T19:36:00');
  assert.equal(extract(html, { published: '2020-01-01' }).published, '2025-10-15T19:36:00');
  const none = '<html><head><title>t</title></head><body>' + body + '</body></html>';
  assert.equal(extract(none, { published: '2020-01-01' }).published, '2020-01-01');
});
