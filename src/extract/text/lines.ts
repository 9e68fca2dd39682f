// Crawl text → lines with the shape features the body and header finders work from.
// Everything here is script-neutral: lengths are measured in "units" (a word in spaced
// scripts, half a character in CJK/Thai, where one word is ~2 characters), sentence ends
// are recognised in many scripts, and title case is only measured where letters have case.

export interface Line {
  /** Index in the line array. */
  index: number;
  /** Whitespace-collapsed text. */
  text: string;
  /** Lower-cased text without punctuation, for repeat counting and comparisons. */
  key: string;
  /** Starts a block (preceded by a blank line or the start of the input). */
  blockStart: boolean;
  /** Length in word units (see above). */
  units: number;
  /** Ends like a sentence (., !, ?, …, 。, ؟, ।, : — after closing quotes/brackets). */
  sentenceEnd: boolean;
  /** How many lines in the whole input have the same key. */
  repeats: number;
}

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu;
// Closing quotes and brackets that may follow the sentence-ending mark.
const CLOSERS = /["'”’»«)\]）」』】›\s*]+$/u;
const TRAILING_CREDIT = /\s*[(（][^()（）]{1,24}[)）]\s*$/u;
const SENTENCE_END = /[.!?…。！？؟۔।॥:;：；]$/u;

const HAS_WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// Tokens without any letter or digit ("|", "•", "–") are not words.
const NON_WORD_TOKEN = /(?:^| )[^\p{L}\p{N} ]+(?= |$)/gu;

/** Length in word units; `text` is whitespace-collapsed. */
export function unitsOf(text: string): number {
  if (!text) return 0;
  // One pass counts the spaces and notes whether any character could be a wide-script one (all
  // of those, and every surrogate pair, lie at U+0E00 or above): most lines skip the Unicode test.
  let n = 1;
  let mayBeWide = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) n++;
    else if (c >= 0x0e00) mayBeWide = true;
  }
  if (mayBeWide && HAS_WIDE.test(text)) {
    const wide = text.match(WIDE)?.length ?? 0;
    return (text.replace(WIDE, ' ').match(WORD)?.length ?? 0) + wide / 2;
  }
  const junk = text.match(NON_WORD_TOKEN)?.length ?? 0;
  return n - junk;
}

const PUNCT_RUN = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2010-\u205f\u3000-\u303f\uff01-\uff0f]+/g;

/** Comparison key: lower case, punctuation and spacing folded (ASCII/Latin-1/general punctuation). */
export function lineKey(text: string): string {
  return text.toLowerCase().replace(PUNCT_RUN, ' ').trim();
}

/** Crawlers sometimes keep literal `\n` escapes or stray tags; undo that before splitting. */
function normaliseSource(source: string): string {
  let s = source.replace(/\r\n?/g, '\n');
  // A literal "\n" after a sentence end or before a capital is a lost line break, not code.
  if (s.includes('\\n')) s = s.replace(/(?<=[.!?"'”’:)\]])(?:\\n)+|(?:\\n)+(?=\s*[\p{Lu}\d"“])/gu, (m) => (m.length > 2 ? '\n\n' : '\n'));
  if (s.includes('<')) s = s.replace(/<\/?(?:p|br|div|span|b|i|em|strong|a|li|ul|ol|h[1-6])\b[^<>]{0,200}>/gi, (t) => (/^<\/?(p|br|div|li|h)/i.test(t) ? '\n' : ''));
  return s;
}

/**
 * Lines of one block that are soft-wrapped source text (the crawler kept the HTML's line
 * breaks) are joined back into one paragraph: a long line without a sentence end, near the
 * block's widest line, or any line followed by a lower-case continuation.
 */
