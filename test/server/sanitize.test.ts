import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import { sanitizeHtml, BODY_POLICY, SNIPPET_POLICY } from '../../src/server/sanitize.js';
import { esc, html, raw, safeHttpUrl } from '../../src/server/html.js';
import { XSS_PAYLOADS, XSS_URLS } from '../fixtures/server/xss-payloads.js';

/** Walks sanitised output and fails on any element or attribute outside the policy. */
function assertOnlyAllowed(markup: string, allowed: ReadonlyMap<string, readonly string[]>): void {
  const doc = parseDocument(markup, { decodeEntities: true });
  const stack: AnyNode[] = [...doc.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'script' || node.type === 'style') assert.fail(`script/style element in ${markup}`);
    if (node.type === 'comment' || node.type === 'cdata' || node.type === 'directive') assert.fail(`${node.type} in ${markup}`);
    if (node.type !== 'tag') continue;
    const el = node as Element;
    const attrs = allowed.get(el.name);
    assert.ok(attrs, `element <${el.name}> not allowed in ${markup}`);
    for (const [name, value] of Object.entries(el.attribs)) {
      const ok = attrs.includes(name) || ['rel', 'loading', 'referrerpolicy'].includes(name);
      assert.ok(ok, `attribute ${name} on <${el.name}> in ${markup}`);
      if (name === 'href' || name === 'src') assert.match(value, /^https?:\/\//, `${name}=${value}`);
    }
    stack.push(...el.children);
  }
}

test('every XSS payload comes out as allowed elements and http(s) links only', () => {
  for (const payload of XSS_PAYLOADS) {
    const out = sanitizeHtml(payload);
    assertOnlyAllowed(out, BODY_POLICY.elements);
    assert.doesNotMatch(out, /javascript:|vbscript:|data:text/i, payload);
    const snippet = sanitizeHtml(payload, SNIPPET_POLICY);
    assertOnlyAllowed(snippet, SNIPPET_POLICY.elements);
  }
});

test('payloads inside otherwise good article HTML', () => {
  const body = `<p>Lead ${XSS_PAYLOADS.join('</p><p>')} end</p><h2>Sub</h2>`;
  const out = sanitizeHtml(body);
  assertOnlyAllowed(out, BODY_POLICY.elements);
  // Unclosed <math>/<style> payloads swallow what follows: losing text is the safe failure.
  assert.match(out, /^<p>Lead /);
});

test('keeps the allowed structure and drops attributes outside the allowlist', () => {
  const input = '<h1 class="x">Title</h1><p style="color:red">A <b>bold</b> <i>word</i> and <a href="/rel" title="t" target="_blank">link</a>.</p>'
    + '<figure><img src="https://cdn.example/a.jpg" alt="A &quot;quote&quot;" width="3"><figcaption>Cap</figcaption></figure>'
    + '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><ul><li>one<li>two</ul><pre><code>x &lt; y</code></pre>';
  const out = sanitizeHtml(input, BODY_POLICY, { baseUrl: 'https://news.example/world/story' });
  assert.equal(out,
    '<h2>Title</h2><p>A <strong>bold</strong> <em>word</em> and <a href="https://news.example/rel" rel="nofollow noopener noreferrer ugc">link</a>.</p>'
    + '<figure><img src="https://cdn.example/a.jpg" alt="A &quot;quote&quot;" loading="lazy" referrerpolicy="no-referrer"><figcaption>Cap</figcaption></figure>'
    + '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><ul><li>one</li><li>two</li></ul><pre><code>x &lt; y</code></pre>');
});

test('relative links without a base, and javascript: links, lose the link but keep the text', () => {
  assert.equal(sanitizeHtml('<p><a href="/x">rel</a> <a href="javascript:alert(1)">js</a></p>'), '<p>rel js</p>');
});

test('output is balanced whatever the input', () => {
  assert.equal(sanitizeHtml('<p>open <strong>bold'), '<p>open <strong>bold</strong></p>');
  assert.equal(sanitizeHtml('</div></main><p>x</p></body>'), '<p>x</p>');
  assert.equal(sanitizeHtml('<blockquote><p>q</blockquote>after'), '<blockquote><p>q</p></blockquote>after');
});

test('script and style contents vanish; other unknown elements keep their text', () => {
  assert.equal(sanitizeHtml('<div><span>kept</span><script>gone()</script><style>p{}</style></div>'), 'kept');
  assert.equal(sanitizeHtml('<svg><text>gone</text></svg><p>kept</p>'), '<p>kept</p>');
});

test('snippet policy keeps <mark> and escapes the rest', () => {
  assert.equal(sanitizeHtml('a &lt;b&gt; <mark>hit</mark> <em>x</em>', SNIPPET_POLICY), 'a &lt;b&gt; <mark>hit</mark> x');
});

test('html template escapes interpolations unless SafeHtml', () => {
  const evil = '<script>"\'&`';
  assert.equal(html`<p title="${evil}">${evil}${raw('<br>')}</p>`.value, '<p title="&lt;script&gt;&quot;&#39;&amp;&#96;">&lt;script&gt;&quot;&#39;&amp;&#96;<br></p>');
  assert.equal(esc(undefined), '');
  assert.equal(html`${['<a>', raw('<b>')]}`.value, '&lt;a&gt;<b>');
});

test('safeHttpUrl refuses every non-http(s) URL', () => {
  for (const u of XSS_URLS) {
    const r = safeHttpUrl(u);
    if (r !== undefined) assert.match(r, /^https:\/\/example\.com\//, u);
    if (r) assert.doesNotMatch(r, /[<>"]/, u);
  }
  assert.equal(safeHttpUrl('https://a.example/b?c=1#d'), 'https://a.example/b?c=1#d');
  assert.equal(safeHttpUrl('https://user:pw@a.example/'), undefined);
  assert.equal(safeHttpUrl('b', 'https://a.example/x/'), 'https://a.example/x/b');
});
