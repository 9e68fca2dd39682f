// Name normalisation shared by the gazetteers, in-article coreference and the cross-archive key.

/** This module's URL: part of the key of data derived with fold() (data-cache.ts). */
export const NORMALIZE_MODULE = import.meta.url;

/**
 * `fn` with its results remembered per argument: name normalisation is asked for the same few
 * names again and again (gazetteer lookups, entity merging). The memo is emptied when it holds
 * `max` entries, so a long ingest never grows it without bound. Results must not be mutated.
 */
export function memoized<R>(fn: (s: string) => R, max: number): (s: string) => R {
  const memo = new Map<string, R>();
  return (s) => {
    const hit = memo.get(s);
    if (hit !== undefined) return hit;
    const r = fn(s);
    if (memo.size > max) memo.clear();
    memo.set(s, r);
    return r;
  };
}

/** Lower-case, diacritics removed, curly quotes/dashes unified, periods dropped, spaces collapsed. */
export const fold: (s: string) => string = memoized(foldUncached, 100_000);

function foldUncached(s: string): string {
  // Fast path for plain ASCII names (most of the gazetteer and of English text).
  if (/^[\x20-\x7e]*$/.test(s)) return s.replace(/\./g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const ARABIC_ARTICLE = /^(?:al|el)$/;

/** Spelling variants that collapse transliterations (Ahmad/Ahmed, Mohammed/Muhammad, Sergey/Sergei). */
function skeleton(token: string): string {
  return token
    .replace(/^(?:al|el|ad|as|an|ar|at|az|ash|ath)-/, '')
    .replace(/ph/g, 'f')
    .replace(/ou/g, 'u')
    .replace(/(?:ey|ei|iy|ij)$/g, 'i')
    .replace(/[aeiouy]+/g, (m, off: number) => (off === 0 ? 'a' : ''))
    .replace(/(.)\1+/g, '$1')
    .replace(/['-]/g, '');
}

export type EntityType = 'person' | 'organization' | 'place';

/**
 * A stable cross-archive id for an entity: `person:a.shr` for "Ahmad al-Sharaa" and "Ahmed al-Sharaa"
 * alike (transliteration skeleton of the surname + first initial, so Donald and Melania Trump stay
 * apart). A bare surname ("al-Sharaa") gives `person:shr`; enrich() resolves bare surnames to the
 * article's full name before keying, and `entityKeyMatches` lets the archive join a bare key to a
 * full one. Organisations and places are keyed by their folded full name.
 */
export function entityKey(name: string, type: EntityType = 'person'): string {
  const f = fold(name).replace(/[^\p{L}\p{N}' -]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (type !== 'person') return `${type === 'organization' ? 'org' : 'place'}:${f.replace(/^the /, '').replace(/[' ]+/g, '-')}`;
  const tokens = f.split(' ').filter((t) => t && !ARABIC_ARTICLE.test(t) && !/^(?:jr|sr|ii|iii|iv)$/.test(t));
  if (tokens.length === 0) return `person:${f}`;
  const last = skeleton(tokens[tokens.length - 1]!);
  const first = tokens.length > 1 ? tokens[0]!.replace(/[^\p{L}]/gu, '').slice(0, 1) : '';
  return first ? `person:${first}.${last}` : `person:${last}`;
}

/** The surname token used to merge mentions inside one article ("al-Sharaa" → "sharaa"). */
export const surnameKey: (name: string) => string = memoized((name) => {
  const tokens = fold(name).split(/\s+/).filter((t) => !/^(?:jr|sr|ii|iii|iv)$/.test(t));
  const last = tokens[tokens.length - 1] ?? '';
  return last.replace(/^(?:al|el)-/, '');
}, 100_000);

/** True when two keys can name the same entity: equal, or one is the bare-surname form of the other. */
export function entityKeyMatches(a: string, b: string): boolean {
  if (a === b) return true;
  const bare = (k: string): string => k.replace(/^person:(?:[^.]*\.)?/, 'person:');
  return a.startsWith('person:') && b.startsWith('person:') && (bare(a) === b || bare(b) === a);
}
