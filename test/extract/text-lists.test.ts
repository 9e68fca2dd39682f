// Crawl text: typed bullet lists and sentences cut by <br> line breaks (self-written records).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/extract/index.js';

const menu = ['Home', 'News', 'Sport', 'Weather', 'About', 'Contact'].join('\n\n');

test('a list of typed-bullet lines is the article, not a menu', () => {
  const items = [
    '+ Added granite, andesite and diorite stone blocks',
    '+ Added slime block',
    '+ Added iron trapdoor',
    '+ Added prismarine and sea lantern blocks',
    '+ Villagers will harvest crops and plant new ones',
    '* Difficulty setting is saved per world, and can be locked',
    '* Enchanting has been redone and now costs lapis',
    '* Tweaked the debug screen',
  ];
  const text = `Game News\n\n${menu}\n\nVersion 1.8 - The Big Update\n\n${items.join('\n')}\n\nOlder posts\n\n${menu}\n`;
  const a = extract(text, { kind: 'text' });
  for (const it of items) assert.ok(a.text.includes(it), `missing ${it}`);
  assert.ok(!a.text.includes('Weather'));
});

test('sentences cut across blank lines by <br>s are joined back, headlines are not', () => {
  const text = [
    'Weekly Notes',
    menu,
    'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod',
    'tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam,',
    'quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo',
    'consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse.',
    'Harbour seals return to the northern estuary after forty years',
    'von Anna Schmidt',
    'A colony of harbour seals has settled on the sandbanks, the survey team said on Monday. The animals were counted from a boat and from the air.',
  ].join('\n\n');
  const a = extract(text, { kind: 'text' });
  assert.ok(a.text.includes('sed do eiusmod tempor incididunt'), a.text);
  assert.ok(a.text.includes('veniam, quis nostrud'));
  assert.ok(!a.text.includes('forty years von Anna'));
});
