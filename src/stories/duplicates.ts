// Duplicate detection: exact copies by a hash of the normalised body, near-duplicates (the same wire
// copy under another headline, with other boilerplate, a trimmed ending or small edits) by MinHash
// over word 4-shingles with LSH banding (Broder 1997, "On the resemblance and containment of
// documents"; banding as in Leskovec, Rajaraman & Ullman, Mining of Massive Datasets, ch. 3).
// Candidates from the bands are verified by the signature agreement (an estimate of Jaccard
// similarity) and, because excerpts are cut at different points, also by containment of the
// shorter text's shingles in the longer one's, estimated from the same signatures.
import { createHash } from 'node:crypto';
import { words } from './text.js';

export const SHINGLE = 4;
export const HASHES = 96;
const ROWS = 3; // 32 bands of 3 rows: P(candidate) ≈ 0.99 at J = 0.5, ≈ 0.6 at J = 0.3
export const BANDS = HASHES / ROWS;

/** Normalised body: folded words joined by single spaces. Equal for copies that differ only in case, accents, spacing or punctuation. */
export function normalisedBody(text: string): string {
  return bodyWords(text).join(' ');
}

/** The words of normalisedBody(text) (its split on spaces). */
export function bodyWords(text: string): string[] {
  return words(text.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s*/, ''));
}

/** `body`: normalisedBody(text) when the caller has it already (it is a third of an article's features cost). */
export function exactHash(text: string, body = normalisedBody(text)): string {
  return createHash('sha1').update(body).digest('hex').slice(0, 20);
}

