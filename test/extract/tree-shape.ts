// Trees as plain comparable shapes: ours (dom.ts) and the reference htmlparser2 Parser + domhandler
// build (minus the nodes extraction never reads: comments, doctypes, <style> text). Shared by
// tree-builder.test.ts and bench/tree-identical.ts.
import assert from 'node:assert/strict';
import { Parser } from 'htmlparser2';
import { DomHandler, type AnyNode as DhNode } from 'domhandler';
import type { AnyNode } from '../../src/extract/dom.js';

export type Shape = string | { name: string; type: string; attribs: Array<[string, string]>; children: Shape[] };

/** Shapes of a subtree, iteratively (pages nest deep). Adjacent text is joined, as our builder does. */
function shapes<N>(root: N, kids: (n: N) => N[] | null, make: (n: N) => Shape | null): Shape[] {
  const top: Shape[] = [];
  const stack: Array<[N, Shape[]]> = kids(root)!.slice().reverse().map((k) => [k, top]);
  while (stack.length) {
    const [node, into] = stack.pop()!;
    const s = make(node);
    if (s === null) continue;
    into.push(s);
    if (typeof s !== 'string') {
      const children = kids(node) ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, s.children]);
    }
  }
  return top;
}

export function fromDomhandler(root: DhNode): Shape[] {
  const inStyle = new Set<DhNode>();
  return shapes<DhNode>(root, (n) => ('children' in n ? (n.children as DhNode[]) : null), (n) => {
    if (n.type === 'text') return n.parent && inStyle.has(n.parent as DhNode) ? null : (n as unknown as { data: string }).data;
    if (n.type === 'comment' || n.type === 'directive' || n.type === 'cdata') return null;
    const el = n as unknown as { name: string; type: string; attribs: Record<string, string> };
    if (el.name === 'style') inStyle.add(n);
    return { name: el.name, type: el.type, attribs: Object.entries(el.attribs), children: [] };
  });
}

export function fromOurs(root: AnyNode): Shape[] {
  return shapes<AnyNode>(root, (n) => (n.type === 'text' ? null : n.children), (n) => {
    if (n.type === 'text') return n.data;
    if (n.type === 'root') return null;
    for (const k of n.children) assert.equal(k.parent, n, 'parent link');
    return { name: n.name, type: n.type, attribs: Object.entries(n.attribs), children: [] };
  });
}

/** htmlparser2 + domhandler's tree of a page given whole or in pieces. */
export function reference(html: string | readonly string[]): Shape[] {
  const handler = new DomHandler();
  const parser = new Parser(handler, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
  for (const piece of typeof html === 'string' ? [html] : html) parser.write(piece);
  parser.end();
  return fromDomhandler(handler.root as unknown as DhNode);
}
