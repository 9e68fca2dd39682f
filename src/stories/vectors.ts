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

/** Words and word pairs are language-specific; everything else (names, typed numbers) is not. */
function languageFree(k: string): boolean {
  return !k.startsWith('w:') && !k.startsWith('b:') && !k.startsWith('wd:');
}

/** Cosine of the two vectors restricted to language-free features (names, numbers), renormalised. */
export function crossLingualCosine(a: Map<string, number>, b: PackedVector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, x] of a) if (languageFree(k)) na += x * x;
  for (let i = 0; i < b.keys.length; i++) {
    const k = b.keys[i]!;
    if (!languageFree(k)) continue;
    const y = b.vals[i]!;
    nb += y * y;
    const x = a.get(k);
    if (x) dot += x * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export function prune(centroid: Map<string, number>, keep: number): void {
  const sorted = [...centroid].sort((a, b) => b[1] - a[1]);
  for (const [k] of sorted.slice(keep)) centroid.delete(k);
}

