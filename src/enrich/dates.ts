// Temporal expressions resolved against the publication day, following the rules of the
// understanding gold standard: weekdays → most recent such day in past narration (next one in
// future narration), "last year" → YYYY, "earlier this week" → Monday..day before, month names and
// day-months without a year → the year that fits the narration. Own recogniser rather than
// chrono-node: the set of forms is small, the mention boundaries must be the text's own words, and
// it is ~20× faster on a news-length text.
import { FUTURE_CUES, HOLIDAYS, MONTHS, WEEKDAYS } from './lang/en.js';
import type { Doc } from './text.js';
import type { ResolvedDate } from '../types.js';

type Resolved = ResolvedDate['resolved'];

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_ABBR = 'Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?';
const MON = `(?:${MONTH_NAMES}|${MONTH_ABBR})`;
const WD = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const PREP = "(?:(?:on|in|since|by|until|till|from|during|before|after|through|as of|as early as|earlier|later|late|early|mid-|this|last|next|past|coming|of)[ \\t]+)?";
const YEAR = '(?:19[5-9]\\d|20[0-4]\\d)';
const HOLIDAY = Object.keys(HOLIDAYS).sort((a, b) => b.length - a.length).map((h) => h.replace(/'/g, "['’]")).join('|');

// Literal words every match of a pattern contains (a superset is fine: they only let findDates skip
// lines that cannot hold a match). Lower-case sets are searched in the lower-cased text, for the
// case-insensitive patterns.
const MONTH_ANCHORS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY_ANCHORS = ['day'];
const YEAR_ANCHORS = ['19', '20'];
const UNIT_ANCHORS = ['week', 'month', 'year'];
const DEICTIC_ANCHORS = ['day', 'tomorrow', 'morning', 'afternoon', 'evening', 'night'];
// The last word of each holiday name ("st patrick's day" → "day"): few distinct words to search for.
const HOLIDAY_ANCHORS = [...new Set(Object.keys(HOLIDAYS).map((h) => h.split(/[\s']+/).pop()!))];

interface Pattern { re: RegExp; kind: string; anchors: readonly string[]; lower: boolean }
const P = (re: RegExp, kind: string, anchors: readonly string[]): Pattern => ({ re, kind, anchors, lower: re.ignoreCase });

// Order matters: longer forms first; matched text is consumed so shorter forms do not re-match it.
// No pattern matches across a line break ([ \t] between words), which findDates relies on.
const PATTERNS: Pattern[] = [
  P(new RegExp(`\\b${PREP}(${MON})[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(this|last|next) year\\b`, 'g'), 'md-rel', MONTH_ANCHORS),
  P(new RegExp(`\\b${PREP}(${MONTH_NAMES})[ \\t]+(this|last|next) year\\b`, 'g'), 'm-rel', MONTH_ANCHORS),
  P(new RegExp(`\\b${PREP}(?:${WD},?[ \\t]+)?(${MON})[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(${YEAR})\\b`, 'g'), 'mdy', MONTH_ANCHORS),
  P(new RegExp(`\\b${PREP}(?:${WD},?[ \\t]+)?(?:the[ \\t]+)?(\\d{1,2})(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?(${MON}),?[ \\t]+(${YEAR})\\b`, 'g'), 'dmy', MONTH_ANCHORS),
  P(/\b(20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/g, 'iso', YEAR_ANCHORS),
  P(new RegExp(`\\b${PREP}(?:${WD},?[ \\t]+)?(${MON})[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:%|,\\d|\\d))`, 'g'), 'md', MONTH_ANCHORS),
  P(new RegExp(`\\b${PREP}(?:${WD},?[ \\t]+)?(?:the[ \\t]+)?(\\d{1,2})(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?(${MON})\\b`, 'g'), 'dm', MONTH_ANCHORS),
  P(new RegExp(`\\b${PREP}(${MON})(?:[ \\t]+of)?,?[ \\t]+(${YEAR})\\b`, 'g'), 'my', MONTH_ANCHORS),
  P(/\b(?:earlier|later) this (week|month|year)\b/gi, 'rel-this-part', UNIT_ANCHORS),
  P(/\b(?:this|last|next|past|previous|coming) (week|month|year)(?:['’]s)?\b/gi, 'rel', UNIT_ANCHORS),
  P(/\b(?:(?:late|early) )?(?:yesterday|today|tonight|tomorrow)(?: (?:morning|afternoon|evening|night))?\b|\bthis (?:morning|afternoon|evening)\b|\blast night\b/gi, 'deictic', DEICTIC_ANCHORS),
  P(new RegExp(`\\b(?:(?:on|by|until|since|from|late|early|last|next|this|this past|coming)[ \\t]+)?(${WD})(?:['’]s)?(?:[ \\t]+(?:morning|afternoon|evening|night))?\\b`, 'g'), 'weekday', WEEKDAY_ANCHORS),
  P(new RegExp(`\\b(?:(?:in|since|by|until|during|from|through|last|next|this|early|late|mid-|earlier in|later in|end of)[ \\t]+)(${MONTH_NAMES})\\b(?![ \\t]+\\d)`, 'g'), 'month', MONTH_ANCHORS),
  P(new RegExp(`\\b(?:${MONTH_NAMES.replace('May|', '')})\\b(?![ \\t]+\\d)`, 'g'), 'month-bare', MONTH_ANCHORS),
  P(new RegExp(`\\b(?:${HOLIDAY})\\b`, 'gi'), 'holiday', HOLIDAY_ANCHORS),
  P(new RegExp(`\\b(?:(?:in|since|by|until|during|from|of|before|after|early|late|mid-|for|the)[ \\t]+)?(${YEAR})\\b(?![-–/]\\d|\\s*(?:%|percent|people|km|kilometres|kilometers|miles|metres|meters|feet|tons|tonnes|units|votes|troops|cases)|s\\b)`, 'g'), 'year', YEAR_ANCHORS),
];

/** Start offsets of every occurrence of `word` in `hay`, ascending. */
function wordPositions(hay: string, word: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(word); i >= 0; i = hay.indexOf(word, i + 1)) out.push(i);
  return out;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);

/** Publication day from an ISO string (date part only; the local day the site states). */
export function publicationDay(published: string | undefined): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : undefined;
}

export interface DateHit extends ResolvedDate { start: number }

export function findDates(doc: Doc, pub: Date | undefined): DateHit[] {
  const text = doc.text;
  const taken: Array<[number, number]> = [];
  const found: Array<{ start: number; mention: string; resolved: Resolved }> = [];
  const free = (a: number, b: number): boolean => !taken.some(([x, y]) => a < y && b > x);
  // Each pattern's regex runs over the whole text as before, but its scan jumps to the start of the
  // next line holding one of its anchor words: a match lies within one line and contains an anchor at
  // or after its start, so the skipped stretch holds no match and the matches are exactly the same.
  // Searched once per set and per word ("day" serves weekdays, holidays and "today").
  const anchorCache = new Map<readonly string[], number[] | undefined>();
  const wordCache = new Map<string, number[]>();
  let lowerText: string | undefined;
  const anchorsOf = (p: Pattern): number[] | undefined => {
    if (anchorCache.has(p.anchors)) return anchorCache.get(p.anchors);
    let hay = text;
    if (p.lower) {
      lowerText ??= text.toLowerCase();
      // Offsets of the lower-cased text only line up when lower-casing kept the length (no "İ").
      if (lowerText.length !== text.length) { anchorCache.set(p.anchors, undefined); return undefined; }
      hay = lowerText;
    }
    const hits: number[] = [];
    for (const w of p.anchors) {
      const key = (p.lower ? 'l:' : 'c:') + w;
      let at = wordCache.get(key);
      if (!at) { at = wordPositions(hay, w); wordCache.set(key, at); }
      for (const i of at) hits.push(i);
    }
    if (p.anchors.length > 1) hits.sort((a, b) => a - b);
    anchorCache.set(p.anchors, hits);
    return hits;
  };
  for (const p of PATTERNS) {
    const { re, kind } = p;
    const hits = anchorsOf(p);
    let h = 0;
    re.lastIndex = 0;
    for (;;) {
      if (hits) {
        const from = re.lastIndex;
        while (h < hits.length && hits[h]! < from) h++;
        if (h === hits.length) break;
        const lineStart = text.lastIndexOf('\n', hits[h]!) + 1;
        if (lineStart > from) re.lastIndex = lineStart;
      }
      const m = re.exec(text);
      if (!m) break;
      const start = m.index; const end = start + m[0].length;
      if (!free(start, end)) continue;
      if (kind === 'month-bare' && !/^\p{Lu}/u.test(m[0])) continue;
      const mention = m[0].replace(/['’]s$/, '').trim();
      const tense = tenseAt(text, doc, start, mention);
      const resolved = resolve(kind, m, mention, pub, tense);
      if (resolved === undefined) continue;
      taken.push([start, end]);
      found.push({ start, mention, resolved });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const out: DateHit[] = [];
  for (const f of found) {
    const key = `${f.mention.toLowerCase().replace(/^(?:on|in|since|by|from|until|during) /, '')}|${JSON.stringify(f.resolved)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ mention: f.mention, resolved: f.resolved, start: f.start });
  }
  return out;
}

const PAST_CUES = /\b(?:was|were|had|did|came|began|took|fell|rose|went|won|lost|met|said|told|held|made|saw|released|launched|announced|\w{3,}(?<!e)ed)\b/i;

/** Tense of the words right around a mention (its clause, at most eight words before). */
function tenseAt(text: string, doc: Doc, at: number, mention: string): Tense {
  if (/^(?:next|coming|this coming)\b/i.test(mention)) return 'future';
  if (/^(?:last|this past|past|since)\b/i.test(mention)) return 'past';
  const s = doc.sentences.find((x) => at >= x.start && at < x.end);
  if (!s) return 'unknown';
  let left = text.slice(s.start, at);
  left = (left.split(/[;,]|\band\b|\bbut\b/).pop() ?? left).trim();
  const near = left.split(/\s+/).slice(-8).join(' ');
  left = left.split(/\s+/).slice(-12).join(' ');
  const right = text.slice(at + mention.length, s.end).split(/[;,.]|\band\b/)[0]!.split(/\s+/).slice(0, 5).join(' ');
  if (FUTURE_CUES.test(left) || FUTURE_CUES.test(right) || /\b(?:may|might|could)\b/.test(near) || /\bto [a-z]+ (?:in|on|by|until)?\s*$/.test(near)) return 'future';
  if (PAST_CUES.test(near) || /^\s*(?:\w{3,}(?<!e)ed|was|were)\b/.test(right)) return 'past';
  return 'unknown';
}

function monthIndex(s: string): number | undefined {
  return MONTHS[s.toLowerCase().replace(/\.$/, '')];
}

type Tense = 'past' | 'future' | 'unknown';

/** The year for a month (and day) the text gives without one: by tense, else the nearest to publication. */
function inferYear(pub: Date, month: number, day: number | undefined, tense: Tense): number {
  const y = pub.getUTCFullYear();
  const pubT = pub.getTime();
  const at = (yy: number): number => (day ? Date.UTC(yy, month - 1, day) : Date.UTC(yy, month - 1, 15));
  const sameMonth = !day && month === pub.getUTCMonth() + 1;
  if (sameMonth) return y;
  if (tense === 'future') return at(y) < pubT - (day ? 0 : 16 * 86_400_000) ? y + 1 : y;
  // Past narration: a date more than a few days after publication belongs to last year.
  if (tense === 'past') return at(y) > pubT + 3 * 86_400_000 ? y - 1 : y;
  const cands = [y - 1, y, y + 1];
  return cands.sort((a, b) => Math.abs(at(a) - pubT) - Math.abs(at(b) - pubT))[0]!;
}

function resolve(kind: string, m: RegExpExecArray, mention: string, pub: Date | undefined, tense: Tense): Resolved | undefined {
  const lower = mention.toLowerCase();
  const future = tense === 'future';
  switch (kind) {
    case 'md-rel': case 'm-rel': {
      if (!pub) return undefined;
      const month = monthIndex(m[1]!);
      const rel = (kind === 'md-rel' ? m[3] : m[2])!.toLowerCase();
      const y = pub.getUTCFullYear() + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0);
      if (!month) return undefined;
      return kind === 'md-rel' ? `${y}-${pad(month)}-${pad(+m[2]!)}` : `${y}-${pad(month)}`;
    }
    case 'mdy': case 'dmy': {
      const [mo, d, y] = kind === 'mdy' ? [m[1]!, m[2]!, m[3]!] : [m[2]!, m[1]!, m[3]!];
      const month = monthIndex(mo); const day = +d;
      if (!month || day < 1 || day > 31) return undefined;
      return `${y}-${pad(month)}-${pad(day)}`;
    }
    case 'iso': return `${m[1]}-${m[2]}-${m[3]}`;
    case 'md': case 'dm': {
      const [mo, d] = kind === 'md' ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
      const month = monthIndex(mo); const day = +d;
      if (!month || day < 1 || day > 31 || !pub) return undefined;
      if (kind === 'md' && /^May$/.test(mo) && !/^(?:on|in|by|since|until|from|early|late) /i.test(mention) && day > 31) return undefined;
      return `${inferYear(pub, month, day, tense)}-${pad(month)}-${pad(day)}`;
    }
    case 'my': {
      const month = monthIndex(m[1]!);
      return month ? `${m[2]}-${pad(month)}` : undefined;
    }
    case 'rel-this-part': case 'rel': {
      if (!pub) return undefined;
      const unit = m[1]!.toLowerCase();
      const shift = /^(?:last|past|previous)/.test(lower) ? -1 : /^(?:next|coming)/.test(lower) ? 1 : 0;
      if (unit === 'year') return String(pub.getUTCFullYear() + shift);
      if (unit === 'month') { const d = new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + shift, 1)); return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`; }
      const monday = addDays(pub, -((pub.getUTCDay() + 6) % 7));
      if (/^earlier/.test(lower)) return pub.getUTCDay() === 1 ? undefined : { from: ymd(monday), to: ymd(addDays(pub, -1)) };
      if (/^later/.test(lower)) return { from: ymd(addDays(pub, 1)), to: ymd(addDays(monday, 6)) };
      const start = addDays(monday, 7 * shift);
      return { from: ymd(start), to: ymd(addDays(start, 6)) };
    }
    case 'deictic': {
      if (!pub) return undefined;
      if (/yesterday|last night/.test(lower)) return ymd(addDays(pub, -1));
      if (/tomorrow/.test(lower)) return ymd(addDays(pub, 1));
      return ymd(pub);
    }
    case 'weekday': {
      if (!pub) return undefined;
      const wd = WEEKDAYS.indexOf(m[1]!.toLowerCase() as (typeof WEEKDAYS)[number]);
      const today = pub.getUTCDay();
      if (future) return ymd(addDays(pub, ((wd - today + 7) % 7) || (/^next/i.test(lower) ? 7 : 0)));
      const back = (today - wd + 7) % 7;
      return ymd(addDays(pub, -(back === 0 && /^last/i.test(lower) ? 7 : back)));
    }
    case 'month': case 'month-bare': {
      if (!pub) return undefined;
      const month = monthIndex(mention.split(/\s+/).pop()!);
      if (!month) return undefined;
      let y: number;
      if (/^last /i.test(mention)) y = month >= pub.getUTCMonth() + 1 ? pub.getUTCFullYear() - 1 : pub.getUTCFullYear();
      else if (/^next /i.test(mention)) y = month <= pub.getUTCMonth() + 1 ? pub.getUTCFullYear() + 1 : pub.getUTCFullYear();
      else if (/^this /i.test(mention)) y = pub.getUTCFullYear();
      else y = inferYear(pub, month, undefined, /^since /i.test(mention) ? 'past' : tense);
      return `${y}-${pad(month)}`;
    }
    case 'holiday': {
      if (!pub) return undefined;
      const mmdd = HOLIDAYS[lower.replace(/’/g, "'")];
      if (!mmdd) return undefined;
      const [mo, d] = mmdd.split('-').map(Number) as [number, number];
      return `${inferYear(pub, mo, d, tense === 'unknown' ? 'past' : tense)}-${mmdd}`;
    }
    case 'year': return m[1]!;
    default: return undefined;
  }
}
