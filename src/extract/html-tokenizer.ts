// HTML → our compact tree (dom.ts) in one pass of our own: a tokenizer that reads the decoded page
// by character codes and hands whole tokens straight to the tree builder (tree-builder.ts). It
// replaces htmlparser2's Tokenizer, which walks every character through a state switch and reports
// positions through callbacks; here text, script bodies, comments and quoted values are crossed with
// the native indexOf, names come from shared constants (known-names.ts), attributes go straight
// into the element's object, and entities are decoded only where a '&' is.
//
// The token stream is htmlparser2 10's in HTML mode, quirks included, because extraction was tuned
// on the trees it gave: a '<' not followed by a letter, '/', '!' or '?' is text; `</>` is text;
// `<!x ...>` and `<?x ...>` run to the next '>'; `<![CDATA[ ]]>` is a comment; attribute names
// start with any character but whitespace, '/' and '>' (`<a ="x">` has one named `="x"`); only
// exact <script>, <style>, <textarea>, <title> and <xmp> have raw text, and only <title> decodes
// entities in it; entities follow the `entities` package's legacy (text) and attribute rules.
// (The WHATWG tokenizer and htmlparser2's state machine were the references; no code is copied.)
//
// Pieces (decode.ts keeps pages in 32 KB pieces): text and raw text stream across them; a token
// that a piece cuts (a tag, comment, entity or end tag) is parsed again from its start, whole,
// with the next piece (`carry`). The result is the tree of the whole page, wherever the cuts fall.
import { DecodingMode } from 'entities/decode';
import type { Document } from './dom.js';
import { BANG, CUT, DASH, DQUOTE, EQ, GT, isSpace, LBRACKET, QMARK, SLASH, SPACE, SQUOTE, TokenizerBase } from './html-raw-text.js';
import { NO_ATTRIBS } from './tree-builder.js';
/** `</>` and `</ >`: text, as in htmlparser2. */
const AS_TEXT = -2;
/** When an unfinished token carried over grows past this, the rest of the page is joined instead. */
export const CARRY_LIMIT = 65536;

function isLetter(c: number): boolean {
  return ((c | 0x20) - 97) >>> 0 < 26;
}

/** Names whose element holds raw text up to its end tag. */
function isRawText(name: string): boolean {
  return name === 'script' || name === 'style' || name === 'title' || name === 'textarea' || name === 'xmp';
}

/** `s[from, n)` is a case-insensitive start of a raw-text tag name (htmlparser2 emits such a cut-off tag as text). */
function startsRawTextName(s: string, from: number): boolean {
  const part = s.slice(from).toLowerCase();
  return ['script', 'style', 'title', 'textarea', 'xmp'].some((name) => name.startsWith(part));
}

export class HtmlTokenizer extends TokenizerBase {
  /** The start of the previous piece that is still unparsed (a token the cut went through). */
  carry = '';
  /** The name of a start tag that the piece cut after its '/' (htmlparser2 reports it at the end of input). */
  private cutAfterSlash = '';

  /** Parse the next piece of the page; `final` says it is the last one. */
  write(piece: string, final: boolean): void {
    const s = this.carry === '' ? piece : this.carry + piece;
    this.ampAt = -1;
    const stop = this.parse(s, final);
    this.carry = stop < s.length ? s.slice(stop) : '';
  }

  end(): Document {
    return this.tree.end();
  }

