// The base of our HTML tokenizer (html-tokenizer.ts): raw text (<script>, <style>, <textarea>,
// <title>, <xmp> bodies up to their end tag), entity decoding, names, and the tree they go to.
// Split out only to keep files small; HtmlTokenizer is its one subclass.
import { DecodingMode, EntityDecoder, htmlDecodeTree } from 'entities/decode';
import { knownName } from './known-names.js';
import { TreeBuilder } from './tree-builder.js';

export const TAB = 9, LF = 10, FF = 12, CR = 13, SPACE = 32, BANG = 33, DQUOTE = 34, AMP = 38, SQUOTE = 39;
export const DASH = 45, SLASH = 47, LT = 60, EQ = 61, GT = 62, QMARK = 63, LBRACKET = 91;
/** Markup cut by a piece: parse it again with the next piece (or apply the end-of-input rules). */
export const CUT = -1;

export function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR || c === FF;
}

export class TokenizerBase {
  protected readonly tree = new TreeBuilder();
  private readonly decoder = new EntityDecoder(htmlDecodeTree, (cp) => { this.entity += String.fromCodePoint(cp); });
  /** The value of the entity decode() read last. */
  protected entity = '';
  /** Inside a raw-text element: its lower-cased name ('' elsewhere). */
  protected raw = '';
  /** Position of the first '&' at or after the last position asked for (the piece's length if none; −1: not looked up). */
  protected ampAt = -1;

  /** An end tag whose name the input ended after: it closes, then the page's last character is text (see endOfInput). */
  protected endTagCut(name: string, s: string): void {
    this.tree.endTag(name);
    this.lastCharacter(s);
  }

  protected lastCharacter(s: string): void {
    this.tree.text(s.slice(-1));
  }

  /**
   * Raw text from `from` up to the raw-text element's end tag, which closes it. Returns the position
   * after the end tag, or where the piece ended the text (an end tag or entity cut: parsed again).
   */
  protected rawText(s: string, from: number, final: boolean): number {
    const name = this.raw;
    if (name === 'title') return this.titleText(s, from, final);
    const n = s.length;
    let i = from;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) break;
      const m = this.matchEndTag(s, lt, name);
      if (m === CUT) {
        if (final) break;
        this.rawTextRun(s, from, lt);
        return lt;
      }
      if (m > 0) {
        const gt = s.charCodeAt(m) === GT ? m : s.indexOf('>', m);
        if (gt < 0 && !final) {
          this.rawTextRun(s, from, lt);
          return lt;
        }
        this.rawTextRun(s, from, lt);
        this.raw = '';
        if (gt < 0) { this.endTagCut(name, s); return n; }
        this.tree.endTag(name);
        return gt + 1;
      }
      i = -2 - m; // no end tag here: go on from the mismatching character
    }
    this.rawTextRun(s, from, n);
    if (final) this.raw = '';
    return n;
  }

  protected rawTextRun(s: string, from: number, to: number): void {
    if (to > from) this.tree.text(s.slice(from, to));
  }

  /**
   * Does `</name` followed by '>' or a space start at `lt`? The position of that '>' or space if so;
   * CUT when the piece ends first; else −2 − the position where the search goes on (htmlparser2
   * compares `c | 0x20`, so we do too).
   */
  private matchEndTag(s: string, lt: number, name: string): number {
    const n = s.length;
    const len = name.length;
    let k = lt + 1;
    if (k >= n) return CUT;
    if ((s.charCodeAt(k) | 0x20) !== SLASH) return -2 - k;
    for (let j = 0; j < len; j++) {
      if (++k >= n) return CUT;
      if ((s.charCodeAt(k) | 0x20) !== name.charCodeAt(j)) return -2 - k;
    }
    if (++k >= n) return CUT;
    const c = s.charCodeAt(k);
    return c === GT || isSpace(c) ? k : -2 - k;
  }

  /**
   * <title> text: entities decoded, character by character as htmlparser2 does it (a '&' right after
   * a partial `</title` is not an entity there). Titles are short.
   */
  private titleText(s: string, from: number, final: boolean): number {
    const END = '</title';
    const n = s.length;
    let matched = 0;
    let out = '';
    let start = from;
    let i = from;
    /** Where this piece's title text stops when the piece cuts it: a partial end tag or entity is parsed again. */
    let stop = n;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (matched === END.length) {
        if (c === GT || isSpace(c)) {
          const gt = c === GT ? i : s.indexOf('>', i);
          if (gt < 0 && !final) { stop = i - END.length; matched = 0; break; }
          out += s.slice(start, i - END.length);
          if (out !== '') this.tree.text(out);
          this.raw = '';
          if (gt < 0) { this.endTagCut('title', s); return n; }
          this.tree.endTag('title');
          return gt + 1;
        }
        matched = 0;
      }
      if ((c | 0x20) === END.charCodeAt(matched)) matched++;
      else if (matched === 0) {
        if (c === AMP) {
          const len = this.decode(s, i, DecodingMode.Legacy, final);
          if (len < 0) { stop = i; break; }
          if (len > 0) {
            out += s.slice(start, i) + this.entity;
            start = i = i + len;
            continue;
          }
        }
      } else matched = c === LT ? 1 : 0;
      i++;
    }
    if (final) stop = n;
    else if (i === n) stop = n - matched;
    out += s.slice(start, stop);
    if (out !== '') this.tree.text(out);
    if (final) this.raw = '';
    return stop;
  }

  /**
   * The entity at `amp` ('&'): its length with the '&' (its value in `this.entity`), 0 when it is
   * none, −1 when the piece cuts it (`complete`: decode what is there).
   */
  protected decode(s: string, amp: number, mode: DecodingMode, complete: boolean): number {
    this.entity = '';
    this.decoder.startEntity(mode);
    const len = this.decoder.write(s, amp + 1);
    if (len >= 0) return len;
    return complete ? this.decoder.end() : -1;
  }

  protected nextAmp(s: string, from: number): number {
    if (this.ampAt < from) {
      const at = s.indexOf('&', from);
      this.ampAt = at < 0 ? s.length : at;
    }
    return this.ampAt;
  }

  /** A tag name, lower-cased: a shared constant when known-names.ts lists it, else its internalized copy. */
  protected lowerName(s: string, start: number, end: number): string {
    return knownName(s, start, end) ?? internName(s.slice(start, end).toLowerCase());
  }

  /** An attribute name, lower-cased (only ever a key of its element's attribs: not worth interning). */
  protected lowerAttrName(s: string, start: number, end: number): string {
    return knownName(s, start, end) ?? s.slice(start, end).toLowerCase();
  }
}

/** Tag names met that known-names.ts does not list (custom elements, rarer tags), each as V8's internalized copy. */
const INTERNED = new Map<string, string>();
const MAX_INTERNED = 4096;

/**
 * The internalized (string-table) copy of a name, as known names already are. Extraction compares
 * element names with literals everywhere (`el.name === 'body'`); V8 compiles those comparisons for
 * internalized strings as long as it has only seen such, and deoptimises each one the first time a
 * page brings a custom element (`<app-root>`) whose name is a fresh string. V8 internalizes every
 * property key, so an object with the name as its key hands the internalized copy back.
 */
function internName(name: string): string {
  let v = INTERNED.get(name);
  if (v === undefined) {
    v = Object.keys({ [name]: 0 })[0] ?? name;
    if (INTERNED.size < MAX_INTERNED && name.length <= 64) INTERNED.set(v, v);
  }
  return v;
}
