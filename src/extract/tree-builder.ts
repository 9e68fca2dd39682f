// Tokens → our compact tree (dom.ts). The tokenizer (html-tokenizer.ts) hands over whole tokens —
// a start tag with its attributes, an end tag, a run of text, "something that ends a text run" —
// and this builds exactly the nodes extraction reads. The tree-building rules are htmlparser2 10's
// Parser rules in HTML mode, followed to the letter so that the tree is the one domhandler built
// (what extraction was tuned on): tags implied closed by others (<p> by <div>, <li> by <li>, ...),
// void elements, `</p>` and `</br>` without an opening tag, self-closing tags honoured only in
// SVG and MathML, and a text node split wherever a comment, doctype or processing instruction was.
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
export const NO_ATTRIBS: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

function newElement(name: string, attribs: Record<string, string>, parent: ParentNode): Element {
  return { type: name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag', name, attribs, children: [], parent, index: -1 };
}

export class TreeBuilder {
  readonly root: Document = { type: 'root', children: [], parent: null, elementCount: 0 };
  /** Open elements of the tree, innermost last (the root first). */
  private nodes: ParentNode[] = [this.root];
  /**
   * Children of the open elements, one stack for all: `kids[starts[k], ...)` are those of `nodes[k]`
   * so far. Each element gets its children as one exact-size array when it closes, instead of an
   * array grown by push (V8 grows an empty array to 17 slots on the first push: most of the tree's
   * memory, and young-generation GC copies all of it).
   */
  private kids: ChildNode[] = [];
  private top = 0;
  private starts: number[] = [0];
  /** Open tag names as the parser tracks them, innermost last (voids never enter). */
  private names: string[] = [];
  /** Foreign-content flags (svg/math true, HTML integration points false), innermost last. */
  private foreign: boolean[] = [false];
  /** The text node still being appended to (null after any other token). */
  private lastText: Text | null = null;

  /** A run of text (adjacent runs join into one node; text inside <style> makes none: it is never read). */
  text(data: string): void {
    const last = this.lastText;
    if (last) { last.data += data; return; }
    const parent = this.nodes[this.nodes.length - 1]!;
    if (parent.type === 'style') return;
    const node: Text = { type: 'text', data, parent };
    this.kids[this.top++] = node;
    this.lastText = node;
  }

  /** A comment, CDATA section, doctype or processing instruction: no node, but the text run ends. */
  breakText(): void {
    this.lastText = null;
  }

  /** A whole start tag (name lower-cased): htmlparser2's onopentagname, then onopentagend or onselfclosingtag. */
  startTag(name: string, attribs: Record<string, string>, selfClosing: boolean): void {
    this.startTagName(name);
    if (!selfClosing || !this.foreign[this.foreign.length - 1]) this.endStartTag(name, attribs);
    else this.closeCurrentTag(name, attribs);
  }

  /** An end tag (name lower-cased). */
  endTag(name: string): void {
    if (FOREIGN.has(name) || HTML_INTEGRATION.has(name)) this.foreign.pop();
    if (!VOID.has(name)) {
      const names = this.names;
      const pos = names.lastIndexOf(name);
      if (pos !== -1) {
        for (let k = names.length - 1; k >= pos; k--) this.closeElement();
        names.length = pos;
      } else if (name === 'p') {
        this.startTagName('p');
        this.closeCurrentTag('p', NO_ATTRIBS);
      }
    } else if (name === 'br') {
      this.openElement('br', NO_ATTRIBS);
      this.closeElement();
    }
  }

  /** End of input: every open element closes. */
  end(): Document {
    while (this.nodes.length > 1) this.closeElement();
    this.names.length = 0;
    if (this.top > 0) this.root.children = this.kids.slice(0, this.top);
    return this.root;
  }

  private openElement(name: string, attribs: Record<string, string>): void {
    const parent = this.nodes[this.nodes.length - 1]!;
    const el = newElement(name, attribs, parent);
    this.root.elementCount++;
    this.kids[this.top++] = el;
    this.nodes.push(el);
    this.starts.push(this.top);
    this.lastText = null;
  }

  private closeElement(): void {
    this.lastText = null;
    if (this.nodes.length === 1) return; // (a start tag cut by the end of input has a name but no element)
    const el = this.nodes.pop()!;
    const start = this.starts.pop()!;
    if (this.top > start) {
      el.children = this.kids.slice(start, this.top);
      this.top = start;
    }
  }

  /** The name part of a start tag: close what it implies closed, then track it as open. */
  startTagName(name: string): void {
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
  }

  private endStartTag(name: string, attribs: Record<string, string>): void {
    this.openElement(name, attribs);
    if (VOID.has(name)) this.closeElement();
  }

  private closeCurrentTag(name: string, attribs: Record<string, string>): void {
    this.endStartTag(name, attribs);
    const names = this.names;
    if (names[names.length - 1] === name) {
      this.closeElement();
      names.pop();
    }
  }
}
