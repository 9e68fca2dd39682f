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
const PREP = "(?:(?:on|in|since|by|until|till|from|during|before|after|through|as of|as early as|earlier|later|late|early|mid-|this|last|next|past|coming|of)\\s+)?";
const YEAR = '(?:19[5-9]\\d|20[0-4]\\d)';
const HOLIDAY = Object.keys(HOLIDAYS).sort((a, b) => b.length - a.length).map((h) => h.replace(/'/g, "['’]")).join('|');

// Order matters: longer forms first; matched text is consumed so shorter forms do not re-match it.
const PATTERNS: Array<[RegExp, string]> = [
  [new RegExp(`\\b${PREP}(?:${WD},?\\s+)?(${MON})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(${YEAR})\\b`, 'g'), 'mdy'],
  [new RegExp(`\\b${PREP}(?:${WD},?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MON}),?\\s+(${YEAR})\\b`, 'g'), 'dmy'],
  [/\b(20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/g, 'iso'],
  [new RegExp(`\\b${PREP}(?:${WD},?\\s+)?(${MON})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:%|,\\d|\\d))`, 'g'), 'md'],
  [new RegExp(`\\b${PREP}(?:${WD},?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MON})\\b`, 'g'), 'dm'],
  [new RegExp(`\\b${PREP}(${MON})(?:\\s+of)?,?\\s+(${YEAR})\\b`, 'g'), 'my'],
  [/\b(?:earlier|later) this (week|month|year)\b/gi, 'rel-this-part'],
  [/\b(?:this|last|next|past|previous|coming) (week|month|year)(?:['’]s)?\b/gi, 'rel'],
  [/\b(?:(?:late|early) )?(?:yesterday|today|tonight|tomorrow)(?: (?:morning|afternoon|evening|night))?\b|\bthis (?:morning|afternoon|evening)\b|\blast night\b/gi, 'deictic'],
  [new RegExp(`\\b(?:(?:on|by|until|since|from|late|early|last|next|this|this past|coming)\\s+)?(${WD})(?:['’]s)?(?:\\s+(?:morning|afternoon|evening|night))?\\b`, 'g'), 'weekday'],
  [new RegExp(`\\b(?:(?:in|since|by|until|during|from|through|last|next|this|early|late|mid-|earlier in|later in|end of)\\s+)(${MONTH_NAMES})\\b(?!\\s+\\d)`, 'g'), 'month'],
  [new RegExp(`\\b(?:${MONTH_NAMES.replace('May|', '')})\\b(?!\\s+\\d)`, 'g'), 'month-bare'],
  [new RegExp(`\\b(?:${HOLIDAY})\\b`, 'gi'), 'holiday'],
  [new RegExp(`\\b(?:(?:in|since|by|until|during|from|of|before|after|early|late|mid-|for|the)\\s+)?(${YEAR})\\b(?![-–/]\\d|\\s*(?:%|percent|people|km|kilometres|kilometers|miles|metres|meters|feet|tons|tonnes|units|votes|troops|cases)|s\\b)`, 'g'), 'year'],
];

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
  for (const [re, kind] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index; const end = start + m[0].length;
      if (!free(start, end)) continue;
      if (kind === 'month-bare' && !/^\p{Lu}/u.test(m[0])) continue;
      const mention = m[0].replace(/['’]s$/, '').trim();
      const future = isFuture(text, doc, start, mention);
      const resolved = resolve(kind, m, mention, pub, future);
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

function isFuture(text: string, doc: Doc, at: number, mention: string): boolean {
  if (/^(?:next|coming|this coming)\b/i.test(mention)) return true;
  if (/^(?:last|this past|past|since)\b/i.test(mention)) return false;
  const s = doc.sentences.find((x) => at >= x.start && at < x.end);
  if (!s) return false;
  // The clause around the mention: from the previous comma/semicolon to the next one.
  const left = text.slice(s.start, at); const right = text.slice(at, s.end);
  const clause = left.slice(Math.max(left.lastIndexOf(';'), 0)) + right.split(/[;]/)[0];
  return FUTURE_CUES.test(clause) && !/\b(?:said|was|were|had|did)\b/.test(clause.slice(0, 0));
}

function monthIndex(s: string): number | undefined {
  return MONTHS[s.toLowerCase().replace(/\.$/, '')];
}

/** The year for a month (and day) the text gives without one. */
function inferYear(pub: Date, month: number, day: number | undefined, future: boolean): number {
  const y = pub.getUTCFullYear();
  const cand = Date.UTC(y, month - 1, day ?? 1);
  const pubT = pub.getTime();
  if (future) return cand + (day ? 0 : 31 * 86_400_000) < pubT ? y + 1 : y;
  // Past narration: a date more than a few days after publication belongs to last year.
  const slack = day ? 3 * 86_400_000 : 0;
  return cand > pubT + slack ? y - 1 : y;
}

function resolve(kind: string, m: RegExpExecArray, mention: string, pub: Date | undefined, future: boolean): Resolved | undefined {
  const lower = mention.toLowerCase();
  switch (kind) {
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
      return `${inferYear(pub, month, day, future)}-${pad(month)}-${pad(day)}`;
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
      else y = inferYear(pub, month, undefined, future);
      return `${y}-${pad(month)}`;
    }
    case 'holiday': {
      if (!pub) return undefined;
      const mmdd = HOLIDAYS[lower.replace(/’/g, "'")];
      if (!mmdd) return undefined;
      const [mo, d] = mmdd.split('-').map(Number) as [number, number];
      return `${inferYear(pub, mo, d, future)}-${mmdd}`;
    }
    case 'year': return m[1]!;
    default: return undefined;
  }
}
