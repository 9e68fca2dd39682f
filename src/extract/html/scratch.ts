// Reusable zeroed typed arrays for per-attempt working data of the body passes (subtree totals,
// cleaning totals, candidate scores). Such arrays never outlive one call, so they are views into
// buffers kept from call to call instead of fresh ArrayBuffers each time: those are allocated
// outside the JS heap, zeroed, tracked and swept by the GC, a dozen or more per attempt.
// Extraction is synchronous and the passes do not re-enter themselves, so one pool per caller is safe.

/** Pages above this many elements get fresh arrays, so a giant page leaves no giant buffers behind. */
const POOL_MAX = 1 << 16;

export interface Views { f: Float64Array[]; k: Int32Array[]; u: Uint8Array[] }

export class Scratch {
  private f = new Float64Array(0);
  private k = new Int32Array(0);
  private u = new Uint8Array(0);
  private cap = 0;

  /** `nf` Float64Arrays, `nk` Int32Arrays and `nu` Uint8Arrays per take. */
  constructor(private readonly nf: number, private readonly nk: number, private readonly nu: number) {}

  /** Zeroed arrays of length n, valid until the next take. */
  take(n: number): Views {
    let f: Float64Array, k: Int32Array, u: Uint8Array;
    if (n > POOL_MAX) {
      f = new Float64Array(this.nf * n); k = new Int32Array(this.nk * n); u = new Uint8Array(this.nu * n);
    } else {
      if (this.cap < n) {
        this.cap = Math.min(POOL_MAX, Math.max(n, 2 * this.cap, 1024));
        this.f = new Float64Array(this.nf * this.cap); this.k = new Int32Array(this.nk * this.cap); this.u = new Uint8Array(this.nu * this.cap);
      } else {
        this.f.fill(0, 0, this.nf * n); this.k.fill(0, 0, this.nk * n); this.u.fill(0, 0, this.nu * n);
      }
      f = this.f; k = this.k; u = this.u;
    }
    const views: Views = { f: [], k: [], u: [] };
    for (let j = 0; j < this.nf; j++) views.f.push(f.subarray(j * n, (j + 1) * n));
    for (let j = 0; j < this.nk; j++) views.k.push(k.subarray(j * n, (j + 1) * n));
    for (let j = 0; j < this.nu; j++) views.u.push(u.subarray(j * n, (j + 1) * n));
    return views;
  }
}
