// The DOM we extract from: htmlparser2's fast, forgiving parser and domhandler's node types.
// Everything in src/extract works on these nodes; no browser DOM is emulated.
import { Parser } from 'htmlparser2';
import { DomHandler, type Document, type Element, type AnyNode } from 'domhandler';

export type { Document, Element, AnyNode } from 'domhandler';

const PARSER_OPTIONS = { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true };

/** Parse a page given whole or in pieces (see decode.ts: pieces keep every string small). */
export function parseHtml(html: string | readonly string[]): Document {
  const handler = new DomHandler();
  const parser = new Parser(handler, PARSER_OPTIONS);
  if (typeof html === 'string') parser.write(html);
  else for (const piece of html) parser.write(piece);
  parser.end();
  return handler.root;
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Concatenated text of a subtree, iteratively (pages can nest 100,000 deep). */
export function textContent(node: AnyNode): string {
  const out: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out.push((n as unknown as { data: string }).data);
    else if ('children' in n && n.type !== 'script' && n.type !== 'style') {
      const kids = (n as Element).children;
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
    if (isElement(n)) out.push(n);
    if ('children' in n) {
      const kids = (n as Element).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return out;
}
