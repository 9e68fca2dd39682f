// Title rules that look at the parts of a title (dates, site names, kickers) and at the
// headline element a page shows. Each fixture is a small page written for the rule it tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/extract/index.js';
import { splitTitle, stripSiteName } from '../../src/extract/meta/title.js';

const body = '<p>' + 'The council voted on Tuesday to approve the new budget after a long debate. '.repeat(5) + '</p>';
const page = (head: string, bodyHtml = '') => `<html><head>${head}</head><body>${bodyHtml}<article>${body}</article></body></html>`;
const title = (html: string, url = 'https://news.example.org/a/1') => extract(html, { url }).title;

test('title parts: a date in front of the headline is cut off (numeric and written dates)', () => {
  const html = page('<title>03.02.2022 - Local team wins the final - Example Sports</title>', '<h1>03.02.2022 - Local team wins the final</h1>');
  assert.equal(title(html), 'Local team wins the final');
  assert.equal(stripSiteName('Monday, 3 May 2021 | Bridge reopens after repairs', undefined, undefined), 'Bridge reopens after repairs');
});

test('title parts: a year or a version number in the first part is not a date prefix', () => {
  const html = page('<title>Games 2022 – A great chance for the sport</title>', '<h1>Games 2022 – A great chance for the sport</h1>');
  assert.equal(title(html), 'Games 2022 – A great chance for the sport');
  const notes = page('<title>Patch notes 4.47.4 - Equinox bugfix build</title>', '<h1>Patch notes 4.47.4 - Equinox bugfix build</h1>');
  assert.equal(title(notes), 'Patch notes 4.47.4 - Equinox bugfix build');
});

test('title parts: a date range is one part, not two', () => {
  assert.deepEqual(splitTitle('Weekly report 14. - 20. January 2022 - Institute'), ['Weekly report 14. - 20. January 2022', 'Institute']);
  assert.deepEqual(splitTitle('Friday Facts #282 - 0.17 in sight | Game'), ['Friday Facts #282', '0.17 in sight', 'Game']);
});

test('title parts: a headline that mentions the site name is not the site name', () => {
  const html = page('<title>新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::</title><meta property="og:site_name" content="史蒂文的家_藍天">',
    '<h1>痞客邦 PIXNET</h1><h1>史蒂文的家_藍天</h1>');
  assert.equal(title(html), '新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天');
  assert.equal(stripSiteName('Example News | Storm closes roads', 'Example', undefined), 'Storm closes roads');
});

test('title parts: a permalink mark after a heading is not part of it', () => {
  const html = page('<title>Shared Mutable History — evolve docs</title>', '<h1>Shared Mutable History<a class="headerlink" href="#x">¶</a></h1>');
  assert.equal(title(html), 'Shared Mutable History');
});

test('shown headline: "Kicker: Headline" metadata over an element showing only "Headline"', () => {
  const html = page('<title>Covid-19: Can the spread still be controlled? - Science Monthly</title><meta property="og:title" content="Covid-19: Can the spread still be controlled?">',
    '<nav class="breadcrumb"><h1>Covid-19: Can the spread still be controlled?</h1></nav><div class="content"><span class="content__title">Can the spread still be controlled?</span></div>');
  assert.equal(title(html), 'Can the spread still be controlled?');
});

test('shown headline: the <h1> logo is the site part of the <title>, the title element after it the headline', () => {
  const html = page('<title>Basic muffin recipe : Muffin Recipes</title>', '<h1>Muffin Recipes</h1><div class="title">Basic muffin recipe</div>');
  assert.equal(title(html), 'Basic muffin recipe');
});

test('shown headline: a section label before the <h1> does not replace it', () => {
  const html = page('<title>Local News | Flood waters reach the old town</title>', '<div class="section-title">Local News</div><h1>Flood waters reach the old town</h1>');
  assert.equal(title(html), 'Flood waters reach the old town');
});

test('shown headline: of two metadata variants, the one the page shows wins', () => {
  const html = page('<title>France and Germany: the close partner becomes a stranger</title>'
    + '<script type="application/ld+json">{"@type":"NewsArticle","headline":"France and Germany: the close partner becomes a stranger"}</script>'
    + '<meta name="twitter:title" content="France, Germany and the return of old resentments">',
  '<span class="story-headline">France, Germany and the return of old resentments</span>');
  assert.equal(title(html), 'France, Germany and the return of old resentments');
});

