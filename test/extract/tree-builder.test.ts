// The compact tree (html-tokenizer.ts + tree-builder.ts) must be the tree htmlparser2's Parser +
// domhandler build, minus the nodes extraction never reads (comments, doctypes, <style> text):
// checked on markup that exercises every tokenizer and tree-building rule, whole and cut into
// pieces at every position, and on random tag soup. bench/tree-identical.ts checks the dev pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../../src/extract/dom.js';
import { fromOurs, reference } from './tree-shape.js';

const CASES = [
  '<!DOCTYPE html><html lang="en"><head><title>T &amp; U</title><style>p{color:red}</style></head><body><p>one<p>two</body></html>',
  '<div><p>para<div>block</div></p></div><p>x</p></p>',
  '<ul><li>a<li>b<ul><li>c</ul></ul><table><tr><td>1<td>2<tr><th>h</table>',
  'a<!-- c -->b<!-- d --><!-- e -->c<?php x ?>d<![CDATA[e]]>f',
  '<p>x</br>y<br/>z<img src="a.png" alt=\'q &quot; r\'>w</img></p>',
  '<svg viewBox="0 0 1 1"><path d="M0"/><title>icon</title><circle/></svg><div/>text after<span/>',
  '<math><mi>x</mi><mo/></math><p>ok</p>',
  '<a href="x" HREF="y" Class=one class="two" data-x=unq&amp;uoted hidden>link</a>',
  '<script type="application/ld+json">{"a": "<b>&amp;</b>"}</script><script>if (a < b && c) {}</script>',
  '<h1>Head<p>p in h<h2>h2</h1>tail',
  '<select><option>a<option>b<optgroup><option>c</select><input value="v"><button>b</button>',
  '<dl><dt>t<dd>d<dt>t2</dl><ruby>x<rt>y<rp>z</ruby>',
  '<div>caf&eacute; &copy 2024 &#x41;&#66; &nbsp;&notanentity; a&b</div>',
  '<textarea><b>not a tag</b></textarea><title>a <b> b</title><xmp><i></xmp>',
  '<div><span>unclosed <b>bold',
  '<div class="a" id="b"><p>open <a href="/x">link <',
  '<table><tbody><tr><td>a</td></tr><tfoot><tr><td>f</td></tr></table><thead><tbody>',
  '<p>Text &amp',
  'a < b <3 <<div>x</div> </> </ > </ div> </3 bogus> <? pi ?> <!> <!-> x> <!-x> <!--> y <!---> z <![CDATA[ q ]]]> <![CDAX[ w> tail',
  '<a ="x" b= c=\'d\'e=f g=>h</a><img/src="s"/ alt=x/><br/ ><p/ x><a//>y<a\nhref\n=\n"z"\n>',
  '<script>a</scrip</script ><script>x<</script><SCRIPT>y</SCRIPT foo=bar><script/>inner</script><style>a</style/>b</style>',
  '<title>a &amp b </ti&amp; </title&amp; c</title><textarea>&amp;</textarea ><xmp>&lt;</XMP>',
  '&#0; &#x110000; &#55296; &ampx &amp;x &notit; &notin; &AMP; &#X41 <a href="?a=1&amp=2&copy=3&copy;&lt" title=&quot>q</a>',
  '<svg><foreignObject><p>in</p></foreignObject><desc/><title/>t</svg><math><mtext/><mi>x</math>',
];

/** Inputs that end inside a token: htmlparser2's end-of-input rules. */
const CUT_ENDS = ['<', '</', '</  ', '<s', '<scr', '<scripT', '<ti', '<x', '<xm', '<div', '<div a="1', '<div a', '<!', '<!-', '<!-x',
  '<!doc', '<![CDA', '<!--c', '<![CDATA[c', '<?pi', '</3ab', '</div', '&amp', '&am', '&#6', '&#x', '&', '<title>a&amp', '<title>a</tit',
  '<title>a</title', '<script>a</scr', '<script>a</script', '<textarea>a</textarea'].map((end) => `<p>x${end}`);

test('the compact tree matches htmlparser2 + domhandler on tricky markup', () => {
  for (const html of [...CASES, ...CUT_ENDS]) assert.deepEqual(fromOurs(parseHtml(html)), reference(html), html);
});

/** Deterministic tag soup from pieces that exercise the tokenizer's states. */
function soup(seed: number, count: number): string[] {
  const bits = ['<', '>', '/', '</', '<!--', '-->', '<!', '<?', '=', '"', "'", ' ', '\n', '&', '&amp;', '&amp', '&#x41;', '&#', ';',
    'p', 'div', 'script', 'title', 'style', 'svg', 'textarea', 'br', 'li', 'a', 'x', 'href', 'CDATA[', ']]>', '<![', 'td', 'tr',
    'table', 'math', 'DIV', '-', 'word ', 'é'];
  let state = seed;
  const next = (k: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % k;
  };
  const out: string[] = [];
  for (let c = 0; c < count; c++) {
    let html = '';
    for (let len = 3 + next(40); len > 0; len--) html += bits[next(bits.length)]!;
    out.push(html);
  }
  return out;
}

test('random tag soup: the same tree as htmlparser2 + domhandler, whole and in pieces', () => {
  for (const html of soup(42, 3000)) {
    const ours = fromOurs(parseHtml(html));
    assert.deepEqual(ours, reference(html), JSON.stringify(html));
    const cut = Math.floor(html.length / 2);
    assert.deepEqual(fromOurs(parseHtml([html.slice(0, cut), html.slice(cut)])), ours, `${JSON.stringify(html)} cut at ${cut}`);
  }
});

test('pieces give the same tree as the whole page, wherever the cuts fall', () => {
  for (const html of CASES) {
    const whole = reference(html);
    for (let cut = 1; cut < html.length; cut += 3) {
      const pieces = [html.slice(0, cut), html.slice(cut)];
      assert.deepEqual(fromOurs(parseHtml(pieces)), reference(pieces), `${html} cut at ${cut}`);
    }
    assert.deepEqual(fromOurs(parseHtml([html])), whole);
  }
});

test('attributes have no prototype and keep the first of duplicates', () => {
  const doc = parseHtml('<a href="1" href="2" constructor="c">x</a>');
  const a = doc.children[0]!;
  assert.equal(a.type, 'tag');
  if (a.type !== 'tag') return;
  assert.equal(Object.getPrototypeOf(a.attribs), null);
  assert.equal(a.attribs.href, '1');
  assert.equal(a.attribs.constructor, 'c');
});
