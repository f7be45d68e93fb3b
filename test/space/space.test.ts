import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CompiledScenario, isConsistent, schemeToObject } from "../../src/scenario/compile.js";
import { countConsistent, countSchemes, enumerateSchemes, optionFilter } from "../../src/space/index.js";
import { compileFixture, fieldScenario } from "../helpers.js";

/** Every scheme of the field, by a plain odometer. */
function* allSchemes(c: CompiledScenario): Generator<number[]> {
  const sizes = c.dims.map((d) => d.options.length);
  const s = sizes.map(() => 0);
  while (true) {
    yield [...s];
    let i = s.length - 1;
    while (i >= 0 && ++s[i]! === sizes[i]!) s[i--] = 0;
    if (i < 0) return;
  }
}

/** A small random scenario: 1–6 dimensions of 1–4 options, 0–6 random forbid/if-then rules. */
const smallScenario = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 })
  .chain((sizes) => {
    const selector = fc
      .subarray(
        sizes.map((_, i) => i),
        { minLength: 1 },
      )
      .chain((dims) =>
        fc.tuple(
          ...dims.map((d) =>
            fc
              .subarray(
                Array.from({ length: sizes[d]! }, (_, o) => `o${o}`),
                { minLength: 1 },
              )
              .map((opts) => [`d${d}`, opts] as const),
          ),
        ),
      )
      .map((entries) => Object.fromEntries(entries));
    const rule = fc.oneof(
      selector.map((forbid) => ({ forbid })),
      fc
        .tuple(selector, fc.nat(sizes.length - 1), fc.array(fc.nat(3), { minLength: 1 }))
        .map(([cond, d, opts]) => ({
          if: cond,
          then: { [`d${d}`]: [...new Set(opts.map((o) => `o${o % sizes[d]!}`))] },
        })),
    );
    return fc.tuple(fc.constant(sizes), fc.array(rule, { maxLength: 6 }));
  })
  .map(([sizes, rules]) =>
    fieldScenario(
      sizes.map((n, d) => ({ id: `d${d}`, options: Array.from({ length: n }, (_, o) => ({ id: `o${o}` })) })),
      rules.map((r, i) => ({ id: `r${i}`, reason: "generated", ...r })),
    ),
  );

describe("scheme space", () => {
  it("countSchemes(mini) counts 18 raw and the consistent ones, with each rule's pruning", () => {
    const c = compileFixture("mini.yaml");
    const n = countSchemes(c);
    expect(n.raw).toBe(18n);
    // commitment=none excludes monitors and reassurance (2 × 2 air = 4 schemes);
    // ground=reassurance needs air=policing (3 commitments × 1 = 3 schemes, of which 1 overlaps the first rule).
    expect(n.consistent).toBe(18n - 4n - 3n + 1n);
    expect(n.rules.map((r) => [r.rule, r.alone, r.only])).toEqual([
      ["no-troops-without-commitment", 4n, 3n],
      ["reassurance-needs-air", 3n, 2n],
    ]);
  });

  it("enumerateSchemes(c) yields exactly the consistent schemes, in lexicographic order, on random scenarios", () => {
    fc.assert(
      fc.property(smallScenario, (c) => {
        const expected = [...allSchemes(c)].filter((s) => isConsistent(c, s)).map((s) => s.join(","));
        const got: string[] = [];
        for (const s of enumerateSchemes(c)) got.push(Array.from(s).join(","));
        expect(got).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("countConsistent(c) equals brute-force enumeration on random scenarios, with and without fixed options", () => {
    fc.assert(
      fc.property(smallScenario, fc.nat(), (c, seed) => {
        const brute = [...allSchemes(c)].filter((s) => isConsistent(c, s)).length;
        expect(countConsistent(c)).toBe(BigInt(brute));
        const d = seed % c.dims.length;
        const o = (seed >> 3) % c.dims[d]!.options.length;
        const fixed = new Map([[d, o]]);
        const bruteFixed = [...allSchemes(c)].filter((s) => s[d] === o && isConsistent(c, s)).length;
        expect(countConsistent(c, c.rules, optionFilter(c, fixed))).toBe(BigInt(bruteFixed));
      }),
      { numRuns: 2000 },
    );
  });

  it("enumerateSchemes is lazy: taking 3 schemes of a 4^20 field returns at once", () => {
    const dims = Array.from({ length: 20 }, (_, d) => ({
      id: `d${d}`,
      options: ["a", "b", "c", "e"].map((id) => ({ id })),
    }));
    const c = fieldScenario(dims, [{ id: "r", forbid: { d0: "a", d19: "a" }, reason: "x" }]);
    const it3: Record<string, string>[] = [];
    for (const s of enumerateSchemes(c)) {
      it3.push(schemeToObject(c, s));
      if (it3.length === 3) break;
    }
    expect(it3[0]!.d19).toBe("b");
    expect(countConsistent(c)).toBe(4n ** 20n - 4n ** 18n);
  });
});
