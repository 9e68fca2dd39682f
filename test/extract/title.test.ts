import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/extract/index.js';

const body = '<p>' + 'The council voted on Tuesday to approve the new budget after a long debate. '.repeat(5) + '</p>';
const page = (head: string, bodyHtml = '') => `<html><head>${head}</head><body>${bodyHtml}<article>${body}</article></body></html>`;
const title = (html: string, url = 'https://news.example.org/a/1') => extract(html, { url }).title;

test('title: a meta title the <title> repeats plus a site segment is kept whole, dash and all', () => {
  const html = page('<title>Report on the floods – what comes next? – THE DAILY EXAMPLE</title><meta property="og:title" content="Report on the floods – what comes next?">');
  assert.equal(title(html), 'Report on the floods – what comes next?');
});

test('title: a visible <h1> that rewords the metadata headline wins (the metadata is an SEO variant)', () => {
  const html = page('<title>Rail lounge: no more access with saver tickets</title><meta property="og:title" content="Rail lounge: no more access with saver tickets">',
    '<h1>Rail lounge: no entry any more with a saver ticket</h1>');
  assert.equal(title(html), 'Rail lounge: no entry any more with a saver ticket');
});

test('title: an <h1> about something else (blog name, section header) does not replace the title', () => {
  const html = page('<title>Babies who eat peanuts early may avoid allergy</title>', '<h1>Health Center</h1>');
  assert.equal(title(html), 'Babies who eat peanuts early may avoid allergy');
  const blog = page('<title>Silicon Notes: Open flow for programmable logic devices</title><meta property="og:title" content="Open flow for programmable logic devices">',
    '<h1>Silicon Notes</h1>');
  assert.equal(title(blog), 'Open flow for programmable logic devices');
});

test('title: the <h1> that opens the <title> is the headline, the one that closes it the site', () => {
  const html = page('<title>Small sheep guide | Mascot the Sheep – Webcomic</title>', '<h1>Mascot the Sheep – Webcomic</h1><h1>Small sheep guide</h1>');
  assert.equal(title(html), 'Small sheep guide');
});

test('title: Dublin Core, parse.ly and space-separated meta properties are read', () => {
  assert.equal(title(page('<title>Title element</title><meta property="x:title dc:title" content="Preferred title">')), 'Preferred title');
  assert.equal(title(page('<meta name="parsely-title" content="Parsely headline here">')), 'Parsely headline here');
});

test('title: a confirmed <h1> that equals the metadata keeps its own wording (no kicker trimming)', () => {
  const html = page('<title>Buying puppies – tips for every breed | Puppies24</title><meta property="og:site_name" content="Puppies"><meta property="og:title" content="Buying puppies – tips for every breed">',
    '<h1>Buying puppies – tips for every breed</h1>');
  assert.equal(title(html), 'Buying puppies – tips for every breed');
});

test('title: an <h1> with inflected forms of the metadata words counts as the same headline', () => {
  const html = page('<title>Company cars: leasing or financing? What pays?</title><meta property="og:title" content="Company cars: leasing or financing? What pays?">',
    '<div class="share-header"><h1>Company cars: leases or finance?</h1></div>');
  assert.equal(title(html), 'Company cars: leases or finance?');
});

test('title: when <title> and <h1> only name the site, an element classed as the title is used', () => {
  const html = page('<title>ICON • ICON Magazine</title><meta property="og:site_name" content="ICON Magazine">',
    '<h1 class="logo">ICON Magazine</h1><div class="article-title">Before and after</div>');
  assert.equal(title(html), 'Before and after');
});

test('title: "│" separates the site name too', () => {
  assert.equal(title(page('<title>Become a product tester│Example Market</title><meta property="og:site_name" content="Example Market">')), 'Become a product tester');
});
