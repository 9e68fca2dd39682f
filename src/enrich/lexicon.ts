// Word knowledge for name detection: compromise's English lexicon (first names, surnames, common
// words, organisations, teams — read from the installed package, no tagging run) plus our own
// lists in lang/en.ts and known-people.ts. Loaded lazily, once; what comes from compromise is
// cached on disk (data-cache.ts), so a process does not load compromise at all after the first.
import { createRequire } from 'node:module';
import { KNOWN_ORGS } from './lang/en.js';
import { KNOWN_PEOPLE } from './known-people.js';
import { derivationKey, readCache, writeCache } from './data-cache.js';
import { fold, NORMALIZE_MODULE } from './normalize.js';

const require = createRequire(import.meta.url);

interface Lexicon {
  firstNames: Set<string>;
  /** First names compromise knows as only male / only female (for he/she). */
  maleNames: Set<string>;
  femaleNames: Set<string>;
  lastNames: Set<string>;
  /** Lower-case words compromise knows as something other than a name or place. */
  common: Set<string>;
  /** Folded org name or alias → canonical name. */
  orgs: Map<string, string>;
  /** Folded surname / full name → canonical full name of a well-known person. */
  people: Map<string, string>;
}

let cached: Lexicon | undefined;

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Place', 'City', 'Region', 'Country', 'Organization', 'SportsTeam', 'ProperNoun', 'Demonym']);

/** What lexicon() takes from compromise (cached on disk: see data-cache.ts). */
interface CompromiseWords {
  firstNames: string[]; maleNames: string[]; femaleNames: string[]; lastNames: string[]; common: string[];
  /** [folded name, canonical name] in insertion order. */
  orgs: Array<[string, string]>;
}

export function lexicon(): Lexicon {
  if (cached) return cached;
  const key = derivationKey(['compromise'], [import.meta.url, NORMALIZE_MODULE]);
  const hit = readCache('lexicon', key);
  let words: CompromiseWords | undefined;
  if (hit) { try { words = JSON.parse(hit.toString('utf8')) as CompromiseWords; } catch { words = undefined; } }
  if (!words) {
    words = fromCompromise();
    writeCache('lexicon', key, Buffer.from(JSON.stringify(words)));
  }
  const orgs = new Map<string, string>(words.orgs);
  const people = new Map<string, string>();
  for (const [canonical, ...aliases] of KNOWN_ORGS) for (const n of [canonical, ...aliases]) orgs.set(fold(n), canonical);
  for (const [canonical, ...aliases] of KNOWN_PEOPLE) {
    people.set(fold(canonical), canonical);
    for (const a of aliases) people.set(fold(a), canonical);
  }
  cached = {
    firstNames: new Set(words.firstNames), maleNames: new Set(words.maleNames), femaleNames: new Set(words.femaleNames),
    lastNames: new Set(words.lastNames), common: new Set(words.common), orgs, people,
  };
  return cached;
}

/** Reads compromise's English lexicon (loading compromise unpacks its whole model: ~0.5–1 s of CPU). */
function fromCompromise(): CompromiseWords {
  type Nlp = { model(): { one: { lexicon: Record<string, string | string[]> } } };
  const mod = require('compromise') as Nlp | { default: Nlp };
  const nlp = 'default' in mod ? mod.default : mod;
  const lex = nlp.model().one.lexicon;
  const firstNames = new Set<string>();
  const maleNames = new Set<string>();
  const femaleNames = new Set<string>();
  const lastNames = new Set<string>();
  const common = new Set<string>();
  const orgs = new Map<string, string>();
  for (const [word, tagOrTags] of Object.entries(lex)) {
    const tags = Array.isArray(tagOrTags) ? tagOrTags : [tagOrTags];
    for (const tag of tags) {
      if (tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName') firstNames.add(word);
      if (tag === 'MaleName') maleNames.add(word);
      if (tag === 'FemaleName') femaleNames.add(word);
      else if (tag === 'LastName') lastNames.add(word);
      else if ((tag === 'Organization' || tag === 'SportsTeam') && /\s/.test(word)) orgs.set(fold(word), titleCase(word));
    }
    if (!tags.some((t) => NAME_TAGS.has(t)) && !/\s/.test(word)) common.add(word);
  }
  for (const w of maleNames) if (femaleNames.has(w)) { maleNames.delete(w); femaleNames.delete(w); }
  return { firstNames: [...firstNames], maleNames: [...maleNames], femaleNames: [...femaleNames], lastNames: [...lastNames], common: [...common], orgs: [...orgs] };
}

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (m) => m.toUpperCase());
}
