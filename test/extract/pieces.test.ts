// The pipeline keeps a decoded page in pieces (decode.ts) and checks nesting on the bytes
// (flatten.ts nestsTooDeep): both must agree with the whole-string versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes } from '../../src/extract/decode.js';
import { limitNesting, nestsTooDeep } from '../../src/extract/flatten.js';
import { extract } from '../../src/extract/index.js';
import type { ExtractWarning } from '../../src/types.js';

const enc = new TextEncoder();

test('pieces of a long UTF-8 page join to the one-shot decoding, cut between characters', () => {
  const text = '<p>' + 'Grüße aus Köln — 東京 🎉 '.repeat(20000) + '</p>';
  const d = decodeBytes(enc.encode(text), undefined, [] as ExtractWarning[]);
  assert.ok(d.chunks.length > 10);
  assert.equal(d.chunks.join(''), text);
  assert.ok(!d.chunks.some((c) => c.includes('\ufffd')));
});

test('pieces of a long legacy-charset page join to the one-shot decoding', () => {
  const bytes = new Uint8Array(100_000).map((_, i) => (i % 7 === 0 ? 0x20 : 0xc0 + (i % 32)));
  const d = decodeBytes(bytes, 'text/html; charset=windows-1251', []);
  assert.equal(d.chunks.join(''), new TextDecoder('windows-1251').decode(bytes));
});

test('the byte scan for deep nesting agrees with the string scan', () => {
  const cases = [
    '<div>'.repeat(1200) + 'x' + '</div>'.repeat(1200),
    '<div>'.repeat(900) + '<br><img src=x><p/>'.repeat(500) + '</div>'.repeat(900),
    '<div>'.repeat(999) + '<script>' + '<div>'.repeat(50) + '</script>' + 'text '.repeat(2000),
    '<div>'.repeat(600) + '<!-- ' + 'ü'.repeat(3000) + ' -->' + '<span>'.repeat(600),
    '<DIV>'.repeat(1001) + 'ä'.repeat(10),
    '<p>' + 'ö '.repeat(6000),
  ];
  for (const html of cases) assert.equal(nestsTooDeep(enc.encode(html)), limitNesting(html).flattened, html.slice(0, 40));
});

test('deeply nested bytes are flattened through extract() as a string would be', () => {
  const html = '<html><body>' + '<div>'.repeat(5000) + '<p>Deep text that survives.</p>' + '</div>'.repeat(5000) + '</body></html>';
  const fromBytes = extract(enc.encode(html));
  const fromString = extract(html);
  assert.ok(fromBytes.warnings.some((w) => w.code === 'deep-nesting'));
  assert.equal(fromBytes.text, fromString.text);
});
