// Finding dates inside free text ("Veröffentlicht am 15. Oktober 2025, 19:36 Uhr", "Oct. 15, 2025 at
// 7:36 p.m. EDT", "15/10/2025", "2025年10月15日"). Every pattern is a fixed sequence of bounded
// tokens, so matching is linear; callers pass short strings (date lines, attribute values).
import { monthNumber } from './months.js';

export interface ClockTime { h: number; mi: number; s?: number }

export interface FoundDate {
  y: number;
  m: number;
  d: number;
  time?: ClockTime;
  /** ±HH:MM when the text states an offset or a zone abbreviation. */
  offset?: string;
  /** Position of the match in the scanned text. */
  index: number;
  /** True when the month was written as a word (less ambiguous than numbers). */
  named: boolean;
}

export interface ScanOptions {
  /** How to read ambiguous numeric dates with slashes: 3/4/2025. Dots and dashes are always day-first. */
  order?: 'dmy' | 'mdy';
}

const L = '\\p{L}';
// Only 'dmy-num' can match without four digits in a row; only 'cjk' needs 年/년 (see scanDates).
const PATTERNS: Array<{ re: RegExp; kind: 'ymd' | 'dmy-num' | 'dmy-word' | 'mdy-word' | 'y-word-d' | 'cjk' }> = [
  { re: /(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/gu, kind: 'ymd' },
  { re: /(?<![\d.])(\d{4})[./](\d{1,2})[./](\d{1,2})(?![\d])/gu, kind: 'ymd' },
  { re: /(?<![\d./-])(\d{1,2})([./-])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?![\d])/gu, kind: 'dmy-num' },
  { re: new RegExp(`(?<![\\d${L}])(\\d{1,2})(?:st|nd|rd|th|er|e|\\.|º)?\\s*(?:de\\s+|of\\s+)?(${L}{3,12})\\.?,?\\s*(?:de\\s+|del\\s+)?(\\d{4})(?!\\d)`, 'gu'), kind: 'dmy-word' },
  { re: new RegExp(`(?<!${L})(${L}{3,12})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'gu'), kind: 'mdy-word' },
  { re: new RegExp(`(?<!\\d)(\\d{4})\\.?\\s*(${L}{3,12})\\.?\\s+(\\d{1,2})\\.?(?!\\d)`, 'gu'), kind: 'y-word-d' },
  { re: /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})/gu, kind: 'cjk' },
];

const CJK_YEAR = /[年년]/;

const TIME = /^[\s,|·•\-–—@(]*(?:(?:um|at|à|a las|alle|ore|o|kl\.?|klo\.?|godz\.?|в|saat)\s*)?(\d{1,2})[:.h](\d{2})(?![\d])(?::(\d{2}))?(?:\s*([aApP])\.?\s?[mM]\.?(?![\p{L}]))?(?:\s*(?:Uhr|h|hrs?)(?![\p{L}]))?\s*(?:\(?\s*(Z|UTC|GMT|[A-Z]{2,5}(?![\p{L}])|[+-]\d{2}:?\d{2}))?(?:\s*([+-]\d{1,2}(?::?\d{2})?))?/u;

/** Zone abbreviations that are unambiguous enough in news datelines. */
const ZONE_ABBR: Record<string, string> = {
  Z: '+00:00', UTC: '+00:00', GMT: '+00:00', WET: '+00:00', BST: '+01:00', CET: '+01:00', MEZ: '+01:00', WEST: '+01:00',
  CEST: '+02:00', MESZ: '+02:00', EET: '+02:00', EEST: '+03:00', MSK: '+03:00', EST: '-05:00', EDT: '-04:00',
  CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00', JST: '+09:00', KST: '+09:00',
  AEST: '+10:00', AEDT: '+11:00', HKT: '+08:00', SGT: '+08:00', PKT: '+05:00', WIB: '+07:00',
};

export function normalizeOffset(tok: string | undefined): string | undefined {
  if (!tok) return undefined;
  const t = tok.trim();
  const abbr = ZONE_ABBR[t.toUpperCase()];
  if (abbr) return abbr;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(t);
  if (!m) return undefined;
  const h = Number(m[2]);
  const mi = Number(m[3] ?? 0);
  if (h > 14 || mi > 59) return undefined;
  return `${m[1]}${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
}

function year2(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n >= 90 ? 1900 + n : 2000 + n;
}

/** Time (and zone) written right after a date, e.g. ", 19:36 Uhr" or " at 7:36 p.m. EDT". */
export function timeAfter(text: string, from: number): { time?: ClockTime; offset?: string } {
  const m = TIME.exec(text.slice(from, from + 48));
  if (!m) return {};
  let h = Number(m[1]);
  const mi = Number(m[2]);
  if (m[4]) {
    if (h > 12) return {};
    if (m[4].toLowerCase() === 'p' && h < 12) h += 12;
    if (m[4].toLowerCase() === 'a' && h === 12) h = 0;
  }
  if (h > 23 || mi > 59) return {};
  const time: ClockTime = { h, mi };
  if (m[3]) time.s = Number(m[3]);
  // "UTC+6" / "GMT-04:00": the shift is the offset; otherwise the zone word or numeric offset itself.
  const offset = m[5] && /^(UTC|GMT)$/i.test(m[5]) && m[6] ? normalizeOffset(m[6]) : normalizeOffset(m[5]);
  return offset ? { time, offset } : { time };
}

/** All dates in a short text, in order of appearance (not yet checked for plausibility). */
export function scanDates(text: string, opts: ScanOptions = {}): FoundDate[] {
  const out: FoundDate[] = [];
  // Every pattern needs a 4-digit year or a d.m.yy form: skip the rest cheaply.
  if (!/\d{4}|\d[./-]\s?\d{1,2}[./-]\s?\d\d/.test(text)) return out;
  // Patterns that cannot match are not run: all but 'dmy-num' need a 4-digit year, 'cjk' its year sign.
  const year4 = /\d{4}/.test(text);
  for (const { re, kind } of PATTERNS) {
    if (kind !== 'dmy-num' && (!year4 || (kind === 'cjk' && !CJK_YEAR.test(text)))) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      let y: number, mo: number | undefined, d: number;
      let named = false;
      if (kind === 'ymd' || kind === 'cjk') {
        y = +m[1]!; mo = +m[2]!; d = +m[3]!;
      } else if (kind === 'dmy-num') {
        const a = +m[1]!, b = +m[3]!;
        if (m[4]!.length === 2 && m[2] !== '.') continue;
        y = year2(m[4]!);
        const mdy = m[2] === '/' && (opts.order ?? 'mdy') === 'mdy';
        if (a > 12 && b <= 12) { d = a; mo = b; } else if (b > 12 && a <= 12) { d = b; mo = a; } else if (mdy) { mo = a; d = b; } else { d = a; mo = b; }
      } else if (kind === 'dmy-word') {
        mo = monthNumber(m[2]!); d = +m[1]!; y = +m[3]!; named = true;
      } else if (kind === 'mdy-word') {
        mo = monthNumber(m[1]!); d = +m[2]!; y = +m[3]!; named = true;
      } else {
        mo = monthNumber(m[2]!); d = +m[3]!; y = +m[1]!; named = true;
      }
      if (!mo) continue;
      const found: FoundDate = { y, m: mo, d, index: m.index, named };
      const t = timeAfter(text, m.index + m[0].length);
      if (t.time) found.time = t.time;
      if (t.offset) found.offset = t.offset;
      out.push(found);
    }
  }
  // Overlapping matches (the same date read by two patterns): keep the earliest, longest reading.
  out.sort((a, b) => a.index - b.index);
  return out;
}
