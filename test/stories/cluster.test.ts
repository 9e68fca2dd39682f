import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { StoryEngine } from '../../src/stories/engine.js';
import { articleFeatures } from '../../src/stories/features.js';
import { numberTokens, dayFromUrl, dayOfYearFromHead } from '../../src/stories/numbers.js';
import { articleFits } from '../../src/stories/cluster.js';
import { names } from '../../src/stories/text.js';
import { scoreClustering } from '../../src/stories/score.js';

interface Fixture { id: number; event: string; site: string; url: string; title: string; text: string }
const fixtures = JSON.parse(readFileSync(new URL('../fixtures/stories/articles.json', import.meta.url), 'utf8')) as Fixture[];

function cluster(list: Fixture[], batch = true): Map<number, number> {
  const engine = new StoryEngine();
  if (batch) engine.addBatch(list);
  else for (const f of list) engine.add(f);
  return new Map(list.map((f) => [f.id, engine.article(f.id)!.storyId]));
}

test('numbers become typed tokens: rate ranges, scores, magnitudes, money, calendar days', () => {
  const t = numberTokens('Rates at 3.75% to 4.00%. Eagles won 40-22 on Feb. 9. A magnitude 6.3 quake. Nvidia hit $5 trillion, US$4-trillion before. A 23-year-old.');
  for (const k of ['r:3.75-4', 'p:3.75', 'p:4', 's:40-22', 'md:2-9', 'mag:6.3', '$:5t', '$:4t']) assert.ok(t.has(k), `missing ${k} in ${[...t.keys()].join(' ')}`);
  assert.ok(![...t.keys()].some((k) => k.startsWith('s:23')), 'age read as a score');
  assert.ok(numberTokens('a strong earthquake measuring 7.7 on the Richter scale').has('mag:7.7'));
  const d = numberTokens('sentenced to 50 months in prison, a 50-month term; the 55-year-old');
  assert.equal(d.get('dur:50mo'), 2);
  assert.ok(![...d.keys()].some((k) => k.startsWith('dur:55')), 'an age read as a duration');
  const c = numberTokens('protests that killed 19 people; 250 injured; aged 19');
  assert.ok(c.has('toll:19') && c.has('toll:250'), [...c.keys()].join(' '));
});

test('names: capitalised words that are not just sentence starts', () => {
  const n = names('The talks began in Tianjin. Officials said Modi and Putin met. Officials were pleased.');
  assert.ok(n.has('tianjin') && n.has('modi') && n.has('putin'));
  assert.ok(!n.has('officials') && !n.has('the'));
});

test('publication day from the crawler line, the URL, or the text head', () => {
  assert.equal(articleFeatures({ id: 1, text: 'date 2025-09-01\nSomething happened today in the city.' }).day, Date.UTC(2025, 8, 1) / 864e5);
  assert.equal(dayFromUrl('https://x.example/2025/02/09/story'), Date.UTC(2025, 1, 9) / 864e5);
  assert.equal(dayFromUrl('https://x.example/news/20250328/story'), Date.UTC(2025, 2, 28) / 864e5);
  assert.equal(dayFromUrl('https://x.example/news/story-123'), undefined);
});

test('the same event across outlets is grouped; same actors on other days stay apart', () => {
  const pred = cluster(fixtures);
  const gold = new Map(fixtures.map((f) => [f.id, f.event]));
  const s = scoreClustering(gold, pred);
  assert.equal(s.bcubed.precision, 1, `events merged: ${JSON.stringify([...pred])}`);
  assert.ok(s.bcubed.recall >= 0.8, `recall ${s.bcubed.recall}: ${JSON.stringify([...pred])}`);
  // Specifically: two Fed decisions and two Modi–Putin meetings are not merged.
  assert.notEqual(pred.get(1), pred.get(4));
  assert.notEqual(pred.get(6), pred.get(8));
});

test('one-at-a-time arrival keeps confusable events apart too', () => {
  const pred = cluster(fixtures, false);
  assert.notEqual(pred.get(1), pred.get(4));
  assert.notEqual(pred.get(2), pred.get(5));
  assert.notEqual(pred.get(6), pred.get(8));
  assert.notEqual(pred.get(7), pred.get(9));
});

