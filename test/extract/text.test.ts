// Crawl-text extraction on self-written records (no benchmark data needed): the same behaviours
// the seed test checks, plus bylines, update stamps, other languages and bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../src/extract/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'extract');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const paragraphs = (text: string) => text.split('\n\n');

test('news page: headline, section, byline, stamps and a body without furniture', () => {
  const a = extract(read('crawltext-news.txt'), { url: 'https://www.estuary-gazette.co.uk/science/harbour-seals-return-northern-estuary' });
  assert.equal(a.title, 'Harbour seals return to the northern estuary after forty years');
  assert.equal(a.section, 'Science');
  assert.deepEqual(a.authors, ['Maria Lindqvist', 'Tom Okafor']);
  // The page's own stamp wins over the crawler's date line; London is on GMT in March.
  assert.equal(a.published, '2024-03-02T10:15:00+00:00');
  assert.equal(a.modified, '2024-03-03T08:00:00+00:00');
  assert.equal(a.language, 'en');
  const paras = paragraphs(a.text);
  assert.ok(paras[0]!.startsWith('A colony of harbour seals has settled'));
  assert.equal(paras[paras.length - 1], 'The regional council will discuss the proposal at its meeting next month.');
  assert.ok(paras.includes('Why they left'), 'a subheading inside the article stays');
  for (const junk of ['StatCounter', 'Subscribe', 'Share on', 'Also Read', 'Advertisement', 'Related stories', 'Record rainfall', 'cookies', '©', 'Published', 'By Maria']) {
    assert.ok(!a.text.includes(junk), `body contains ${junk}`);
  }
  assert.ok(a.html.startsWith('<p>A colony'));
  assert.ok(a.wordCount > 150 && a.wordCount < 200, String(a.wordCount));
});

test('without any hint a local time stays without an offset', () => {
  const a = extract(read('crawltext-news.txt'), { kind: 'text' });
  assert.equal(a.published, '2024-03-02T10:15:00');
});

test('German page: "Von" on its own line, German month names', () => {
  const a = extract(read('crawltext-de.txt'), { url: 'https://www.example.de/wissen/stoerche-rhein' });
  assert.equal(a.title, 'Die Rückkehr der Störche an den Rhein');
  assert.equal(a.section, 'Wissen');
  assert.deepEqual(a.authors, ['Anna Becker']);
  assert.equal(a.published, '2019-10-19T19:08:00+02:00');
  assert.equal(a.language, 'de');
  assert.equal(paragraphs(a.text).length, 3);
  assert.ok(a.text.endsWith('wieder sinken lassen.'));
  assert.ok(!/teilen|Wölfe|Impressum|Anna Becker/.test(a.text));
});

test('Chinese page: sentence ends and lengths work without spaces', () => {
  const a = extract(read('crawltext-zh.txt'), { kind: 'text', timezone: 'Asia/Shanghai' });
  assert.equal(a.title, '研究人员在南海发现新的珊瑚礁群');
  assert.equal(a.published, '2023-07-14T09:30:00+08:00');
  assert.equal(a.language, 'zh');
  assert.equal(paragraphs(a.text).length, 3);
  assert.ok(!/分享|相关新闻|台风|关于我们/.test(a.text));
});

test('stories-style record: single newlines, crawler date, teaser and escape debris', () => {
  const src = ' date 2025-03-28 \nDUNYA NEWS Live World\nBangkok high-rise collapses as strong quake hits Myanmar\nUpdated at : 28 Mar 2025 03:10 PM\n' +
    'A magnitude 7.7 earthquake struck central Myanmar on Friday, seismologists said, and shaking brought down a high-rise under construction in Bangkok.\\n' +
    'Rescue teams were searching the rubble near the Chatuchak market for workers believed to be trapped inside the building.\\n' +
    'Read more\nAlso Read: Gold prices climb to a record\nThis is a developing story\n';
  const a = extract(src, { kind: 'text', url: 'https://dunyanews.tv/en/World/123-bangkok-high-rise-collapses', timezone: 'Asia/Karachi' });
  assert.equal(a.title, 'Bangkok high-rise collapses as strong quake hits Myanmar');
  assert.equal(a.published, '2025-03-28T15:10:00+05:00');
  assert.deepEqual(paragraphs(a.text).map((p) => p.slice(0, 20)), ['A magnitude 7.7 eart', 'Rescue teams were se']);
});

test('no article in the text: empty body and a warning, no crash', () => {
  const menu = Array.from({ length: 60 }, (_, i) => `Menu item ${i}`).join('\n\n');
  const a = extract(menu, { kind: 'text' });
  assert.equal(a.text, '');
  assert.ok(a.warnings.some((w) => w.code === 'no-main-content'));
  const tiny = extract('Just one line', { kind: 'text' });
  assert.equal(tiny.text, 'Just one line');
});

test('a long record is handled whole (timings live in bench/crawltext-eval.ts)', () => {
  const para = 'This sentence belongs to a long article body and ends with a full stop as prose does.';
  const src = Array.from({ length: 20000 }, (_, i) => (i % 7 === 0 ? 'Short menu word' : `${para} Number ${i}.`)).join('\n\n');
  const a = extract(src, { kind: 'text' });
  assert.ok(a.wordCount > 300000, String(a.wordCount));
  // Short lines repeated throughout a record are furniture, not an article.
  const same = extract(Array.from({ length: 500 }, () => 'Home').join('\n\n'), { kind: 'text' });
  assert.equal(same.text, '');
});

