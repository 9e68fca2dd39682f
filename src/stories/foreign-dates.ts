// Calendar days written with month names of other languages ("14 de febrero", "14 février",
// "14 febbraio", "14. Februar", "14 februari"), as the same `md:` tokens numbers.ts gives English
// dates: a date is one of the few facts reports in different languages share word for word, so
// it lets them corroborate each other across languages (Miranda et al., EMNLP 2018, match
// multilingual news through such language-independent entities). Read only for articles not
// guessed English: there "mars" and "mai" are words.
import { foldText } from './text.js';

/** Folded month names (accents dropped) → month number, for es, fr, it, pt, de and nl. */
const MONTHS: Record<string, number> = {};
const NAMES = [
  'enero janvier gennaio janeiro januar januari',
  'febrero fevrier febbraio fevereiro februar februari',
  'marzo mars marco marz maart',
  'abril avril aprile april',
  'mayo mai maggio maio mei',
  'junio juin giugno junho juni',
  'julio juillet luglio julho juli',
  'agosto aout august augustus',
  'septiembre setiembre septembre settembre setembro september',
  'octubre octobre ottobre outubro oktober',
  'noviembre novembre novembro november',
  'diciembre decembre dicembre dezembro dezember december',
];
NAMES.forEach((line, i) => { for (const n of line.split(' ')) MONTHS[n] = i + 1; });

const DAY_MONTH_RE = new RegExp(`(?<![\\d.,])(\\d{1,2})(?:\\.|º|°|er)?\\s+(?:de\\s+|di\\s+)?(${Object.keys(MONTHS).join('|')})\\b`, 'g');

/** `md:M-D` tokens of the day-month dates in `text` written in another language. */
export function foreignCalendarDays(text: string): string[] {
  const out: string[] = [];
  for (const m of foldText(text).matchAll(DAY_MONTH_RE)) {
    const d = Number(m[1]);
    if (d >= 1 && d <= 31) out.push(`md:${MONTHS[m[2]!]}-${d}`);
  }
  return out;
}
