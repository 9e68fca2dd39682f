// Sparse feature vectors as the clusterer compares them: packed member vectors, cosine (within a
// language and across languages), and centroid pruning.

/**
 * A member's weighted vector as two parallel arrays: a third of the memory of a Map (the key strings
 * are shared with the article's features), which is what bounds the open stories kept in memory.
 */
export interface PackedVector { keys: string[]; vals: Float32Array }

export function pack(v: Map<string, number>): PackedVector {
  const keys = [...v.keys()];
  return { keys, vals: Float32Array.from(keys, (k) => v.get(k)!) };
}

export function unpack(p: PackedVector): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < p.keys.length; i++) m.set(p.keys[i]!, p.vals[i]!);
  return m;
}

export function cosine(a: Map<string, number>, b: PackedVector): number {
  let dot = 0;
  for (let i = 0; i < b.keys.length; i++) {
    const x = a.get(b.keys[i]!);
    if (x) dot += x * b.vals[i]!;
  }
  return dot;
}

/** Letters kept of a word or name when matching across languages (see crossLingualKey). */
const CROSS_PREFIX = 5;

/**
 * The language-neutral form of a feature, or undefined when it has none. Typed numbers are
 * language-free as they are. Words and names are cut to their first five letters: cognates and
 * transliterated names share their start (bronchitis/bronquite/bronchite, Francis/Francisco/
 * François/Francesco, Gemelli), which is how truncation matches across European languages in
 * retrieval (McNamee & Mayfield, "Character N-Gram Tokenization for European Language Text
 * Retrieval", Information Retrieval 7, 2004). Shorter words are too ambiguous cut; word pairs and
 * weekdays are language-specific.
 */
function crossLingualKey(k: string): string | undefined {
  if (k.startsWith('b:') || k.startsWith('wd:') || k.startsWith('hwd:')) return undefined;
  const word = k.startsWith('w:') || k.startsWith('n:') ? k.slice(2) : undefined;
  if (word === undefined) return k;
  // Multi-word names are matched through their words.
  if (word.includes(' ')) return undefined;
  if (word.length >= CROSS_PREFIX) return `x:${word.slice(0, CROSS_PREFIX)}`;
  return k.startsWith('n:') ? k : undefined;
}

function project(keys: Iterable<string>, value: (i: number) => number): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  for (const k of keys) {
    const x = crossLingualKey(k);
    const v = value(i++);
    if (x !== undefined) out.set(x, (out.get(x) ?? 0) + v);
  }
  return out;
}

/**
 * The language-neutral projection of a vector and its squared norm, kept per vector: an article is
 * compared with up to a dozen members of each candidate story, a story's member with each member
 * of the other story, and the projection of its side was recomputed for every one of them.
 */
const projections = new WeakMap<Map<string, number>, { p: Map<string, number>; n2: number }>();

function projected(a: Map<string, number>): { p: Map<string, number>; n2: number } {
  let hit = projections.get(a);
  if (!hit) {
    const av = [...a.values()];
    const p = project(a.keys(), (i) => av[i]!);
    let n2 = 0;
    for (const x of p.values()) n2 += x * x;
    hit = { p, n2 };
    projections.set(a, hit);
  }
  return hit;
}

/** Cosine of the two vectors in their language-neutral forms (crossLingualKey), renormalised. `a` must not change afterwards (its projection is kept). */
export function crossLingualCosine(a: Map<string, number>, b: PackedVector): number {
  const { p: pa, n2: na } = projected(a);
  const pb = project(b.keys, (i) => b.vals[i]!);
  let dot = 0;
  let nb = 0;
  for (const [k, y] of pb) {
    nb += y * y;
    const x = pa.get(k);
    if (x) dot += x * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Keep a centroid's `keep` heaviest features. Typed numbers (`protect`) are kept whatever their
 * weight: a fact one member states (a calendar day, a rate range, a score) weighs little beside
 * the words every member shares, yet it is what corroborates a match and what marks a conflict
 * (scoring.ts), and a story's facts are few.
 */
export function prune(centroid: Map<string, number>, keep: number, protect?: (k: string) => boolean): void {
  const sorted = [...centroid].sort((a, b) => b[1] - a[1]);
  for (const [k] of sorted.slice(keep)) if (!protect?.(k)) centroid.delete(k);
}

/** Word, word-pair and name features; every other feature is a typed number or weekday (numbers.ts, features.ts). */
export function isTextFeature(k: string): boolean {
  return k.startsWith('w:') || k.startsWith('b:') || k.startsWith('n:');
}


/**
 * The `n` heaviest of a stream of weighted features, heaviest first, ties in arrival order: what
 * a stable sort by descending weight then slice(0, n) gives, without sorting (or even building)
 * the whole vector — the clusterer looks candidates up by an article's 24 heaviest of ~400
 * features, and by a story centroid's 24 heaviest of up to 600.
 */
export class Heaviest {
  readonly keys: string[] = [];
  readonly vals: number[] = [];

  constructor(private readonly n: number) {}

  push(k: string, x: number): void {
    const { keys, vals, n } = this;
    let j = vals.length;
    if (j >= n) {
      if (n <= 0 || !(x > vals[n - 1]!)) return;
      j = n - 1;
    } else {
      keys.push(k);
      vals.push(x);
    }
    // Equal weights stay behind the ones already in: arrival order, as the stable sort.
    while (j > 0 && vals[j - 1]! < x) { keys[j] = keys[j - 1]!; vals[j] = vals[j - 1]!; j--; }
    keys[j] = k;
    vals[j] = x;
  }
}
