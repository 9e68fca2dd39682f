// Date-stamp lines in crawl text ("Published : 15 Oct 2025 07:36 PM", "19. Oktober 2019, 19:08 Uhr",
// "2019年10月19日", "Updated at : …", a crawler's leading " date 2025-10-15 " line).
// Month names of many languages and CJK/Korean forms are normalised here to
// "YYYY-MM-DD HH:MM[:SS][±HH:MM]" and then handed to the shared parseDateString, which checks
// plausibility and applies the timezone hint — so the shared API stays the one place that
// decides what a valid date is.
import { parseDateString } from '../dates/index.js';

const MONTH_WORDS: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'stycznia', 'styczeń', 'января', 'январь', 'ocak', 'leden', 'ledna', 'tammikuuta']],
  [2, ['february', 'feb', 'februar', 'feber', 'février', 'févr', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februari', 'lutego', 'luty', 'февраля', 'февраль', 'şubat', 'únor', 'února']],
  [3, ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'março', 'maart', 'maret', 'marca', 'marzec', 'марта', 'март', 'mart', 'marts', 'březen', 'března']],
  [4, ['april', 'apr', 'avril', 'abril', 'aprile', 'kwietnia', 'kwiecień', 'апреля', 'апрель', 'nisan', 'duben', 'dubna']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'maja', 'maj', 'мая', 'май', 'mayıs', 'květen', 'května']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho', 'czerwca', 'czerwiec', 'июня', 'июнь', 'haziran', 'červen', 'června']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'julho', 'lipca', 'lipiec', 'июля', 'июль', 'temmuz', 'červenec', 'července']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'augustus', 'agustus', 'augusti', 'sierpnia', 'sierpień', 'августа', 'август', 'ağustos', 'srpen', 'srpna']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'września', 'wrzesień', 'сентября', 'сентябрь', 'eylül', 'září']],
  [10, ['october', 'oct', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'października', 'październik', 'октября', 'октябрь', 'ekim', 'říjen', 'října', 'okt']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopada', 'listopad', 'ноября', 'ноябрь', 'kasım']],
  [12, ['december', 'dec', 'dezember', 'décembre', 'decembre', 'diciembre', 'dicembre', 'dezembro', 'desember', 'grudnia', 'grudzień', 'декабря', 'декабрь', 'aralık', 'prosinec', 'prosince', 'dez', 'déc']],
];
const MONTHS = new Map<string, number>();
for (const [n, words] of MONTH_WORDS) for (const w of words) MONTHS.set(w, n);
const MONTH_ALT = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');

// Zone abbreviations news sites print after a time (only the unambiguous ones).
const ZONES: Record<string, string> = {
  utc: '+00:00', gmt: '+00:00', z: '+00:00', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', mst: '-07:00',
  mdt: '-06:00', pst: '-08:00', pdt: '-07:00', cet: '+01:00', cest: '+02:00', mez: '+01:00', mesz: '+02:00', bst: '+01:00',
  jst: '+09:00', kst: '+09:00', aest: '+10:00', aedt: '+11:00', wib: '+07:00', msk: '+03:00', eet: '+02:00', eest: '+03:00',
};

const pad = (n: number) => String(n).padStart(2, '0');

// The year may be written '20 ("14 Feb ’20").
const TEXT_DMY = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|er|\\.|º)?\\s*(?:de\\s+|of\\s+)?(${MONTH_ALT})\\.?,?\\s*(?:de\\s+|del\\s+)?(\\d{4}|[’'‘]\\d{2})(?!\\d)`, 'iu');
const TEXT_MDY = new RegExp(`(?<![\\p{L}])(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu');
const CJK_YMD = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/u;
const NUM_YMD = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const NUM_DMY = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|\.\d)/;
const TIME = /(?<!\d)(\d{1,2})\s*(?:[:h]|時|시)\s*(\d{2})(?:\s*[:분]\s*(\d{2}))?(?!\d)\s*(a\.?\s?m\.?|p\.?\s?m\.?|午前|午後)?/iu;
const OFFSET = /(?:\b(?:GMT|UTC)\s*([+-]\d{1,2})(?::?(\d{2}))?|(?<![\d:])([+-]\d{2}):?(\d{2})(?!\d)|\b(UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|MEZ|MESZ|BST|JST|KST|AEST|AEDT|WIB|MSK|EET|EEST)\b)/;

interface DayMatch { y: number; m: number; d: number; end: number; start: number }

function fullYear(y: string): number {
  y = y.replace(/^[’'‘]/, '');
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n < 70 ? 2000 + n : 1900 + n;
}

function findDay(s: string, monthFirst: boolean): DayMatch | undefined {
  let m = CJK_YMD.exec(s);
  if (m) return { y: +m[1]!, m: +m[2]!, d: +m[3]!, start: m.index, end: m.index + m[0].length };
  m = NUM_YMD.exec(s);
  if (m) return { y: +m[1]!, m: +m[2]!, d: +m[3]!, start: m.index, end: m.index + m[0].length };
  m = TEXT_DMY.exec(s);
  if (m) return { y: fullYear(m[3]!), m: MONTHS.get(m[2]!.toLowerCase())!, d: +m[1]!, start: m.index, end: m.index + m[0].length };
  m = TEXT_MDY.exec(s);
  if (m) return { y: +m[3]!, m: MONTHS.get(m[1]!.toLowerCase())!, d: +m[2]!, start: m.index, end: m.index + m[0].length };
  m = NUM_DMY.exec(s);
  if (m) {
    let a = +m[1]!;
    let b = +m[3]!;
    // 10/15/2025 is month-first; 15/10/2025 day-first; with both ≤ 12 a slash follows the
    // English-US habit only when the page looks American (monthFirst), dots are always day-first.
    if (a <= 12 && b > 12) [a, b] = [b, a];
    else if (a <= 12 && b <= 12 && m[2] === '/' && monthFirst) [a, b] = [b, a];
    return { y: fullYear(m[4]!), m: b, d: a, start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/**
 * The date written somewhere in a short line, as ISO 8601 (with the timezone hint applied
 * to a local time), or undefined.
 */
// WordPress themes print the published and the modified day with nothing between them
// ("28. Juni 201914. Januar 2020"): a year glued to the next day-and-month is split off.
const GLUED_YEAR = new RegExp(`((?:19|20)\\d{2})(?=\\d{1,2}\\.?\\s*(?:${MONTH_ALT})(?!\\p{L}))`, 'giu');

export function parseDateLine(text: string, timezone: string | undefined, monthFirst = false): string | undefined {
  let s = text.length > 200 ? text.slice(0, 200) : text;
  // Thin and no-break spaces ("4.\u20092.\u20092022") and "4. 2. 2022" spacing.
  s = s.replace(/[\u00a0\u2009\u202f]/g, ' ').replace(/(?<!\d)(\d{1,2})\. (\d{1,2})\. (\d{4})(?!\d)/g, '$1.$2.$3').replace(GLUED_YEAR, '$1 ');
  const day = findDay(s, monthFirst);
  if (!day) return undefined;
  let iso = `${day.y}-${pad(day.m)}-${pad(day.d)}`;
  // The time may follow the day ("15 Oct 2025 07:36 PM") or precede it ("19:08, 15.10.2025").
  const after = s.slice(day.end);
  const before = s.slice(Math.max(0, day.start - 24), day.start);
  const t = TIME.exec(after) ?? TIME.exec(before);
  if (t) {
    let h = +t[1]!;
    const mi = +t[2]!;
    const ap = (t[4] ?? '').toLowerCase().replace(/[.\s]/g, '');
    if ((ap === 'pm' || ap === '午後') && h < 12) h += 12;
    if ((ap === 'am' || ap === '午前') && h === 12) h = 0;
    if (h < 24 && mi < 60) {
      iso += ` ${pad(h)}:${pad(mi)}${t[3] ? `:${t[3]}` : ''}`;
      const o = OFFSET.exec(after.slice(t.index));
      if (o) {
        if (o[1]) iso += `${o[1][0]}${pad(Math.abs(+o[1]))}:${o[2] ?? '00'}`;
        else if (o[3]) iso += `${o[3]}:${o[4]}`;
        else if (o[5]) iso += ZONES[o[5].toLowerCase()] ?? '';
      }
    }
  }
  return parseDateString(iso, timezone ? { timezone } : {});
}

const MODIFIED_LABEL = /(?:^|[^\p{L}])(?:updated?|last (?:updated|modified)|modified|edited|revised|editiert|aktualisiert|geändert|zuletzt|mis à jour|mise à jour|modifié|actualizado|actualizada|actualización|aggiornato|aggiornamento|bijgewerkt|gewijzigd|zaktualizowano|aktualizacja|обновлено|обновлён|更新|수정)(?![\p{L}])/iu;
const PUBLISHED_LABEL = /(?:^|[^\p{L}])(?:published|posted|publish(?:ed)? (?:on|at|date)|first published|released|veröffentlicht|erschienen|gepostet|publié|publiée|publicado|publicada|pubblicato|gepubliceerd|opublikowano|опубликовано|发布|發佈|公開|입력|date|datum|fecha|data)(?![\p{L}])/iu;

export interface DateStamp {
  iso: string;
  kind: 'published' | 'modified' | 'plain';
}

/** A month name as a word (built once: the pattern is long). */
const MONTH_WORD = new RegExp(`\\b(?:${MONTH_ALT})\\b\\.?`, 'giu');

/**
 * A line that is a date stamp (and little else): short, and the date or its label is most of it.
 * Returns undefined for prose that merely mentions a date.
 */
export function dateStamp(text: string, units: number, timezone: string | undefined, monthFirst: boolean): DateStamp | undefined {
  if (units > 16 || text.length > 160) return undefined;
  if (!/\d/.test(text)) return undefined;
  const iso = parseDateLine(text, timezone, monthFirst);
  if (!iso) return undefined;
  if (MODIFIED_LABEL.test(text)) return { iso, kind: 'modified' };
  if (PUBLISHED_LABEL.test(text)) return { iso, kind: 'published' };
  // An unlabelled stamp must be mostly date: few words left over once the date is removed.
  const rest = text.replace(/\d+/g, ' ').replace(MONTH_WORD, ' ');
  const left = rest.match(/\p{L}{3,}/gu)?.length ?? 0;
  // A line introducing something ("Summary of decisions on 10 December 2025:") is content.
  return left <= 5 && !/[:：]$/.test(text) ? { iso, kind: 'plain' } : undefined;
}

/**
 * Whether a page writes numeric dates month first (10/15/2025). The page's own unambiguous dates
 * decide (a first number above 12 means day first, a second one above 12 month first); without
 * them, English text on an American-looking host is month-first and everything else day-first.
 */
export function slashDatesMonthFirst(text: string, english: boolean, host: string | undefined): boolean {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const m of text.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(?:\d{4}|\d{2})(?![\d/])/g)) {
    const a = +m[1]!;
    const b = +m[2]!;
    if (a > 12 && b <= 12) dayFirst++;
    else if (b > 12 && a <= 12) monthFirst++;
  }
  if (dayFirst !== monthFirst) return monthFirst > dayFirst;
  return english && /\.(?:com|us|gov|edu)$/i.test(host ?? '');
}

/** A crawler's own ` date YYYY-MM-DD ` line at the very top of a record. */
export function crawlerDate(text: string): string | undefined {
  const m = /^date\s*[:=]?\s*(\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)$/i.exec(text.trim());
  return m ? parseDateString(m[1]!) : undefined;
}

/** /2019/10/16/ or /2019-10-16- in a URL path: a bare day. */
export function urlDate(url: URL | undefined): string | undefined {
  if (!url) return undefined;
  const m = /\/((?:19|20)\d{2})[/-]([01]?\d)[/-]([0-3]?\d)(?:[/_-]|$)/.exec(url.pathname);
  return m ? parseDateString(`${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}`) : undefined;
}

// A date written in front of a headline or a first paragraph: "27.1.2022 - Bei der …",
// "08.11.2021 | Online-Fachtag …", "Red. / 31.10.2023 Die …", "26.01.2022Strava …".
const LEADING_DATE = /^(?:[\p{L}.]{1,8}\s*\/\s*)?((?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2}))(?:\s*[-–—|/:]\s*|\s+(?=\p{Lu})|(?=\p{Lu}))/u;

/** The date at the very start of a line, when one is written there as a prefix. */
export function leadingDate(text: string, timezone: string | undefined): string | undefined {
  const m = LEADING_DATE.exec(text);
  return m ? parseDateLine(m[1]!, timezone) : undefined;
}

/**
 * A sentence-length line that says when the post was published ("Dieser Beitrag wurde am
 * 04/02/2020 von kj … veröffentlicht", "Posted 11. April 2018 by …"): the label and the date
 * close together. Longer than a stamp, so only used as a fallback.
 */
export function labelledDate(text: string, units: number, timezone: string | undefined, monthFirst: boolean): string | undefined {
  if (units > 40 || !/\d/.test(text)) return undefined;
  const label = PUBLISHED_LABEL.exec(text);
  if (!label || MODIFIED_LABEL.test(text)) return undefined;
  // The date within a few words of the label, before or after it.
  const from = Math.max(0, label.index - 60);
  return parseDateLine(text.slice(from, label.index + label[0].length + 60), timezone, monthFirst);
}