  /** Parse `s` as far as it can be; returns where the unparsed rest starts (its length when all is done). */
  private parse(s: string, final: boolean): number {
    const n = s.length;
    let i = 0;
    if (this.raw !== '') {
      i = this.rawText(s, 0, final);
      if (this.raw !== '') return i;
    }
    let textStart = i;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0 || lt === n - 1) {
        // No markup starts in the rest: all text (a last '<' waits for the next piece).
        const end = lt < 0 || final ? n : lt;
        return this.text(s, textStart, end, final || end < n);
      }
      const c = s.charCodeAt(lt + 1);
      let end: number;
      if (isLetter(c)) {
        this.text(s, textStart, lt, true);
        end = this.startTag(s, lt);
      } else if (c === SLASH) {
        this.text(s, textStart, lt, true);
        end = this.endTag(s, lt);
        if (end === AS_TEXT) { textStart = lt; i = lt + 2; continue; }
      } else if (c === BANG) {
        this.text(s, textStart, lt, true);
        end = this.bang(s, lt, final);
      } else if (c === QMARK) {
        this.text(s, textStart, lt, true);
        end = this.skipPast(s, lt + 2);
      } else {
        i = lt + 1; // '<' that starts no markup is text
        continue;
      }
      if (end === CUT) {
        if (!final) return lt;
        this.endOfInput(s, lt);
        return n;
      }
      i = textStart = end;
      if (this.raw !== '') {
        i = textStart = this.rawText(s, end, final);
        if (this.raw !== '') return i;
      }
    }
  }

  /**
   * Text `s[from, to)` with its entities decoded, to the tree. `complete`: no more characters can
   * follow (an entity cut at `to` is decoded as it stands). Returns where the text was cut short
   * (at an unfinished entity), else `to`.
   */
  private text(s: string, from: number, to: number, complete: boolean): number {
    if (from >= to) return to;
    let amp = this.nextAmp(s, from);
    if (amp >= to) {
      this.tree.text(s.slice(from, to));
      return to;
    }
    let out = '';
    let start = from;
    while (amp < to) {
      const len = this.decode(s, amp, DecodingMode.Legacy, complete);
      if (len < 0) {
        to = amp;
        break;
      }
      if (len > 0) {
        out += s.slice(start, amp) + this.entity;
        start = amp + len;
      }
      amp = this.nextAmp(s, len > 0 ? start : amp + 1);
    }
    out += s.slice(start, to);
    if (out !== '') this.tree.text(out);
    return to;
  }

  /** A start tag at `lt` (a letter follows the '<'): to the tree whole; returns the position after it, or CUT. */
  private startTag(s: string, lt: number): number {
    const n = s.length;
    let i = lt + 2;
    let c = 0;
    while (i < n) {
      c = s.charCodeAt(i);
      if (c === GT || c === SLASH || (c <= SPACE && isSpace(c))) break;
      i++;
    }
    if (i >= n) return CUT;
    const name = this.lowerName(s, lt + 1, i);
    this.cutAfterSlash = '';
    let attribs = NO_ATTRIBS;
    let selfClosing = false;
    for (;;) {
      while (c <= SPACE && isSpace(c)) {
        if (++i >= n) return CUT;
        c = s.charCodeAt(i);
      }
      if (c === GT) break;
      if (c === SLASH) {
        // `/` then '>' (spaces allowed between) closes the tag self-closed; anything else starts an attribute.
        do {
          if (++i >= n) { this.cutAfterSlash = name; return CUT; }
          c = s.charCodeAt(i);
        } while (c <= SPACE && isSpace(c));
        if (c === GT) { selfClosing = true; break; }
        continue;
      }
      // An attribute name: its first character whatever it is, then up to '=', '/', '>' or a space.
      const nameStart = i;
      while (++i < n) {
        c = s.charCodeAt(i);
        if (c === EQ || c === GT || c === SLASH || (c <= SPACE && isSpace(c))) break;
      }
      if (i >= n) return CUT;
      const attrName = this.lowerAttrName(s, nameStart, i);
      while (c <= SPACE && isSpace(c)) {
        if (++i >= n) return CUT;
        c = s.charCodeAt(i);
      }
      let value = '';
      if (c === EQ) {
        do {
          if (++i >= n) return CUT;
          c = s.charCodeAt(i);
        } while (c <= SPACE && isSpace(c));
        if (c === DQUOTE || c === SQUOTE) {
          const close = s.indexOf(c === DQUOTE ? '"' : "'", i + 1);
          if (close < 0) return CUT;
          value = this.attrValue(s, i + 1, close);
          i = close + 1;
          if (i >= n) return CUT;
          c = s.charCodeAt(i);
        } else {
          const valueStart = i;
          while (c !== GT && !(c <= SPACE && isSpace(c))) {
            if (++i >= n) return CUT;
            c = s.charCodeAt(i);
          }
          value = this.attrValue(s, valueStart, i);
        }
      }
      if (attribs === NO_ATTRIBS) attribs = Object.create(null) as Record<string, string>;
      if (!(attrName in attribs)) attribs[attrName] = value;
    }
    this.tree.startTag(name, attribs, selfClosing);
    if (!selfClosing && isRawText(name)) this.raw = name;
    return i + 1;
  }

  /** An attribute value `s[from, to)`, entities decoded. */
  private attrValue(s: string, from: number, to: number): string {
    let amp = this.nextAmp(s, from);
    if (amp >= to) return s.slice(from, to);
    let out = '';
    let start = from;
    while (amp < to) {
      const len = this.decode(s, amp, DecodingMode.Attribute, true);
      if (len > 0) {
        out += s.slice(start, amp) + this.entity;
        start = amp + len;
      }
      amp = this.nextAmp(s, len > 0 ? start : amp + 1);
    }
    return out + s.slice(start, to);
  }

  /** `</...` at `lt`: an end tag to the tree, a bogus comment, or AS_TEXT. Returns the position after it, or CUT. */
  private endTag(s: string, lt: number): number {
    const n = s.length;
    let i = lt + 2;
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return CUT;
    const c = s.charCodeAt(i);
    if (c === GT) return AS_TEXT;
    if (!isLetter(c)) return this.skipPast(s, i + 1); // `</3 ...>`: a comment
    const nameStart = i;
    while (++i < n) {
      const ch = s.charCodeAt(i);
      if (ch === GT || isSpace(ch)) break;
    }
    const gt = i < n && s.charCodeAt(i) === GT ? i : s.indexOf('>', i);
    if (gt < 0) return CUT;
    this.tree.endTag(this.lowerName(s, nameStart, i));
    return gt + 1;
  }

  /** `<!...` at `lt`: a comment, CDATA section or declaration (all end the text run). */
  private bang(s: string, lt: number, final: boolean): number {
    const n = s.length;
    if (lt + 2 >= n) return CUT;
    const c = s.charCodeAt(lt + 2);
    if (c === DASH) {
      if (lt + 3 >= n) return CUT;
      // `<!-x`: a declaration whose 'x' (even a '>') is skipped
      if (s.charCodeAt(lt + 3) !== DASH) return this.skipPast(s, lt + 4);
      // The opening's dashes count towards the end: `<!-->` and `<!--->` are whole comments.
      const end = s.indexOf('-->', lt + 2);
      if (end < 0) return this.unclosed(final);
      this.tree.breakText();
      return end + 3;
    }
    if (c === LBRACKET) {
      const CDATA = 'CDATA[';
      for (let k = 0; k < CDATA.length; k++) {
        const at = lt + 3 + k;
        if (at >= n) return CUT;
        // A mismatch makes a declaration of it, the mismatching character read again.
        if (s.charCodeAt(at) !== CDATA.charCodeAt(k)) return this.skipPast(s, at);
      }
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return this.unclosed(final);
      this.tree.breakText();
      return end + 3;
    }
    return this.skipPast(s, lt + 3); // a doctype or other declaration; its first character is skipped
  }

  /** A comment or CDATA section that is still open: cut, or at the end of input it runs to the end. */
  private unclosed(final: boolean): number {
    if (!final) return CUT;
    this.tree.breakText();
    return Number.MAX_SAFE_INTEGER;
  }

  /** Declarations, processing instructions and bogus comments run to the next '>' at or after `from`. */
  private skipPast(s: string, from: number): number {
    const gt = s.indexOf('>', from);
    if (gt < 0) return CUT;
    this.tree.breakText();
    return gt + 1;
  }

  /**
   * Markup at `lt` that the end of input cut: what htmlparser2 makes of it (its handleTrailingData).
   * Cut tags leave nothing — except a name that is the start of a raw-text tag name, which is text,
   * as are a lone '<', `</` and the inside of a cut declaration or processing instruction (all
   * without decoding entities). A tag cut
   * after its '/', or an end tag cut after its name, gives the page's last character as text (an
   * htmlparser2 quirk, kept so that trees stay the same).
   */
  private endOfInput(s: string, lt: number): void {
    const n = s.length;
    const c = s.charCodeAt(lt + 1);
    if (isLetter(c)) {
      let i = lt + 1;
      while (i < n && !isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== GT && s.charCodeAt(i) !== SLASH) i++;
      if (i === n && startsRawTextName(s, lt + 1)) this.rawTextRun(s, lt + 1, n);
      else if (this.cutAfterSlash !== '') {
        this.tree.startTagName(this.cutAfterSlash);
        this.lastCharacter(s);
      }
    } else if (c === SLASH) {
      let i = lt + 2;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i === n) this.rawTextRun(s, lt, n);
      else if (!isLetter(s.charCodeAt(i))) this.rawTextRun(s, i, n);
      else {
        const nameStart = i;
        while (i < n && !isSpace(s.charCodeAt(i))) i++;
        if (i < n) this.endTagCut(this.lowerName(s, nameStart, i), s);
      }
    } else if (c === BANG || c === QMARK) {
      this.rawTextRun(s, lt + 2, n);
    } else {
      this.rawTextRun(s, lt, n);
    }
  }

}

/** Parse a page given whole or in pieces (see decode.ts: pieces keep every string small). */
export function parseHtml(html: string | readonly string[]): Document {
  const tokenizer = new HtmlTokenizer();
  if (typeof html === 'string') tokenizer.write(html, true);
  else {
    const last = html.length - 1;
    for (let k = 0; k <= last; k++) {
      // A token longer than CARRY_LIMIT would be parsed again with every piece: join the rest instead.
      if (k < last && tokenizer.carry.length > CARRY_LIMIT) {
        tokenizer.write(html.slice(k).join(''), true);
        break;
      }
      tokenizer.write(html[k]!, k === last);
    }
    if (last < 0) tokenizer.write('', true);
  }
  return tokenizer.end();
}
