// The seed crawl record of issue 2 (../shared/seed): section, headline, local publication time
// (with the Bangladesh offset when the site or a timezone is known) and a clean body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../src/extract/index.js';

const here = dirname(fileURLToPath(import.meta.url));
// ../shared beside the checkout; git worktrees sit one folder deeper.
const candidates = [resolve(here, '../../../shared/seed'), resolve(here, '../../../../shared/seed')];
const seedDir = candidates.find((d) => existsSync(join(d, '000_d723b47e1a5ac468.txt')));
const skip = seedDir ? false : `seed record not found (looked in ${candidates.join(', ')})`;
const seed = () => readFileSync(join(seedDir!, '000_d723b47e1a5ac468.txt'));

const TITLE = 'Syria’s interim leader meets Putin in Moscow to discuss future ties';

test('seed: section, title, body bounds, no furniture', { skip }, () => {
  const a = extract(seed(), { url: 'https://bangladeshpost.net/posts/syria-s-interim-leader-meets-putin-in-moscow' });
  assert.equal(a.section, 'World');
  assert.equal(a.title, TITLE);
  assert.ok(a.text.startsWith('Syria’s interim President Ahmad al-Sharaa, '), a.text.slice(0, 80));
  assert.ok(a.text.endsWith(' across the Middle East.'), a.text.slice(-80));
  for (const out of [a.text, a.markdown, a.html, JSON.stringify(a)]) assert.ok(!out.includes('Clicky'));
  assert.ok(!a.text.includes(TITLE));
  assert.ok(!a.text.split('\n\n').includes('World'));
  assert.ok(!/Published/.test(a.text));
  assert.equal(a.text.split('\n\n').length, 9);
  assert.equal(a.language, 'en');
});

test('seed: published time is local, with +06:00 when Bangladesh is known', { skip }, () => {
  assert.equal(extract(seed(), { url: 'https://bangladeshpost.net/posts/x' }).published, '2025-10-15T19:36:00+06:00');
  assert.equal(extract(seed(), { timezone: 'Asia/Dhaka' }).published, '2025-10-15T19:36:00+06:00');
  assert.equal(extract(seed()).published, '2025-10-15T19:36:00');
  // An explicit timezone wins over the URL's hint.
  assert.equal(extract(seed(), { url: 'https://bangladeshpost.net/posts/x', timezone: 'UTC' }).published, '2025-10-15T19:36:00+00:00');
});
