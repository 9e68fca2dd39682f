// Finds named mentions (capitalised word runs), strips titles and sentence-initial words, and
// classifies each as person, organisation or place using the lexicons and the gazetteer.
import { lookupPlace } from './geo/gazetteer.js';
import { DEMONYMS, DIRECTION_WORDS, FUNCTION_WORDS, MONTHS, NAME_CONNECTORS, NAME_PARTICLES, NON_ENTITY_WORDS, NON_NAME_ACRONYMS, ORG_WORDS, PLACE_FEATURE_WORDS, TITLE_WORDS, WEEKDAYS } from './lang/en.js';
import { lexicon } from './lexicon.js';
import { fold, surnameKey } from './normalize.js';
import { joined, type Doc, type Token } from './text.js';

export type MentionType = 'person' | 'organization' | 'place';

export interface Mention {
  text: string;
  start: number;
  end: number;
  sentence: number;
  type: MentionType;
  /** How sure the classifier is: 2 = lexical evidence (title, first name, gazetteer), 1 = default. */
  strength: number;
  /** A title or role stripped from the front ("Foreign Minister"). */
  title?: string;
  /** A demonym or country before the title ("Russian President …" → RU). */
  titleCountry?: string;
}

/** All capitalised runs, split and classified. Title-case paragraphs only yield known names. */
export function findMentions(doc: Doc): Mention[] {
  const out: Mention[] = [];
  const runs = capitalisedRuns(doc);
  for (const run of runs) {
    const para = doc.paras.find((p) => run[0]!.start >= p.start && run[0]!.start <= p.end);
    classifyRun(doc, run, para?.titleCase ?? false, out);
  }
  nicknamed(doc, out);
  bareSurnames(doc, out);
  return out.sort((a, b) => a.start - b.start);
}

function capitalisedRuns(doc: Doc): Token[][] {
  const runs: Token[][] = [];
  let cur: Token[] = [];
  const flush = (): void => {
    while (cur.length && !cur[cur.length - 1]!.cap) cur.pop();
    if (cur.length) runs.push(cur);
    cur = [];
  };
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = cur[cur.length - 1];
    if (prev && (prev.possessive || prev.sentence !== t.sentence || !joined(doc.text, prev, t))) flush();
    // Only capitalised tokens can be date words that break a run; lower-case ones skip the lookups
    // (and are lower-cased only when a run is open). No closure per token: this loop sees every word.
    if (t.cap && !isDigitCode(t.text.charCodeAt(0)) && !isDateWord(t.text.toLowerCase(), prev)) cur.push(t);
    else if (cur.length && isConnector(t.text.toLowerCase()) && toks[i + 1]?.cap && joined(doc.text, t, toks[i + 1]!)) cur.push(t);
    else flush();
  }
  flush();
  return runs;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
/** A weekday or month name ("May" after a first name is a surname: "Theresa May"). */
function isDateWord(lw: string, prev: Token | undefined): boolean {
  return WEEKDAY_SET.has(lw) || (MONTH_SET.has(lw.endsWith('.') ? lw.slice(0, -1) : lw) && !(prev && lexicon().firstNames.has(prev.text.toLowerCase())));
}
const isConnector = (lw: string): boolean => NAME_CONNECTORS.has(lw) || NAME_PARTICLES.has(lw);

const WEEKDAY_SET = new Set<string>(WEEKDAYS);
// Sets and Maps rather than indexing the lang/en.ts records by arbitrary words: no prototype keys
// ("constructor"), and no internalising every looked-up word as a property name.
const MONTH_SET = new Set(Object.keys(MONTHS));
const DEMONYM_MAP = new Map(Object.entries(DEMONYMS));
const SPLIT_CONNECTORS = new Set(['of', 'for', 'and', 'the', '&', 'on']);

const isTitle = (t: Token): boolean => { const w = t.text.toLowerCase().replace(/\.$/, ''); return TITLE_WORDS.has(w) || TITLE_WORDS.has(t.text.toLowerCase()) || (w.length > 4 && w.endsWith('s') && TITLE_WORDS.has(w.slice(0, -1))) || /^[\w-]+-year-old$/i.test(t.text); };
const demonymCountry = (t: Token): string | undefined => (lookupPlace(t.text).length ? undefined : DEMONYM_MAP.get(t.text.toLowerCase()));
const nameOf = (toks: Token[]): string => toks.map((t) => t.text).join(' ');
const knownWhole = (toks: Token[]): boolean => { const name = nameOf(toks); const k = fold(name); return lexicon().orgs.has(k) || lexicon().people.has(k) || lookupPlace(name).some((p) => p.kind !== 'city' || p.population >= 20_000); };

