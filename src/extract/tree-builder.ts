// HTML → our compact tree (dom.ts), driven directly by htmlparser2's Tokenizer. This replaces
// htmlparser2's Parser + domhandler's DomHandler (two callback layers, class instances with
// sibling links and source indices, a `{}` per element that V8 must reshape per attribute set)
// with one builder that makes exactly the nodes extraction reads. The tree-building rules are
// htmlparser2 10's Parser rules in HTML mode, followed to the letter so that the tree is the one
// that domhandler built: tags implied closed by others (<p> by <div>, <li> by <li>, ...), void
// elements, `</p>` and `</br>` without an opening tag, self-closing tags honoured only in SVG
// and MathML, the first of duplicate attributes, and a text node split wherever a comment,
// doctype or processing instruction was.
import type { Tokenizer, TokenizerCallbacks } from 'htmlparser2';
import { FastTokenizer } from './fast-tokenizer.js';
import { knownName } from './known-names.js';
import type { ChildNode, Document, Element, ParentNode, Text } from './dom.js';

const P_TAG = new Set(['p']);
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTION = new Set(['thead', 'tbody']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
/** Open tag → open tags it closes (htmlparser2's openImpliesClose). */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])],
  ['p', P_TAG], ['h1', P_TAG], ['h2', P_TAG], ['h3', P_TAG], ['h4', P_TAG], ['h5', P_TAG], ['h6', P_TAG],
  ['select', FORM_TAGS], ['input', FORM_TAGS], ['output', FORM_TAGS], ['button', FORM_TAGS], ['datalist', FORM_TAGS], ['textarea', FORM_TAGS],
  ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])], ['dd', DD_DT], ['dt', DD_DT],
  ['address', P_TAG], ['article', P_TAG], ['aside', P_TAG], ['blockquote', P_TAG], ['details', P_TAG], ['div', P_TAG],
  ['dl', P_TAG], ['fieldset', P_TAG], ['figcaption', P_TAG], ['figure', P_TAG], ['footer', P_TAG], ['form', P_TAG],
  ['header', P_TAG], ['hr', P_TAG], ['main', P_TAG], ['nav', P_TAG], ['ol', P_TAG], ['pre', P_TAG], ['section', P_TAG],
  ['table', P_TAG], ['ul', P_TAG], ['rt', RT_RP], ['rp', RT_RP], ['tbody', TABLE_SECTION], ['tfoot', TABLE_SECTION],
]);
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const FOREIGN = new Set(['math', 'svg']);
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/** The attributes of every element that has none: one shared, frozen, prototype-less object. */
const NO_ATTRIBS = Object.freeze(Object.create(null) as Record<string, string>);

