// Bodies the top-candidate scheme alone gets wrong: the article split into several same-class
// containers in different branches, and a big data table that outscores the prose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/extract/index.js';

const S = [
  'The city council voted on Tuesday to extend the tram line to the northern districts, a project that has been debated for more than a decade.',
  'Supporters say the extension will cut commuting times in half for about forty thousand residents, while critics point to the rising cost estimates.',
  'Construction is expected to begin next spring, and the first trams could run on the new tracks within three years, according to the transport office.',
  'The council will publish the detailed route, including the locations of the eleven new stops, at a public meeting at the end of the month.',
  'Residents of the old town, where the line ends, asked for a noise study; the transport office promised one before the works begin, in writing.',
];
const paras = (ps: string[]): string => ps.map((p) => `<p>${p}</p>`).join('\n');
const page = (body: string): string => `<!DOCTYPE html><html><head><title>Tram</title></head><body>
  <nav><a href="/">Home</a> <a href="/city">City</a></nav>${body}<footer><p>© 2025 City News</p></footer></body></html>`;

test('an article split into same-class parts in different branches is taken whole, in order', () => {
  const a = extract(page(`<div class="row"><div class="col"><div class="text-block c1">${paras(S.slice(0, 2))}</div></div></div>
    <div class="row"><div class="col"><div class="gallery"><img src="a.jpg" alt=""><img src="b.jpg" alt=""></div></div></div>
    <div class="row"><div class="col"><div class="text-block c2">${paras(S.slice(2))}</div></div></div>
    <div class="row"><div class="col"><div class="teaser-list"><a href="/x">Another story about the city budget</a></div></div></div>`));
  assert.equal(a.text, S.join('\n\n'));
});

test('same-class parts are not taken when the class is not content-like', () => {
  const a = extract(page(`<div class="box">${paras(S)}</div>
    <aside-like><div class="box"><p>Subscribe to our weekly newsletter and get the best stories from the city every Friday morning.</p></div></aside-like>`));
  assert.equal(a.text, S.join('\n\n'));
});

test('a long table of short cells does not outscore the article', () => {
  const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>District number ${i}, north side</td><td>Councillor Name ${i}</td><td>councillor.${i}@city.example</td></tr>`).join('');
  const a = extract(page(`<div class="story">${paras(S)}<div class="table-wrap"><table><caption>Councillors</caption>${rows}</table></div></div>`));
  assert.ok(a.text.startsWith(S[0]!), a.text.slice(0, 100));
  for (const p of S) assert.ok(a.text.includes(p));
});