function joinWrapped(block: string[]): string[] {
  if (block.length < 2) return block;
  const width = Math.max(...block.map((l) => l.length));
  const out: string[] = [block[0]!];
  for (let k = 1; k < block.length; k++) {
    const prev = out[out.length - 1]!;
    const cur = block[k]!;
    const open = !SENTENCE_END.test(prev.replace(CLOSERS, ''));
    const wrapped = open && prev.length >= 50 && prev.length >= 0.6 * width;
    const continued = open && prev.length >= 20 && /^[\p{Ll}(,;]/u.test(cur);
    if (wrapped || continued) out[out.length - 1] = `${prev} ${cur}`;
    else out.push(cur);
  }
  return out;
}

export function splitLines(source: string): Line[] {
  const raw = normaliseSource(source).split('\n');
  const lines: Line[] = [];
  let block: string[] = [];
  const flush = () => {
    const joined = joinWrapped(block);
    for (let k = 0; k < joined.length; k++) {
      const text = joined[k]!;
      // A closing credit in brackets ("… Nature. (dpa)", "…上。（编译/林靖东）") follows the real end.
      const stripped = text.replace(TRAILING_CREDIT, '').replace(CLOSERS, '');
      lines.push({
        index: lines.length,
        text,
        key: lineKey(text),
        blockStart: k === 0,
        units: unitsOf(text),
        // A short line cut off with "…" is a truncated teaser, not a finished sentence.
        sentenceEnd: SENTENCE_END.test(stripped) && !(/(?:…|\.\.\.)$/.test(stripped) && text.length < 140),
        repeats: 0,
      });
    }
    block = [];
  };
  for (const r of raw) {
    const text = r.replace(/[\s\u200b\u200e\u200f\ufeff]+/g, ' ').trim();
    if (text) block.push(text);
    else if (block.length) flush();
  }
  if (block.length) flush();
  joinAcrossBlocks(lines);
  const counts = new Map<string, number>();
  for (const l of lines) if (l.key) counts.set(l.key, (counts.get(l.key) ?? 0) + 1);
  for (const l of lines) l.repeats = l.key ? counts.get(l.key)! : 1;
  return lines;
}

/**
 * A crawler that turns every <br> into a blank line cuts sentences in two: a long line that
 * stops mid-sentence (a letter or a comma) followed by a block that goes on in lower case is
 * one paragraph. Needs letter case, so caseless scripts are left alone.
 */
function joinAcrossBlocks(lines: Line[]): void {
  let w = 0;
  for (let r = 0; r < lines.length; r++) {
    const cur = lines[r]!;
    const prev = w > 0 ? lines[w - 1]! : undefined;
    // A headline also ends without a stop and may be followed by "von Anna …" or an alt text:
    // the cut line must itself read as mid-sentence (a trailing comma, an inner comma, or a
    // lower-case start).
    if (prev && cur.blockStart && !prev.sentenceEnd && prev.text.length >= 30 && cur.text.length >= 20 && /^\p{Ll}/u.test(cur.text)
      && (/,$/.test(prev.text) || (/\p{Ll}$/u.test(prev.text) && (/^\p{Ll}/u.test(prev.text) || prev.text.includes(', '))))) {
      prev.text = `${prev.text} ${cur.text}`;
      prev.key = lineKey(prev.text);
      prev.units = unitsOf(prev.text);
      prev.sentenceEnd = cur.sentenceEnd;
      continue;
    }
    cur.index = w;
    lines[w++] = cur;
  }
  lines.length = w;
}

/** Sentence-like: long enough and ends like a sentence, or long enough to be prose anyway. */
export function isProse(l: Line): boolean {
  // "Politik • Wirtschaft • Kultur" and "Home | News | Sport" are menus, whatever their length.
  if ((l.text.match(/\s[•|·»]\s/g)?.length ?? 0) >= 3) return false;
  // Long lines count as prose even without a final stop (cut-off records), but only when they
  // have inner punctuation: a menu flattened into one line has none.
  if (l.units >= 30 && /[.,;:!?。，、؛،]/u.test(l.text)) return true;
  if (!l.sentenceEnd) return false;
  if (l.units < 5) return false;
  // "Home: News: World:" style crumbs end in a colon but are not prose.
  if (/:$/.test(l.text) && l.units < 8) return false;
  return true;
}
