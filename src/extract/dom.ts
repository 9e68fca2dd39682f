// The DOM we extract from: a compact tree of plain objects built by our own tree builder
// (tree-builder.ts) fed by our own tokenizer (html-tokenizer.ts). Only what extraction reads is kept:
// element name, attributes, children and parent; text data. No comments, doctypes or sibling links.
// Everything in src/extract works on these nodes; no browser DOM is emulated.
export { parseHtml } from './html-tokenizer.js';

/** The document root. */
export interface Document {
  type: 'root';
  children: ChildNode[];
  parent: null;
  /** How many elements the tree holds (sizes the body index's arrays up front). */
  elementCount: number;
}

/** An element; `type` is 'script' / 'style' for those two tags (as in domhandler), else 'tag'. */
export interface Element {
  type: 'tag' | 'script' | 'style';
  /** Lower-cased tag name. */
  name: string;
  /** Lower-cased attribute names → decoded values (the first of duplicates); no prototype. */
  attribs: Record<string, string>;
  children: ChildNode[];
  parent: ParentNode;
  /** Position in the body index (html/analyze.ts) once the page is indexed; −1 when not indexed. */
  index: number;
}

/** A run of text (adjacent text is one node; a comment between two runs splits them). */
export interface Text {
  type: 'text';
  data: string;
  parent: ParentNode;
}

export type ParentNode = Element | Document;
export type ChildNode = Element | Text;
export type AnyNode = Element | Text | Document;

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Concatenated text of a subtree, iteratively (pages can nest 100,000 deep). */
export function textContent(node: AnyNode): string {
  const out: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out.push(n.data);
    else if (n.type !== 'script' && n.type !== 'style') {
      const kids = n.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return out.join('');
}

/** All elements in document order, iteratively. */
export function allElements(root: AnyNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') continue;
    if (n.type !== 'root') out.push(n);
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}
