// Publication-date choice on small hand-written pages: one rule per test (src/extract/meta/dates.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/extract/index.js';

const para = '<p>' + 'The council voted on Tuesday to approve the new budget after a long debate. '.repeat(5) + '</p>';

function page(head: string, header: string, extra = ''): string {
  return `<html lang="en"><head><title>Budget</title>${head}</head><body><article><h1>Council approves budget</h1>${header}${para}</article>${extra}</body></html>`;
}
const ld = (o: Record<string, unknown>) => `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Council approves budget', ...o })}</script>`;

test('a revision shown alone by the headline is the page date', () => {
  const html = page(ld({ datePublished: '2021-01-01T11:00:00Z', dateModified: '2023-04-01T10:00:00Z' }), '<p class="date">Updated 1 April 2023</p>');
  assert.equal(extract(html).published?.slice(0, 10), '2023-04-01');
});

test('the published date stays when the header shows it beside the revision', () => {
  const html = page(ld({ datePublished: '2024-12-06T22:00:40Z', dateModified: '2024-12-07T12:43:39Z' }),
    '<div class="date"><time datetime="2024-12-07T12:43:39Z">Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC</time></div>');
  assert.equal(extract(html).published?.slice(0, 10), '2024-12-06');
});

test('a "modified" stamp earlier than the publication is not taken for the page date', () => {
  const html = page(ld({ datePublished: '2022-12-25T11:00:02Z', dateModified: '2022-12-07T09:10:52Z' }), '<span class="updated">2022-12-07</span>');
  assert.equal(extract(html).published?.slice(0, 10), '2022-12-25');
});

test('a UTC timestamp is shown in the offset of the page\'s own <time> of the same instant', () => {
  const html = page(ld({ datePublished: '2023-11-09T06:35:29+00:00' }), '<time datetime="2023-11-08T22:35:29-08:00">Nov 8, 2023 / 10:35 PM PST</time>');
  assert.equal(extract(html, { url: 'https://news.example.com/a/b' }).published, '2023-11-08T22:35:29-08:00');
});

test('a UTC timestamp and a visible local wall time give the local offset', () => {
  const html = page(ld({ datePublished: '2022-05-04T02:41:00Z' }), '<p class="meta">3/5/2022 22:41</p>').replace('lang="en"', 'lang="es"');
  assert.equal(extract(html, { url: 'https://example.com/x' }).published, '2022-05-03T22:41:00-04:00');
});

test('a visible time that does not match the UTC stamp leaves it alone', () => {
  const html = page(ld({ datePublished: '2022-05-04T02:41:00Z' }), '<p class="meta">May 4, 2022 10:17</p>');
  assert.equal(extract(html, { url: 'https://example.com/x' }).published, '2022-05-04T02:41:00+00:00');
});

test('a sidebar inside the article holds its date', () => {
  const html = page('', '<div class="post-sidebar"><p class="time"><time datetime="2022-01-28">28. Januar 2022</time></p></div>');
  assert.equal(extract(html).published, '2022-01-28');
});

test('a date in a boilerplate-looking region by the headline is the last resort', () => {
  const html = `<html lang="de"><head><title>Council approves budget</title></head><body><div class="social-share"><h1>Council approves budget</h1><h5>23.01.2019</h5></div>${para}</body></html>`;
  assert.equal(extract(html).published, '2019-01-23');
});

test('comment dates are never used, not even as a last resort', () => {
  const html = `<html lang="en"><head><title>Council approves budget</title></head><body><h1>Council approves budget</h1>${para}<div id="comments"><p class="comment-meta">March 3, 2021 at 4:05 pm</p></div></body></html>`;
  assert.equal(extract(html).published, undefined);
});

test('dates are looked for by the headline that carries the title, not by a logo <h1>', () => {
  const html = `<html lang="de"><head><title>Wärmepumpenmarkt wächst um 42 Prozent</title></head><body><h1>Navigation</h1><ul><li>Energie</li></ul>
    ${'<p>Menu entry</p>'.repeat(300)}<header class="articleHeader"><div class="headline">Wärmepumpenmarkt wächst um 42 Prozent</div><span class="meta meta__date">06.12.2022</span></header>${para}
    <aside class="sidebar"><p>01.01.2023</p></aside></body></html>`;
  assert.equal(extract(html).published, '2022-12-06');
});

test('the stamp by the headline beats <time> elements of embedded posts further down', () => {
  const embeds = '<blockquote class="instagram-media"><p>' + 'Caption text of an embedded post. '.repeat(3) + '<time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018</time></p></blockquote>';
  const html = page('', '<div class="PublishDate"><span>Dienstag,</span> <span>29. Januar 2019</span></div>', '').replace('</article>', `${embeds}</article>`);
  assert.equal(extract(html).published, '2019-01-29');
});

test('a <time> whose visible text states another day is read by its text', () => {
  const html = page('', '<p><time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time></p>').replace('lang="en"', 'lang="fr"');
  assert.equal(extract(html).published, '2019-06-29');
});

test('a generic "date" meta yields to the stamp by the headline', () => {
  const html = page('<meta name="date" content="2020-02-12">', '<span class="date">05.02.2020</span>').replace('lang="en"', 'lang="de"');
  assert.equal(extract(html).published, '2020-02-05');
  assert.equal(extract(page('<meta name="date" content="2020-02-12">', '')).published, '2020-02-12');
});

