// The compact tree (tree-builder.ts) must be the tree htmlparser2's Parser + domhandler build,
// minus the nodes extraction never reads (comments, doctypes, <style> text): checked on markup
// that exercises every tree-building rule, whole and cut into pieces at every position.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Parser } from 'htmlparser2';
import { DomHandler, type AnyNode as DhNode } from 'domhandler';
import { parseHtml, type AnyNode } from '../../src/extract/dom.js';

type Shape = string | { name: string; type: string; attribs: Array<[string, string]>; children: Shape[] };

function fromDomhandler(node: DhNode, inStyle = false): Shape[] {
  if (node.type === 'text') return inStyle ? [] : [(node as unknown as { data: string }).data];
  if (node.type === 'comment' || node.type === 'directive') return [];
  if (node.type === 'root') return (node as unknown as { children: DhNode[] }).children.flatMap((k) => fromDomhandler(k));
  const el = node as unknown as { name: string; type: string; attribs: Record<string, string>; children: DhNode[] };
  return [{ name: el.name, type: el.type, attribs: Object.entries(el.attribs), children: el.children.flatMap((k) => fromDomhandler(k, el.name === 'style')) }];
}

function fromOurs(node: AnyNode): Shape[] {
  if (node.type === 'text') return [node.data];
  if (node.type === 'root') return node.children.flatMap(fromOurs);
  for (const k of node.children) assert.equal(k.parent, node, 'parent link');
  return [{ name: node.name, type: node.type, attribs: Object.entries(node.attribs), children: node.children.flatMap(fromOurs) }];
}

function reference(html: string | string[]): Shape[] {
  const handler = new DomHandler();
  const parser = new Parser(handler, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
  for (const piece of typeof html === 'string' ? [html] : html) parser.write(piece);
  parser.end();
  return fromDomhandler(handler.root as unknown as DhNode);
}

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
];

test('the compact tree matches htmlparser2 + domhandler on tricky markup', () => {
  for (const html of CASES) assert.deepEqual(fromOurs(parseHtml(html)), reference(html), html);
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
