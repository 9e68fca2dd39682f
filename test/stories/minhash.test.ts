// MinHash signatures are persisted, so a faster implementation must give exactly the same values:
// mulmod against BigInt arithmetic, signature() against the straightforward formulation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HASHES, mulmod, normalisedBody, residue32, SHINGLE, signature } from '../../src/stories/duplicates.js';

const P = 4294967311n;

test('mulmod is (a*x + b) mod P exactly, including the extremes', () => {
  let seed = 12345;
  const next = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed; };
  const values = [0, 1, 2, 65535, 65536, 0xfffffff0, 0xfffffffe, 0xffffffff];
  for (let i = 0; i < 20000; i++) values.push(next());
  for (let i = 0; i < values.length; i++) {
    const a = (values[i]! % 0xfffffff0) + 1;
    const x = values[(i * 7 + 3) % values.length]!;
    const b = values[(i * 13 + 5) % values.length]!;
    assert.equal(mulmod(a, x, b), Number((BigInt(a) * BigInt(x) + BigInt(b)) % P), `a=${a} x=${x} b=${b}`);
  }
});

/** The signature as first written: string shingles, BigInt-exact universal hashing. */
function reference(text: string): number[] | undefined {
  const w = normalisedBody(text).split(' ').filter(Boolean);
  if (w.length < SHINGLE + 2) return undefined;
  const fnv = (s: string) => { let h = 0x811c9dc5; for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); } return h >>> 0; };
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE <= w.length; i++) hashes.add(fnv(w.slice(i, i + SHINGLE).join(' ')));
  let seed = 0x2545f491;
  const next = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed; };
  const coeffs = Array.from({ length: HASHES }, () => [BigInt((next() % 0xfffffff0) + 1), BigInt(next())] as const);
  return coeffs.map(([a, b]) => {
    let min = 0xffffffff;
    for (const x of hashes) min = Math.min(min, Number((a * BigInt(x) + b) % P) >>> 0);
    return min;
  });
}

test('signature() gives the values the straightforward formulation gives', () => {
  const texts = [
    'The harbour council met on Monday and approved the budget for the new ferry terminal after a long debate.',
    'Überschwemmungen: Die Schulen der Region blieben am Dienstag geschlossen, teilte das Ministerium mit. Später mehr.',
    Array.from({ length: 300 }, (_, i) => `word${i % 37} other${i % 11}`).join(' '),
  ];
  for (const t of texts) assert.deepEqual([...signature(t)!.mins], reference(t));
  assert.equal(signature('too short'), undefined);
});

test('residue32 is ((t mod P) mod 2^32) exactly, including residues at and above 2^32', () => {
  const P = 4294967311n;
  const ts: bigint[] = [0n, 1n, 14n, 15n, 16n, P - 1n, P, P + 1n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 32n + 14n, 2n ** 50n - 1n];
  // Around multiples of P and of 2^32 (where the floor-based quotient is off by one), up to 2^50.
  for (const q of [1n, 2n, 3n, 1000n, 65535n, 262143n]) for (const d of [-16n, -15n, -14n, -1n, 0n, 1n, 14n, 15n]) {
    for (const base of [q * P, q * 2n ** 32n]) if (base + d >= 0n && base + d < 2n ** 50n) ts.push(base + d);
  }
  for (const t of ts) assert.equal(residue32(Number(t)), Number((t % P) % 2n ** 32n), `t=${t}`);
});
