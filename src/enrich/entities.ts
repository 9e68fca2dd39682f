// In-article coreference: merges mentions into entities with one canonical name each
// ("Putin" → "Vladimir Putin", "USGS" → "U.S. Geological Survey", "U.S." → "United States").
import { lookupPlace, type PlaceCandidate } from './geo/gazetteer.js';
import { lexicon } from './lexicon.js';
import type { Mention, MentionType } from './names.js';
import { fold, memoized, surnameKey } from './normalize.js';

export interface Entity {
  type: MentionType;
  name: string;
  mentions: Mention[];
  /** Geocoded place (places only). */
  place?: PlaceCandidate;
}

export function buildEntities(mentions: Mention[]): Entity[] {
  retypeSurnames(mentions);
  const byType = (t: MentionType): Mention[] => mentions.filter((m) => m.type === t);
  return [...mergePeople(byType('person')), ...mergeOrgs(byType('organization')), ...mergePlaces(byType('place'))];
}

/**
 * A one-word "place" or "organisation" that is the surname or first name of a person named in full
 * in the same article ("Alcaraz" a town in Spain, "Francis" after "Pope Francis") is that person.
 */
function retypeSurnames(mentions: Mention[]): void {
  const names = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'person') continue;
    const tk = tokens(m.text);
    if (tk.length < 2) continue;
    names.add(surnameKey(m.text));
    if (!/^pope$/i.test(tk[0]!)) names.add(fold(tk[0]!));
  }
  for (const m of mentions) {
    if (m.type === 'person' || /\s/.test(m.text)) continue;
    if (!names.has(surnameKey(m.text))) continue;
    if (m.type === 'place' && lookupPlace(m.text).some((c) => c.kind !== 'city' || c.population > 1_000_000)) continue;
    if (m.type === 'organization' && /^[A-Z]{2,}$/.test(m.text)) continue;
    m.type = 'person';
  }
}

// mergePeople compares every mention with every person found so far, re-splitting the same few
// names over and over (a third of its time): the split of a name is remembered (read-only arrays).
const tokens: (name: string) => readonly string[] = memoized((name) => name.split(/\s+/).filter((w) => !/^(?:jr\.?|sr\.?|ii|iii)$/i.test(w)), 50_000);

function mergePeople(ms: Mention[]): Entity[] {
  const lex = lexicon();
  const people: Entity[] = [];
  // Multi-word forms first so that surnames can attach to them.
  const order = [...ms].sort((a, b) => tokens(b.text).length - tokens(a.text).length || a.start - b.start);
  for (const m of order) {
    const tk = tokens(m.text);
    const sk = surnameKey(m.text);
    const first = fold(tk[0] ?? '');
    const full = tk.length >= 2 && !/^pope$/i.test(tk[0]!);
    let target: Entity | undefined;
    if (full) {
      target = people.find((e) => surnameKey(e.name) === sk && tokens(e.name).length >= 2 && fold(tokens(e.name)[0]!) === first);
    } else {
      const same = people.filter((e) => surnameKey(e.name) === sk || fold(tokens(e.name)[0]!) === fold(m.text) && tokens(e.name).length >= 2 && lex.firstNames.has(fold(m.text)));
      // A bare surname shared by several people goes to the one mentioned most recently before it.
      target = same.length <= 1 ? same[0] : same.map((e) => ({ e, d: Math.max(...e.mentions.filter((x) => x.start <= m.start).map((x) => x.start), -1) })).sort((a, b) => b.d - a.d)[0]!.e;
      // "President Trump" next to "Melania Trump": a titled, well-known surname is the well-known person.
      const known = lex.people.get(fold(m.text));
      if (known && target && fold(target.name) !== fold(known) && m.title) {
        target = people.find((e) => fold(e.name) === fold(known));
        if (!target) { people.push({ type: 'person', name: known, mentions: [m] }); continue; }
      }
    }
    if (target) {
      target.mentions.push(m);
      if (tokens(m.text).length > tokens(target.name).length && !/^pope$/i.test(tk[0]!)) target.name = m.text;
    } else {
      people.push({ type: 'person', name: m.text, mentions: [m] });
    }
  }
  for (const p of people) {
    const known = lex.people.get(fold(p.name));
    if (known && tokens(p.name).length < 2) p.name = known;
    p.name = p.name.replace(/^(?:Al|El)-/, (x) => x.toLowerCase());
    p.mentions.sort((a, b) => a.start - b.start);
  }
  // People named once by a bare unknown single word are too often sentence-initial nouns.
  return people.filter((p) => tokens(p.name).length >= 2 || p.mentions.some((m) => m.strength >= 2 || m.title) || p.mentions.length >= 2 || lex.lastNames.has(fold(p.name)));
}

function initials(name: string): string {
  return name
    .replace(/\b(?:[A-Z]\.){2,}/g, (m) => m.replace(/\./g, ''))
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w[0]))
    .join('')
    .toUpperCase();
}

function mergeOrgs(ms: Mention[]): Entity[] {
  const lex = lexicon();
  const orgs: Entity[] = [];
  const keyOf = (name: string): string => lex.orgs.get(fold(name).replace(/^the /, '')) ?? fold(name).replace(/^the /, '');
  const order = [...ms].sort((a, b) => b.text.length - a.text.length || a.start - b.start);
  for (const m of order) {
    const k = keyOf(m.text);
    const acronym = /^(?:[A-Z]\.?){2,6}$/.test(m.text) ? m.text.replace(/\./g, '') : undefined;
    const target = orgs.find((e) => keyOf(e.name) === k || (acronym !== undefined && initials(e.name) === acronym && e.name.split(/\s+/).length >= 2));
    if (target) target.mentions.push(m);
    else orgs.push({ type: 'organization', name: m.text.replace(/^the\s+/i, (x) => (/^The (?:Hill|Guardian|Times|Economist|Atlantic|Independent|Telegraph|Washington Post|New York Times|Wall Street Journal)/.test(m.text) ? x : '')), mentions: [m] });
  }
  for (const o of orgs) o.mentions.sort((a, b) => a.start - b.start);
  return orgs;
}

function mergePlaces(ms: Mention[]): Entity[] {
  const places = new Map<string, Entity>();
  for (const m of [...ms].sort((a, b) => a.start - b.start)) {
    const cands = lookupPlace(m.text);
    const country = cands.find((c) => c.kind === 'country');
    // Datelines shout ("NEW YORK"): use the gazetteer's spelling for all-caps names.
    const shouted = m.text.length > 3 && m.text === m.text.toUpperCase() ? m.text.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (x) => x.toUpperCase()) : undefined;
    const name = country ? country.name : shouted ?? m.text.replace(/^the\s+/i, '');
    const k = fold(name);
    const e = places.get(k);
    if (e) e.mentions.push(m);
    else places.set(k, { type: 'place', name, mentions: [m] });
  }
  return [...places.values()];
}