test('the time window keeps dated articles of different weeks apart even with the same text', () => {
  const engine = new StoryEngine({ windowDays: 3 });
  const text = fixtures[5]!.text.replace(/^date .*\n/, '');
  engine.add({ id: 1, text, published: '2024-07-08' });
  engine.add({ id: 2, text: `${text} More.`, published: '2024-07-09' });
  engine.add({ id: 3, text: `${text} Again.`, published: '2024-08-20' });
  engine.add({ id: 4, text: `${text} Undated.` });
  assert.equal(engine.article(1)!.storyId, engine.article(2)!.storyId);
  assert.notEqual(engine.article(1)!.storyId, engine.article(3)!.storyId);
  // Undated articles are not excluded by the window.
  assert.ok([engine.article(1)!.storyId, engine.article(3)!.storyId].includes(engine.article(4)!.storyId));
});

test('a story has an id, headline, dates, articles, outlets, top names and terms', () => {
  const engine = new StoryEngine();
  engine.addBatch(fixtures);
  const story = engine.story(engine.article(6)!.storyId)!;
  assert.ok(story.title.length > 10);
  assert.ok(story.articles.some((a) => a.id === 6 && a.site === 'asia.example' && a.duplicateGroup !== undefined));
  assert.equal(story.firstSeen, '2024-07-08');
  assert.ok(story.sites.includes('asia.example'));
  assert.ok(story.topNames.includes('modi') || story.topNames.includes('putin'), story.topNames.join(','));
  assert.ok(story.topTerms.length > 0);
});

test('amounts in the headline become h$: tokens; amounts further down do not', () => {
  const f = articleFeatures({ id: 1, title: 'Chipmaker becomes first company worth $5 trillion', text: 'The chipmaker crossed the mark on Wednesday, three months after it first passed $4 trillion in July.' });
  assert.ok(f.vec['h$:5t'] !== undefined);
  assert.equal(f.vec['h$:4t'], undefined);
  assert.ok(f.vec['$:4t'] !== undefined);
});

test('an article in another language joins through shared names and numbers', () => {
  const engine = new StoryEngine();
  engine.add({ id: 1, published: '2025-03-10', text: 'Mayor Ingrid Valtersdottir of Norrhaven resigned on Monday after the Kessling Bridge collapse killed 14 people, the city council said. Valtersdottir said the 240-metre bridge had been inspected in 2023.' });
  engine.add({ id: 2, published: '2025-03-10', text: 'Norrhaven mayor Ingrid Valtersdottir quit on Monday, days after the Kessling Bridge collapsed and killed 14 people. Council leader Anders Brekke will act as mayor.' });
  engine.add({ id: 3, published: '2025-03-10', text: 'Bomberos de Lyra informaron que el incendio en el puerto de Tamsk destruyó 30 barcos pesqueros durante la noche, según las autoridades locales del puerto.' });
  engine.add({ id: 4, published: '2025-03-11', text: 'La alcaldesa de Norrhaven, Ingrid Valtersdottir, dimitió el lunes después de que el colapso del puente Kessling matara a 14 personas. Anders Brekke asumirá el cargo.' });
  assert.equal(engine.article(4)!.storyId, engine.article(1)!.storyId);
  assert.notEqual(engine.article(3)!.storyId, engine.article(1)!.storyId);
});

test('a weekday in the headline or first sentence becomes an hwd: token', () => {
  const f = articleFeatures({ id: 1, text: 'The assembly adopted the treaty on Tuesday after three years of talks. Delegates had met on Monday to settle the last clauses.' });
  assert.ok(f.vec['hwd:tuesday'] !== undefined);
  assert.equal(f.vec['hwd:monday'], undefined);
});

test('set-by-set results are one fact; scores at the end of a sentence still count', () => {
  const t = numberTokens('Sinner beat Alcaraz 4-6, 6-4, 6-4, 6-4. The Eagles won 40-22.');
  for (const k of ['ss:4-6,6-4,6-4,6-4', 's:4-6', 's:6-4', 's:40-22']) assert.ok(t.has(k), `missing ${k} in ${[...t.keys()].join(' ')}`);
});

