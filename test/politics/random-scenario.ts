/**
 * Small random scenarios for the property tests: 2–4 dimensions of 2–3 options, 2–3 parties with random
 * red lines and preferences. Numbers are chosen so that every utility is exact in floating point
 * (integer weights, ranges 4 wide, integer attribute values), so the brute force can be compared exactly.
 */
import { mulberry32 } from "../../src/random/index.js";
import type { CompiledScenario } from "../../src/scenario/compile.js";
import type { Predicate } from "../../src/scenario/schema.js";
import { fieldScenario } from "../helpers.js";

/** The project's seeded generator, under the name these tests use. */
export const seeded = mulberry32;

/** A random small scenario, validated and compiled. */
export function randomScenario(seed: number, redLinesPerParty: [number, number] = [0, 2]): CompiledScenario {
  const rnd = seeded(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const nDims = int(2, 4);
  const dimensions = Array.from({ length: nDims }, (_, d) => ({
    id: `d${d}`,
    attributes: {
      [`a${d}`]: { type: "number", default: 0 },
      [`b${d}`]: { type: "boolean", default: false },
    },
    options: Array.from({ length: int(2, 3) }, (_, o) => ({
      id: `o${o}`,
      attributes: { [`a${d}`]: int(0, 4), [`b${d}`]: rnd() < 0.5 },
    })),
  }));
  const leaf = (): Predicate => {
    const d = int(0, nDims - 1);
    const kind = int(0, 2);
    if (kind === 0) return { attr: `b${d}`, eq: rnd() < 0.5 };
    if (kind === 1) return { attr: `a${d}`, ge: int(1, 4) };
    return { dim: `d${d}`, is: `o${int(0, dimensions[d]!.options.length - 1)}` };
  };
  const predicate = (): Predicate => {
    const kind = int(0, 3);
    if (kind === 0) return { all: [leaf(), leaf()] };
    if (kind === 1) return { any: [leaf(), leaf()] };
    if (kind === 2) return { not: leaf() };
    return leaf();
  };
  const rules = Array.from({ length: int(0, 2) }, (_, i) => {
    const d1 = int(0, nDims - 2);
    const d2 = int(d1 + 1, nDims - 1);
    return {
      id: `r${i}`,
      forbid: {
        [`d${d1}`]: `o${int(0, dimensions[d1]!.options.length - 1)}`,
        [`d${d2}`]: `o${int(0, dimensions[d2]!.options.length - 1)}`,
      },
      reason: "random",
    };
  });
  const dyadic = [0, 0.25, 0.5, 0.75, 1];
  const actors = Array.from({ length: int(2, 3) }, (_, p) => ({
    id: `P${p}`,
    name: `Party ${p}`,
    stance: {
      redLines: Array.from({ length: int(...redLinesPerParty) }, (_, k) => ({
        id: `rl${k}`,
        description: `red line ${k}`,
        forbid: predicate(),
        source: "s",
        ...(rnd() < 0.5 ? { confidence: pick([0.25, 0.5, 1]) } : {}),
      })),
      preferences: Array.from({ length: int(0, 3) }, (_, k) => {
        const weight = int(1, 4);
        if (rnd() < 0.6) {
          const lo = int(0, 2);
          return {
            id: `pref${k}`,
            weight,
            attr: `a${int(0, nDims - 1)}`,
            better: pick(["higher", "lower"]),
            range: [lo, lo + 4],
            source: "s",
          };
        }
        return { id: `pref${k}`, weight, when: predicate(), source: "s" };
      }),
      reservation: { value: pick(dyadic), source: "s" },
      power: { value: pick([0.25, 0.5, 1]), source: "s" },
      salience: { value: pick([0.25, 0.5, 1]), source: "s" },
    },
  }));
  // A protected state without a stance ("A", from fieldScenario) is no party: the parties are P0, P1, ….
  return fieldScenario(dimensions, rules, { actors: [{ id: "A", name: "A" }, ...actors] });
}

/** Every scheme of the field (consistent or not), by odometer. */
export function* allSchemes(c: CompiledScenario): Generator<number[]> {
  const s = c.dims.map(() => 0);
  for (;;) {
    yield [...s];
    let d = s.length - 1;
    while (d >= 0 && s[d] === c.dims[d]!.options.length - 1) s[d--] = 0;
    if (d < 0) return;
    s[d]!++;
  }
}