test('a "published" meta later than the "modified" one yields to the stamp by the headline', () => {
  const head = '<meta property="article:published_time" content="2022-11-17T10:33:13Z"><meta property="article:modified_time" content="2022-11-17T10:32:18Z">';
  assert.equal(extract(page(head, '<time>9. März 2022</time>').replace('lang="en"', 'lang="de"')).published, '2022-03-09');
});

test('a date opening the first paragraph (a dateline) dates the page', () => {
  const long = 'Bei der Erinnerung an die Verfolgten des NS-Regimes waren queere Menschen lange vergessen. '.repeat(5);
  const html = `<html lang="de"><head><title>Gedenken</title></head><body><div class="content"><p class="bodytext">27.1.2022 - ${long}</p></div></body></html>`;
  assert.equal(extract(html).published, '2022-01-27');
  const mid = `<html lang="de"><head><title>Gedenken</title></head><body><div class="content"><p>${long} Am 27.1.2022 war es so weit. ${long}</p></div></body></html>`;
  assert.equal(extract(mid).published, undefined);
});

test('a stamp just above the headline beats a list of other releases further below it', () => {
  const others = ['10.08.2022 11:05', '04.08.2022 10:02'].map((d) => `<li><time datetime="${d}">${d}</time> Other release</li>`).join('');
  const html = `<html lang="de"><head><title>t</title></head><body><main><p class="kicker"><time datetime="2022-12-12 12:22">12.12.2022 12:22</time></p>
    <h1>Das ändert sich im Jahr 2023</h1><p>(Leipzig) - Von Preisbremsen im Energiemarkt bis zur EU-Verbandsklage.</p><div>${'<span>x</span>'.repeat(10)}</div><ul>${others}</ul>${para}</main></body></html>`;
  assert.equal(extract(html).published, '2022-12-12T12:22:00');
});

test('page-state JSON in a script dates a page whose markup and text say nothing', () => {
  const state = '<script>window.__STATE__ = {"review":{"dates":{"publishedDate":"2016-11-04T20:37:27Z","updatedDate":"2016-11-04T20:39:47Z"}}};</script>';
  const html = `<html lang="en"><head><title>t</title>${state}</head><body><h1>A review</h1>${para}</body></html>`;
  assert.equal(extract(html).published, '2016-11-04T20:37:27+00:00');
  const html2 = `<html lang="en"><head><title>t</title>${state}</head><body><h1>A review</h1><p class="date">May 2, 2017</p>${para}</body></html>`;
  assert.equal(extract(html2).published, '2017-05-02');
});

test('a line opening with a publication label dates the page even in the page footer, never in comments', () => {
  const footer = '<div class="rez_footer"><p class="footerFrstLn">Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023</p></div>';
  const html = `<html lang="de"><head><title>t</title></head><body><h1>Vom Boden aus gedacht</h1>${para}${footer}</body></html>`;
  assert.equal(extract(html).published, '2023-11-01');
  const comments = '<div class="comments"><p>Published on 3 March 2021 by a reader</p></div>';
  assert.equal(extract(`<html lang="en"><head><title>t</title></head><body><h1>Vom Boden aus gedacht</h1>${para}${comments}</body></html>`).published, undefined);
});

test('layout modifier classes ("has-double-sidebar") do not make the main column boilerplate', () => {
  const html = `<html lang="de"><head><title>t</title></head><body><aside class="sidebar"><span class="newsitem-time">29.11.2022</span></aside>
    <div class="main-content has-double-sidebar"><p>(21. November 2022) ${'Energieverbraucher erhalten eine Preiserhöhung nach der nächsten. '.repeat(6)}</p></div></body></html>`;
  assert.equal(extract(html).published, '2022-11-21');
});

test('a meta stamp with an offset beats a JSON-LD one without; a local "modified" does not make it suspect', () => {
  const head = ld({ datePublished: '2022-05-10T23:35:55', dateModified: '2022-05-11T4:10:00' }) + '<meta property="article:published_time" content="2022-05-11T04:10:00-03:00">';
  assert.equal(extract(page(head, '')).published, '2022-05-11T04:10:00-03:00');
  const agree = ld({ datePublished: '2022-05-10T23:35:55-03:00' }) + '<meta property="article:published_time" content="2022-05-11T04:10:00-03:00">';
  assert.equal(extract(page(agree, '')).published, '2022-05-10T23:35:55-03:00');
});

test('a day from the URL or a bare <time> is completed with the time and offset the page states for that day', () => {
  const html = page('', '<p class="meta">11. Mai 2012 um 10:22 +02:00</p>').replace('lang="en"', 'lang="de"');
  assert.equal(extract(html, { url: 'http://blog.example.org/2012/05/11/parken/' }).published, '2012-05-11T10:22:00+02:00');
  const bare = page('<meta property="article:published_time" content="2021-01-21">', '<time datetime="2021-01-21">21.01.2021</time><span class="date">21.01.2021, 13:30</span>');
  assert.equal(extract(bare).published, '2021-01-21T13:30:00');
  const otherDay = page('', '<p class="meta">12. Mai 2012 um 10:22 +02:00</p>');
  assert.equal(extract(otherDay, { url: 'http://blog.example.org/2012/05/11/parken/' }).published, '2012-05-11');
});
