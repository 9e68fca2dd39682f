// Numbers as evidence. Two reports of one event share its numbers (a 40-22 score, a magnitude 6.3,
// a 3.75%-4% rate range, $5 trillion, "Oct. 29"); two events with the same actors usually differ
// in them. Each number becomes a typed token so "6.3" the magnitude and "6.3%" the rate never meet.
import { foldText } from './text.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const SCALE: Record<string, string> = { trillion: 't', tn: 't', t: 't', billion: 'b', bn: 'b', b: 'b', million: 'm', mn: 'm', m: 'm' };

/** "4.00" → "4", "3.50" → "3.5", "2,445" → "2445". */
export function normNumber(s: string): string {
  const plain = s.replace(/,(?=\d{3}\b)/g, '');
  const n = Number(plain.replace(',', '.'));
  if (!Number.isFinite(n)) return plain;
  return String(Math.round(n * 1000) / 1000);
}

function monthNum(name: string): number | undefined {
  return MONTHS[name.slice(0, 3)];
}

/** Typed number tokens with counts. */
export function numberTokens(text: string): Map<string, number> {
  const s = foldText(text);
  const out = new Map<string, number>();
  const add = (k: string) => out.set(k, (out.get(k) ?? 0) + 1);
  const used: Array<[number, number]> = [];
  const take = (m: RegExpMatchArray) => used.push([m.index!, m.index! + m[0].length]);
  const isUsed = (i: number) => used.some(([a, b]) => i >= a && i < b);

  // Rate ranges first: "3.75%-4.00%", "3.75% to 4%", "4.25 to 4.5 percent".
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)\s?%?\s?(?:-|to|and)\s?(\d+(?:\.\d+)?)\s?(?:%|per ?cent|percent)/g)) {
    add(`r:${normNumber(m[1]!)}-${normNumber(m[2]!)}`);
    add(`p:${normNumber(m[1]!)}`);
    add(`p:${normNumber(m[2]!)}`);
    take(m);
  }
  for (const m of s.matchAll(/(\d+(?:[.,]\d+)?)\s?(?:%|per ?cent|percent|pct\b)/g)) {
    if (!isUsed(m.index!)) { add(`p:${normNumber(m[1]!)}`); take(m); }
  }
  // Money and big magnitudes: "$5 trillion", "US$5-trillion", "$4T", "€500 million", "40 billion".
  for (const m of s.matchAll(/(?:us|a|c)?([$€£¥])\s?(\d+(?:[.,]\d+)*)(?:[\s-]?(trillion|billion|million|tn|bn|mn|t|b|m)\b)?/g)) {
    if (isUsed(m.index!)) continue;
    const scale = m[3] ? SCALE[m[3]]! : '';
    add(`$:${normNumber(m[2]!)}${scale}`);
    take(m);
  }
  // Amounts written with an ISO currency code instead of a symbol: "164.42 USD", "4 trillion USD",
  // "USD 40 billion" (wire copy translated from other languages, financial sites).
  if (/\b(?:usd|eur|gbp|jpy|cny|inr|chf|cad|aud)\b/.test(s)) for (const m of s.matchAll(/\b(?:usd|eur|gbp|jpy|cny|inr|chf|cad|aud)\s?(\d+(?:[.,]\d+)*)(?:[\s-]?(trillion|billion|million|tn|bn|mn)\b)?|(?<![\d.,])(\d+(?:[.,]\d+)*)(?:[\s-]?(trillion|billion|million|tn|bn|mn))?\s?(?:usd|eur|gbp|jpy|cny|inr|chf|cad|aud)\b/g)) {
    if (isUsed(m.index!)) continue;
    const scale = m[2] ?? m[4];
    add(`$:${normNumber((m[1] ?? m[3])!)}${scale ? SCALE[scale]! : ''}`);
    take(m);
  }
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)[\s-](trillion|billion|million)\b/g)) {
    if (!isUsed(m.index!)) { add(`$:${normNumber(m[1]!)}${SCALE[m[2]!]}`); take(m); }
  }
  // Earthquake magnitudes: "magnitude 6.3", "6.3-magnitude", "measuring 7.7 on the Richter scale".
  for (const m of s.matchAll(/magnitude[\s-]*(?:of\s+)?(\d(?:\.\d)?)\b|\b(\d(?:\.\d)?)[\s-]*(?:magnitude|richter|on the richter)/g)) {
    add(`mag:${normNumber(m[1] ?? m[2]!)}`);
    take(m);
  }
  // Calendar days: "Oct. 29", "October 29, 2025", "29 October" → md:10-29 (the year, if any, is a y: token).
  for (const m of s.matchAll(new RegExp(`\\b${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:%|:|\\.\\d))`, 'g'))) {
    const mo = monthNum(m[1]!);
    const d = Number(m[2]);
    if (mo && d >= 1 && d <= 31) { add(`md:${mo}-${d}`); take(m); }
  }
  for (const m of s.matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}\\b`, 'g'))) {
    const mo = monthNum(m[2]!);
    const d = Number(m[1]);
    if (mo && d >= 1 && d <= 31 && !isUsed(m.index!)) { add(`md:${mo}-${d}`); take(m); }
  }
  // A match result stated set by set ("4-6, 6-4, 6-4, 6-4"): the whole sequence is one fact. Two
  // matches between the same players share single set scores (6-4) far more often than the sequence.
  for (const m of s.matchAll(/(?<![\d.,/:-])\d{1,2}-\d{1,2}(?:\(\d{1,2}(?:-\d{1,2})?\))?(?:,?\s+\d{1,2}-\d{1,2}(?:\(\d{1,2}(?:-\d{1,2})?\))?){2,}(?![\d/%-]|[.,]\d)/g)) {
    const sets = [...m[0].matchAll(/(\d{1,2})-(\d{1,2})(?!\))/g)].map((x) => `${Number(x[1])}-${Number(x[2])}`);
    add(`ss:${sets.join(',')}`);
    for (const x of sets) add(`s:${x}`);
    // A full tie-break score in brackets ("7-6(10-2)") is a score too: another report may state it alone ("10-2 in the tiebreak").
    for (const x of m[0].matchAll(/\((\d{1,2})-(\d{1,2})\)/g)) add(`s:${Number(x[1])}-${Number(x[2])}`);
    take(m);
  }
  // Scores and votes: "40-22", "6-4", "9-3", "7-6(10-2)". Not "23-year-old" (a word follows), not dates.
  // A full stop or comma may follow ("won 40-22."), but not a decimal or thousands part ("1-2.5", "3-1,000").
  for (const m of s.matchAll(/(?<![\d.,/:-])(\d{1,3})\s?-\s?(\d{1,3})(?![\d/%]|[.,]\d|-?[a-z])/g)) {
    if (!isUsed(m.index!)) { add(`s:${Number(m[1])}-${Number(m[2])}`); take(m); }
  }
  // Clock times: "7:35 a.m." (the time of a death announcement, a quake).
  for (const m of s.matchAll(/\b(\d{1,2}):(\d{2})\s?(a\.?m|p\.?m)?\b/g)) {
    let h = Number(m[1]);
    if (m[3]?.startsWith('p') && h < 12) h += 12;
    add(`t:${h}:${m[2]}`);
    take(m);
  }
  // Casualty and people counts: "19 people", "20 dead", "250 injured" name what was counted, so
  // even a small one is a fact two reports of one day share (a bare "19" could be an age).
  for (const m of s.matchAll(/(?<![\d.,])(\d{1,3}(?:,\d{3})*)\s+(?:people|persons|dead|deaths|lives|victims|casualties|killed|injured|wounded|missing)\b/g)) {
    if (isUsed(m.index!)) continue;
    const v = normNumber(m[1]!);
    add(`toll:${v}`);
    // The bare count too: it still meets the same count in another language ("14 personas").
    if (Number(v) >= 10) add(`#:${v}`);
    take(m);
  }
  // Durations: "50 months in prison", "a 50-month sentence", "5 hours and 29 minutes". Not ages
  // ("55-year-old", "the 22-year-old"): every profile states one.
  for (const m of s.matchAll(/(?<![\d.,])(\d{1,3}(?:\.\d)?)[\s-]*(minute|hour|day|week|month|year)s?\b(?![\s-]*old)/g)) {
    if (!isUsed(m.index!)) { add(`dur:${normNumber(m[1]!)}${m[2] === 'month' ? 'mo' : m[2]![0]}`); take(m); }
  }
  // Ordinals: "111th mayor", "23rd summit", "78th Assembly".
  for (const m of s.matchAll(/\b(\d{1,4})(?:st|nd|rd|th)\b/g)) {
    if (!isUsed(m.index!)) { add(`o:${m[1]}`); take(m); }
  }
  // Remaining decimals and integers ≥ 10; four-digit years get their own type.
  for (const m of s.matchAll(/(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d])/g)) {
    if (isUsed(m.index!)) continue;
    const raw = m[1]!;
    // Glued to letters ("COVID-19", "H100", "NS-31"): an identifier, kept as a whole.
    const prev = s[m.index! - 1] ?? ' ';
    if (/[a-z-]/.test(prev)) {
      const id = /[a-z0-9]+-?\d+$/.exec(s.slice(Math.max(0, m.index! - 12), m.index! + raw.length));
      if (id) add(`id:${id[0]}`);
      continue;
    }
    if (/^\d{4}$/.test(raw) && +raw >= 1900 && +raw <= 2100) { add(`y:${raw}`); continue; }
    const v = normNumber(raw);
    if (raw.includes('.')) add(`d:${v}`);
    else if (Number(v) >= 10) add(`#:${v}`);
  }
  return out;
}

