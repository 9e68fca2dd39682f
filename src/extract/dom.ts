// The DOM we extract from: htmlparser2's fast, forgiving parser and domhandler's node types.
// Everything in src/extract works on these nodes; no browser DOM is emulated.
import { Parser } from 'htmlparser2';
import { DomHandler, type Document, type Element, type AnyNode } from 'domhandler';

export type { Document, Element, AnyNode } from 'domhandler';

const PARSER_OPTIONS = { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true };

/**
 * htmlparser2's Parser with attribute maps that have no prototype. A plain `{}` filled with each
 * element's own attribute names makes V8 create and follow a hidden-class transition per new name
 * combination (thousands per page); an `Object.create(null)` object is a hash table from the start.
 * Reading `attribs.class` works the same; nothing in src/extract calls methods on `attribs`.
 */
class DictAttribsParser extends Parser {
  constructor(handler: DomHandler) {
    super(handler, PARSER_OPTIONS);
  }
}
const emitOpenTag = (Parser.prototype as unknown as { emitOpenTag: (this: Parser, name: string) => void }).emitOpenTag;
(DictAttribsParser.prototype as unknown as { emitOpenTag: (this: Parser, name: string) => void }).emitOpenTag = function (name: string): void {
  emitOpenTag.call(this, name);
  const self = this as unknown as { attribs: Record<string, string> | null };
  if (self.attribs) self.attribs = Object.create(null) as Record<string, string>;
};

/** Parse a page given whole or in pieces (see decode.ts: pieces keep every string small). */
export function parseHtml(html: string | readonly string[]): Document {
  const handler = new DomHandler();
  const parser = new DictAttribsParser(handler);
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