test('crawl-text date lines: glued published/modified days, apostrophe years, spaced numeric days', async () => {
  const { parseDateLine } = await import('../../src/extract/text/dates.js');
  assert.equal(parseDateLine('28. Juni 201914. Januar 2020 | Klaus Muster', undefined), '2019-06-28');
  assert.equal(parseDateLine('veröffentlicht am 14 Feb ’20 | Kategorien: Social Media', undefined), '2020-02-14');
  assert.equal(parseDateLine('Deutscher Tennis Bund 4.\u20092.\u20092022.', undefined), '2022-02-04');
});

test('crawl-text slash dates: the page\'s own unambiguous dates decide day or month first', async () => {
  const { slashDatesMonthFirst } = await import('../../src/extract/text/dates.js');
  // A Spanish page on a .com host writing 25/04/2022 elsewhere is day-first.
  assert.equal(slashDatesMonthFirst('Publicado el 03/05/2022\nActualizado 25/04/2022', false, 'www.clarin.com'), false);
  // An American page writing 10/15/2025 elsewhere is month-first, whatever its language guess.
  assert.equal(slashDatesMonthFirst('Posted 03/05/2022\nOlder: 10/15/2021', false, 'example.org'), true);
  // No evidence: English on a .com host is month-first, otherwise day-first.
  assert.equal(slashDatesMonthFirst('Posted 03/05/2022', true, 'news.example.com'), true);
  assert.equal(slashDatesMonthFirst('Publicado el 03/05/2022', false, 'news.example.com'), false);
});

test('crawl text: a two-line byline ("Von" / "Name 4. 2. 2022.") gives the author and the date', () => {
  const body = Array.from({ length: 6 }, (_, i) => `Absatz ${i + 1}: Der Teamchef hat die Mannschaft für das Spiel in Rio bekanntgegeben, und zwei Neulinge stehen im Aufgebot für die Qualifikation.`).join('\n\n');
  const a = extract(`Startseite\n\nNews\n\nTeamchef nominiert zwei Neulinge\n\nVon\nDeutscher Tennis Bund 4. 2. 2022.\n\n${body}\n\nImpressum`, { kind: 'text' });
  assert.equal(a.title, 'Teamchef nominiert zwei Neulinge');
  assert.deepEqual(a.authors, ['Deutscher Tennis Bund']);
  assert.equal(a.published, '2022-02-04');
});

test('crawl-text headline: breadcrumb trails, leading dates and doubled headlines are cleaned', async () => {
  const { headlineText } = await import('../../src/extract/text/header.js');
  assert.equal(headlineText('Startseite » Nachrichten » Energie » Bayern fordert höhere Erlösgrenzen'), 'Bayern fordert höhere Erlösgrenzen');
  assert.equal(headlineText('Home / Essays / 2017 / January / Aggression Fotografie'), 'Aggression Fotografie');
  assert.equal(headlineText('08.11.2021 | Online-Fachtag zum Gedenktag'), 'Online-Fachtag zum Gedenktag');
  assert.equal(headlineText('Fünf Frauen aus der Sportwelt Fünf Frauen aus der Sportwelt'), 'Fünf Frauen aus der Sportwelt');
  // Ordinary headlines are left alone, slashes and arrows in them included.
  assert.equal(headlineText('Rates held at 4.25% / inflation cools'), 'Rates held at 4.25% / inflation cools');
  assert.equal(headlineText('Syria’s interim leader meets Putin in Moscow'), 'Syria’s interim leader meets Putin in Moscow');
});

test('a bare weekday-date line above the headline is published, with a warning that it may be the masthead day', () => {
  const para = 'The harbour authority said on Wednesday that the new ferry terminal would open to passengers next spring, two years later than first planned, after the contractor found old foundations under the quay.';
  const record = (stamp: string) => `${stamp}\n\nNew ferry terminal delayed by two years\n\n${para}\n\n${para.replace('Wednesday', 'Tuesday')}\n\n${para.replace('spring', 'summer')}\n`;
  const masthead = extract(record('Thursday, July 31, 2025'), { kind: 'text' });
  assert.equal(masthead.published, '2025-07-31');
  const w = masthead.warnings.find((x) => x.code === 'published-page-date');
  assert.ok(w, JSON.stringify(masthead.warnings));
  assert.equal(w.value, '2025-07-31', 'the warning names the day it is about');
  assert.ok(w.message.startsWith('2025-07-31:'), 'and says it to the reader');
  // A labelled stamp, or one with a time, is the article's own.
  for (const stamp of ['Published: July 31, 2025', 'Thursday, July 31, 2025 09:40 AM']) {
    const a = extract(record(stamp), { kind: 'text' });
    assert.ok(a.published?.startsWith('2025-07-31'), `${stamp}: ${a.published}`);
    assert.ok(!a.warnings.some((x) => x.code === 'published-page-date'), stamp);
  }
});
