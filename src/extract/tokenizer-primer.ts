// A one-time warm-up of the HTML tokenizer and tree builder, run on the first parse in each
// process or worker thread: a small made-up page that goes once through every branch of their
// grammar (cut pieces, odd attributes, entities, comments, raw text, implied closes, foreign
// content, non-Latin text). Why: V8 optimises a hot function for the cases it has seen so far and
// throws that code away ("deoptimises") the first time a page takes a branch never taken before,
// then compiles the whole function again — the tokenizer's startTag, with the tree builder inlined
// into it, was compiled about ten times over the first few hundred real pages, each compile costing
// milliseconds of CPU. Seeing every branch once before the first optimisation lets V8 compile
// these functions once. The priming page only takes branches that real pages take anyway (each of
// them deoptimised the tokenizer on the dev sets), so the optimised code is the one a long batch
// ends up with; it costs well under a millisecond, once. Its tree is thrown away: no output changes.
import type { Document } from './dom.js';
import { nestsTooDeep } from './flatten.js';
import { parseHtml as parseWithTokenizer } from './html-tokenizer.js';

/** Pieces of the priming page: cut inside a tag, after a tag's '/', in an attribute value, an entity, a comment and a raw-text end tag. */
export const PRIMER: readonly string[] = [
  '<!DOCTYPE html>\n<?xml version="1.0"?><HTML lang=en><head><meta charset="utf-8"><TITLE>A &amp; B &mdash; &#x41;&#66; x</title >',
  '<title>Ti &amp</title><meta name=description content=\'a "quoted" &lt;text&gt; &copy=1 &ampx &#x1F600;\'><link rel="stylesheet" href=/s.css />',
  '<style>p{color:red}</st</style ><script type="application/ld+json">{"a":"</scr"}</script>',
  '<script>if (a < b && c > d) {}</SCRIPT><script>var s = 1;</scr',
  'ipt></head>\n<body class="page x" data-x = "1" data-y=2 hidden>',
  '<!-- a comment --><!---><!--->x<!-x><![CDATA[ cdata ]]><![CDAT x><!bogus><?pi?></3 bogus></><//> </ >',
  '<div id="main"\tclass=\'content\'\nrole=main\r\fdata-empty= ><p>One &amp two &copy 2025 &notit; &#169; &#xA9; &#0; &#1234567;',
  ' &unknown; a&b < c <3 text &AMP; &Amp; &lt &gt= &nbsp;&nbsp<p>Two<div>implied</div><ul><li>a<li>b</ul><ol><li>1</li></ol><dl><dt>t<dd>d</dl>',
  '<table><thead><tr><th>h<td>c<tbody><tr><td>d</table><select><option>a<optgroup><option>b</select><input value=x><textarea>',
  ' raw <b>not a tag</b> &amp; text</textarea><xmp><i>x</i></xmp><my-widget data-v="&quot;q&quot;" v=a&amp;b>custom</my-widget>',
  '</stray-end></UNKNOWN-TAG-NAME></LI></Span><svg viewBox="0 0 1 1"><path d="M0 0"/><g><circle r=1 /></g><foreignObject><p>in</p></foreignObject><title>t</title></svg>',
  '<math><mi>x</mi><mo/></math><br/><br /><br/ ><input / x=1><img src="a.jpg" alt=\'\' srcset="a.jpg 1x, b.jpg 2x"/><hr><p/>after</p></br></p><br/',
  '><a href="/x?a=1&amp;b=2&c=3&copy;">link</a ><SPAN CLASS=Upper>UPPER</SPAN><P>Ünïcödé — 東京 текст عربي 🎉</P><Custom-Element>x</Custom-Element>',
  '<section><article><h1>Head</h1><h2>Sub<p>para</h2></article></section><div/><span/><p attr="unclosed',
  ' value">x</p><p>cut &am',
  'p; entity</p><p>end <',
  '/p></svg></math></title><br/><div>tail &am',
];

/** Bytes that the nesting scan (flatten.ts) reads before parsing: the page repeated past its size threshold. */
const PRIMER_BYTES = new TextEncoder().encode(PRIMER.join('').repeat(4));

/**
 * V8 records what a function sees only once the function has run a few times (its feedback is
 * allocated lazily), so the page goes through several times.
 */
const ROUNDS = 3;

let primed = false;

function prime(): void {
  primed = true;
  const whole = PRIMER.join('');
  for (let k = 0; k < ROUNDS; k++) {
    parseWithTokenizer(PRIMER);
    parseWithTokenizer(whole);
    parseWithTokenizer('<p>unclosed <b>tag <i a="1" b=2');
    nestsTooDeep(PRIMER_BYTES);
  }
}

/** Parse a page given whole or in pieces (html-tokenizer.ts), the tokenizer primed on the first call. */
export function parseHtml(html: string | readonly string[]): Document {
  if (!primed) prime();
  return parseWithTokenizer(html);
}