// FNV-1a 32-bit: fast, and stable across runs (the signatures are persisted).
/** FNV-1a of words.slice(from, from + n).join(' '), without building the string. */
function fnv1aWords(words: string[], from: number, n: number): number {
  let h = 0x811c9dc5;
  for (let j = from; j < from + n; j++) {
    if (j > from) { h ^= 0x20; h = Math.imul(h, 0x01000193); }
    const w = words[j]!;
    for (let i = 0; i < w.length; i++) {
      h ^= w.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

// Universal hashing family h_i(x) = (a_i x + b_i) mod p, with fixed seeds so signatures persist.
const P = 4294967311; // prime > 2^32 (= 2^32 + 15)
const INV_2_32 = 2 ** -32;
const COEFFS: Array<[number, number]> = (() => {
  let seed = 0x2545f491;
  const next = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed; };
  return Array.from({ length: HASHES }, () => [(next() % 0xfffffff0) + 1, next()] as [number, number]);
})();
const COEFF_A = Float64Array.from(COEFFS, (c) => c[0]);
const COEFF_B = Float64Array.from(COEFFS, (c) => c[1]);
/** a * 2^16 mod P per hash function (see signature()). */
const COEFF_A16 = Float64Array.from(COEFFS, (c) => (c[0] * 65536) % P);

/** t mod P for 0 ≤ t < 2^52: the quotient from a float division may be off by one, the remainder is fixed up. */
function modP(t: number): number {
  const r = t - ((t / P) | 0) * P;
  return r < 0 ? r + P : r >= P ? r - P : r;
}

/**
 * (a*x + b) mod P without overflow, exactly: x is split into 16-bit halves so that every
 * intermediate stays below 2^53. Divisions instead of `%` (a float remainder is a slow library
 * call; this was most of the stories update's CPU time).
 */
export function mulmod(a: number, x: number, b: number): number {
  return modP(modP(a * (x >>> 16)) * 65536 + a * (x & 0xffff) + b);
}

export interface Signature {
  mins: Uint32Array;
  /** How many distinct shingles the text had (for containment estimates). */
  shingles: number;
}

/**
 * (t mod P) mod 2^32 for 0 ≤ t < 2^50, in doubles only: the value a Uint32Array of minima stores
 * (P > 2^32, so P's residues 2^32 … 2^32+14 become 0 … 14). q = ⌊t / 2^32⌋ < 2^18 (multiplying by
 * 2^-32 is exact, Math.floor one instruction) and r = t − q·P = (t − q·2^32) − 15q lies in
 * (−2^22, 2^32), every step exact. r ≥ 0 is the residue, below 2^32. Otherwise the residue is
 * r + P, which is ≥ 2^32 exactly when r ≥ −15, and then wraps to r + 15.
 */
export function residue32(t: number): number {
  const r = t - Math.floor(t * INV_2_32) * P;
  return r >= 0 ? r : r >= -15 ? r + 15 : r + P;
}

/** MinHash signature over word shingles; texts shorter than one shingle get no signature. */
export function signature(text: string, body = normalisedBody(text), bodyWordList?: string[]): Signature | undefined {
  // words() never yields an empty word, so the caller's bodyWords(text) is body split on spaces.
  const w = bodyWordList ?? body.split(' ').filter(Boolean);
  if (w.length < SHINGLE + 2) return undefined;
  // The distinct shingle hashes: sorted in a typed array and deduplicated in place (a Set of
  // numbers cost more than the sort). Their order does not matter to the minima.
  const count = w.length - SHINGLE + 1;
  const all = new Uint32Array(count);
  for (let i = 0; i < count; i++) all[i] = fnv1aWords(w, i, SHINGLE);
  all.sort();
  let n = 0;
  for (let i = 0; i < count; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!;
  // Each shingle hash split once into 16-bit halves; per hash function, (a*x + b) mod P is then
  // (A16*hi + a*lo + b) mod P with A16 = a*2^16 mod P — one reduction instead of mulmod's two,
  // every term below 2^50 so the result is exact (the same values as mulmod; test/stories/minhash.test.ts).
  const hi = new Float64Array(n);
  const lo = new Float64Array(n);
  for (let j = 0; j < n; j++) { const x = all[j]!; hi[j] = x >>> 16; lo[j] = x & 0xffff; }
  const mins = new Uint32Array(HASHES);
  // Four hash functions per pass over the shingles: each shingle's halves are loaded once for
  // four products, and the four minima stay in registers (HASHES is a multiple of 4). Same
  // arithmetic per hash function as one at a time, hence the same minima.
  for (let k = 0; k < HASHES; k += 4) {
    const a0 = COEFF_A[k]!, a1 = COEFF_A[k + 1]!, a2 = COEFF_A[k + 2]!, a3 = COEFF_A[k + 3]!;
    const h0 = COEFF_A16[k]!, h1 = COEFF_A16[k + 1]!, h2 = COEFF_A16[k + 2]!, h3 = COEFF_A16[k + 3]!;
    const b0 = COEFF_B[k]!, b1 = COEFF_B[k + 1]!, b2 = COEFF_B[k + 2]!, b3 = COEFF_B[k + 3]!;
    // The minima are kept as doubles: no conversion to and from 32-bit integers per value.
    let m0 = 0xffffffff, m1 = 0xffffffff, m2 = 0xffffffff, m3 = 0xffffffff;
    for (let i = 0; i < n; i++) {
      const x = hi[i]!;
      const y = lo[i]!;
      // (a*x + b) mod P, as stored in the Uint32Array before (residue32), so the same signatures.
      const v0 = residue32(h0 * x + a0 * y + b0);
      const v1 = residue32(h1 * x + a1 * y + b1);
      const v2 = residue32(h2 * x + a2 * y + b2);
      const v3 = residue32(h3 * x + a3 * y + b3);
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
    }
    mins[k] = m0; mins[k + 1] = m1; mins[k + 2] = m2; mins[k + 3] = m3;
  }
  return { mins, shingles: n };
}

/** Fraction of agreeing minima: an unbiased estimate of the Jaccard similarity of the shingle sets. */
export function estimateJaccard(a: Signature, b: Signature): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a.mins[k] === b.mins[k]) same++;
  return same / HASHES;
}

/**
 * Containment of the smaller set in the larger, from Jaccard J and the set sizes:
 * |A∩B| = J(|A|+|B|)/(1+J), divided by min(|A|,|B|).
 */
export function estimateContainment(a: Signature, b: Signature): number {
  const j = estimateJaccard(a, b);
  const inter = (j * (a.shingles + b.shingles)) / (1 + j);
  return Math.min(1, inter / Math.max(1, Math.min(a.shingles, b.shingles)));
}

export interface DuplicateMatch {
  articleId: number;
  jaccard: number;
  containment: number;
}

export interface DuplicateOptions {
  /** Minimum estimated Jaccard to call two texts near-duplicates. */
  minJaccard?: number;
  /** Or: minimum containment of the shorter text in the longer (trimmed copies, teasers of a wire story). */
  minContainment?: number;
  /** Shorter texts need at least this many shingles for containment to count (a headline alone is not a copy). */
  minShinglesForContainment?: number;
  /** Stop verifying after this many band candidates (guards against a boilerplate-heavy band). */
  maxCandidates?: number;
}

/** In-memory LSH index: band key → article ids. Signatures are kept for verification. */
export class DuplicateIndex {
  private readonly exact = new Map<string, number>();
  private readonly bands = new Map<string, number[]>();
  private readonly sigs = new Map<number, Signature>();
  private readonly opts: Required<DuplicateOptions>;

  constructor(opts: DuplicateOptions = {}) {
    this.opts = { minJaccard: 0.3, minContainment: 0.5, minShinglesForContainment: 40, maxCandidates: 200, ...opts };
  }

  /** The best earlier duplicate of this text, if any. Does not add it. */
  find(hash: string, sig: Signature | undefined): DuplicateMatch | undefined {
    const same = this.exact.get(hash);
    if (same !== undefined) return { articleId: same, jaccard: 1, containment: 1 };
    if (!sig) return undefined;
    const seen = new Set<number>();
    let best: DuplicateMatch | undefined;
    for (let b = 0; b < BANDS && seen.size < this.opts.maxCandidates; b++) {
      const ids = this.bands.get(bandKey(sig, b));
      if (!ids) continue;
      for (const id of ids) {
        if (seen.has(id)) continue;
        seen.add(id);
        const other = this.sigs.get(id)!;
        const jaccard = estimateJaccard(sig, other);
        const containment = estimateContainment(sig, other);
        const bigEnough = Math.min(sig.shingles, other.shingles) >= this.opts.minShinglesForContainment;
        if (jaccard < this.opts.minJaccard && !(bigEnough && containment >= this.opts.minContainment)) continue;
        if (!best || jaccard > best.jaccard) best = { articleId: id, jaccard, containment };
      }
    }
    return best;
  }

  add(articleId: number, hash: string, sig: Signature | undefined): void {
    if (!this.exact.has(hash)) this.exact.set(hash, articleId);
    if (!sig) return;
    this.sigs.set(articleId, sig);
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(sig, b);
      const ids = this.bands.get(key);
      if (ids) ids.push(articleId);
      else this.bands.set(key, [articleId]);
    }
  }

  /** Forget articles (their stories were closed): keeps the index bounded on a long stream. */
  remove(ids: Iterable<number>): void {
    for (const id of ids) {
      const sig = this.sigs.get(id);
      if (!sig) continue;
      this.sigs.delete(id);
      for (let b = 0; b < BANDS; b++) {
        const key = bandKey(sig, b);
        const list = this.bands.get(key);
        if (!list) continue;
        const rest = list.filter((x) => x !== id);
        if (rest.length) this.bands.set(key, rest);
        else this.bands.delete(key);
      }
    }
  }

  /** Drop exact-hash entries of forgotten articles. */
  removeExact(hashes: Iterable<string>): void {
    for (const h of hashes) this.exact.delete(h);
  }

  get size(): number {
    return this.sigs.size;
  }
}

function bandKey(sig: Signature, band: number): string {
  const o = band * ROWS;
  return `${band}:${sig.mins[o]!.toString(36)}.${sig.mins[o + 1]!.toString(36)}.${sig.mins[o + 2]!.toString(36)}`;
}

export function signatureToBuffer(sig: Signature): Buffer {
  const buf = Buffer.alloc(4 + HASHES * 4);
  buf.writeUInt32LE(sig.shingles, 0);
  for (let k = 0; k < HASHES; k++) buf.writeUInt32LE(sig.mins[k]!, 4 + k * 4);
  return buf;
}

export function signatureFromBuffer(buf: Uint8Array): Signature {
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const mins = new Uint32Array(HASHES);
  for (let k = 0; k < HASHES; k++) mins[k] = view.readUInt32LE(4 + k * 4);
  return { mins, shingles: view.readUInt32LE(0) };
}
