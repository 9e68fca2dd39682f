// Guard against pathologically deep markup (100,000 nested <div>s): htmlparser2 and any tree walk
// get quadratic or worse there. One linear scan measures the nesting depth; only when it exceeds
// MAX_DEPTH are the tags beyond that depth dropped (their text stays, attached higher up).
const MAX_DEPTH = 1000;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'command', 'basefont', 'frame', '!doctype']);

interface Tag { start: number; end: number; close: boolean; name: string }

/** Next tag at or after `from` (approximate: no attribute-quote handling, which is enough for a depth count). */
function nextTag(s: string, from: number): Tag | undefined {
  let i = s.indexOf('<', from);
  while (i !== -1) {
    const c = s.charCodeAt(i + 1);
    const close = c === 47; // '/'
    const nameStart = close ? i + 2 : i + 1;
    const first = s.charCodeAt(nameStart);
    if ((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 33) {
      let j = nameStart + 1;
      while (j < s.length) {
        const ch = s.charCodeAt(j);
        if (ch === 62 || ch === 47 || ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
        j++;
      }
      const end = s.indexOf('>', j);
      if (end === -1) return undefined;
      const selfClosing = s.charCodeAt(end - 1) === 47;
      const name = s.slice(nameStart, j).toLowerCase();
      return { start: i, end: end + 1, close, name: selfClosing && !close ? '!self' : name };
    }
    i = s.indexOf('<', i + 1);
  }
  return undefined;
}

/** `html` unchanged when its nesting is sane; otherwise with tags deeper than MAX_DEPTH removed. */
export function limitNesting(html: string): { html: string; flattened: boolean } {
  // Deep nesting needs at least ~5 bytes per level: small inputs cannot be pathological.
  if (html.length < MAX_DEPTH * 5) return { html, flattened: false };
  let depth = 0;
  let max = 0;
  for (let t = nextTag(html, 0); t; t = nextTag(html, t.end)) {
    if (t.name === '!self' || VOID.has(t.name) || t.name.startsWith('!')) continue;
    if (t.close) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
    if (t.name === 'script' || t.name === 'style') {
      const endTag = html.indexOf(`</${t.name}`, t.end);
      if (endTag === -1) break;
      t.end = endTag;
    }
  }
  if (max <= MAX_DEPTH) return { html, flattened: false };
  const out: string[] = [];
  let last = 0;
  depth = 0;
  for (let t = nextTag(html, 0); t; t = nextTag(html, t.end)) {
    if (t.name === '!self' || VOID.has(t.name) || t.name.startsWith('!')) continue;
    const deep = t.close ? depth > MAX_DEPTH : depth >= MAX_DEPTH;
    if (t.close) depth = Math.max(0, depth - 1);
    else depth++;
    if (deep) {
      out.push(html.slice(last, t.start));
      last = t.end;
    }
  }
  out.push(html.slice(last));
  return { html: out.join(''), flattened: true };
}
