import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paretoFront, type Sense } from "../../src/explore/pareto.js";

function dominates(a: number[], b: number[], senses: Sense[]): boolean {
  let better = false;
  for (let j = 0; j < a.length; j++) {
    const d = senses[j] === "max" ? a[j]! - b[j]! : b[j]! - a[j]!;
    if (d < 0) return false;
    if (d > 0) better = true;
  }
  return better;
}

describe("paretoFront", () => {
  it("paretoFront keeps (1,2) and (2,1) and drops (0,0) when both objectives are maximised", () => {
    expect(paretoFront(Float64Array.of(1, 2, 2, 1, 0, 0), 3, 2, ["max", "max"])).toEqual([0, 1]);
    expect(paretoFront(Float64Array.of(1, 2, 2, 1, 0, 0), 3, 2, ["min", "min"])).toEqual([2]);
  });

  it("paretoFront equals the brute-force non-dominated set on random matrices", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((k) =>
          fc.tuple(
            fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: k, maxLength: k }), {
              maxLength: 40,
            }),
            fc.array(fc.constantFrom<Sense>("max", "min"), { minLength: k, maxLength: k }),
          ),
        ),
        ([rows, senses]) => {
          const k = senses.length;
          const flat = Float64Array.from(rows.flat());
          const expected = rows
            .map((_, i) => i)
            .filter((i) => !rows.some((r) => dominates(r, rows[i]!, senses)));
          expect(paretoFront(flat, rows.length, k, senses)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
