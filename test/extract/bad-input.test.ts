// Bad input through extract(): every case yields an Article with a warning, never a crash or a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { extract } from '../../src/extract/index.js';
import type { Article } from '../../src/types.js';

const has = (a: Article, code: string) => a.warnings.some((w) => w.code === code);

test('empty input', () => {
  for (const input of [new Uint8Array(), '', '   \n\t ']) {
    const a = extract(input);
    assert.equal(a.text, '');
    assert.ok(has(a, 'empty-input'), JSON.stringify(a.warnings));
  }
});

test('binary input: PNG, PDF, gzip of garbage, random bytes', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const pdf = new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n');
  let seed = 7;
  const garbage = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
  for (const bytes of [png, pdf, gzipSync(garbage), garbage]) {
    const a = extract(bytes, { url: 'https://example.com/x' });
    assert.ok(has(a, 'binary-input'), JSON.stringify(a.warnings));
    assert.equal(a.text, '');
    assert.equal(a.url, 'https://example.com/x');
  }
});

test('a 50 MB page is truncated with a warning', () => {
  const para = '<p>' + 'Word after word in a very long article body. '.repeat(20) + '</p>\n';
  const head = '<html><head><title>Huge page</title><meta property="article:published_time" content="2024-03-05T10:00:00Z"></head><body><article><h1>Huge page</h1>';
  const big = head + para.repeat(Math.ceil(50e6 / para.length)) + '</article></body></html>';
  assert.ok(big.length >= 50e6);
  const a = extract(new TextEncoder().encode(big));
  assert.ok(has(a, 'input-truncated'));
  assert.equal(a.title, 'Huge page');
  assert.equal(a.published?.slice(0, 10), '2024-03-05');
  assert.ok(a.wordCount > 1000);
});

test('100,000 nested elements', () => {
  const depth = 100_000;
  const html = '<html><head><title>Deep</title></head><body>' + '<div>'.repeat(depth) + '<p>Deep inside the tree there is a paragraph of text that should not crash anything.</p>' + '</div>'.repeat(depth) + '</body></html>';
  const a = extract(html);
  assert.equal(a.title, 'Deep');
  assert.ok(has(a, 'deep-nesting'));
  assert.ok(a.text.includes('Deep inside the tree'), a.text.slice(0, 100));
});

test('unclosed tags', () => {
  const html = '<html><head><title>Unclosed | Site</title><body><article><h1>Unclosed</h1><div><p>First paragraph of the story, never closed, long enough to count as text.<p>Second paragraph <b>bold <i>italic <a href="/x">link';
  const a = extract(html, { url: 'https://site.example/news/2024/05/06/unclosed' });
  assert.equal(a.title, 'Unclosed');
  assert.equal(a.published, '2024-05-06');
  assert.ok(a.text.includes('First paragraph'));
});

test('wrong and unknown charsets', () => {
  const ru = 'Правительство объявило новые меры поддержки для малого бизнеса в регионах страны.';
  const bytes = Uint8Array.from([...new TextEncoder().encode('<html><head><meta charset="utf-8"><title>x</title></head><body><article><p>')]);
  const cp1251 = Uint8Array.from([...ru].map((c) => (c.charCodeAt(0) >= 0x410 ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));
  const tail = new TextEncoder().encode('</p></article></body></html>');
  const a = extract(Uint8Array.from([...bytes, ...cp1251, ...tail]));
  assert.ok(a.text.includes(ru), a.text);
  assert.ok(has(a, 'charset-mismatch'));

  const b = extract(new TextEncoder().encode('<html><head><meta charset="x-no-such-charset"><title>Grüße</title></head><body><p>Grüße aus Köln und überall.</p></body></html>'));
  assert.ok(has(b, 'charset-unknown'));
  assert.equal(b.title, 'Grüße');
});

test('text with no article in it', () => {
  const a = extract('<html><head><title>Login</title></head><body><nav><a href="/">Home</a></nav><form><input name="u"><button>Sign in</button></form></body></html>');
  assert.equal(a.title, 'Login');
  assert.ok(has(a, 'no-main-content'), JSON.stringify(a.warnings));
  const t = extract('Home | News | Sport | Weather', { kind: 'text' });
  assert.ok(Array.isArray(t.warnings));
});

test('hostile metadata: broken JSON-LD, absurd dates, giant attributes', () => {
  const html = `<html lang="xx_YY_not-a-tag!!"><head><title>${'A '.repeat(5000)}</title>
    <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "3024-01-01", broken</script>
    <script type="application/ld+json">{"@type":"NewsArticle","@graph":${'['.repeat(5000)}${']'.repeat(5000)}}</script>
    <meta property="article:published_time" content="1970-01-01T00:00:00Z">
    <meta name="author" content="${'x'.repeat(100000)}"></head><body><p>Body text.</p></body></html>`;
  const a = extract(html);
  assert.equal(a.published, undefined);
  assert.equal(a.language, undefined);
  assert.ok((a.title ?? '').length <= 500);
});
