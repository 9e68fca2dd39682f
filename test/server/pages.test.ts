import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { sampleArchive } from './sample-data.js';
import { MemoryArchive } from './memory-archive.js';
import { XSS_PAYLOADS } from '../fixtures/server/xss-payloads.js';
import { describeTime } from '../../src/server/pages/layout.js';

let srv: RunningServer;
before(async () => { srv = await startServer({ archive: sampleArchive(), port: 0 }); });
after(async () => { await srv.close(); });

function elements(markup: string): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [parseDocument(markup)];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') out.push(n as Element);
    if ('children' in n) stack.push(...(n as Element).children);
  }
  return out;
}

/** Fails on anything in a page that could run script or load something we did not mean to. */
function assertNoInjectedMarkup(markup: string, where: string): void {
  for (const el of elements(markup)) {
    if (el.name === 'script') assert.match(el.attribs.src ?? '', /^\/assets\/time\.js\?v=/, `${where}: foreign script`);
    assert.ok(!['iframe', 'object', 'embed', 'base', 'svg', 'math', 'style', 'frame', 'applet', 'details', 'textarea'].includes(el.name), `${where}: <${el.name}>`);
    if (el.name === 'meta') assert.ok(!el.attribs['http-equiv'], `${where}: meta refresh`);
    if (el.name === 'form') assert.equal(el.attribs.action, '/search', `${where}: form action`);
    for (const [name, value] of Object.entries(el.attribs)) {
      assert.ok(!name.startsWith('on'), `${where}: event handler ${name} on <${el.name}>`);
      if (name === 'style') assert.fail(`${where}: style attribute`);
      if (name === 'href' || name === 'src' || name === 'action') assert.match(value, /^(https?:\/\/|\/(?!\/)|#)/, `${where}: ${name}="${value}"`);
    }
  }
  assert.doesNotMatch(markup, /window\.__xss=\d+"?[^<]*<\/script/, `${where}: payload inside a script`);
}

async function page(path: string): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(srv.url + path);
  return { status: res.status, text: await res.text(), headers: res.headers };
}

test('front page: stories grouped by section with outlets and time', async () => {
  const { status, text, headers } = await page('/');
  assert.equal(status, 200);
  assert.match(headers.get('content-type')!, /^text\/html; charset=utf-8/);
  assert.match(text, /<main id="content"/);
  assert.match(text, /<h2 id="sec-0">World<\/h2>/);
  assert.match(text, /<h2 id="sec-\d">Business<\/h2>/);
  assert.match(text, /href="\/stories\/10">Putin meets Syrian interim president al-Sharaa in Moscow<\/a>/);
  assert.match(text, /3 outlets/);
  assertNoInjectedMarkup(text, '/');
});

test('story page: timeline in time order, wire copies marked, key names', async () => {
  const { status, text } = await page('/stories/10');
  assert.equal(status, 200);
  const order = [...text.matchAll(/href="\/articles\/(\d+)">/g)].map((m) => m[1]);
  assert.deepEqual(order, ['1', '2', '5'], 'oldest first: 13:36Z, 16:10Z, then the bare day');
  assert.match(text, /Copy A · first/);
  assert.equal(text.match(/>Copy A</g)?.length, 1);
  assert.match(text, /Vladimir Putin/);
  assert.match(text, /<time datetime="2025-10-15T19:36:00\+06:00" data-local>15 Oct 2025, 19:36 UTC\+06:00<\/time>/);
  assertNoInjectedMarkup(text, '/stories/10');
  assert.equal((await page('/stories/999')).status, 404);
  assert.equal((await page('/stories/abc')).status, 404);
});

test('article page: reader view with section, byline, time, image, clean body, original, other coverage', async () => {
  const { status, text } = await page('/articles/1');
  assert.equal(status, 200);
  assert.match(text, /<article lang="en">/);
  assert.match(text, /<p class="kicker">World<\/p>/);
  assert.match(text, /By Jane Reporter/);
  assert.match(text, /data-show-original/);
  assert.match(text, /<img src="https:\/\/wire\.example\/img\/kremlin\.jpg"/);
  assert.match(text, /<a href="https:\/\/wire\.example\/bases" rel="nofollow noopener noreferrer ugc">Russian bases<\/a>/, 'relative link resolved against the article URL');
  assert.match(text, /Read the original at <a href="https:\/\/wire\.example\/putin-sharaa"/);
  assert.match(text, /Other coverage of this story/);
  assert.match(text, /href="\/articles\/2">Syria’s al-Sharaa visits Kremlin<\/a>.*Same text/s);
  assertNoInjectedMarkup(text, '/articles/1');
});

test('XSS payloads in every field of an article, its story and its site are shown as text', async () => {
  for (const path of ['/articles/3', '/stories/11', '/sites/evil.example', '/sites', '/', '/search?q=evil']) {
    const { status, text } = await page(path);
    assert.equal(status, 200, path);
    assertNoInjectedMarkup(text, path);
  }
  const { text } = await page('/articles/3');
  assert.match(text, /Evil &lt;script&gt;window.__xss=1;alert\(1\)&lt;\/script&gt;/, 'title escaped, still readable');
  assert.doesNotMatch(text, /href="\s*javascript:/i, 'no javascript: link');
  assert.match(text, /Read the original at <a href="https:\/\/evil\.example\/x"/, 'a javascript: canonical URL falls back to the fetched URL');
});

test('query strings are never reflected unescaped', async () => {
  for (const payload of XSS_PAYLOADS) {
    const q = encodeURIComponent(payload);
    for (const path of [`/search?q=${q}`, `/search?q=x&site=${q}`, `/search?q=x&since=${q}`, `/search?q=x&cursor=${q}`, `/nothing/${q}`, `/articles/${q}`, `/sites/${q}`]) {
      const { status, text } = await page(path);
      assert.ok([200, 400, 404].includes(status), `${path}: ${status}`);
      assertNoInjectedMarkup(text, path);
    }
  }
});

test('search page: form with labelled filters, highlighted snippets, pagination', async () => {
  const { status, text } = await page('/search?q=kremlin');
  assert.equal(status, 200);
  for (const id of ['q', 'since', 'until', 'site', 'section', 'lang']) assert.match(text, new RegExp(`<label for="${id}">`), id);
  assert.match(text, /<mark>Kremlin<\/mark>/);
  const first = await page('/search?q=kremlin&since=2025-10-15');
  assert.doesNotMatch(first.text, /Evil/, 'since filter applied');
  const bad = await page('/search?q=x&since=notadate');
  assert.equal(bad.status, 400);
  assert.match(bad.text, /role="alert">parameter &#39;since&#39; must be an ISO date/);
  const many = new MemoryArchive(Array.from({ length: 45 }, (_, i) => ({ id: i + 1, url: `https://s.example/${i}`, site: 's.example', title: `Item ${i}`, authors: [], tags: [], text: 'common word', markdown: '', html: '', wordCount: 2, warnings: [], fetchedAt: '', contentHash: String(i), published: '2025-01-01' })));
  const s = await startServer({ archive: many, port: 0 });
  try {
    const p1 = await (await fetch(`${s.url}/search?q=common`)).text();
    const next = /href="(\/search\?[^"]*cursor=[^"]*)" rel="next"/.exec(p1)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(next, 'next link');
    const p2 = await (await fetch(s.url + next)).text();
    assert.match(p2, /First page/);
    assert.match(p2, /Item 20/);
  } finally { await s.close(); }
});

test('site pages: figures and recent articles; sources list', async () => {
  const { status, text } = await page('/sites/wire.example');
  assert.equal(status, 200);
  assert.match(text, /<h1>Wire Example<\/h1>/);
  assert.match(text, /<dt>Articles<\/dt><dd>1<\/dd>/);
  assert.equal((await page('/sites/unknown.example')).status, 404);
  const list = await page('/sites');
  assert.match(list.text, /href="\/sites\/markets\.example"/);
});

test('an empty archive explains what to do', async () => {
  const s = await startServer({ archive: new MemoryArchive([]), port: 0 });
  try {
    const text = await (await fetch(`${s.url}/`)).text();
    assert.match(text, /The archive is empty/);
  } finally { await s.close(); }
});

test('assets are local, versioned and cacheable; pages reference nothing external', async () => {
  const { text } = await page('/');
  const urls = [...text.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  assert.equal(urls.length, 3);
  for (const u of urls) {
    const res = await fetch(srv.url + u);
    assert.equal(res.status, 200, u);
    assert.match(res.headers.get('cache-control')!, /immutable/);
    await res.arrayBuffer();
  }
  assert.doesNotMatch(text, /(?:href|src)="https?:\/\/(?!wire|daily|markets|zeitung)/, 'no CDN or font links');
  assert.equal((await page('/assets/../../etc/passwd')).status, 404);
});

test('times are shown as the source stated them', () => {
  assert.equal(describeTime('2025-10-15T19:36:00+06:00'), '15 Oct 2025, 19:36 UTC+06:00');
  assert.equal(describeTime('2025-10-15T19:36:00Z'), '15 Oct 2025, 19:36 UTC');
  assert.equal(describeTime('2025-10-15'), '15 Oct 2025');
  assert.equal(describeTime('2025-10-15T08:05:00-0400'), '15 Oct 2025, 08:05 UTC-04:00');
});

test('story key names are shown as the headlines write them, not as lowercase match keys', async () => {
  const { displayNames } = await import('../../src/server/pages/story.js');
  const story = {
    id: 1, title: 'Syria’s al-Sharaa meets PUTIN in Moscow', firstSeen: '2025-10-15', lastUpdated: '2025-10-15',
    sites: ['a.example'], topNames: ['sharaa', 'putin', 'moscow', 'peskov', 'new-york'], topTerms: [],
    articles: [{ id: 1, url: 'https://a.example/1', site: 'a.example', title: 'Putin welcomes Syrian leader' }],
  };
  assert.deepEqual(displayNames(story), ['Sharaa', 'Putin', 'Moscow', 'Peskov', 'New-York']);
});
