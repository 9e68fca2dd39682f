// Guard against pathologically deep markup (100,000 nested <div>s): htmlparser2 and any tree walk
// get quadratic or worse there. One linear scan measures the nesting depth; only when it exceeds
// MAX_DEPTH are the tags beyond that depth dropped (their text stays, attached higher up).
const MAX_DEPTH = 1000;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'command', 'basefont', 'frame', '!doctype']);

interface Tag { start: number; end: number; close: boolean; name: string }

/**
 * Next tag at or after `from` (approximate: no attribute-quote handling, which is enough for a depth
 * count), written into `t` so that the scan over every tag of every page allocates no objects.
 */
function nextTag(s: string, from: number, t: Tag): boolean {
  let i = s.indexOf('<', from);
  while (i !== -1) {
    const c = s.charCodeAt(i + 1);
    const close = c === 47; // '/'
    const nameStart = close ? i + 2 : i + 1;
    const first = s.charCodeAt(nameStart);
    if ((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 33) {
      let j = nameStart + 1;
      let upper = first >= 65 && first <= 90;
      while (j < s.length) {
        const ch = s.charCodeAt(j);
        if (ch === 62 || ch === 47 || ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
        if ((ch >= 65 && ch <= 90) || ch > 127) upper = true; // non-ASCII: toLowerCase may still map it (K → k)
        j++;
      }
      const end = s.indexOf('>', j);
      if (end === -1) return false;
      const selfClosing = s.charCodeAt(end - 1) === 47;
      t.start = i;
      t.end = end + 1;
      t.close = close;
      if (selfClosing && !close) t.name = '!self';
      else {
        const name = s.slice(nameStart, j);
        t.name = upper ? name.toLowerCase() : name;
      }
      return true;
    }
    i = s.indexOf('<', i + 1);
  }
  return false;
}

/** `html` unchanged when its nesting is sane; otherwise with tags deeper than MAX_DEPTH removed. */
export function limitNesting(html: string): { html: string; flattened: boolean } {
  // Deep nesting needs at least ~5 bytes per level: small inputs cannot be pathological.
  if (html.length < MAX_DEPTH * 5) return { html, flattened: false };
  let depth = 0;
  let max = 0;
  const t: Tag = { start: 0, end: 0, close: false, name: '' };
  for (let more = nextTag(html, 0, t); more; more = nextTag(html, t.end, t)) {
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
  for (let more = nextTag(html, 0, t); more; more = nextTag(html, t.end, t)) {
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

const LT = 60, GT = 62, SLASH = 47, BANG = 33;

/** The tag names nestsTooDeep must recognise: the voids, then script and style. */
const KNOWN = [...[...VOID].filter((v) => !v.startsWith('!')), 'script', 'style'];
const SCRIPT = KNOWN.length - 2, STYLE = KNOWN.length - 1;
const MAX_KNOWN = Math.max(...KNOWN.map((k) => k.length));
const lower = (b: number): number => (b >= 65 && b <= 90 ? b + 32 : b);
const KNOWN_BY_HASH = new Map<number, number>();
KNOWN.forEach((name, i) => {
  let h = name.length;
  for (let k = 0; k < name.length; k++) h = (Math.imul(h, 31) + name.charCodeAt(k)) | 0;
  if (KNOWN_BY_HASH.has(h)) throw new Error(`tag-name hash collision: ${name}`);
  KNOWN_BY_HASH.set(h, i);
});

/** Index in KNOWN of the ASCII tag name in buf[start, end), case-insensitively; −1 for any other name. No string is made. */
function knownName(buf: Buffer, start: number, end: number): number {
  const len = end - start;
  if (len > MAX_KNOWN) return -1;
  let h = len;
  for (let k = start; k < end; k++) h = (Math.imul(h, 31) + lower(buf[k]!)) | 0;
  const i = KNOWN_BY_HASH.get(h);
  if (i === undefined) return -1;
  const name = KNOWN[i]!;
  if (name.length !== len) return -1;
  for (let k = 0; k < len; k++) if (lower(buf[start + k]!) !== name.charCodeAt(k)) return -1;
  return i;
}

/**
 * Whether undecoded `bytes` nest deeper than MAX_DEPTH, by the same scan as limitNesting, so that
 * the decoded text need not be joined into one (large) string just to learn that it is sane.
 * Valid for ASCII-compatible charsets (UTF-8, single-byte, GBK/Big5/Shift_JIS/EUC: their
 * multi-byte sequences never contain `<`, `>` or `/`). A tag name with non-ASCII bytes is never a
 * void, script or style name here (the string scan would lower-case it first; only exotic
 * case mappings such as the Kelvin sign could differ).
 */
export function nestsTooDeep(bytes: Uint8Array): boolean {
  if (bytes.length < MAX_DEPTH * 5) return false;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const n = buf.length;
  let depth = 0;
  let i = buf.indexOf(LT);
  while (i !== -1) {
    const close = buf[i + 1] === SLASH;
    const nameStart = close ? i + 2 : i + 1;
    const first = buf[nameStart] ?? 0;
    if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === BANG)) {
      i = buf.indexOf(LT, i + 1);
      continue;
    }
    let j = nameStart + 1;
    let ascii = true;
    while (j < n) {
      const ch = buf[j]!;
      if (ch === GT || ch === SLASH || ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
      if (ch > 127) ascii = false;
      j++;
    }
    const end = buf.indexOf(GT, j);
    if (end === -1) return false;
    let next = end + 1;
    const selfClosing = buf[end - 1] === SLASH;
    if (!(selfClosing && !close) && first !== BANG) {
      const known = ascii ? knownName(buf, nameStart, j) : -1;
      if (known < 0 || known >= SCRIPT) { // (not a void element)
        if (close) depth = Math.max(0, depth - 1);
        else if (++depth > MAX_DEPTH) return true;
        if (known === SCRIPT || known === STYLE) {
          const endTag = buf.indexOf(known === SCRIPT ? '</script' : '</style', next, 'latin1');
          if (endTag === -1) return false;
          next = endTag;
        }
      }
    }
    i = buf.indexOf(LT, next);
  }
  return false;
}
