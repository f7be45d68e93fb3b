import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PARAMETERS,
  param,
  parametersNamed,
  resolveParameters,
  sampleParameters,
  UnknownParameterError,
} from "../../src/parameters/index.js";
import { mulberry32 } from "../../src/random/index.js";
import {
  type Distribution,
  distributionMean,
  distributionSupport,
  sampleDistribution,
} from "../../src/scenario/index.js";

/** Variance of each distribution, closed form, for the tolerance of a sample mean. */
function variance(d: Distribution): number {
  switch (d.kind) {
    case "point":
      return 0;
    case "uniform":
      return (d.max - d.min) ** 2 / 12;
    case "triangular": {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case "pert": {
      const mean = distributionMean(d);
      return ((mean - d.min) * (d.max - mean)) / 7;
    }
    case "lognormal":
      return (Math.exp(d.sigma ** 2) - 1) * Math.exp(2 * Math.log(d.median) + d.sigma ** 2);
  }
}

const bounds = fc
  .tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 0.01, max: 1e3, noNaN: true }))
  .map(([lo, width]) => [lo, lo + width] as const);
const distribution: fc.Arbitrary<Distribution> = fc.oneof(
  fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((value) => ({ kind: "point" as const, value })),
  bounds.map(([min, max]) => ({ kind: "uniform" as const, min, max })),
  fc
    .tuple(bounds, fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([[min, max], t]) => ({ kind: "triangular" as const, min, mode: min + t * (max - min), max })),
  fc
    .tuple(bounds, fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([[min, max], t]) => ({ kind: "pert" as const, min, mode: min + t * (max - min), max })),
  fc
    .tuple(fc.double({ min: 0.01, max: 1e3, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }))
    .map(([median, sigma]) => ({ kind: "lognormal" as const, median, sigma })),
);

