// Term statistics of the clusterer (document frequencies, idf weights) keyed by small integer ids
// instead of feature strings. Placing one article reads ~1,500 idf weights (its own ~400 features,
// the members it is compared with when their cached vectors have aged, the centroids it merges);
// through a Map<string, number> memo cleared at every 2 % of growth, and a count-min sketch that
// hashed each string three times per lookup, that was a third of ingest's main-thread placement
// CPU (profiled). Here each distinct feature string is interned once into a slot holding its three
// sketch cells and its memoised weight; an article's features are compiled once into parallel
// arrays (keys, raw weights, slots), so weighting a vector is array reads.
//
// The weights are exactly those of the string-keyed memo it replaces: a weight is memoised when
// first asked for, and the memo is dropped when the archive has grown by 2 % since the last drop
// or holds more than MEMO_MAX weights — the same moments, the same values (a generation stamp per
// slot stands for the Map's clear()). The interner is bounded too: past INTERN_MAX slots it is
// rebuilt at the next article with only the memoised features (so no memoised weight is lost and
// none changes), and compiled articles re-intern their keys when they are next used.
import { FeatureCounts } from './counts.js';
import type { ArticleFeatures } from './features.js';
import type { PackedVector } from './vectors.js';

/** Memoised weights before the memo is dropped (as the Map memo's size cap). */
const MEMO_MAX = 200_000;
/** Interned feature strings before the interner is rebuilt (bounds memory on an endless stream). */
const INTERN_MAX = 1 << 19;

/** An article's features as parallel arrays, in the order of Object.keys(features.vec). */
interface Compiled {
  keys: string[];
  raw: Float64Array;
  slots: Int32Array;
  /** The interner generation `slots` belong to. */
  epoch: number;
}

export class TermStats {
  private readonly df = new FeatureCounts();
  docs = 0;
  private readonly slotOf = new Map<string, number>();
  private epoch = 0;
  private cells = new Int32Array(3 * 4096);
  private memoVal = new Float64Array(4096);
  /** Memo generation each slot's weight belongs to; 0 = none. */
  private memoGen = new Uint32Array(4096);
  private gen = 1;
  private memoSize = 0;
  private memoDocs = 0;
  private readonly compiled = new WeakMap<ArticleFeatures, Compiled>();

  constructor(private readonly idfPower: number) {}

  /** Count one more document with these features. */
  count(f: ArticleFeatures): void {
    this.docs++;
    const c = this.compile(f);
    const { cells, df } = this;
    for (let i = 0; i < c.slots.length; i++) {
      const s = 3 * c.slots[i]!;
      df.incrementCells(cells[s]!, cells[s + 1]!, cells[s + 2]!);
    }
  }

  /** The idf weight of one feature (see the header for when it is recomputed). */
  idf(feature: string): number {
    return this.weightOf(this.intern(feature));
  }

  /** The article's idf-weighted vector, normalised to unit length; features of weight 0 left out. */
  weighted(f: ArticleFeatures): Map<string, number> {
    const { keys, xs, n, norm } = this.weigh(f);
    const v = new Map<string, number>();
    for (let i = 0; i < n; i++) v.set(keys[i]!, xs[i]! / norm);
    return v;
  }

  /** weighted(f) packed (vectors.ts pack), sharing the compiled keys when no feature was left out. */
  weightedPacked(f: ArticleFeatures): PackedVector {
    const { keys, xs, n, norm } = this.weigh(f);
    const vals = new Float32Array(n);
    for (let i = 0; i < n; i++) vals[i] = xs[i]! / norm;
    return { keys: n === keys.length ? keys : keys.slice(0, n), vals };
  }

  /** Weights of the features with a positive weight (keys compacted to the front when some have none), and the norm. */
  private weigh(f: ArticleFeatures): { keys: string[]; xs: Float64Array; n: number; norm: number } {
    const c = this.compile(f);
    const xs = new Float64Array(c.keys.length);
    let keys = c.keys;
    let n = 0;
    let norm = 0;
    for (let i = 0; i < c.slots.length; i++) {
      const x = c.raw[i]! * this.weightOf(c.slots[i]!);
      if (x <= 0) {
        if (keys === c.keys) keys = c.keys.slice(0, i);
        continue;
      }
      if (keys !== c.keys) keys.push(c.keys[i]!);
      xs[n++] = x;
      norm += x * x;
    }
    return { keys, xs, n, norm: Math.sqrt(norm) || 1 };
  }

  private weightOf(slot: number): number {
    // The memo's drop condition, checked at every lookup as the Map memo did.
    if (this.docs > this.memoDocs * 1.02 + 5 || this.memoSize > MEMO_MAX) {
      this.gen++;
      this.memoSize = 0;
      this.memoDocs = this.docs;
    }
    if (this.memoGen[slot] === this.gen) return this.memoVal[slot]!;
    const s = 3 * slot;
    const idf = Math.log((this.docs + 1) / (this.df.getCells(this.cells[s]!, this.cells[s + 1]!, this.cells[s + 2]!) + 0.5));
    const w = idf > 0 ? idf ** this.idfPower : 0;
    this.memoVal[slot] = w;
    this.memoGen[slot] = this.gen;
    this.memoSize++;
    return w;
  }

  private intern(key: string): number {
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      slot = this.slotOf.size;
      if (slot >= this.memoVal.length) this.grow();
      this.df.cells(key, this.cells, 3 * slot);
      this.memoGen[slot] = 0;
      this.slotOf.set(key, slot);
    }
    return slot;
  }

  private grow(): void {
    const cap = this.memoVal.length * 2;
    const cells = new Int32Array(3 * cap); cells.set(this.cells); this.cells = cells;
    const val = new Float64Array(cap); val.set(this.memoVal); this.memoVal = val;
    const gen = new Uint32Array(cap); gen.set(this.memoGen); this.memoGen = gen;
  }

  private compile(f: ArticleFeatures): Compiled {
    if (this.slotOf.size > INTERN_MAX) this.rebuildInterner();
    let c = this.compiled.get(f);
    if (!c) {
      const keys = Object.keys(f.vec);
      c = { keys, raw: Float64Array.from(keys, (k) => f.vec[k]!), slots: new Int32Array(keys.length), epoch: -1 };
      this.compiled.set(f, c);
    }
    if (c.epoch !== this.epoch) {
      for (let i = 0; i < c.keys.length; i++) c.slots[i] = this.intern(c.keys[i]!);
      c.epoch = this.epoch;
    }
    return c;
  }

  /** Keep only the features whose weight is memoised now (with their weights): see the header. */
  private rebuildInterner(): void {
    const kept: Array<[string, number]> = [];
    for (const [k, slot] of this.slotOf) if (this.memoGen[slot] === this.gen) kept.push([k, this.memoVal[slot]!]);
    this.slotOf.clear();
    this.epoch++;
    this.memoGen.fill(0);
    for (const [k, w] of kept) {
      const slot = this.intern(k);
      this.memoVal[slot] = w;
      this.memoGen[slot] = this.gen;
    }
  }
}
