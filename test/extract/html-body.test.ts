import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/extract/index.js';

const para = (s: string): string => `<p>${s}</p>`;
const LONG = [
  'The city council voted on Tuesday to extend the tram line to the northern districts, a project that has been debated for more than a decade.',
  'Supporters say the extension will cut commuting times in half for about forty thousand residents, while critics point to the rising cost estimates.',
  'Construction is expected to begin next spring, and the first trams could run on the new tracks within three years, according to the transport office.',
  'The council will publish the detailed route, including the locations of the eleven new stops, at a public meeting at the end of the month.',
];

function page(body: string, head = '<title>Tram line extended | City News</title>'): string {
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
}

const CHROME = `
  <header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
  <div class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story about something</a></li><li><a href="/b">Yet another story</a></li></ul></div>
  <footer><p>© 2025 City News. All rights reserved.</p></footer>`;

test('finds the article and leaves out navigation, sidebars, share bars, comments and footers', () => {
  const html = page(`${CHROME}
    <main><article>
      <h1>Tram line extended</h1>
      <div class="share-tools"><a href="https://facebook.com/share">Share on Facebook</a></div>
      ${LONG.map(para).join('\n')}
      <div id="comments"><h3>Comments</h3><p>First! This is a comment that should never be part of the article body text.</p></div>
    </article></main>`);
  const a = extract(html, { url: 'https://news.example/2025/tram' });
  for (const p of LONG) assert.ok(a.text.includes(p), `missing paragraph: ${p.slice(0, 30)}`);
  for (const junk of ['Home', 'Most read', 'Share on Facebook', 'First!', 'All rights reserved']) assert.ok(!a.text.includes(junk), `chrome leaked: ${junk}`);
  assert.equal(a.text, LONG.join('\n\n'), 'paragraphs separated by one blank line, title heading dropped');
});