describe("distributions", () => {
  it("property: every draw of sampleDistribution lies in the distribution's support", () => {
    fc.assert(
      fc.property(distribution, fc.integer(), (d, seed) => {
        const [lo, hi] = distributionSupport(d);
        const random = mulberry32(seed);
        for (let i = 0; i < 200; i++) {
          const x = sampleDistribution(d, random);
          expect(x).toBeGreaterThanOrEqual(lo);
          expect(x).toBeLessThanOrEqual(hi);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("property: the mean of 20,000 draws is within 5 standard errors of the closed-form mean", () => {
    const n = 20_000;
    fc.assert(
      fc.property(distribution, fc.integer(), (d, seed) => {
        const random = mulberry32(seed);
        let sum = 0;
        for (let i = 0; i < n; i++) sum += sampleDistribution(d, random);
        const se = Math.sqrt(variance(d) / n);
        const tolerance = 5 * se + 1e-9 * Math.max(1, Math.abs(distributionMean(d)));
        expect(Math.abs(sum / n - distributionMean(d))).toBeLessThanOrEqual(tolerance);
      }),
      { numRuns: 60 },
    );
  });

  it("distributionMean gives the textbook closed forms", () => {
    expect(distributionMean({ kind: "uniform", min: 2, max: 4 })).toBe(3);
    expect(distributionMean({ kind: "triangular", min: 0, mode: 3, max: 6 })).toBe(3);
    expect(distributionMean({ kind: "pert", min: 0, mode: 1, max: 8 })).toBe(2);
    expect(distributionMean({ kind: "lognormal", median: 1, sigma: 1 })).toBeCloseTo(Math.exp(0.5), 12);
  });
});

describe("the parameter registry", () => {
  it("holds every id once, each with a unit, a source and a model", () => {
    const ids = PARAMETERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PARAMETERS) {
      expect(p.unit.length, p.id).toBeGreaterThan(0);
      expect(p.source.length, p.id).toBeGreaterThan(0);
      expect(["military", "aircraft", "deterrence"]).toContain(p.model);
    }
  });

  it("an alias may stand for several parameters: fleet_availability sets every fighter's availability", () => {
    const ids = parametersNamed("fleet_availability").map((p) => p.id);
    expect(ids).toContain("aircraft.F-16.availability");
    expect(ids).toContain("aircraft.Gripen.availability");
    expect(ids.some((id) => id.startsWith("aircraft.KC-135"))).toBe(false);
  });

  it("resolveParameters rejects an override of an unknown id, naming the closest known ones", () => {
    expect(() => resolveParameters(undefined, { overrides: { "ground.rotation_factr": 2 } })).toThrow(
      UnknownParameterError,
    );
    try {
      resolveParameters(undefined, { overrides: { "ground.rotation_factr": 2 } });
    } catch (e) {
      expect((e as UnknownParameterError).suggestions).toContain("ground.rotation_factor");
    }
    expect(() => param(resolveParameters(undefined), "no.such.parameter")).toThrow(UnknownParameterError);
  });

  it("an override wins over the scenario, which wins over the default", () => {
    const scenario = {
      parameters: [
        {
          id: "ground.rotation_factor",
          unit: "ratio",
          distribution: { kind: "uniform" as const, min: 2, max: 3 },
          source: "s",
        },
      ],
    };
    expect(param(resolveParameters(scenario), "ground.rotation_factor")).toBe(2.5);
    expect(
      param(
        resolveParameters(scenario, { overrides: { "ground.rotation_factor": 4 } }),
        "ground.rotation_factor",
      ),
    ).toBe(4);
    expect(resolveParameters(undefined).get("ground.rotation_factor")?.origin).toBe("default");
  });

  it("sampleParameters draws every declared distribution, the same for the same seed, another for another", () => {
    const scenario = {
      parameters: [
        {
          id: "rotation_factor",
          unit: "ratio",
          distribution: { kind: "triangular" as const, min: 2, mode: 3, max: 4 },
          source: "s",
        },
        {
          id: "deterrence.gain_sigma",
          unit: "log units",
          distribution: { kind: "lognormal" as const, median: 0.6, sigma: 0.2 },
          source: "s",
        },
      ],
    };
    const a = sampleParameters(scenario, mulberry32(1));
    const b = sampleParameters(scenario, mulberry32(1));
    const c = sampleParameters(scenario, mulberry32(2));
    expect(a.get("ground.rotation_factor")?.origin).toBe("sample");
    expect(a.get("ground.rotation_factor")?.scenarioId).toBe("rotation_factor");
    expect([...a].map(([, v]) => v.value)).toEqual([...b].map(([, v]) => v.value));
    expect(param(a, "ground.rotation_factor")).not.toBe(param(c, "ground.rotation_factor"));
    const r = param(a, "ground.rotation_factor");
    expect(r).toBeGreaterThanOrEqual(2);
    expect(r).toBeLessThanOrEqual(4);
    // Undeclared parameters keep their defaults.
    expect(a.get("air.standoff_km")?.origin).toBe("default");
  });

  it("sampleParameters draws a code default that has a distribution (a fitted density) unless the scenario sets it, and resolveParameters keeps its point", () => {
    const id = "ground.interposition.robust.troops_per_km";
    const def = PARAMETERS.find((p) => p.id === id)!;
    expect(def.distribution).toEqual({ kind: "lognormal", median: def.value, sigma: expect.any(Number) });
    expect(resolveParameters(undefined).get(id)).toMatchObject({ value: def.value, origin: "default" });
    const draws = Array.from({ length: 400 }, (_, k) =>
      param(sampleParameters(undefined, mulberry32(k)), id),
    );
    expect(sampleParameters(undefined, mulberry32(3)).get(id)?.origin).toBe("sample");
    expect(new Set(draws).size).toBeGreaterThan(300);
    // The draws' median is the fitted density; their spread matches the lognormal's σ within sampling error.
    const logs = draws.map((x) => Math.log(x / def.value)).sort((a, b) => a - b);
    expect(Math.abs(logs[200]!)).toBeLessThan(0.2);
    const sd = Math.sqrt(logs.reduce((s, x) => s + x * x, 0) / logs.length);
    expect(def.distribution?.kind === "lognormal" && Math.abs(sd / def.distribution.sigma - 1)).toBeLessThan(
      0.15,
    );
    // Set by the scenario: its own distribution (a point here) wins over the code's.
    const set = sampleParameters(
      { parameters: [{ id, unit: "troops/km", distribution: { kind: "point", value: 60 }, source: "s" }] },
      mulberry32(1),
    );
    expect(param(set, id)).toBe(60);
    // Overrides win over both.
    expect(param(sampleParameters(undefined, mulberry32(1), { overrides: { [id]: 50 } }), id)).toBe(50);
  });
});
