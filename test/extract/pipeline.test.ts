import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, detectKind } from '../../src/extract/index.js';

test('detects HTML and crawl text', () => {
  assert.equal(detectKind('<!DOCTYPE html><html><body><p>x</p></body></html>'), 'html');
  assert.equal(detectKind('Headline\n\nFirst paragraph of a story.\n\nSecond one.'), 'text');
  assert.equal(detectKind('Some words <p> kept by a crawler\n\nmore words'), 'text');
  assert.equal(detectKind('plain', 'text/html; charset=utf-8'), 'html');
});

test('empty and binary input give an article with a warning, not a crash', () => {
  const empty = extract(new Uint8Array());
  assert.equal(empty.text, '');
  assert.ok(empty.warnings.some((w) => w.code === 'empty-input'));
  const png = extract(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  assert.ok(png.warnings.some((w) => w.code === 'binary-input'));
});

test('bytes are decoded by declared charset when not valid UTF-8', () => {
  const html = '<html><head><meta charset="windows-1251"><title>Новости</title></head><body><article><p>Привет, мир. Это статья.</p></article></body></html>';
  const bytes = Uint8Array.from(Buffer.from(html.replace(/[А-я]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x410 + 0xc0)), 'latin1'));
  const a = extract(bytes);
  assert.equal(a.title, 'Новости');
  assert.match(a.text, /Привет, мир/);
});
