// The lead paragraph (standfirst) that templates put in the article header, outside the
// container of the rest of the text: found by structure and class vocabulary, in any script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/extract/index.js';

const BODY = [
  'The city council voted on Tuesday to extend the tram line to the northern districts, a project that has been debated for more than a decade.',
  'Supporters say the extension will cut commuting times in half for about forty thousand residents, while critics point to the rising cost estimates.',
  'Construction is expected to begin next spring, and the first trams could run on the new tracks within three years, according to the transport office.',
  'The council will publish the detailed route, including the locations of the eleven new stops, at a public meeting at the end of the month.',
];
const LEAD = 'After ten years of debate the northern districts finally get their tram, but the bill keeps growing.';
const paras = (ps: string[]): string => ps.map((p) => `<p>${p}</p>`).join('\n');
const page = (body: string, title = 'Tram line extended'): string =>
  `<!DOCTYPE html><html><head><title>${title}</title></head><body>
   <header class="site-header"><p class="site-description">The best local news from the city and the region, every day of the week.</p>
   <nav><a href="/">Home</a> <a href="/world">World</a></nav></header>${body}
   <footer><p>© 2025 City News</p></footer></body></html>`;

test('a lead paragraph in the article header (outside the text container) comes first', () => {
  const a = extract(page(`<main><article>
    <header class="article-header"><h1>Tram line extended</h1><p class="article-lead">${LEAD}</p></header>
    <div class="article-body">${paras(BODY)}</div></article></main>`));
  assert.equal(a.text, [LEAD, ...BODY].join('\n\n'));
});

test('an unnamed prose paragraph inside the <header> next to the headline is the lead', () => {
  const a = extract(page(`<main><header><h1>Tram line extended</h1><p>${LEAD}</p></header>
    <section class="rich-text">${paras(BODY)}</section></main>`));
  assert.ok(a.text.startsWith(LEAD), a.text.slice(0, 80));
  assert.ok(!a.text.includes('best local news'), 'the site slogan before the headline is not a lead');
});

test('a lead in the content\'s own header that was pruned as chrome is revived, nothing else of it', () => {
  const a = extract(page(`<div id="content"><article class="post">
    <header class="entry-header"><h1 class="entry-title">Tram line extended</h1>
      <div class="entry-excerpt"><p>${LEAD}</p></div>
      <div class="entry-meta">12 May 2025 by Jane Doe, 4 comments</div></header>
    <div class="entry-content">${paras(BODY)}</div></article></div>`));
  assert.equal(a.text, [LEAD, ...BODY].join('\n\n'));
});

test('an image description or an author biography before the text is not a lead', () => {
  const a = extract(page(`<main><article>
    <h1>Tram line extended</h1>
    <div class="author-box"><div class="description"><p>Jane Doe has covered transport and city politics for the paper since 2010.</p></div></div>
    <div class="img-description"><p>The new tram depot in the northern districts, photographed from the old water tower.</p></div>
    <div class="article-body">${paras(BODY)}</div></article></main>`));
  assert.equal(a.text, BODY.join('\n\n'));
});

test('CJK: a summary block before the text is found the same way', () => {
  const zh = ['市议会周二投票决定将有轨电车线路延伸至北部地区，这个项目已经讨论了十多年。', '支持者表示，延长线将使大约四万名居民的通勤时间减半，而批评者则指出成本估算不断上升。', '交通部门表示，工程预计明年春天开工，新线路上的首批电车可能在三年内开通运营。'];
  const lead = '北部地区终于迎来有轨电车，但费用仍在上涨。';
  const a = extract(page(`<div class="wrap"><div class="head"><h1>有轨电车</h1><div class="summary">${lead}</div></div>
    <div class="content">${paras(zh)}</div></div>`, '有轨电车'));
  assert.equal(a.text, [lead, ...zh].join('\n\n'));
});
