// Document frequencies of features in fixed memory. A news stream never stops bringing new names,
// numbers and word pairs, so an exact Map of every feature ever seen grows with the archive (at a
// million articles: tens of millions of keys, gigabytes, and a Map that slows everything down).
// A count-min sketch (Cormode & Muthukrishnan 2005, "An improved data stream summary: the
// count-min sketch and its applications") keeps approximate counts in a few fixed arrays: a count is
// never underestimated, and with conservative update (Estan & Varghese 2002) the overestimate from
// hash collisions stays small. For idf that is enough: a collision can only make a rare feature look
// slightly less rare.

const ROWS = 3;

/** FNV-1a 32-bit over UTF-16 code units, with a per-row seed. */
function hash(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so the low bits used as an index are well mixed.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = [0x9e3779b9, 0x7f4a7c15, 0x2545f491];

export class FeatureCounts {
  private readonly rows: Uint32Array[];
  private readonly mask: number;

  /** `bits`: log2 of the cells per row (default 2^21 cells × 3 rows = 24 MiB). */
  constructor(bits = 21) {
    this.mask = (1 << bits) - 1;
    this.rows = Array.from({ length: ROWS }, () => new Uint32Array(1 << bits));
  }

  get(key: string): number {
    let min = 0xffffffff;
    for (let r = 0; r < ROWS; r++) {
      const v = this.rows[r]![hash(key, SEEDS[r]!) & this.mask]!;
      if (v < min) min = v;
    }
    return min;
  }

  /** Count one more occurrence (conservative update: only the cells at the minimum grow). */
  increment(key: string): void {
    this.incrementCells(hash(key, SEEDS[0]!) & this.mask, hash(key, SEEDS[1]!) & this.mask, hash(key, SEEDS[2]!) & this.mask);
  }

  /**
   * The key's cell in each of the three rows, written to out[at..at+2]: a caller that meets the
   * same key again and again (the clusterer, through feature-ids.ts) hashes it once and then
   * uses getCells / incrementCells, which give exactly get / increment.
   */
  cells(key: string, out: Int32Array, at: number): void {
    out[at] = hash(key, SEEDS[0]!) & this.mask;
    out[at + 1] = hash(key, SEEDS[1]!) & this.mask;
    out[at + 2] = hash(key, SEEDS[2]!) & this.mask;
  }

  getCells(i0: number, i1: number, i2: number): number {
    const [r0, r1, r2] = this.rows as [Uint32Array, Uint32Array, Uint32Array];
    return Math.min(r0[i0]!, r1[i1]!, r2[i2]!);
  }

  incrementCells(i0: number, i1: number, i2: number): void {
    // Unrolled over the three rows: no array per call (seeding a batch increments every feature of every article).
    const [r0, r1, r2] = this.rows as [Uint32Array, Uint32Array, Uint32Array];
    const min = Math.min(r0[i0]!, r1[i1]!, r2[i2]!);
    if (r0[i0] === min) r0[i0] = min + 1;
    if (r1[i1] === min) r1[i1] = min + 1;
    if (r2[i2] === min) r2[i2] = min + 1;
  }
}