/** A day as a number of days since the epoch, from the first YYYY-MM-DD-like date in `s`. */
export function epochDay(y: number, m: number, d: number): number | undefined {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return undefined;
  return Math.floor(t / 86_400_000);
}

/** Epoch day of an ISO date or date-time ("2025-10-29", "2025-10-29T10:00:00+02:00"). */
export function isoToDay(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? epochDay(+m[1]!, +m[2]!, +m[3]!) : undefined;
}

/** Publication day from a URL path: /2025/02/09/, /20250328/, -2025-10-29-, /2025/Oct/30/. */
export function dayFromUrl(url: string | undefined): number | undefined {
  if (!url) return undefined;
  let path: string;
  try { path = new URL(url).pathname; } catch { return undefined; }
  let m = /(?:^|[/_-])(20\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=$|[/_.-])/.exec(path);
  if (m) return epochDay(+m[1]!, +m[2]!, +m[3]!);
  m = /(?:^|[/_-])(20\d{2})[/_-]([a-z]{3})[a-z]*[/_-](\d{1,2})(?=$|[/_.-])/i.exec(path);
  if (m && monthNum(m[2]!.toLowerCase())) return epochDay(+m[1]!, monthNum(m[2]!.toLowerCase())!, +m[3]!);
  m = /(?:^|[/_-])(20\d{2})(\d{2})(\d{2})(?=$|[/_.-]|\d{6,})/.exec(path);
  if (m) return epochDay(+m[1]!, +m[2]!, +m[3]!);
  return undefined;
}

