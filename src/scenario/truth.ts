/**
 * Predicates and preferences as tables: a predicate tabulated over the product of the options of the
 * dimensions it reads, so that testing it on a scheme is one mixed-radix lookup instead of a tree walk.
 * Used where the same predicates are tested on very many schemes (politics, Monte Carlo).
 */
import { type CompiledScenario, evaluatePredicate, predicateDimensions, type Scheme } from "./compile.js";
import { type MixedRadix, mixedRadixWithin, radixDecode, radixIndex } from "./radix.js";
import type { Predicate } from "./schema.js";

/** Largest product of option counts a predicate is tabulated over (entries); beyond it, a tree walk. */
export const MAX_TRUTH_TABLE_ENTRIES = 1 << 16;

/** A predicate tabulated over the product of the options of the dimensions it reads. */
export interface TruthTable {
  radix: MixedRadix;
  table: Uint8Array;
}

/**
 * The predicate's truth table, or undefined when its dimensions have more than `maxEntries` combinations.
 * @example const t = tabulatePredicate(c, redLine.forbid); t && truthAt(t, scheme) // 1 when it holds
 */
export function tabulatePredicate(
  c: CompiledScenario,
  p: Predicate,
  maxEntries: number = MAX_TRUTH_TABLE_ENTRIES,
): TruthTable | undefined {
  const radix = mixedRadixWithin(c, [...predicateDimensions(c, p)], maxEntries);
  if (!radix) return undefined;
  const table = new Uint8Array(radix.size);
  // Only the dimensions the predicate reads matter; the others stay at option 0.
  const scheme = new Int32Array(c.dims.length);
  for (let idx = 0; idx < radix.size; idx++) {
    radixDecode(radix, idx, scheme);
    table[idx] = evaluatePredicate(c, p, scheme) ? 1 : 0;
  }
  return { radix, table };
}

/** 1 when the tabulated predicate holds for the scheme, else 0. */
export function truthAt(t: TruthTable, scheme: Scheme): number {
  return t.table[radixIndex(t.radix, scheme)]!;
}

/**
 * A test of the predicate on schemes: a table lookup when it can be tabulated, the tree walk otherwise.
 * @example const forbids = predicateTest(c, redLine.forbid); forbids(scheme) // true when crossed
 */
export function predicateTest(c: CompiledScenario, p: Predicate): (scheme: Scheme) => boolean {
  const t = tabulatePredicate(c, p);
  return t ? (scheme) => truthAt(t, scheme) === 1 : (scheme) => evaluatePredicate(c, p, scheme);
}
