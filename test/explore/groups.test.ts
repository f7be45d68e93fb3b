import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OptionTotals } from "../../src/explore/groups.js";

/** Per option of every dimension: the sum of field 0 and the maximum of field 1, scheme by scheme. */
function direct(sizes: number[], schemes: number[][], values: number[][]) {
  const offset = sizes.map((_, d) => sizes.slice(0, d).reduce((a, b) => a + b, 0));
  const total = sizes.reduce((a, b) => a + b, 0);
  const sum = new Array<number>(total).fill(0);
  const max = new Array<number>(total).fill(0);
  schemes.forEach((s, i) => {
    s.forEach((o, d) => {
      sum[offset[d]! + o]! += values[i]![0]!;
      max[offset[d]! + o] = Math.max(max[offset[d]! + o]!, values[i]![1]!);
    });
  });
  return { sum, max };
}

const space = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }).chain((sizes) =>
  fc.record({
    sizes: fc.constant(sizes),
    schemes: fc.array(fc.tuple(...sizes.map((n) => fc.integer({ min: 0, max: n - 1 }))), { maxLength: 60 }),
  }),
);

describe("OptionTotals", () => {
  it("gives per-option sums and maxima equal to adding every scheme to each of its options, in any order", () => {
    fc.assert(
      fc.property(space, fc.boolean(), ({ sizes, schemes }, sorted) => {
        // Integer values, so that sums are exact whatever the order of addition.
        const list = sorted ? [...schemes].sort((a, b) => a.join(",").localeCompare(b.join(","))) : schemes;
        const values = list.map((_, i) => [i % 3, (i * 7) % 5]);
        const t = new OptionTotals(sizes, 2, [1]);
        list.forEach((s, i) => {
          t.record[0] = values[i]![0]!;
          t.record[1] = values[i]![1]!;
          t.add(s);
        });
        const totals = t.totals();
        const want = direct(sizes, list, values);
        expect(Array.from({ length: want.sum.length }, (_, k) => totals[2 * k]!)).toEqual(want.sum);
        expect(Array.from({ length: want.max.length }, (_, k) => totals[2 * k + 1]!)).toEqual(want.max);
      }),
      { numRuns: 300 },
    );
  });

  it("can be read more than once, and goes on counting after a read", () => {
    const t = new OptionTotals([2, 2], 1, []);
    t.record[0] = 1;
    t.add([0, 0]);
    t.add([0, 1]);
    expect(Array.from(t.totals())).toEqual([2, 0, 1, 1]);
    expect(Array.from(t.totals())).toEqual([2, 0, 1, 1]);
    t.add([1, 1]);
    expect(Array.from(t.totals())).toEqual([2, 1, 1, 2]);
  });
});
