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

test('a list introduced by a colon at the end of the article stays, a menu after it does not', () => {
  const text = [
    'Garden Journal', menu,
    'How to care for witch hazel in winter',
    para('witch hazel'), para('the flowers'),
    'The essentials in brief:',
    'very hardy', 'flowers in winter', 'no fertiliser needed', 'water on frost-free days',
    'Imprint', 'Privacy', 'Cookies', 'Jobs',
  ].join('\n\n');
  const a = extract(text, { kind: 'text' });
  for (const item of ['The essentials in brief:', 'very hardy', 'water on frost-free days']) assert.ok(a.text.includes(item), `missing ${item}: ${a.text}`);
  assert.ok(!a.text.includes('Imprint'));
});

test('inline "read also" labels in several languages are dropped from the body', () => {
  const labels = ['Czytaj też', 'VEA TAMBIÉN: Otra noticia que no es esta', 'Pour approfondir', 'Zurück zur Übersicht', 'Hinterlasse eine Antwort'];
  const text = ['News', menu, 'The harbour bridge will close', para('the bridge'), labels[0], para('the buses'), labels[1], para('the costs'), labels[2], labels[3], labels[4], 'Imprint'].join('\n\n');
  const a = extract(text, { kind: 'text' });
  assert.ok(a.text.includes('the bridge') && a.text.includes('the costs'));
  for (const l of labels) assert.ok(!a.text.includes(l), `kept ${l}`);
});

test('without a stamp line, a date in front of the lede or a "posted on" sentence is the publication date', () => {
  const lede = ['Vereinsnachrichten', menu, 'Gedenken an die Verfolgten', '27.1.2022 - Bei der Erinnerung an die Verfolgten waren viele Gruppen vertreten, und der Verein hat an diesem Tag drei neue Steine verlegt.', para('the memorial'), 'Impressum'].join('\n\n');
  assert.equal(extract(lede, { kind: 'text' }).published, '2022-01-27');
  const footer = ['Blog', menu, 'Animated typography', para('animated type'), para('reading on screens'),
    'Animated typography wurde am 19. Mai 2010 um 23:03 Uhr gepostet und unter Lesenswert abgelegt.', 'Impressum'].join('\n\n');
  assert.equal(extract(footer, { kind: 'text' }).published?.slice(0, 16), '2010-05-19T23:03');
});

test('a long video-player widget (90 short lines) between two halves of the article does not end it', () => {
  const player: string[] = [];
  for (let i = 0; i < 90; i++) player.push(['Play', 'Mute', 'White', 'Black', 'Red', 'Opaque', 'Captions', '50%', '75%', '---'][i % 10]!);
  const text = ['News', menu, 'Seven secrets of hotel owners', para('hotel cleaning'), para('towels'), para('bed sheets'), ...player,
    para('luggage racks') + ' ' + para('minibars'), para('hair dryers'), para('room prices'), 'Imprint'].join('\n\n');
  const a = extract(text, { kind: 'text' });
  assert.ok(a.text.includes('bed sheets') && a.text.includes('room prices'), a.text.slice(0, 200));
  assert.ok(!a.text.includes('Opaque'));
});

test('a one-word slug names the headline only when a line is exactly that word', () => {
  const disclaimer = 'On this blog there are links to other websites now and then. I have no influence on what those websites say, and I am not responsible for any of it, whatever anyone may claim about that in the future or in the past, here or elsewhere.';
  const text = ['My Photo Blog', menu, 'Scherenschnitt', 'Published: 05.01.2020 | Author: me',
    'The camera chose ISO 1250 by itself, which looks quite decent for a night shot, although it is a little noisy in the dark parts.',
    'Had the aeroplane been a meteor, I would have liked a second trail for the second photo, but you cannot have everything.',
    'Share this:', 'Twitter', 'Facebook', 'Comments', ...Array.from({ length: 120 }, (_, i) => `Tag${i}`),
    'Liability for external links', disclaimer, disclaimer.replace('blog', 'site')].join('\n\n');
  const a = extract(text, { kind: 'text', url: 'https://photos.example/2020/01/05/scherenschnitt-3/' });
  assert.equal(a.title, 'Scherenschnitt');
  assert.ok(a.text.includes('ISO 1250') && !a.text.includes('no influence'), a.text.slice(0, 200));
});

test('a dated picture gallery inside the article is neither the article nor a live blog', () => {
  const gallery: string[] = [];
  for (let d = 60; d >= 1; d--) gallery.push('News in pictures', `${(d % 28) + 1} October 2020`, `Large waves crash over the harbour wall number ${d} during strong winds on the south coast, as seen from the pier.`, 'PA');
  const text = ['News', menu, 'Fines for false contact reports', para('the new fines'), para('the legislation'), ...gallery,
    para('the penalties for a first offence') + ' ' + para('the employers'), para('the pubs'), para('the music ban'), 'More about', 'Comments'].join('\n\n');
  const a = extract(text, { kind: 'text' });
  assert.ok(a.text.includes('the new fines') && a.text.includes('the music ban'), a.text.slice(0, 300));
  // (The caption of the last picture, after the last date, is still taken for article text.)
  assert.ok(!a.text.includes('harbour wall number 20') && !a.text.includes('News in pictures'));
});