test('the heading that repeats the title is dropped, other headings stay', () => {
  const html = page(`<article><h1>Tram line extended</h1>${para(LONG[0]!)}<h2>What happens next</h2>${para(LONG[1]!)}${para(LONG[2]!)}</article>`,
    '<title>Tram line extended</title><meta property="og:title" content="Tram line extended">');
  const a = extract(html);
  assert.ok(!a.text.startsWith('Tram line extended'));
  assert.match(a.text, /What happens next/);
  assert.match(a.html, /<h2>What happens next<\/h2>/);
  assert.match(a.markdown, /^## What happens next$/m);
});

test('HTML output is minimal and safe; URLs are absolute; lazy images resolved', () => {
  const html = page(`<article>
    <p onclick="alert(1)" style="color:red" class="x">${LONG[0]} <a href="/more" target="_blank">more</a> <a href="javascript:alert(1)">bad</a> <b>bold</b> <i>it</i><span>span</span></p>
    <figure><img src="data:image/gif;base64,R0lGOD" data-src="img/photo.jpg" alt="A tram"><figcaption>Photo credit line</figcaption></figure>
    <p>${LONG[1]} <img srcset="small.jpg 320w, big.jpg 1280w" alt=""></p>
    <script>var x = "<p>not text</p>";</script><style>p{}</style><iframe src="https://ads.example"></iframe>
    <table><thead><tr><th>Line</th><th>Stops</th></tr></thead><tbody><tr><td>T1</td><td>12</td></tr></tbody></table>
    ${para(LONG[2]!)}
  </article>`, '<title>t</title><base href="https://cdn.example/base/">');
  const a = extract(html, { url: 'https://news.example/2025/tram' });
  const tags = new Set([...a.html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
  const allowed = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'figure', 'img', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'em', 'strong', 'br']);
  for (const t of tags) assert.ok(allowed.has(t!), `tag not allowed: ${t}`);
  for (const m of a.html.matchAll(/\s([a-z-]+)=/g)) assert.ok(['href', 'src', 'alt'].includes(m[1]!), `attribute not allowed: ${m[1]}`);
  assert.match(a.html, /<a href="https:\/\/cdn\.example\/more">more<\/a>/, 'relative link resolved against <base href>');
  assert.ok(!a.html.includes('javascript:'));
  assert.match(a.html, /<img src="https:\/\/cdn\.example\/base\/img\/photo\.jpg" alt="A tram">/, 'data-src wins over the placeholder');
  assert.match(a.html, /<img src="https:\/\/cdn\.example\/base\/big\.jpg">/, 'largest srcset candidate');
  assert.match(a.html, /<table>\s*<thead>\s*<tr>\s*<th>Line<\/th>/);
  assert.ok(!a.text.includes('not text'));
  assert.match(a.html, /<strong>bold<\/strong> <em>it<\/em>span/);
});

test('CJK pages: short-looking paragraphs in characters are still an article', () => {
  const zh = ['市议会周二投票决定将有轨电车线路延伸至北部地区，这个项目已经讨论了十多年。', '支持者表示，延长线将使大约四万名居民的通勤时间减半，而批评者则指出成本估算不断上升。', '交通部门表示，工程预计明年春天开工，新线路上的首批电车可能在三年内开通运营。'];
  const html = page(`<div class="nav"><a href="/">首页</a><a href="/news">新闻</a></div><div class="content">${zh.map(para).join('')}</div><div class="footer">版权所有</div>`, '<title>有轨电车</title>');
  const a = extract(html);
  assert.equal(a.text, zh.join('\n\n'));
  assert.ok(a.wordCount > 80, 'CJK characters count as words');
});

test('Arabic (RTL) pages', () => {
  const ar = ['صوت مجلس المدينة يوم الثلاثاء على تمديد خط الترام إلى الأحياء الشمالية، وهو مشروع نوقش لأكثر من عقد.', 'يقول المؤيدون إن التمديد سيخفض أوقات التنقل إلى النصف لنحو أربعين ألف ساكن، بينما يشير المنتقدون إلى ارتفاع التكاليف.', 'ومن المتوقع أن يبدأ البناء في الربيع المقبل، وقد تسير أولى القطارات على المسار الجديد خلال ثلاث سنوات.'];
  const html = `<html dir="rtl" lang="ar"><head><title>الترام</title></head><body><nav><a href="/">الرئيسية</a></nav><article>${ar.map(para).join('')}</article><footer>جميع الحقوق محفوظة</footer></body></html>`;
  const a = extract(html);
  assert.equal(a.text, ar.join('\n\n'));
});

test('lists, blockquotes and line breaks keep their structure', () => {
  const html = page(`<article>${para(LONG[0]!)}<ul><li>first point of the plan</li><li>second point of the plan</li></ul><blockquote><p>We are delighted, said the mayor, and we will keep our promises.</p></blockquote><p>Line one<br>Line two</p>${para(LONG[1]!)}${para(LONG[2]!)}</article>`);
  const a = extract(html);
  assert.match(a.text, /first point of the plan\n\nsecond point of the plan/);
  assert.match(a.text, /Line one\nLine two/);
  assert.match(a.html, /<ul>\n?<li>first point of the plan<\/li>/);
  assert.match(a.html, /<blockquote>\n?<p>We are delighted/);
  assert.match(a.markdown, /^- first point of the plan$/m);
  assert.match(a.markdown, /^> We are delighted/m);
});

test('100,000 nested elements do not overflow the stack', () => {
  const depth = 100_000;
  const html = '<html><body>' + '<div>'.repeat(depth) + para(LONG[0]!) + para(LONG[1]!) + '</div>'.repeat(depth) + '</body></html>';
  const a = extract(html);
  assert.match(a.text, /tram line/);
});

test('unclosed tags and a truncated page still give the text', () => {
  const html = `<html><body><div class="article"><p>${LONG[0]}<p>${LONG[1]}<div><p>${LONG[2]}<b>unclosed bold <i>and italic`;
  const a = extract(html);
  for (const p of LONG.slice(0, 3)) assert.ok(a.text.includes(p));
  assert.match(a.text, /unclosed bold and italic/);
});

test('a 50 MB page finishes (truncated, with a warning)', () => {
  const chunk = `<div class="item"><p>${LONG[0]}</p><a href="/x">link</a></div>\n`;
  const html = '<html><body>' + chunk.repeat(Math.ceil((50 * 1024 * 1024) / chunk.length)) + '</body></html>';
  const a = extract(html);
  assert.ok(a.warnings.some((w) => w.code === 'input-truncated'));
  assert.ok(a.text.length > 0);
});

test('a page with no article text yields a warning, not a crash', () => {
  const a = extract(page('<nav><a href="/">Home</a></nav><form><input name="q"><button>Search</button></form>'));
  assert.equal(a.text, '');
  assert.ok(a.warnings.some((w) => w.code === 'no-main-content'));
});
