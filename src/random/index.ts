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
