// htmlparser2's Tokenizer with fast paths for the states where pages spend most characters.
// The Tokenizer dispatches every character through its state switch (a field store, a bounds
// check and a call per character); the states below only react to a few characters, so we jump
// straight to the next one — with the native String indexOf for long runs (script and style
// bodies, comments) and a tight local loop for short ones (text, names, quoted values). Every
// override does what the original state would do character by character: the token stream is
// unchanged (test/extract/tree-builder.test.ts compares trees with htmlparser2 + domhandler).
import { Tokenizer } from 'htmlparser2';

const LT = 60, GT = 62, AMP = 38, DQUOTE = 34, SQUOTE = 39, SLASH = 47, EQ = 61, DASH = 45;

/** The Tokenizer fields the fast paths read and move (public in its JS, private in its types). */
interface Internals {
  buffer: string;
  offset: number;
  index: number;
  sequenceIndex: number;
  currentSequence: Uint8Array;
  /** Buffer position of the next `&` at or after the last text scan (−1: not looked up in this buffer). */
  nextAmp: number;
}
type State = (this: Internals, c: number) => void;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
}

/** Move the tokenizer to just before buffer position `i` (parse() increments, then steps onto it). */
function jumpTo(t: Internals, i: number): void {
  t.index = t.offset + i - 1;
}

/** Buffer position of the next `a` or `b` after the current character (the buffer's length if none). */
function scan2(t: Internals, a: number, b: number): number {
  const buf = t.buffer;
  const n = buf.length;
  let i = t.index - t.offset + 1;
  while (i < n) {
    const ch = buf.charCodeAt(i);
    if (ch === a || ch === b) break;
    i++;
  }
  return i;
}

/** Buffer position of the next character that ends a tag name (`/`, `>`, whitespace) or is `extra`. */
function scanName(t: Internals, extra: number): number {
  const buf = t.buffer;
  const n = buf.length;
  let i = t.index - t.offset + 1;
  while (i < n) {
    const ch = buf.charCodeAt(i);
    if (ch === GT || ch === SLASH || ch === extra || ch <= 32 && isWhitespace(ch)) break;
    i++;
  }
  return i;
}

/** Buffer position of the next `ch` after the current character (the buffer's length if none). */
function find(t: Internals, ch: string): number {
  const j = t.buffer.indexOf(ch, t.index - t.offset + 1);
  return j < 0 ? t.buffer.length : j;
}

export class FastTokenizer extends Tokenizer {
  constructor(...args: ConstructorParameters<typeof Tokenizer>) {
    super(...args);
    (this as unknown as Internals).nextAmp = -1;
  }

  override write(chunk: string): void {
    (this as unknown as Internals).nextAmp = -1;
    super.write(chunk);
  }
}
{
  const proto = FastTokenizer.prototype as unknown as Record<string, State>;
  const base = Tokenizer.prototype as unknown as Record<string, State>;
  const original = (name: string): State => base[name]!;

  // Running text reacts to `<` and `&` only. The next `&` is remembered: text runs are short and
  // most pages have few entities, so looking it up again after every tag would rescan the page.
  const stateText = original('stateText');
  proto.stateText = function (c) {
    if (c === LT || c === AMP) { stateText.call(this, c); return; }
    const from = this.index - this.offset + 1;
    let amp = this.nextAmp;
    if (amp < from) {
      amp = this.buffer.indexOf('&', from);
      if (amp < 0) amp = this.buffer.length;
      this.nextAmp = amp;
    }
    const lt = scan2(this, LT, LT);
    jumpTo(this, lt < amp ? lt : amp);
  };

  // Quoted attribute values react to their quote and `&` only.
  for (const [state, quote] of [['stateInAttributeValueDoubleQuotes', DQUOTE], ['stateInAttributeValueSingleQuotes', SQUOTE]] as const) {
    const fn = original(state);
    proto[state] = function (c) {
      if (c === quote || c === AMP) { fn.call(this, c); return; }
      jumpTo(this, scan2(this, quote, AMP));
    };
  }

  // Tag and attribute names: nothing happens until the character that ends them.
  const inTagName = original('stateInTagName');
  proto.stateInTagName = function (c) {
    if (c === GT || c === SLASH || isWhitespace(c)) { inTagName.call(this, c); return; }
    jumpTo(this, scanName(this, GT));
  };
  const inAttributeName = original('stateInAttributeName');
  proto.stateInAttributeName = function (c) {
    if (c === EQ || c === GT || c === SLASH || isWhitespace(c)) { inAttributeName.call(this, c); return; }
    jumpTo(this, scanName(this, EQ));
  };
  const inClosingTagName = original('stateInClosingTagName');
  proto.stateInClosingTagName = function (c) {
    if (c === GT || isWhitespace(c)) { inClosingTagName.call(this, c); return; }
    let i = scanName(this, GT);
    // (a `/` does not end a closing tag's name: keep going)
    while (i < this.buffer.length && this.buffer.charCodeAt(i) === SLASH) {
      this.index = this.offset + i;
      i = scanName(this, GT);
    }
    jumpTo(this, i);
  };

  // Script, style, textarea and xmp bodies: only a `<` may start the end tag (the original
  // fast-forwards too, one character per loop turn). <title> decodes entities: left as it is.
  const inSpecialTag = original('stateInSpecialTag');
  proto.stateInSpecialTag = function (c) {
    const seq = this.currentSequence;
    if (this.sequenceIndex === 0 && (c | 0x20) !== LT && !(seq[2] === 0x74 && seq[3] === 0x69)) {
      const j = find(this, '<');
      if (j < this.buffer.length) this.sequenceIndex = 1;
      jumpTo(this, j < this.buffer.length ? j + 1 : j);
      return;
    }
    inSpecialTag.call(this, c);
  };

  // Comments (`-->`) and CDATA (`]]>`): skip to the first character of the end sequence.
  const inCommentLike = original('stateInCommentLike');
  proto.stateInCommentLike = function (c) {
    const first = this.currentSequence[0]!;
    if (this.sequenceIndex === 0 && c !== first) {
      const j = find(this, first === DASH ? '-' : ']');
      if (j < this.buffer.length) this.sequenceIndex = 1;
      jumpTo(this, j < this.buffer.length ? j + 1 : j);
      return;
    }
    inCommentLike.call(this, c);
  };
}
