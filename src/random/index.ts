/**
 * Seeded randomness. The core never draws unseeded random numbers: a function that needs them takes a
 * generator made here from a seed, so the same seed gives the same numbers everywhere.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32 (Tommy Ettinger, 2017): a 32-bit seeded generator, fast and good enough for sampling; not for
 * cryptography.
 * @example const random = mulberry32(20250820); random() // 0.…
 */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed of draw `k`'s own stream, a function of (seed, k) alone, so that a Monte-Carlo draw gives the same
 * numbers whichever worker computes it and in whatever order. A 32-bit integer hash of the pair (the
 * finaliser of MurmurHash3, Austin Appleby, public domain), applied twice.
 * @example mulberry32(drawSeed(20250820, 7)) // the generator of draw 7
 */
export function drawSeed(seed: number, k: number): number {
  const mix = (h0: number) => {
    let h = h0 >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  return mix(mix(seed) ^ Math.imul(k + 1, 0x9e3779b9));
}
