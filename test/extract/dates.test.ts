import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateString, timezoneForUrl } from '../../src/extract/dates/index.js';

test('parses the seed stamp with a Bangladesh zone', () => {
  assert.equal(parseDateString('15 Oct 2025 07:36 PM', { timezone: 'Asia/Dhaka' }), '2025-10-15T19:36:00+06:00');
  assert.equal(parseDateString('15 Oct 2025 07:36 PM'), '2025-10-15T19:36:00');
  assert.equal(timezoneForUrl(new URL('https://bangladeshpost.net/posts/x')), 'Asia/Dhaka');
});

test('keeps stated offsets, rejects impossible dates', () => {
  assert.equal(parseDateString('2015-07-24T05:36:09+01:00'), '2015-07-24T05:36:09+01:00');
  assert.equal(parseDateString('October 15, 2025'), '2025-10-15');
  assert.equal(parseDateString('2025-02-30'), undefined);
  assert.equal(parseDateString('1970-01-01'), undefined);
  assert.equal(parseDateString('2999-01-01'), undefined);
});
