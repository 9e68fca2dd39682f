// Turns an Article into the text enrichment reads: headline + story paragraphs without page
// furniture (stamps, bylines, share prompts), split into sentences and word tokens with offsets.

export interface Sentence {
  start: number;
  end: number;
  /** Paragraph index (0 = the title when there is one). */
  para: number;
}

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter (or is a lower-case name particle glued to one: al-Sharaa). */
  cap: boolean;
  /** First word of its sentence. */
  first: boolean;
  /** Followed by 's / ’s. */
  possessive: boolean;
  sentence: number;
}

export interface Doc {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  /** Character offset where the body starts (title before it). */
  bodyStart: number;
  /** Paragraph ranges. */
  paras: Array<{ start: number; end: number; titleCase: boolean }>;
}

const FURNITURE = /^(?:published|updated|posted|last updated|first published|date|by|photo|image|file photo|source|read more|also read|related|advertisement|share|follow us|subscribe|click here|watch|listen|copyright|©|all rights reserved|tags?|filed under|see also)\b[\s:|-]*/i;
const CRAWL_DATE_LINE = /^\s*date \d{4}-\d{2}-\d{2}\s*$/;

export function prepare(title: string | undefined, body: string): Doc {
  // The crawler's leading " date YYYY-MM-DD " stamp is not story text (and may have leaked into the title).
  body = body.replace(/^\s*date \d{4}-\d{2}-\d{2}\s+/, '');
  title = title?.replace(/^\s*date \d{4}-\d{2}-\d{2}\s+/, '');
  const lines = unwrap(body.split('\n').map((l) => l.trim())).filter((l) => l && !CRAWL_DATE_LINE.test(l) && !isFurniture(l));
  const paras: string[] = [];
  const t = title?.trim();
  if (t && !lines.slice(0, 6).some((l) => l === t)) paras.push(t);
  paras.push(...lines);
  let text = '';
  const ranges: Doc['paras'] = [];
  for (const p of paras) {
    if (text) text += '\n\n';
    ranges.push({ start: text.length, end: text.length + p.length, titleCase: isTitleCase(p) });
    text += p;
  }
  const sentences = splitSentences(text, ranges);
  const tokens = tokenize(text, sentences);
  return { text, sentences, tokens, bodyStart: t && paras[0] === t ? ranges[1]?.start ?? text.length : 0, paras: ranges };
}