test('an undated article whose dateline states a day is held to the time window', () => {
  const f = articleFeatures({ id: 1, text: 'Kathmandu, Sep 9 (IANS) The prime minister resigned after protests.' });
  assert.equal(f.day, undefined);
  assert.equal(dayOfYearFromHead('Kathmandu, Sep 9 (IANS) text'), f.doy);
  const story = { firstDay: Date.UTC(2025, 8, 8) / 864e5, lastDay: Date.UTC(2025, 8, 10) / 864e5 };
  assert.ok(articleFits(story, f, 3));
  assert.ok(!articleFits({ firstDay: story.firstDay + 60, lastDay: story.lastDay + 60 }, f, 3));
  assert.ok(articleFits({ firstDay: story.firstDay + 60, lastDay: story.lastDay + 60 }, { day: undefined }, 3));
});

test('across languages, cognates and transliterated names meet through their first letters', async () => {
  const { crossLingualCosine, pack } = await import('../../src/stories/vectors.js');
  const en = new Map([['w:bronchitis', 0.5], ['n:francis', 0.5], ['n:gemelli', 0.5], ['w:hospital', 0.5]]);
  const fr = pack(new Map([['w:bronchite', 0.5], ['n:francois', 0.5], ['n:gemelli', 0.5], ['w:hopital', 0.5]]));
  const other = pack(new Map([['w:earthquake', 0.5], ['n:kabul', 0.5], ['mag:6.3', 0.5]]));
  assert.ok(crossLingualCosine(en, fr) > 0.7, `${crossLingualCosine(en, fr)}`);
  assert.equal(crossLingualCosine(en, other), 0);
});

test('event weekdays: reports of different days do not join, a next-morning update does', async () => {
  const { weekdaysAgree, spanWeekdays, articleFits } = await import('../../src/stories/time-window.js');
  const bit = (w: number) => 1 << w;
  assert.ok(!weekdaysAgree(bit(1), bit(4)), 'Monday vs Thursday');
  assert.ok(weekdaysAgree(bit(6), bit(0)), 'Saturday vs Sunday (next day)');
  assert.ok(weekdaysAgree(0, bit(3)), 'no evidence on one side');
  // A story published on Monday 2025-09-01 (epoch day 20332): its event fell on Sat–Mon.
  const monday = Date.UTC(2025, 8, 1) / 864e5;
  assert.equal(spanWeekdays({ firstDay: monday, lastDay: monday }), bit(6) | bit(0) | bit(1));
  assert.ok(!articleFits({ firstDay: monday, lastDay: monday }, { weekday: 4 }, 3), 'an undated "on Thursday" report');
  assert.ok(articleFits({ firstDay: monday, lastDay: monday }, { weekday: 1 }, 3));
  assert.ok(!articleFits({ weekdays: bit(4) }, { day: monday }, 3), 'a Monday publication vs a Thursday story');
});

test('a day stated by undated members holds the story: a dated page fits it even away from the dated members', async () => {
  const { dayFits, timeCompatible } = await import('../../src/stories/time-window.js');
  const jul9 = Date.UTC(2025, 6, 9) / 864e5;
  const doyJul9 = dayOfYearFromHead('Nvidia reached $4 trillion on July 9, shares up');
  assert.ok(doyJul9 !== undefined);
  // Dated members say July 31 (a page's wrong date); an undated member says July 9.
  const story = { firstDay: jul9 + 22, lastDay: jul9 + 22, statedDays: [doyJul9] };
  assert.ok(dayFits(story, jul9, 3), 'a July 9 report fits the stated day');
  assert.ok(dayFits(story, jul9 + 21, 3), 'and the publication days still count');
  assert.ok(!dayFits(story, jul9 + 10, 3));
  // An undated story that states a day holds dated articles to it.
  assert.ok(!dayFits({ statedDays: [doyJul9] }, jul9 + 30, 3));
  assert.ok(dayFits({}, jul9 + 30, 3));
  // Two undated stories: their stated days must meet.
  assert.ok(!timeCompatible({ statedDays: [doyJul9] }, { statedDays: [doyJul9 + 40] }, 3));
  assert.ok(timeCompatible({ statedDays: [doyJul9] }, { statedDays: [doyJul9 + 1] }, 3));
});

