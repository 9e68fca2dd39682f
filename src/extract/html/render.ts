// Pass 4: the kept subtrees → plain text (the bench's paragraph rules: every block starts a
// paragraph, <br> is a line break), Markdown, and safe minimal HTML (whitelisted elements,
// href/src/alt only, http(s) links, lazy images resolved, URLs made absolute). One iterative walk.
import type { AnyNode, Element } from '../dom.js';
import { escapeHtml, escapeMarkdown, type BodyOutputs } from '../render.js';
import type { PageIndex } from './analyze.js';
import { BLOCK_TAGS } from './hints.js';
import { imageSource, resolveHttp } from './urls.js';

/** Blocks that take inline content only (nested blocks are flattened into line breaks). */
const LEAF: Record<string, string> = {
  p: 'p', h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h5', h6: 'h6', pre: 'pre', dt: 'p', dd: 'p',
  figcaption: 'figcaption', caption: 'p', address: 'p', summary: 'p', legend: 'p',
};
const INLINE_TAG: Record<string, string> = { em: 'em', i: 'em', strong: 'strong', b: 'strong', code: 'code', a: 'a' };
const MD_MARK: Record<string, string> = { em: '*', i: '*', strong: '**', b: '**', code: '`' };

const NEEDS_COLLAPSE = /[\t\n\r\f\v\u00a0]| {2}/;
const MD_SPECIAL = /[\\`*_[\]<>#+-]|^\s*\d+\./;
const HTML_SPECIAL = /[&<>]/;
const NOT_SPACE = /\S/;

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** ASCII characters that are part of a word for countWordsFast: letters, digits, ' - _. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = c > 0x20 && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x27 || c === 0x2d || c === 0x5f) ? 1 : 0;

/**
 * Words without regular expressions over the whole text: a run of letters/digits counts one,
 * and each character of an unspaced script (CJK, kana, Thai, Lao, Khmer, Myanmar) counts one —
 * the same rule as countWords in ../render.ts, in one pass over char codes.
 */
export function countWordsFast(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // (the ASCII rows of the tests below, as one table lookup)
      if (ASCII_WORD[c] === 1) {
        if (!inWord) { words++; inWord = true; }
      } else inWord = false;
      continue;
    }
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x0e00 && c <= 0x0eff) || (c >= 0x1000 && c <= 0x109f) || (c >= 0x1780 && c <= 0x17ff)) {
      words++;
      inWord = false;
    } else if (c <= 0x20 || c === 0xa0 || (c < 0x80 && !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x27 || c === 0x2d || c === 0x5f)) || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f)) {
      inWord = false;
    } else if (!inWord) {
      words++;
      inWord = true;
    }
  }
  return words;
}

export interface RenderInput {
  ix: PageIndex;
  include: number[];
  drop: Uint8Array;
  dataTable: Uint8Array;
  base?: URL;
}

type Host = 'container' | 'flow' | 'leaf';
/** What to do when the walk leaves an element (all three fields always set: one object shape). */
interface Exit { close: string | undefined; host: Host | undefined; md: string | undefined }
/** The exit of an element that closes nothing (shared: never written to). */
const PLAIN_EXIT: Exit = { close: undefined, host: undefined, md: undefined };

/** Spaces around line breaks dropped, each break written as `br`, the ends trimmed (no regex when there is no break). */
function lineBreaks(s: string, br: string): string {
  return (s.indexOf('\n') < 0 ? s : s.replace(/[ \t]*\n[ \t]*/g, br)).trim();
}

export function renderBody(input: RenderInput): BodyOutputs {
  const { ix, drop, dataTable, base } = input;
  const html: string[] = [];
  const paras: string[] = [];
  const mdParas: string[] = [];
  let hbuf = '';
  let tbuf = '';
  let mbuf = '';
  let mdOnly = false;
  const hosts: Host[] = ['container'];
  const mdPrefixes: string[] = [];
  let leafDepth = 0;
  let listDepth = 0;
  let quoteDepth = 0;
  let preDepth = 0;

  const mdPrefix = (): string => '> '.repeat(quoteDepth) + (mdPrefixes.length ? mdPrefixes[mdPrefixes.length - 1]! : '');
  /** End the current paragraph: text, Markdown and (outside leaf blocks) HTML. */
  const flush = (): void => {
    const t = lineBreaks(tbuf, '\n');
    if (t || mdOnly) {
      if (t) paras.push(t);
      const m = lineBreaks(mbuf, '  \n');
      if (m) mdParas.push(preDepth ? '```\n' + tbuf.trim() + '\n```' : mdPrefix() + m);
      if (mdPrefixes.length && mdPrefixes[mdPrefixes.length - 1]!.startsWith('-')) mdPrefixes[mdPrefixes.length - 1] = '  ';
    }
    tbuf = '';
    mbuf = '';
    mdOnly = false;
    if (leafDepth > 0) return;
    const h = hbuf.trim();
    hbuf = '';
    if (!h) return;
    if (hosts[hosts.length - 1] === 'container') html.push(`<p>${h}</p>`);
    else if (html.length) html[html.length - 1] += h; // inside <li>/<td>: no line breaks around inline content
    else html.push(h);
  };

  // Two parallel stacks: the node, and its exit (null when the node is entered). Elements that
  // have nothing to do on leaving get no exit; most get the shared PLAIN_EXIT.
  const stack: AnyNode[] = [];
  const exits: Array<Exit | null> = [];
  for (let k = input.include.length - 1; k >= 0; k--) { stack.push(ix.els[input.include[k]!]!); exits.push(null); }
  while (stack.length) {
    const node = stack.pop()!;
    const f = exits.pop()!;
    if (f !== null) {
      const el = node as Element;
      if (f.host === 'leaf') {
        leafDepth--;
        if (leafDepth === 0) {
          const tag = f.close!;
          const h = hbuf.trim();
          hbuf = '';
          flushText();
          if (h) html.push(tag === 'pre' ? `<pre>${h}</pre>` : `<${tag}>${h}</${tag}>`);
          if (tag === 'pre') preDepth--;
        } else {
          hbuf += '<br>';
          flushText();
        }
        if (f.md !== undefined) mdPrefixes.pop();
        continue;
      }
      if (f.close && INLINE_TAG[el.name]) { hbuf += f.close; if (MD_MARK[el.name]) mbuf += MD_MARK[el.name]; else if (el.name === 'a') mbuf += f.md ?? ''; continue; }
      if (BLOCK_TAGS.has(el.name) || el.name === 'br' || el.name === 'hr') {
        if (leafDepth > 0) { hbuf += '<br>'; flushText(); continue; }
        flush();
        const wasFlow = f.host === 'flow';
        if (f.host) hosts.pop();
        if (f.close) {
          if (wasFlow && html.length) html[html.length - 1] += f.close;
          else html.push(f.close);
        }
        if (el.name === 'ul' || el.name === 'ol') listDepth--;
        if (el.name === 'blockquote') quoteDepth--;
        if (f.md !== undefined) mdPrefixes.pop();
      }
      continue;
    }
    if (node.type === 'text') {
      const raw = (node as unknown as { data: string }).data;
      // (A blank run between tags, the commonest text node, collapses to one space without a replace.)
      const t = preDepth || !NEEDS_COLLAPSE.test(raw) ? raw : NOT_SPACE.test(raw) ? raw.replace(/\s+/g, ' ') : ' ';
      if (!t) continue;
      if (t === ' ' && !tbuf) continue;
      tbuf += t;
      mbuf += preDepth || !MD_SPECIAL.test(t) ? t : escapeMarkdown(t);
      hbuf += HTML_SPECIAL.test(t) ? escapeText(t) : t;
      continue;
    }
    if (node.type !== 'tag') continue;
    const el = node as Element;
    const i = el.index;
    if (i < 0 || drop[i]) continue;
    const name = el.name;
    if (name === 'br') { tbuf += '\n'; mbuf += '\n'; hbuf += '<br>'; continue; }
    if (name === 'img') { image(el); continue; }
    const kids = el.children;
    const leaf = LEAF[name];
    if (leaf !== undefined) {
      if (leafDepth === 0) { flush(); if (leaf === 'pre') preDepth++; }
      else { hbuf += '<br>'; flushText(); }
      leafDepth++;
      let md: string | undefined;
      if (leafDepth === 1 && /^h\d$/.test(leaf)) { md = '#'.repeat(Number(leaf[1])) + ' '; mdPrefixes.push(md); }
      stack.push(el);
      exits.push({ close: leaf, host: 'leaf', md });
    } else if (INLINE_TAG[name]) {
      let open = '';
      let close = '';
      let mdClose: string | undefined;
      if (name === 'a') {
        const href = resolveHttp(el.attribs.href, base);
        if (href) { open = `<a href="${escapeHtml(href)}">`; close = '</a>'; mbuf += '['; mdClose = `](${href.replace(/\)/g, '%29')})`; }
      } else {
        open = `<${INLINE_TAG[name]}>`;
        close = `</${INLINE_TAG[name]}>`;
        if (MD_MARK[name]) mbuf += MD_MARK[name];
      }
      hbuf += open;
      stack.push(el);
      exits.push({ close, host: undefined, md: mdClose });
    } else if (BLOCK_TAGS.has(name) || name === 'hr') {
      if (leafDepth > 0) { hbuf += '<br>'; flushText(); stack.push(el); exits.push(PLAIN_EXIT); }
      else {
        flush();
        const tag = structuralTag(el, i);
        let exit = PLAIN_EXIT;
        if (tag) {
          html.push(`<${tag}>`);
          exit = { close: `</${tag}>`, host: tag === 'li' || tag === 'td' || tag === 'th' ? 'flow' : 'container', md: undefined };
          hosts.push(exit.host!);
        }
        if (name === 'ul' || name === 'ol') listDepth++;
        if (name === 'blockquote') quoteDepth++;
        if (name === 'li') {
          if (exit === PLAIN_EXIT) exit = { close: undefined, host: undefined, md: undefined };
          exit.md = '  '.repeat(Math.max(0, listDepth - 1)) + '- ';
          mdPrefixes.push(exit.md);
        }
        stack.push(el);
        exits.push(exit);
      }
    }
    // (any other element closes nothing: it needs no exit)
    for (let k = kids.length - 1; k >= 0; k--) { stack.push(kids[k]!); exits.push(null); }
  }
  flush();
  const text = paras.join('\n\n');
  return { text, markdown: mdParas.join('\n\n'), html: html.join('\n'), wordCount: countWordsFast(text) };

  /** Paragraph break in text/Markdown only (inside a leaf block the HTML stays one element). */
  function flushText(): void {
    const t = lineBreaks(tbuf, '\n');
    if (t) {
      paras.push(t);
      const m = lineBreaks(mbuf, '  \n');
      mdParas.push(preDepth ? '```\n' + tbuf.trim() + '\n```' : mdPrefix() + m);
    }
    tbuf = '';
    mbuf = '';
  }

  function structuralTag(el: Element, i: number): string | undefined {
    switch (el.name) {
      case 'ul': case 'ol': case 'li': case 'blockquote': case 'figure': return el.name;
      case 'table': return dataTable[i] ? 'table' : undefined;
      case 'thead': case 'tbody': case 'tr': case 'td': case 'th': return inDataTable(i) ? el.name : undefined;
      case 'tfoot': return inDataTable(i) ? 'tbody' : undefined;
      default: return undefined;
    }
  }

  function inDataTable(i: number): boolean {
    for (let a = ix.parent[i]!, hops = 0; a >= 0 && hops < 4; a = ix.parent[a]!, hops++) {
      if (ix.els[a]!.name === 'table') return dataTable[a] === 1;
    }
    return false;
  }

  function image(el: Element): void {
    const src = imageSource(el, base);
    if (!src) return;
    const alt = el.attribs.alt?.replace(/\s+/g, ' ').trim() ?? '';
    const tag = `<img src="${escapeHtml(src)}"${alt ? ` alt="${escapeHtml(alt)}"` : ''}>`;
    const md = `![${escapeMarkdown(alt)}](${src.replace(/\)/g, '%29')})`;
    if (leafDepth > 0 || hosts[hosts.length - 1] === 'flow') { hbuf += tag; mbuf += md; return; }
    flush();
    html.push(tag);
    mdParas.push(mdPrefix() + md);
  }
}