function newElement(name: string, attribs: Record<string, string>, parent: ParentNode): Element {
  return { type: name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag', name, attribs, children: [], parent, index: -1 };
}

class TreeBuilder implements TokenizerCallbacks {
  readonly root: Document = { type: 'root', children: [], parent: null, elementCount: 0 };
  /** Open elements of the tree, innermost last (the root first). */
  private nodes: ParentNode[] = [this.root];
  /** Open tag names as the parser tracks them, innermost last (voids never enter). */
  private names: string[] = [];
  /** Foreign-content flags (svg/math true, HTML integration points false), innermost last. */
  private foreign: boolean[] = [false];
  /** The text node still being appended to (null after any other token). */
  private lastText: Text | null = null;
  /** Inside <style>: its text is never read, so no node is made. */
  private tagname = '';
  private attribs: Record<string, string> | null = null;
  private attribname = '';
  private attribvalue = '';
  private buffers: string[] = [];
  private bufferOffset = 0;

  write(chunk: string, tokenizer: Tokenizer): void {
    this.buffers.push(chunk);
    tokenizer.write(chunk);
  }

  private slice(start: number, end: number): string {
    while (start - this.bufferOffset >= this.buffers[0]!.length) this.shiftBuffer();
    let s = this.buffers[0]!.slice(start - this.bufferOffset, end - this.bufferOffset);
    while (end - this.bufferOffset > this.buffers[0]!.length) {
      this.shiftBuffer();
      s += this.buffers[0]!.slice(0, end - this.bufferOffset);
    }
    return s;
  }

  /** A tag or attribute name, lower-cased: the shared constant when it is a common one (known-names.ts). */
  private lowerName(start: number, end: number): string {
    while (start - this.bufferOffset >= this.buffers[0]!.length) this.shiftBuffer();
    const buf = this.buffers[0]!;
    if (end - this.bufferOffset <= buf.length) {
      const known = knownName(buf, start - this.bufferOffset, end - this.bufferOffset);
      if (known !== undefined) return known;
    }
    return this.slice(start, end).toLowerCase();
  }

  private shiftBuffer(): void {
    this.bufferOffset += this.buffers[0]!.length;
    this.buffers.shift();
  }

  private addText(data: string): void {
    const last = this.lastText;
    if (last) { last.data += data; return; }
    const parent = this.nodes[this.nodes.length - 1]!;
    if (parent.type === 'style') return;
    const node: Text = { type: 'text', data, parent };
    (parent.children as ChildNode[]).push(node);
    this.lastText = node;
  }

  private openElement(name: string, attribs: Record<string, string>): void {
    const parent = this.nodes[this.nodes.length - 1]!;
    const el = newElement(name, attribs, parent);
    this.root.elementCount++;
    parent.children.push(el);
    this.nodes.push(el);
    this.lastText = null;
  }

  private closeElement(): void {
    this.lastText = null;
    this.nodes.pop();
  }

  private emitOpenTag(name: string): void {
    this.tagname = name;
    const closes = IMPLIES_CLOSE.get(name);
    if (closes) {
      const names = this.names;
      while (names.length > 0 && closes.has(names[names.length - 1]!)) {
        names.pop();
        this.closeElement();
      }
    }
    if (!VOID.has(name)) {
      this.names.push(name);
      if (FOREIGN.has(name)) this.foreign.push(true);
      else if (HTML_INTEGRATION.has(name)) this.foreign.push(false);
    }
    this.attribs = NO_ATTRIBS; // made on the first attribute (most elements have none)
  }

  private endOpenTag(): void {
    if (this.attribs) {
      this.openElement(this.tagname, this.attribs);
      this.attribs = null;
    }
    if (VOID.has(this.tagname)) this.closeElement();
    this.tagname = '';
  }

  private closeCurrentTag(): void {
    const name = this.tagname;
    this.endOpenTag();
    const names = this.names;
    if (names[names.length - 1] === name) {
      this.closeElement();
      names.pop();
    }
  }

  // --- Tokenizer callbacks (indices are absolute offsets into the written chunks) ---
  ontext(start: number, end: number): void { this.addText(this.slice(start, end)); }
  ontextentity(cp: number): void { this.addText(String.fromCodePoint(cp)); }
  onopentagname(start: number, end: number): void { this.emitOpenTag(this.lowerName(start, end)); }
  onopentagend(): void { this.endOpenTag(); }
  onselfclosingtag(): void {
    if (this.foreign[this.foreign.length - 1]) this.closeCurrentTag();
    else this.endOpenTag();
  }
  onclosetag(start: number, end: number): void {
    const name = this.lowerName(start, end);
    if (FOREIGN.has(name) || HTML_INTEGRATION.has(name)) this.foreign.pop();
    if (!VOID.has(name)) {
      const names = this.names;
      const pos = names.lastIndexOf(name);
      if (pos !== -1) {
        for (let k = names.length - 1; k >= pos; k--) this.closeElement();
        names.length = pos;
      } else if (name === 'p') {
        this.emitOpenTag('p');
        this.closeCurrentTag();
      }
    } else if (name === 'br') {
      this.openElement('br', NO_ATTRIBS);
      this.closeElement();
    }
  }
  onattribname(start: number, end: number): void { this.attribname = this.lowerName(start, end); }
  onattribdata(start: number, end: number): void { this.attribvalue += this.slice(start, end); }
  onattribentity(cp: number): void { this.attribvalue += String.fromCodePoint(cp); }
  onattribend(): void {
    let a = this.attribs;
    if (a === NO_ATTRIBS) a = this.attribs = Object.create(null) as Record<string, string>;
    if (a && !(this.attribname in a)) a[this.attribname] = this.attribvalue;
    this.attribvalue = '';
  }
  // Comments, CDATA (a comment in HTML), doctypes and processing instructions make no node, but
  // like domhandler's nodes for them they end the text run before them.
  oncomment(): void { this.lastText = null; }
  oncdata(): void { this.lastText = null; }
  ondeclaration(): void { this.lastText = null; }
  onprocessinginstruction(): void { this.lastText = null; }
  onend(): void {
    for (let k = this.names.length; k > 0; k--) this.closeElement();
    this.names.length = 0;
  }
}

/** Parse a page given whole or in pieces (see decode.ts: pieces keep every string small). */
export function parseHtml(html: string | readonly string[]): Document {
  const builder = new TreeBuilder();
  const tokenizer = new FastTokenizer({ xmlMode: false, decodeEntities: true }, builder);
  if (typeof html === 'string') builder.write(html, tokenizer);
  else for (const piece of html) builder.write(piece, tokenizer);
  tokenizer.end();
  return builder.root;
}
