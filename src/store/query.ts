// The search query language, translated to a safe FTS5 MATCH expression.
// Users type `putin moscow`, `"interim president"`, `syria*`, `putin AND (moscow OR kremlin)`,
// `putin NOT trump`, `-trump`, `title:putin`. Raw FTS5 syntax breaks on everyday input
// (`al-Sharaa`, `U.S.`, `AT&T`, an unbalanced quote), so every word and phrase is emitted as
// a quoted FTS5 string and only our own operators reach FTS5.

export class QueryError extends Error {
  override name = 'QueryError';
}

type Node =
  | { t: 'term'; text: string; prefix: boolean; column?: string }
  | { t: 'and'; items: Node[]; not: Node[] }
  | { t: 'or'; items: Node[] };

type Token =
  | { k: 'word'; text: string; prefix: boolean; column?: string; neg: boolean; phrase: boolean }
  | { k: 'op'; op: 'AND' | 'OR' | 'NOT' }
  | { k: 'open'; neg: boolean }
  | { k: 'close' };

const COLUMNS: Record<string, string> = { title: 'title', description: 'description', body: 'text', text: 'text' };

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/.test(c)) { i++; continue; }
    let neg = false;
    if (c === '-' && i + 1 < q.length && !/\s/.test(q[i + 1]!)) { neg = true; i++; }
    let column: string | undefined;
    const col = /^(\w+):(?=\S)/.exec(q.slice(i));
    if (col && COLUMNS[col[1]!.toLowerCase()]) { column = COLUMNS[col[1]!.toLowerCase()]; i += col[0].length; }
    const d = q[i]!;
    if (d === '(') { out.push({ k: 'open', neg }); i++; continue; }
    if (d === ')') { out.push({ k: 'close' }); i++; continue; }
    if (d === '"') {
      const end = q.indexOf('"', i + 1);
      const text = q.slice(i + 1, end < 0 ? q.length : end);
      i = end < 0 ? q.length : end + 1;
      const prefix = q[i] === '*';
      if (prefix) i++;
      if (/[\p{L}\p{N}]/u.test(text)) out.push({ k: 'word', text, prefix, column, neg, phrase: true });
      continue;
    }
    let j = i;
    while (j < q.length && !/[\s()"]/.test(q[j]!)) j++;
    let word = q.slice(i, j);
    i = j;
    if (!neg && !column && (word === 'AND' || word === 'OR' || word === 'NOT')) { out.push({ k: 'op', op: word }); continue; }
    const prefix = word.endsWith('*');
    word = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word) out.push({ k: 'word', text: word, prefix, column, neg, phrase: false });
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  parse(): Node | undefined {
    const n = this.or();
    if (this.i < this.toks.length) throw new QueryError('unbalanced parenthesis in the search query');
    return n;
  }

  private or(): Node | undefined {
    const items: Node[] = [];
    const first = this.and();
    if (first) items.push(first);
    while (this.peekOp('OR')) {
      this.i++;
      const n = this.and();
      if (n) items.push(n);
    }
    if (items.length === 0) return undefined;
    return items.length === 1 ? items[0] : { t: 'or', items };
  }

  private and(): Node | undefined {
    const items: Node[] = [];
    const not: Node[] = [];
    for (;;) {
      const tok = this.toks[this.i];
      if (!tok || tok.k === 'close' || (tok.k === 'op' && tok.op === 'OR')) break;
      if (tok.k === 'op' && tok.op === 'AND') { this.i++; continue; }
      let negate = false;
      if (tok.k === 'op' && tok.op === 'NOT') { negate = true; this.i++; }
      const n = this.primary();
      if (!n) continue;
      if (negate !== n.neg) not.push(n.node); else items.push(n.node);
    }
    if (items.length === 0 && not.length === 0) return undefined;
    if (items.length === 0) throw new QueryError('a search query needs at least one word that is not excluded (NOT / -word)');
    if (items.length === 1 && not.length === 0) return items[0];
    return { t: 'and', items, not };
  }

  private primary(): { node: Node; neg: boolean } | undefined {
    const tok = this.toks[this.i];
    if (!tok) return undefined;
    this.i++;
    if (tok.k === 'word') return { node: { t: 'term', text: tok.text, prefix: tok.prefix, column: tok.column }, neg: tok.neg };
    if (tok.k === 'open') {
      const inner = this.or();
      if (this.toks[this.i]?.k !== 'close') throw new QueryError('unbalanced parenthesis in the search query');
      this.i++;
      return inner ? { node: inner, neg: tok.neg } : undefined;
    }
    if (tok.k === 'close') throw new QueryError('unbalanced parenthesis in the search query');
    return undefined; // a dangling operator: ignore it
  }

  private peekOp(op: string): boolean {
    const t = this.toks[this.i];
    return t?.k === 'op' && t.op === op;
  }
}

function emit(n: Node): string {
  switch (n.t) {
    case 'term': {
      const s = `"${n.text.replace(/"/g, '""')}"${n.prefix ? '*' : ''}`;
      return n.column ? `${n.column} : ${s}` : s;
    }
    case 'or': return `(${n.items.map(emit).join(' OR ')})`;
    case 'and': {
      const pos = n.items.map(emit).join(' AND ');
      if (!n.not.length) return `(${pos})`;
      return `((${pos}) NOT (${n.not.map(emit).join(' OR ')}))`;
    }
  }
}

/** Translate a user query to FTS5; throws QueryError on a query that cannot mean anything. */
export function toFtsQuery(q: string): string {
  const node = new Parser(tokenize(q)).parse();
  if (!node) throw new QueryError('the search query has no words');
  return emit(node);
}

/** Words of the query (for highlighting outside FTS5, e.g. in titles). */
export function queryWords(q: string): string[] {
  return tokenize(q).flatMap((t) => (t.k === 'word' && !t.neg ? [t.text] : []));
}