test('amounts with a currency code are money like amounts with a symbol', () => {
  const t = numberTokens('a high of 164.42 USD, a 4 trillion USD market cap, USD 40 billion of bills');
  for (const k of ['$:164.42', '$:4t', '$:40b']) assert.ok(t.has(k), `missing ${k} in ${[...t.keys()].join(' ')}`);
});

test('multi-word names: capitalised runs name one thing; caps acronyms kept, leading function words dropped', async () => {
  const namePhrases = (text: string) => { const out = new Map<string, number>(); names(text, out); return out; };
  const p = namePhrases('Carlos Alcaraz beat Jannik Sinner to regain the US Open title on Sunday.\nIt was not the French Open, said The Associated Press.');
  for (const k of ['carlos alcaraz', 'jannik sinner', 'us open', 'french open', 'associated press']) assert.ok(p.has(k), `missing ${k} in ${[...p.keys()].join(' | ')}`);
  assert.ok(![...p.keys()].some((k) => k.startsWith('the ')), 'a leading "The" kept');
  // A Title Case headline's runs count only when the text has them too.
  const h = namePhrases('Alcaraz Overcomes Sinner To Win US Open\nAlcaraz won the US Open on Sunday.');
  assert.equal(h.get('us open'), 2);
  assert.ok(!h.has('alcaraz overcomes sinner'));
});

test('same-day evidence: a report dated on a story day naming the same event weekday corroborates', async () => {
  const { sameDayEvent } = await import('../../src/stories/time-window.js');
  const oct29 = Date.UTC(2025, 9, 29) / 864e5;
  const story = { firstDay: oct29, lastDay: oct29 + 1, weekdays: 1 << 3 };
  assert.ok(sameDayEvent(story, { day: oct29, weekday: 3 }));
  assert.ok(!sameDayEvent(story, { day: oct29 - 1, weekday: 3 }), 'published the day before');
  assert.ok(!sameDayEvent(story, { day: oct29, weekday: 2 }), 'another weekday');
  assert.ok(!sameDayEvent(story, { weekday: 3 }), 'undated');
});

test('a date that may be a masthead day bounds publication from above', () => {
  const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 864e5;
  const text = fixtures[5]!.text.replace(/^date .*\n/, '');
  const f = articleFeatures({ id: 1, text, published: '2024-07-31', publishedNotAfter: true });
  assert.equal(f.day, undefined);
  assert.equal(f.notAfter, day(2024, 7, 31));
  // A dated URL is the publication day.
  assert.equal(articleFeatures({ id: 1, text, published: '2024-07-31', publishedNotAfter: true, url: 'https://news.example/2024/07/09/talks' }).day, day(2024, 7, 9));
  assert.ok(articleFits({ firstDay: day(2024, 7, 8), lastDay: day(2024, 7, 9) }, f, 3), 'an earlier story');
  assert.ok(!articleFits({ firstDay: day(2024, 8, 20), lastDay: day(2024, 8, 20) }, f, 3), 'a story begun after the bound');
  // End to end: the report joins the story of its event three weeks before the masthead day; read
  // as a publication day, the same date keeps it out.
  const engine = new StoryEngine({ windowDays: 3 });
  engine.add({ id: 1, text, published: '2024-07-08' });
  engine.add({ id: 2, text: `${text} More.`, published: '2024-07-09' });
  engine.add({ id: 3, text: `${text} Masthead.`, published: '2024-07-31', publishedNotAfter: true });
  engine.add({ id: 4, text: `${text} Late.`, published: '2024-07-31' });
  assert.equal(engine.article(3)!.storyId, engine.article(1)!.storyId);
  assert.notEqual(engine.article(4)!.storyId, engine.article(1)!.storyId);
  assert.equal(engine.clusterer.stories.get(engine.article(1)!.storyId)!.lastDay, day(2024, 7, 9), 'the bound does not move the story\'s window');
});