function classifyRun(doc: Doc, run: Token[], titleCase: boolean, out: Mention[]): void {
  const lex = lexicon();
  let toks = run;
  // A known organisation may start with "The" (The Hill, The Guardian): check before stripping.
  const whole = fold(toks.map((t) => t.text).join(' '));
  if (lex.orgs.has(whole)) { out.push(mention(toks, 'organization', 2)); return; }
  // Drop sentence-initial / function words at the front ("Despite", "According", "The").
  // The cheap word tests first: knownWhole (lexicon and gazetteer lookups of the joined run) only for a run that would lose a word.
  while (toks.length && ((FUNCTION_WORDS.has(toks[0]!.text.toLowerCase()) && !/^[A-Z]{2,}$/.test(toks[0]!.text)) || (toks[0]!.first && isCommonWord(toks[0]!.text) && !isTitle(toks[0]!)) || !toks[0]!.cap) && !knownWhole(toks)) toks = toks.slice(1);
  if (!toks.length) return;
  if (titleCase) { splitHeadline(toks, out); return; }
  // "PARIS, Texas (Dateline Wire) —": the agency credited in a dateline.
  const first = toks[0]!; const last = toks[toks.length - 1]!;
  if (doc.text[first.start - 1] === '(' && /^\)\s*[—–-]/.test(doc.text.slice(last.end, last.end + 4)) && !lookupPlace(nameOf(toks)).length) { out.push(mention(toks, 'organization', 2)); return; }
  // "CHRISTOPHER RUGABER WASHINGTON (AP)": a shouted byline glued to a dateline; keep the place only.
  if (toks.length >= 2 && toks.every((t) => t.text.length > 1 && t.text === t.text.toUpperCase()) && !knownWhole(toks)) {
    for (let k = Math.min(3, toks.length - 1); k >= 1; k--) {
      const tail = toks.slice(toks.length - k);
      if (lookupPlace(nameOf(tail)).some((p) => p.kind !== 'city' || p.population >= 100_000)) { out.push(mention(tail, 'place', 2)); return; }
    }
  }
  // "Gagan Thapa and Bishwo Prakash Sharma", "Putin and I", "Bishop of Rome": split at connectors
  // unless the whole run is one organisation or place ("Bank of England", "Bosnia and Herzegovina").
  const cut = toks.findIndex((t, i) => i > 0 && SPLIT_CONNECTORS.has(t.text.toLowerCase()));
  // "US Geological Survey and Germany", "… Michelle Bowman and Gov. Christopher Waller": an "and" before a
  // name that stands on its own joins two names, even after an organisation.
  const andRight = cut > 0 && toks[cut]!.text.toLowerCase() === 'and' ? toks.slice(cut + 1) : [];
  const splitsAnd = andRight.length > 0 && (knownWhole(andRight) || isTitle(andRight[0]!) || classifyName(andRight) === 'person');
  if (cut > 0 && !knownWhole(toks) && (classifyName(toks) !== 'organization' || splitsAnd)) {
    classifyRun(doc, toks.slice(0, cut), false, out);
    classifyRun(doc, toks.slice(cut + 1), false, out);
    return;
  }
  if (NON_ENTITY_WORDS.has(toks[toks.length - 1]!.text.toLowerCase()) && !knownWhole(toks)) return;
  // Split "Federal Reserve Chair Jerome Powell" / "Russian President Vladimir Putin" / "U.S. President Donald Trump":
  // the last title block divides an optional affiliation (left) from the person (right).
  let titleEnd = -1; let titleStart = -1;
  for (let i = toks.length - 2; i >= 0; i--) {
    if (isTitle(toks[i]!) && !isTitle(toks[i + 1]!)) {
      titleEnd = i; titleStart = i;
      while (titleStart > 0 && isTitle(toks[titleStart - 1]!)) titleStart--;
      break;
    }
  }
  if (titleEnd >= 0) {
    const left = toks.slice(0, titleStart);
    let right = toks.slice(titleEnd + 1);
    // "Vice Chairman of Supervision Michelle Bowman": skip the rest of the role before the first name.
    const firstName = right.findIndex((t) => lex.firstNames.has(t.text.toLowerCase()));
    if (firstName > 0 && right.slice(0, firstName).every((t) => !t.cap || isCommonWord(t.text)) && right.length - firstName >= 2) right = right.slice(firstName);
    const rightWhole = fold(right.map((t) => t.text).join(' '));
    const leftIsOrg = left.length > 0 && classifyName(left) === 'organization';
    if (!lex.orgs.has(fold(toks.slice(0, titleEnd + 2).map((t) => t.text).join(' '))) && !(right.some((t) => ORG_WORDS.has(t.text.toLowerCase())) && !lex.people.has(rightWhole))) {
      let titleCountry: string | undefined;
      if (left.length === 1 && !lookupPlace(left[0]!.text).length && DEMONYM_MAP.get(left[0]!.text.toLowerCase())) titleCountry = DEMONYM_MAP.get(left[0]!.text.toLowerCase());
      else if (left.length) {
        const type = classifyName(left);
        if (type) out.push(mention(left, type, leftIsOrg ? 2 : 1));
        if (type === 'place') titleCountry = lookupPlace(left.map((t) => t.text).join(' '))[0]?.country ?? undefined;
      }
      const m = mention(right, 'person', 2);
      m.title = toks.slice(titleStart, titleEnd + 1).map((t) => t.text).join(' ');
      if (titleCountry) m.titleCountry = titleCountry;
      if (/^pope$/i.test(toks[titleEnd]!.text)) { m.start = toks[titleEnd]!.start; m.text = doc.text.slice(m.start, m.end); }
      if (right.length === 1 && isCommonWord(right[0]!.text) && !lex.lastNames.has(right[0]!.text.toLowerCase()) && !lex.people.has(fold(right[0]!.text))) return;
      out.push(m);
      return;
    }
  }
  // A lone demonym or title ("Russian", "President") is not a name.
  if (toks.length === 1 && (demonymCountry(toks[0]!) || TITLE_WORDS.has(toks[0]!.text.toLowerCase().replace(/\.$/, '')))) return;
  while (toks.length > 1 && demonymCountry(toks[0]!) && !knownWhole(toks) && classifyName(toks) !== 'organization') toks = toks.slice(1);
  // "Supervision Michelle Bowman": a common word glued before a first name + surname.
  if (toks.length >= 3 && isCommonWord(toks[0]!.text) && lex.firstNames.has(toks[1]!.text.toLowerCase()) && !knownWhole(toks) && classifyName(toks) !== 'organization') toks = toks.slice(1);
  const type = classifyName(toks);
  if (type) out.push(mention(toks, type, strengthOf(toks, type)));
}

