// A cheap language guess for crawl text: the dominant script decides most languages; for
// Latin and Cyrillic text a vote of very frequent function words picks among the common ones.
// Returns undefined rather than guess when the evidence is thin.

// Code point ranges → script label, checked in one pass over a bounded sample.
const RANGES: Array<[number, number, string]> = [
  [0x3040, 0x30ff, 'ja'], [0xac00, 0xd7af, 'ko'], [0x1100, 0x11ff, 'ko'], [0x4e00, 0x9fff, 'zh'], [0x3400, 0x4dbf, 'zh'],
  [0x0600, 0x06ff, 'ar'], [0x0750, 0x077f, 'ar'], [0x0590, 0x05ff, 'he'], [0x0370, 0x03ff, 'el'], [0x0e00, 0x0e7f, 'th'],
  [0x0900, 0x097f, 'hi'], [0x0980, 0x09ff, 'bn'], [0x0b80, 0x0bff, 'ta'], [0x10a0, 0x10ff, 'ka'], [0x0530, 0x058f, 'hy'],
  [0x0400, 0x04ff, 'cyrl'], [0x0041, 0x005a, 'latn'], [0x0061, 0x007a, 'latn'], [0x00c0, 0x024f, 'latn'],
];

const LABELS = [...new Set(RANGES.map((r) => r[2]))];
const LATN = LABELS.indexOf('latn');
const RANGE_LABEL = RANGES.map((r) => LABELS.indexOf(r[2]));

/**
 * Letters per script label. Counts sit in a typed array and ASCII letters (most of any Latin
 * text) are counted without the range search: this runs over up to 3,000 characters per call.
 * Labels come out in the order they were first seen, as a Map filled letter by letter would.
 */
function scriptCounts(sample: string): Map<string, number> {
  const n = new Int32Array(LABELS.length);
  const firstSeen: number[] = [];
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x41 || (c > 0x7a && c < 0xc0)) continue;
    let label = -1;
    if (c <= 0x7a) {
      if (c <= 0x5a || c >= 0x61) label = LATN;
    } else {
      for (let r = 0; r < RANGES.length; r++) {
        const range = RANGES[r]!;
        if (c >= range[0] && c <= range[1]) { label = RANGE_LABEL[r]!; break; }
      }
    }
    if (label < 0) continue;
    const was = n[label]!;
    n[label] = was + 1;
    if (was === 0) firstSeen.push(label);
  }
  const counts = new Map<string, number>();
  for (const l of firstSeen) counts.set(LABELS[l]!, n[l]!);
  return counts;
}

const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'said'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'sich', 'den', 'auch', 'ein', 'eine'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'pour', 'qui', 'pas', 'du'],
  es: ['el', 'la', 'los', 'las', 'que', 'del', 'por', 'una', 'para', 'con', 'es', 'se'],
  it: ['il', 'che', 'di', 'della', 'per', 'non', 'una', 'sono', 'gli', 'nel', 'del', 'con'],
  pt: ['o', 'que', 'não', 'uma', 'para', 'com', 'os', 'do', 'da', 'em', 'se', 'é'],
  nl: ['de', 'het', 'een', 'van', 'en', 'niet', 'dat', 'op', 'voor', 'met', 'zijn', 'ook'],
  pl: ['nie', 'się', 'jest', 'na', 'że', 'do', 'to', 'jak', 'po', 'przez', 'oraz', 'już'],
  sv: ['och', 'att', 'det', 'som', 'för', 'är', 'med', 'inte', 'på', 'av', 'till', 'den'],
  is: ['og', 'að', 'í', 'á', 'er', 'sem', 'um', 'við', 'var', 'ekki', 'hann', 'með'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'это', 'как', 'из', 'для', 'он'],
  uk: ['і', 'та', 'що', 'не', 'на', 'в', 'як', 'це', 'з', 'до', 'від', 'для'],
};

const WORD_LANGS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) for (const w of words) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), lang]);

function vote(text: string, langs: string[]): string | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return undefined;
  const counts = new Map<string, number>();
  for (const w of words) {
    const ls = WORD_LANGS.get(w);
    if (ls) for (const l of ls) if (langs.includes(l)) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 3 || first[1] < words.length * 0.05) return undefined;
  if (second && second[1] * 1.3 > first[1]) return undefined;
  return first[0];
}

export function guessLanguage(text: string): string | undefined {
  const sample = text.length > 3000 ? text.slice(0, 3000) : text;
  const counts = scriptCounts(sample);
  let best = '';
  let bestCount = 0;
  for (const [label, n] of counts) {
    if (n > bestCount) {
      best = label;
      bestCount = n;
    }
  }
  if (bestCount < 20) return undefined;
  // Japanese writes with Han as well as kana: any real share of kana means Japanese.
  if ((best === 'zh' || best === 'ja') && (counts.get('ja') ?? 0) > (counts.get('zh') ?? 0) * 0.1) return 'ja';
  if (best === 'ar') {
    const persian = sample.match(/[پچژگ]/gu)?.length ?? 0;
    if (persian > 5) return /[ٹڈڑںے]/u.test(sample) ? 'ur' : 'fa';
    return 'ar';
  }
  if (best === 'cyrl') return vote(sample, ['ru', 'uk']) ?? (/[іїєґ]/u.test(sample) ? 'uk' : undefined);
  if (best === 'latn') return vote(sample, ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'is']);
  return best;
}