test('single <h1>: classed as the headline, it beats a shorter SEO <title> with the same words', () => {
  const html = page('<title>20 Clever Ideas for your Small Nursery - The Baby Blog</title><meta property="og:site_name" content="The Baby Blog">',
    '<h1 class="entry-title">20 Clever Small Nursery Ideas When Space Is Tight + Free Printable</h1>');
  assert.equal(title(html), '20 Clever Small Nursery Ideas When Space Is Tight + Free Printable');
});

test('kicker: small print in front of the <h1> text is a label, not part of the headline', () => {
  const html = page('<title>Energy initiative - free power check for households | Green Building</title>',
    '<h1><span class="h1small">Energy initiative</span> Free power check for private households</h1>');
  assert.equal(title(html), 'Free power check for private households');
  const tag = page('<title>Tunisia: big tasks for the new government</title>', '<h1><small>Tunisia</small> Big tasks for the new government</h1>');
  assert.equal(title(tag), 'Big tasks for the new government');
  // Trailing small print (Bootstrap's secondary text) stays: it is not in front.
  const trailing = page('<title>Release notes for version 2 beta</title>', '<h1>Release notes for version 2 <small>beta</small></h1>');
  assert.equal(title(trailing), 'Release notes for version 2 beta');
});

test('single <h1>: one shared word does not make a section header the headline', () => {
  const html = page('<title>Babies who eat peanuts early may avoid allergy</title>', '<h1>Allergies Health Center</h1>');
  assert.equal(title(html), 'Babies who eat peanuts early may avoid allergy');
});

test('no <h1>, no article metadata: the one element classed as the headline beats a section <title>', () => {
  const html = page('<title>energy-example.org | Gas prices</title>', '<div class="cat-title">Energy</div><div class="news-headline">Energy price crisis: relief and rights at a glance</div>');
  assert.equal(title(html, 'https://www.energy-example.org/prices/1'), 'Energy price crisis: relief and rights at a glance');
  // Several different headlines are a list of teasers: the <title> stays.
  const list = page('<title>Example Magazine | Gas prices</title>', '<div class="headline">First teaser about prices rising</div><div class="headline">Second teaser about the weather</div>');
  assert.equal(title(list, 'https://www.example-magazine.com/prices'), 'Gas prices');
});

test('single <h1>: one word counts when it is a longer form of a one-word title', () => {
  const html = page('<title>History - St. Mary Boys Choir</title>', '<h1>Choirhistory</h1>');
  assert.equal(title(html, 'https://www.stmary-boys-choir.example/history.html'), 'Choirhistory');
  const logo = page('<title>History - St. Mary Boys Choir</title>', '<h1>Menu</h1>');
  assert.equal(title(logo, 'https://www.stmary-boys-choir.example/history.html'), 'History');
});

test('truncated title fields: a JSON-LD headline cut at a length limit gives way to the full og:title', () => {
  const full = 'Flint flake tool partially covered by birch tar adds to evidence of Neanderthal complex thinking';
  const cutMidWord = page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"${full.slice(0, 90)}"}</script><meta property="og:title" content="${full}">`);
  assert.equal(title(cutMidWord), full);
  const ellipsis = page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"${full.slice(0, 60)}…"}</script><title>${full} | Science News</title>`);
  assert.equal(title(ellipsis, 'https://sciencenews.example/a/1'), full);
});

test('site segment: an <h1> opening the <title> is the headline unless it links to the home page', () => {
  const post = page('<title>On Recent Events - Jane Q. Example ( Jane ) ( jqe )</title>', '<h1>On Recent Events</h1>');
  assert.equal(title(post, 'https://jqe.example.org/blog/2019/10/15/events.html'), 'On Recent Events');
  const logo = page('<title>Talk Time | Further digitisation of the Swiss cinemas</title>',
    '<div id="head"><h1><a href="https://web.archive.org/web/20140226054445/http://www.talk-time.example/">Talk Time</a></h1></div>');
  assert.equal(title(logo, 'https://web.archive.org/web/20140226054445/http://www.talk-time.example/kinos/'), 'Further digitisation of the Swiss cinemas');
});
