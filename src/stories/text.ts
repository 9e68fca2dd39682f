// Text normalisation shared by duplicate detection and story clustering: word tokens, a light
// stemmer, stopwords for the languages we meet most, a language guess, and capitalised names.
// Everything here is language-agnostic Unicode handling plus small word lists; no dictionary.

const STOP_LISTS: Record<string, string> = {
  en: `a about above after again against all also although am an and any are as at be because been before being
    below between both but by can could did do does doing down during each else ever few for from further had has have
    having he her here hers herself him himself his how however i if in into is it its itself just last less like made
    make many may me might more most much must my myself near new no nor not now of off on once one only or other our ours
    ourselves out over own per said same says say see several she should since so some such than that the their theirs them
    themselves then there these they this those through thus to too two under until up upon us very via was we were what
    when where which while who whom whose why will with within without would yet you your yours yourself also including
    according told among around across amid back get got still even first another well year years week weeks day days
    time times today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr
    news read more updated published continue reading share click follow subscribe newsletter advertisement`,
  es: `el la los las un una unos unas de del al y o u que en por para con sin sobre entre se su sus es son fue era
    ha han como más pero lo le les ya muy también este esta estos estas ese esa eso ser está están hoy desde hasta según`,
  fr: `le la les un une des de du au aux et ou que qui en dans par pour avec sans sur entre se sa son ses est sont été
    était a ont comme plus mais ne pas ce cette ces il elle ils elles lui leur leurs aussi selon après avant déjà`,
  it: `il lo la i gli le un uno una di del della dei delle al alla e o che in per con senza su tra fra si suo sua suoi
    è sono stato era ha hanno come più ma non questo questa anche dopo secondo nel nella dal dalla`,
  de: `der die das den dem des ein eine einer eines und oder dass in im mit ohne auf für von zu zum zur ist sind war
    hat haben wie mehr aber nicht dieser diese auch nach bei aus sich sein seine`,
  pt: `o a os as um uma de do da dos das e ou que em no na por para com sem sobre entre se seu sua é são foi era tem
    como mais mas não este esta também após segundo pelo pela`,
  nl: `de het een en of dat in op met voor van te zijn is was heeft hebben als meer maar niet deze die ook na bij uit`,
  is: `og að í á sem er var til með um fyrir af en við hann hún það þeir ekki hefur eftir sig hafa`,
};

const STOPWORDS_BY_LANG = new Map<string, Set<string>>(
  Object.entries(STOP_LISTS).map(([lang, words]) => [lang, new Set(words.split(/\s+/).filter(Boolean))]),
);

/** Every stopword of every language: used for features, where a stray foreign function word is noise anyway. */
export const STOPWORDS: ReadonlySet<string> = new Set([...STOPWORDS_BY_LANG.values()].flatMap((s) => [...s]));

/** Guess the language from function-word hits; 'en' wins ties. Short or unknown text → undefined. */
export function guessLanguage(words: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestHits = 0;
  const sample = words.slice(0, 400);
  for (const [lang, stops] of STOPWORDS_BY_LANG) {
    let hits = 0;
    for (const w of sample) if (stops.has(w)) hits++;
    if (hits > bestHits) { best = lang; bestHits = hits; }
  }
  return bestHits >= 3 && bestHits >= sample.length * 0.08 ? best : undefined;
}

/** Lower-case, fold typographic quotes and dashes, and drop combining accents (Sánchez = Sanchez). */
const ASCII = /^[\x00-\x7f]*$/;