/** Re-joins hard-wrapped lines ("… Powell⏎said there were …"): a line continues the previous one when it starts in lower case after an unfinished long line. */
function unwrap(lines: string[]): string[] {
  const out: string[] = [];
  let blank = true;
  for (const l of lines) {
    if (!l) { blank = true; continue; }
    const prev = blank ? undefined : out[out.length - 1];
    blank = false;
    if (prev && l && /^[\p{Ll}(“"‘]/u.test(l) && prev.length > 30 && !/[.!?:”"]$/.test(prev) && /^\p{Ll}/u.test(l)) out[out.length - 1] = `${prev} ${l}`;
    else if (prev && l && prev.length > 50 && /[\p{L},]$/u.test(prev) && /^[\p{Ll}\d]/u.test(l)) out[out.length - 1] = `${prev} ${l}`;
    else out.push(l);
  }
  return out;
}

function isFurniture(line: string): boolean {
  if (FURNITURE.test(line) && line.length < 120) return true;
  // Short label lines without sentence punctuation ("World", "Clicky", menus) carry no story.
  // At most two words: the (trimmed) line has no second run of white space after a word.
  if (!/\s\S+\s/.test(line) && !/[.!?"”]$/.test(line)) return true;
  if (/^\(?\s*with inputs from\b/i.test(line)) return true;
  return false;
}

/** Headline case: most words capitalised, including short function words ("Meets", "To"). */
function isTitleCase(p: string): boolean {
  // Words starting with a letter, and how many of them with a capital, counted without building
  // the word lists; a word starting with an ASCII character is decided without the Unicode regexes.
  let words = 0;
  let caps = 0;
  for (const w of p.split(/\s+/)) {
    const c = w.charCodeAt(0);
    if (c >= 65 && c <= 90) { words++; caps++; } else if (c >= 97 && c <= 122) words++;
    else if (c > 127 && /^\p{L}/u.test(w)) { words++; if (/^\p{Lu}/u.test(w)) caps++; }
  }
  if (words < 4) return false;
  return caps / words > 0.7 || p === p.toUpperCase();
}

const ABBREV = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Maj|Rev|Inc|Corp|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|D\.C|a\.m|p\.m|e\.g|i\.e)|\b\p{Lu})\.$/u;

function splitSentences(text: string, paras: Doc['paras']): Sentence[] {
  const out: Sentence[] = [];
  paras.forEach((p, pi) => {
    let start = p.start;
    const re = /[.!?]+["”’)]*\s+(?=["“‘(]?[\p{Lu}\d])/gu;
    const chunk = text.slice(p.start, p.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(chunk))) {
      const endAbs = p.start + m.index + m[0].trimEnd().length;
      const before = text.slice(Math.max(start, endAbs - 12), p.start + m.index + 1);
      if (ABBREV.test(before.replace(/["”’)]+$/, ''))) continue;
      out.push({ start, end: endAbs, para: pi });
      start = p.start + m.index + m[0].length;
    }
    if (start < p.end) out.push({ start, end: p.end, para: pi });
  });
  return out;
}

const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-&]*(?:\.(?=\p{L}))?[\p{L}\p{M}\p{N}'’\-&]*/gu;
const PARTICLE_CAP = /^(?:al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|de|di|da|van|von|le|la|du|del|der|mac|ul)[-'’]?\p{Lu}/u;

/** False when no character from the third on can be an upper-case letter (ASCII A–Z or non-ASCII): most lower-case words skip PARTICLE_CAP. */
function mayHaveCapital(w: string): boolean {
  for (let i = 2; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return true;
  }
  return false;
}

function tokenize(text: string, sentences: Sentence[]): Token[] {
  const tokens: Token[] = [];
  sentences.forEach((s, si) => {
    const chunk = text.slice(s.start, s.end);
    WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    let first = true;
    while ((m = WORD.exec(chunk))) {
      let w = m[0];
      let possessive = false;
      const lastCh = w.charCodeAt(w.length - 1);
      // Cheap character checks first: most tokens have no apostrophe, hyphen or ampersand.
      if (w.length > 2 && (lastCh === 0x27 || lastCh === 0x2019 || ((lastCh === 0x73 || lastCh === 0x53) && (w.charCodeAt(w.length - 2) === 0x27 || w.charCodeAt(w.length - 2) === 0x2019))) && !w.includes('.')) {
        w = w.slice(0, lastCh === 0x27 || lastCh === 0x2019 ? -1 : -2); possessive = true;
      }
      if (w.endsWith('-') || w.endsWith('&')) w = w.replace(/[-&]+$/, '');
      if (w.includes('-')) {
        // "Trump-backed", "Hamas-led": the name is the part before the hyphen.
        const compound = /^(\p{Lu}[\p{L}.]+)-(?:backed|led|based|owned|run|born|style|era|linked|allied|appointed|aligned|controlled|funded|made|bound|friendly)$/u.exec(w);
        if (compound) { w = compound[1]!; possessive = true; }
      }
      if (!w) continue;
      const start = s.start + m.index;
      let end = start + w.length;
      if (text.charCodeAt(end) === 0x2e && w.length <= 4 && /^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Prof|Rev)$/.test(w)) { w += '.'; end += 1; }
      const c0 = w.charCodeAt(0);
      const cap = (c0 >= 65 && c0 <= 90) || (c0 > 127 && /^\p{Lu}/u.test(w)) || ((c0 === 97 || c0 === 101 || c0 === 98 || c0 === 105 || c0 === 100 || c0 === 118 || c0 === 108 || c0 === 109 || c0 === 117) && mayHaveCapital(w) && PARTICLE_CAP.test(w));
      tokens.push({ text: w, start, end, cap, first, possessive, sentence: si });
      first = false;
    }
  });
  return tokens;
}

/** The characters between two tokens contain only spaces (no comma, quote, bracket or line break). */
export function joined(text: string, a: Token, b: Token): boolean {
  // Character tests on the gap in place (called for every pair of neighbouring words).
  const n = b.start - a.end;
  if (n <= 0) return false;
  // A middle initial: "Stephen I. Miran".
  if (n === 2 && text.charCodeAt(a.end) === 0x2e && text.charCodeAt(a.end + 1) === 0x20 && /^\p{Lu}$/u.test(a.text)) return true;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}
