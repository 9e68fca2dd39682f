import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes } from '../../src/extract/decode.js';
import { extract } from '../../src/extract/index.js';
import type { ExtractWarning } from '../../src/types.js';
import { encode } from './charset-helpers.js';

const SAMPLES: Record<string, string> = {
  'windows-1251': 'Президент России заявил, что переговоры продолжатся на следующей неделе в Москве.',
  'windows-1252': 'Le président a déclaré que les négociations reprendraient à Genève après l’été — «enfin».',
  'iso-8859-2': 'Prezydent powiedział, że rozmowy będą kontynuowane w przyszłym tygodniu w Łodzi.',
  gbk: '中国国家主席今天在北京会见了来访的外国领导人，双方就发展两国关系交换了意见。',
  big5: '中華民國總統今天在臺北會見了來訪的外國領導人，雙方就發展兩國關係交換了意見。',
  shift_jis: '日本の首相は今日、東京で外国の首脳と会談し、両国の関係について意見を交換した。',
  'euc-kr': '대통령은 오늘 서울에서 외국 정상과 회담을 갖고 양국 관계 발전에 대해 의견을 나눴다.',
};

function page(body: string, head = ''): string {
  return `<html><head>${head}<title>T</title></head><body><article><p>${body}</p><p>${body}</p></article></body></html>`;
}

const decode = (bytes: Uint8Array, ct?: string) => {
  const warnings: ExtractWarning[] = [];
  return { ...decodeBytes(bytes, ct, warnings), warnings };
};

for (const [charset, text] of Object.entries(SAMPLES)) {
  test(`decodes declared ${charset}`, () => {
    const d = decode(encode(page(text, `<meta charset="${charset}">`), charset));
    assert.ok(d.text.includes(text), d.text.slice(0, 200));
  });
  test(`guesses undeclared ${charset}`, () => {
    const d = decode(encode(page(text), charset));
    assert.ok(d.text.includes(text), `${d.charset}: ${d.text.slice(0, 200)}`);
    assert.ok(d.warnings.some((w) => w.code === 'charset-guessed'));
  });
}

test('a wrong declaration falls back to the charset the text reads in', () => {
  // Declared UTF-8, really windows-1251.
  const a = decode(encode(page(SAMPLES['windows-1251']!, '<meta charset="utf-8">'), 'windows-1251'));
  assert.ok(a.text.includes(SAMPLES['windows-1251']!));
  assert.ok(a.warnings.some((w) => w.code === 'charset-mismatch'));
  // Declared ISO-8859-1, really windows-1251.
  const b = decode(encode(page(SAMPLES['windows-1251']!, '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'), 'windows-1251'));
  assert.ok(b.text.includes(SAMPLES['windows-1251']!));
  // Declared Shift_JIS, really GBK.
  const c = decode(encode(page(SAMPLES.gbk!, '<meta charset="shift_jis">'), 'gbk'));
  assert.ok(c.text.includes(SAMPLES.gbk!));
  // Declared ISO-8859-1, really UTF-8.
  const d = decode(new TextEncoder().encode(page('Grüße aus Köln', '<meta charset="iso-8859-1">')));
  assert.ok(d.text.includes('Grüße aus Köln'));
});

test('the Content-Type header outranks <meta charset>', () => {
  const d = decode(encode(page(SAMPLES['windows-1251']!, '<meta charset="windows-1252">'), 'windows-1251'), 'text/html; charset=windows-1251');
  assert.equal(d.charset, 'windows-1251');
  assert.ok(d.text.includes(SAMPLES['windows-1251']!));
});

test('windows-1252 punctuation in 0x80–0x9F decodes like a browser', () => {
  const d = decode(Uint8Array.from([...Buffer.from('<meta charset="windows-1252"><p>It'), 0x92, ...Buffer.from('s '), 0x93, ...Buffer.from('fine'), 0x94, 0x20, 0x80, ...Buffer.from('5 caf'), 0xe9]));
  assert.ok(d.text.includes('It’s “fine” €5 café'), d.text);
});

test('byte-order marks decide, with or without a declaration', () => {
  const utf8 = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>Ünïcödé</p>')]);
  assert.equal(decode(utf8).text, '<p>Ünïcödé</p>');
  const le = Buffer.from('\ufeff<p>Grüße</p>', 'utf16le');
  assert.equal(decode(le).text, '<p>Grüße</p>');
  const noBom = Buffer.from('<html><body><p>Grüße aus Köln</p></body></html>', 'utf16le');
  assert.ok(decode(noBom).text.includes('Grüße aus Köln'));
});

test('extract() reads a legacy-charset page end to end', () => {
  const html = `<html lang="ru"><head><meta charset="windows-1251"><title>Новости дня</title></head><body><article><h1>Новости дня</h1><p>${SAMPLES['windows-1251']}</p></article></body></html>`;
  const a = extract(encode(html, 'windows-1251'));
  assert.equal(a.title, 'Новости дня');
  assert.equal(a.language, 'ru');
  assert.ok(a.text.includes('переговоры продолжатся'));
});