/** Crawl texts may start with a " date YYYY-MM-DD " line the crawler added. */
export function dayFromCrawlPrefix(text: string): number | undefined {
  const m = /^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  return m ? epochDay(+m[1]!, +m[2]!, +m[3]!) : undefined;
}

/** A stated publication date near the top ("Published: July 31, 2025", "[October 30, 2025]", "Oct 29, 2025 1:03 PM"). */
export function dayFromTextHead(text: string): number | undefined {
  const head = foldText(text.slice(0, 400));
  const m = new RegExp(`${MONTH_RE}\\.?\\s+(\\d{1,2}),?\\s+(20\\d{2})`).exec(head)
    ?? new RegExp(`(\\d{1,2})\\s+${MONTH_RE}\\.?,?\\s+(20\\d{2})`).exec(head);
  if (!m) return undefined;
  const monthFirst = /^[a-z]/.test(m[1]!);
  const mo = monthNum(monthFirst ? m[1]! : m[2]!);
  const d = Number(monthFirst ? m[2] : m[1]);
  return mo ? epochDay(Number(m[3]), mo, d) : undefined;
}

/**
 * The calendar day a dateline or lead states without a year ("Kathmandu, Sep 9 (IANS)", "on Sunday
 * (Sep 7)", "on July 2"), as day of the year (1–366, leap-year numbering so Feb 29 has a place).
 * Looked for in the first `chars` characters only: further down, dates are background.
 */
export function dayOfYearFromHead(text: string, chars = 300): number | undefined {
  const head = foldText(text.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s*/, '').slice(0, chars));
  const m = new RegExp(`\\b${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:%|:|\\.\\d|,?\\s*\\d{3}))`).exec(head)
    ?? new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}\\b`).exec(head);
  if (!m) return undefined;
  const monthFirst = /^[a-z]/.test(m[1]!);
  const mo = monthNum(monthFirst ? m[1]! : m[2]!);
  const d = Number(monthFirst ? m[2] : m[1]);
  if (!mo) return undefined;
  const day = epochDay(2024, mo, d);
  return day === undefined ? undefined : day - epochDay(2024, 1, 1)! + 1;
}

/** The epoch day nearest to `near` that falls on day-of-year `doy` (leap-year numbering, see dayOfYearFromHead). */
export function resolveDayOfYear(doy: number, near: number): number | undefined {
  const y = new Date(near * 86_400_000).getUTCFullYear();
  let best: number | undefined;
  for (const year of [y - 1, y, y + 1]) {
    const jan1 = epochDay(year, 1, 1)!;
    // Leap-year numbering: in a common year, days after Feb 28 shift back by one; Feb 29 has no day.
    const leap = epochDay(year, 2, 29) !== undefined;
    if (!leap && doy === 60) continue;
    const day = jan1 + doy - 1 - (!leap && doy > 60 ? 1 : 0);
    if (best === undefined || Math.abs(day - near) < Math.abs(best - near)) best = day;
  }
  return best;
}
