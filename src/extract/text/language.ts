// A cheap language guess for crawl text: the dominant script decides most languages; for
// Latin and Cyrillic text a vote of very frequent function words picks among the common ones.
// Returns undefined rather than guess when the evidence is thin.

const SCRIPTS: Array<[RegExp, string]> = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Bengali}/gu, 'bn'],
  [/\p{Script=Tamil}/gu, 'ta'],
  [/\p{Script=Georgian}/gu, 'ka'],
  [/\p{Script=Armenian}/gu, 'hy'],
  [/\p{Script=Cyrillic}/gu, 'cyrl'],
  [/\p{Script=Latin}/gu, 'latn'],
];

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

function vote(text: string, langs: string[]): string | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return undefined;
  const sets = langs.map((l) => [l, new Set(FUNCTION_WORDS[l])] as const);
  const counts = new Map<string, number>();
  for (const w of words) for (const [l, s] of sets) if (s.has(w)) counts.set(l, (counts.get(l) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 3 || first[1] < words.length * 0.05) return undefined;
  if (second && second[1] * 1.3 > first[1]) return undefined;
  return first[0];
}

export function guessLanguage(text: string): string | undefined {
  const sample = text.length > 6000 ? text.slice(0, 6000) : text;
  let best = '';
  let bestCount = 0;
  const counts = new Map<string, number>();
  for (const [re, lang] of SCRIPTS) {
    const n = sample.match(re)?.length ?? 0;
    counts.set(lang, n);
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  if (bestCount < 20) return undefined;
  // Japanese writes with Han as well as kana: any real share of kana means Japanese.
  if ((best === 'zh' || best === 'ja') && (counts.get('ja') ?? 0) > (counts.get('zh') ?? 0) * 0.1) return 'ja';
  if (best === 'ar') {
    if (/[پچژگ]/u.test(sample) && (sample.match(/[پچژگ]/gu)?.length ?? 0) > 5) return /[ٹڈڑںے]/u.test(sample) ? 'ur' : 'fa';
    return 'ar';
  }
  if (best === 'cyrl') return vote(sample, ['ru', 'uk']) ?? (/[іїєґ]/u.test(sample) ? 'uk' : undefined);
  if (best === 'latn') return vote(sample, ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'is']);
  return best;
}
