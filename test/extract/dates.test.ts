import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFromUrl, parseDateString, timezoneForUrl, utcToZone } from '../../src/extract/dates/index.js';

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

test('dates written in words and numbers in many languages', () => {
  const cases: Array<[string, string]> = [
    ['Veröffentlicht am 15. Oktober 2025, 19:36 Uhr', '2025-10-15T19:36:00'],
    ['le 3 mars 2021 à 10h15', '2021-03-03T10:15:00'],
    ['15 de octubre de 2025', '2025-10-15'],
    ['3 marca 2022', '2022-03-03'],
    ['12 settembre 2019', '2019-09-12'],
    ['5 июня 2020 г.', '2020-06-05'],
    ['2021. március 3.', '2021-03-03'],
    ['2025年10月15日', '2025-10-15'],
    ['2024년 1월 9일', '2024-01-09'],
    ['Oct. 15, 2025 at 7:36 p.m. EDT', '2025-10-15T19:36:00-04:00'],
    ['Wednesday, October 16, 2019', '2019-10-16'],
    ['16.10.2019 - 18:15', '2019-10-16T18:15:00'],
    ['20191016', '2019-10-16'],
    ['1571234567', '2019-10-16T14:02:47+00:00'],
  ];
  for (const [input, want] of cases) assert.equal(parseDateString(input), want, input);
});

test('numeric day/month order follows the language for slashes only', () => {
  assert.equal(parseDateString('3/4/2025', { order: 'mdy' }), '2025-03-04');
  assert.equal(parseDateString('3/4/2025', { order: 'dmy' }), '2025-04-03');
  assert.equal(parseDateString('25/12/2024', { order: 'mdy' }), '2024-12-25');
  assert.equal(parseDateString('3.4.2025', { order: 'mdy' }), '2025-04-03');
});

test('UTC stamps re-expressed in the site zone; URL dates', () => {
  assert.equal(utcToZone('2023-11-01T23:01:00+00:00', 'Europe/Rome'), '2023-11-02T00:01:00+01:00');
  assert.equal(utcToZone('2023-11-01T23:01:00-05:00', 'Europe/Rome'), '2023-11-01T23:01:00-05:00');
  assert.equal(dateFromUrl(new URL('https://x.example/2025/10/15/story')), '2025-10-15');
  assert.equal(dateFromUrl(new URL('https://x.example/news/20251015-story.html')), '2025-10-15');
  assert.equal(dateFromUrl(new URL('https://x.example/id/12345678901')), undefined);
});
