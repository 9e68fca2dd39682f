// Crawl text: choosing the article's run of lines when other runs compete (self-written records).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/extract/index.js';

const menu = ['Home', 'News', 'Sport', 'Weather', 'About', 'Contact'].join('\n\n');
const para = (topic: string) => `The committee met again on Thursday to discuss ${topic}, and members said the plan would be published in full next month after a final review by the city's lawyers.`;

test('the run after the headline named by the URL wins over a longer comments widget', () => {
  const comments: string[] = [];
  for (let i = 0; i < 8; i++) comments.push(`reader${i} on Another story number ${i}: “I have lived here for thirty years and I have never seen the council move this fast on anything, which makes me wonder who really profits from all of it in the end.”`);
  const text = [
    'Local News', menu,
    'Harbour bridge to close for repairs in spring',
    '1 November 2023',
    para('the harbour bridge'), para('the detour for buses'), para('the cost of the repairs'),
    'Facebook', 'Twitter', 'Email',
    'Most read', 'Council votes on the budget', 'New school opens in the east', 'Storm warning for the coast', 'Market hall reopens',
    'Police look for witnesses', 'Ferry fares go up again', 'Choir wins national prize', 'Old mill to become a museum', 'Road works on the ring road',
    'Two new bus lines', 'Zoo welcomes a baby giraffe', 'Library extends opening hours',
    'Latest comments', ...comments,
    'Imprint', 'Privacy',
  ].join('\n\n');
  const url = 'https://news.example/articles/31044/harbour-bridge-to-close-for-repairs-in-spring/';
  const a = extract(text, { kind: 'text', url });
  assert.ok(a.text.includes('the harbour bridge') && a.text.includes('the cost of the repairs'), a.text.slice(0, 300));
  assert.ok(!a.text.includes('thirty years'), a.text.slice(0, 300));
  assert.equal(a.title, 'Harbour bridge to close for repairs in spring');
});

test('a table flattened one cell per line does not cut the article in two', () => {
  const cells: string[] = ['Year', 'Wins', 'Points', 'Best finish'];
  for (let y = 2018; y <= 2023; y++) cells.push(String(y), String(y - 2010), `${(y - 2000) * 7}`, `${(y % 5) + 1}.`);
  const text = [
    'Driver check', menu,
    'How the season went for the team',
    para('the first half of the season'),
    'Results since 2018:', ...cells,
    para('the second half of the season') + ' ' + para('the outlook') + ' ' + para('the new car'),
    'Imprint', 'Privacy',
  ].join('\n\n');
  const a = extract(text, { kind: 'text' });
  assert.ok(a.text.includes('the first half of the season'), a.text.slice(0, 300));
  assert.ok(a.text.includes('the second half of the season'));
});

test('the headline is the line the URL slug names, also when the slug spells umlauts as oe/ue', () => {
  const text = [
    'Motorsport', menu,
    'Formel 1',
    'Überraschung für Müller: Großer Sprung nach vorn für Bayerns Jüngste',
    'Die beiden Neulinge im Porträt vor der Saison',
    'Blick in die Boxengasse beim Test in Barcelona',
    '02.02.2022, 11:30 Uhr',
    '© Pressefoto',
    'Die Saison beginnt bald, und die Neulinge stehen in den Startlöchern. Wir haben uns angesehen, wie sie im Vorjahr abgeschnitten haben und was sie in diesem Jahr erreichen können, wenn das Auto mitspielt.',
    'Im Qualifying fehlte beiden noch die Erfahrung, im Rennen dagegen zeigten sie schon gute Ansätze. Die Teamchefs sind zufrieden, wollen aber mehr sehen, bevor sie über neue Verträge sprechen.',
    'Impressum', 'Datenschutz',
  ].join('\n\n');
  const url = 'https://motorsport.example/formel1/news-1234-ueberraschung-fuer-mueller-grosser-sprung-nach-vorn-fuer-bayerns-juengste/';
  const a = extract(text, { kind: 'text', url });
  assert.equal(a.title, 'Überraschung für Müller: Großer Sprung nach vorn für Bayerns Jüngste');
  assert.ok(a.text.includes('Die Saison beginnt bald'));
});

test('an author box under the article (name line, then a bio opening with that name) is not body', () => {
  const text = [
    'Tech Blog', menu,
    'Why the old build system had to go',
    para('the build system'), para('the migration'), para('the results'),
    'About the author',
    'Jane Roe',
    'Jane is a staff engineer who has worked on compilers and build tools for fifteen years, and she writes about them here.',
    'Tags', 'Imprint', 'Privacy',
  ].join('\n\n');
  const a = extract(text, { kind: 'text' });
  assert.ok(a.text.includes('the results'));
  assert.ok(!a.text.includes('staff engineer') && !a.text.includes('About the author'), a.text);
});

test('a paragraph opening with the name in a caption line above it stays when the story goes on', () => {
  const text = [
    'Boxing', menu,
    'Champion returns to the ring on Saturday',
    para('the fight'),
    'Liam Williams',
    'Liam Williams fought for the world title last April and lasted the full twelve rounds against the champion, which surprised many.',
    para('the next title shot'),
    'Imprint', 'Privacy',
  ].join('\n\n');
  const a = extract(text, { kind: 'text' });
  assert.ok(a.text.includes('lasted the full twelve rounds') && a.text.includes('the next title shot'), a.text);
});
