// The tokenizer primer (tokenizer-primer.ts) warms V8 up on a made-up page at the first parse: it
// must leave no trace in the trees that follow, and its page must be one htmlparser2 agrees on
// (so that priming goes through the real grammar branches, not an error path).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml as primedParse } from '../../src/extract/dom.js';
import { parseHtml as plainParse } from '../../src/extract/html-tokenizer.js';
import { PRIMER } from '../../src/extract/tokenizer-primer.js';
import { fromOurs, reference } from './tree-shape.js';

const PAGE = '<html><head><title>T &amp; U</title></head><body><div class=a><p>one<p>two &copy; <b>x</b></div><svg><path/></svg></body></html>';

test('the first (priming) parse gives the same tree as the plain tokenizer, and so do later ones', () => {
  const first = fromOurs(primedParse(PAGE));
  assert.deepEqual(first, fromOurs(plainParse(PAGE)));
  assert.deepEqual(fromOurs(primedParse([PAGE.slice(0, 40), PAGE.slice(40)])), first);
});

test('the priming page parses to the tree htmlparser2 builds, whole and in its pieces', () => {
  const whole = PRIMER.join('');
  assert.deepEqual(fromOurs(plainParse(whole)), reference(whole));
  assert.deepEqual(fromOurs(plainParse(PRIMER)), reference(whole));
});