/** The full fold without the final lower-casing: decompose, drop marks, unify quotes and dashes. */
function foldChars(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

// Texts whose non-ASCII characters are all Latin-1 letters and signs or common typographic
// punctuation (most European news: "für", "Sánchez", “quotes”, dashes, €) are folded character by
// character from a table instead of normalising the whole text. NFKD decomposes each character on
// its own; it only reorders combining marks, and those are all dropped, so per-character folding
// gives the same string — the table is built with foldChars itself. (No combining mark is in the
// set: a text with one takes the full path.)
const LATIN_SET = '\u00a0-\u00ff\u0152\u0153\u2013\u2014\u2018\u2019\u201a\u201c-\u201e\u2022\u2026\u20ac\u2212';
const LATIN = new RegExp(`^[\\x00-\\x7f${LATIN_SET}]*$`);
const LATIN_CHAR = new RegExp(`[${LATIN_SET}]`, 'g');
const LATIN_FOLD = new Map<string, string>();
for (const [from, to] of [[0xa0, 0xff], [0x152, 0x153], [0x2013, 0x2014], [0x2018, 0x2019], [0x201a, 0x201a], [0x201c, 0x201e], [0x2022, 0x2022], [0x2026, 0x2026], [0x20ac, 0x20ac], [0x2212, 0x2212]] as const) {
  for (let c = from; c <= to; c++) LATIN_FOLD.set(String.fromCharCode(c), foldChars(String.fromCharCode(c)));
}
const latinFold = (c: string): string => LATIN_FOLD.get(c)!;

export function foldText(s: string): string {
  // ASCII has nothing to decompose, no marks, quotes or dashes to unify: only the case to fold
  // (most name tokens and many headlines; the test stops at the first non-ASCII character).
  if (ASCII.test(s)) return s.toLowerCase();
  if (LATIN.test(s)) return s.replace(LATIN_CHAR, latinFold).toLowerCase();
  return foldChars(s).toLowerCase();
}

/** foldText without the fast paths (for tests). */
export function foldTextFull(s: string): string {
  return foldChars(s).toLowerCase();
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Word tokens of `s`, folded (see foldText); possessive 's dropped. */
export function words(s: string): string[] {
  // String.match with /g returns the strings alone: no match object per word (matchAll's).
  const out = foldText(s).match(WORD_RE) ?? [];
  for (let i = 0; i < out.length; i++) {
    const w = out[i]!;
    if (w.endsWith("'s")) out[i] = w.slice(0, -2);
  }
  return out;
}

/**
 * A deliberately light English-leaning stemmer (plural and common verb endings), so "cuts"/"cut",
 * "elected"/"election" stay apart but "rates"/"rate" meet. Porter would merge too much across events.
 */
export function stem(w: string): string {
  if (w.length <= 3 || hasDigit(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

// /\d/.test(w) and /^\d+$/.test(w) (\d is ASCII 0-9) without a regex call per word.
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) { const c = w.charCodeAt(i); if (c >= 48 && c <= 57) return true; }
  return false;
}
function allDigits(w: string): boolean {
  if (!w.length) return false;
  for (let i = 0; i < w.length; i++) { const c = w.charCodeAt(i); if (c < 48 || c > 57) return false; }
  return true;
}

/** Content terms: folded words without stopwords, pure short numbers or one-letter tokens, stemmed. */
export function contentTerms(s: string): string[] {
  return contentTermsOf(words(s));
}

/** contentTerms of text already split by words(). */
export function contentTermsOf(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    if (w.length < 2 || STOPWORDS.has(w) || allDigits(w)) continue;
    out.push(stem(w));
  }
  return out;
}

const NAME_TOKEN_RE = /\p{Lu}[\p{L}\p{M}'’-]*[\p{L}\p{M}]|\p{Lu}{2,}/gu;

/**
 * Capitalised tokens that look like names (people, places, organisations, named things):
 * a capitalised word counts unless it starts a sentence and never appears capitalised mid-sentence.
 * All-caps lines (site furniture, headlines in caps) are skipped as they capitalise everything.
 * Returns folded names with their counts.
 *
 * With `phrases`, also counts multi-word names there: runs of two or three capitalised tokens
 * with only spaces between them ("US Open", "French Open", "New Delhi", "Federal Reserve"). A run
 * names one thing far more specifically than its words apart ("Open" is in every tournament; "US"
 * is a stopword on its own). Leading capitalised function words are dropped ("The Federal
 * Reserve"), all-caps acronyms kept ("US Open"). Title Case lines (headlines) capitalise every
 * word, so they add no phrase of their own: a phrase found in prose counts again where one has it.
 */
export function names(text: string, phrases?: Map<string, number>): Map<string, number> {
  const midSentence = new Set<string>();
  const candidates: Array<{ name: string; initial: boolean }> = [];
  const titleLines: string[] = [];
  const run: string[] = [];
  for (const line of text.split(/\n+/)) {
    // An ASCII lower-case letter settles "not all caps" without building the letters string.
    if (!/[a-z]/.test(line)) {
      const letters = line.replace(/[^\p{L}]/gu, '');
      if (letters.length > 12 && letters === letters.toUpperCase()) continue;
    }
    // Title Case lines (headlines) capitalise common words; take their names only when seen elsewhere.
    const titleCase = isTitleCaseLine(line);
    if (phrases && titleCase) titleLines.push(` ${words(line).join(' ')} `);
    const collect = !!phrases && !titleCase;
    let runEnd = -1;
    for (const m of line.matchAll(NAME_TOKEN_RE)) {
      if (collect) {
        // A run continues only across spaces.
        let k = m.index - 1;
        while (k >= runEnd && line[k] === ' ') k--;
        if (k >= runEnd || runEnd < 0) flushRun(run, phrases);
        run.push(m[0]);
        runEnd = m.index + m[0].length;
      }
      // The last non-space character before the token (what line.slice(0, index).trimEnd() ends
      // with, without copying the line up to every token: that was quadratic in the line's length).
      let j = m.index - 1;
      while (j >= 0 && isSpaceAt(line, j)) j--;
      const initial = titleCase || j < 0 || /[.!?:;"“”«»|([]/.test(line[j]!);
      let name = foldText(m[0]);
      // Possessive and trailing apostrophes or hyphens off (tested by the last character first: most names have none).
      const last = name.charCodeAt(name.length - 1);
      if (last === 0x73 || last === 0x27 || last === 0x2019 || last === 0x2d) name = name.replace(/['’]s$/, '').replace(/['’-]+$/, '');
      if (name.length < 2 || STOPWORDS.has(name)) continue;
      candidates.push({ name, initial });
      if (!initial) midSentence.add(name);
    }
    if (collect) flushRun(run, phrases);
  }
  if (phrases) for (const h of titleLines) for (const [p, c] of phrases) if (h.includes(` ${p} `)) phrases.set(p, c + 1);
  const out = new Map<string, number>();
  for (const c of candidates) {
    if (c.initial && !midSentence.has(c.name)) continue;
    out.set(c.name, (out.get(c.name) ?? 0) + 1);
  }
  return out;
}

/**
 * A Title Case line: at least four whitespace-separated tokens with a letter, at least 70% of them
 * starting with an upper-case letter. Counted by scanning the line (no token array: this runs on
 * every line of every lead), with the Unicode property tests only for tokens that do not start
 * with an ASCII letter — the same tokens and tests as over line.split(/\s+/).
 */
function isTitleCaseLine(line: string): boolean {
  let withLetter = 0;
  let capital = 0;
  const n = line.length;
  let i = 0;
  while (i < n) {
    if (isSpaceAt(line, i)) { i++; continue; }
    const start = i;
    const c = line.charCodeAt(i);
    if (c >= 65 && c <= 90) capital++;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      withLetter++;
      while (i < n && !isSpaceAt(line, i)) i++;
      continue;
    }
    while (i < n && !isSpaceAt(line, i)) i++;
    const t = line.slice(start, i);
    if (!/\p{L}/u.test(t)) continue;
    withLetter++;
    if (c > 127 && /^\p{Lu}/u.test(t)) capital++;
  }
  return withLetter >= 4 && capital >= withLetter * 0.7;
}

/** /\s/.test(s[i]), with the common ASCII characters decided without the regex. */
export function isSpaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(s[i]!);
}

/** Count the run of capitalised tokens as a multi-word name (see names) and start a new one. */
function flushRun(run: string[], phrases: Map<string, number>): void {
  let from = 0;
  while (from < run.length && run[from] !== run[from]!.toUpperCase() && STOPWORDS.has(foldText(run[from]!))) from++;
  const n = run.length - from;
  if (n >= 2 && n <= 3) {
    const phrase = run.slice(from).map((t) => foldText(t).replace(/['’]s$/, '')).join(' ');
    phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1);
  }
  run.length = 0;
}