/**
 * Once "Jalen Hurts" is named, a capitalised "Hurts" elsewhere is him even though "hurts" is a common
 * word the classifier would otherwise skip.
 */
function bareSurnames(doc: Doc, out: Mention[]): void {
  const surnames = new Set<string>();
  for (const m of out) if (m.type === 'person' && /\s/.test(m.text)) surnames.add(surnameKey(m.text));
  if (!surnames.size) return;
  const covered = (t: Token): boolean => out.some((m) => t.start >= m.start && t.end <= m.end);
  for (const t of doc.tokens) {
    if (!t.cap || !surnames.has(surnameKey(t.text)) || covered(t)) continue;
    out.push({ text: t.text, start: t.start, end: t.end, sentence: t.sentence, type: 'person', strength: 2 });
  }
}

/** Sean "Diddy" Combs → one person mention "Sean Combs" (the nickname is not a separate name). */
function nicknamed(doc: Doc, out: Mention[]): void {
  const re = /\b(\p{Lu}\p{Ll}+)\s+["“‘']([^"”’'\n]{1,25})["”’']\s+(\p{Lu}[\p{L}'’-]+)/gu;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    if (!lexicon().firstNames.has(m[1]!.toLowerCase())) continue;
    const start = m.index; const end = m.index + m[0].length;
    for (let i = out.length - 1; i >= 0; i--) if (out[i]!.start >= start && out[i]!.end <= end) out.splice(i, 1);
    const sentence = doc.sentences.findIndex((s) => start >= s.start && start < s.end);
    out.push({ text: `${m[1]} ${m[3]}`, start, end, sentence, type: 'person', strength: 2 });
  }
}

/** In a headline-case line, only names the lexicons or gazetteer know are taken. */
function splitHeadline(toks: Token[], out: Mention[]): void {
  const lex = lexicon();
  let i = 0;
  while (i < toks.length) {
    let matched = 0;
    for (let j = Math.min(toks.length, i + 5); j > i; j--) {
      const span = toks.slice(i, j);
      const name = fold(span.map((t) => t.text).join(' '));
      if (lex.orgs.has(name) || lex.orgs.has(name.replace(/^the /, ''))) { out.push(mention(span, 'organization', 2)); matched = j - i; break; }
      if (j - i === 1 && (DIRECTION_WORDS.has(name) || FUNCTION_WORDS.has(name))) continue;
      if (lex.people.has(name)) { out.push(mention(span, 'person', 2)); matched = j - i; break; }
      const places = lookupPlace(name);
      if (places.some((p) => p.kind !== 'city' || p.population > 100_000)) { out.push(mention(span, 'place', 2)); matched = j - i; break; }
      if (j - i >= 2 && lex.firstNames.has(span[0]!.text.toLowerCase()) && span.every((t) => !isCommonWord(t.text) || lex.lastNames.has(t.text.toLowerCase()))) {
        out.push(mention(span, 'person', 1)); matched = j - i; break;
      }
    }
    i += matched || 1;
  }
}

export function isCommonWord(word: string): boolean {
  const w = word.toLowerCase();
  if (FUNCTION_WORDS.has(w)) return true;
  const lex = lexicon();
  if (lex.firstNames.has(w) || lex.lastNames.has(w)) return false;
  if (lex.common.has(w)) return true;
  // Plurals of common nouns ("States", "Wardens" stays unknown, "Members" → member).
  if (w.length > 4 && w.endsWith('s') && (lex.common.has(w.slice(0, -1)) || (w.endsWith('es') && lex.common.has(w.slice(0, -2))))) return true;
  return /^[a-z]+(?:ing|ly|ed|ness|ment|tion|ities)$/.test(w);
}

/** person / organization / place for a title-free run, or undefined when it looks like no name. */
export function classifyName(toks: Token[]): MentionType | undefined {
  const lex = lexicon();
  const words = toks.map((t) => t.text);
  const name = words.join(' ');
  const key = fold(name);
  if (lex.orgs.has(key)) return 'organization';
  if (lex.people.has(key)) return 'person';
  const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
  const lastWord = lower[lower.length - 1]!;
  if (words.length === 1 && DIRECTION_WORDS.has(lower[0]!)) return undefined;
  const areas = lookupPlace(name).filter((p) => p.kind !== 'city');
  if (areas.length && !lex.orgs.has(key)) return 'place';
  if (words.length >= 2 && PLACE_FEATURE_WORDS.has(lastWord) && !lower.some((w) => ORG_WORDS.has(w) && !PLACE_FEATURE_WORDS.has(w))) return 'place';
  if (words.length >= 2 && DIRECTION_WORDS.has(lower[0]!) && lookupPlace(words.slice(1).join(' ')).length) return 'place';
  if (lower.some((w) => ORG_WORDS.has(w)) && !(lower.length === 1 && lookupPlace(name).length)) return 'organization';
  // Sports teams: a place followed by a plural name ("Kansas City Chiefs", "Philadelphia Eagles").
  if (words.length >= 2 && /^\p{Lu}\p{Ll}+s$/u.test(words[words.length - 1]!) && !lex.firstNames.has(lower[0]!) && lookupPlace(words.slice(0, -1).join(' ')).some((p) => p.kind !== 'city' || p.population >= 100_000) && !lookupPlace(name).length) return 'organization';
  const places = lookupPlace(name);
  const firstIsName = lex.firstNames.has(lower[0]!) && words.length >= 2;
  if (places.length && !firstIsName) {
    const best = Math.max(...places.map((p) => (p.kind === 'city' ? p.population : 1e9)));
    const lone = words.length === 1;
    if (lone && DIRECTION_WORDS.has(lower[0]!)) return undefined;
    if (best >= 1000 && !(lone && lex.lastNames.has(lower[0]!) && best < 200_000) && !(lone && best < 200_000 && isCommonWord(lower[0]!))) return 'place';
  }
  // Acronyms (2–6 capitals, optionally with periods) are organisations unless a place.
  if (words.length === 1 && /^(?:[A-Z]\.?){2,6}$/.test(name) && !places.length && !NON_NAME_ACRONYMS.has(lower[0]!)) return 'organization';
  if (firstIsName) return 'person';
  if (words.length >= 2 && words.length <= 4 && words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && NAME_PARTICLES.has(w.toLowerCase())) || /^(?:al|el)-/.test(w))) {
    if (!isCommonWord(lower[0]!) && lower.filter((w) => isCommonWord(w) && !lex.lastNames.has(w)).length <= 1) return 'person';
    return undefined;
  }
  if (words.length === 1 && (lex.lastNames.has(lower[0]!) || /^(?:[Aa]l|[Ee]l)-\p{Lu}/u.test(name))) return 'person';
  return undefined;
}

function strengthOf(toks: Token[], type: MentionType): number {
  const lex = lexicon();
  const key = fold(toks.map((t) => t.text).join(' '));
  if (type === 'organization' && lex.orgs.has(key)) return 2;
  if (type === 'person' && (lex.people.has(key) || lex.firstNames.has(toks[0]!.text.toLowerCase()))) return 2;
  if (type === 'place') return 2;
  return 1;
}

function mention(toks: Token[], type: MentionType, strength: number): Mention {
  const first = toks[0]!; const last = toks[toks.length - 1]!;
  return { text: toks.map((t) => t.text).join(' '), start: first.start, end: last.end, sentence: first.sentence, type, strength };
}
