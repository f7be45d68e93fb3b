import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  estimateFromAttributes,
  ladderTimeline,
  logistic,
  type MechanismAttributes,
  noisyOr,
  normalCdf,
} from "../../src/deterrence/index.js";
import { DETERRENCE_PARAMETERS, resolveParameters } from "../../src/parameters/index.js";
import type { GroundMission, Scope } from "../../src/scenario/index.js";
import { BARE } from "./helpers.js";

const P0 = resolveParameters({ parameters: [] });
const TIMINGS = { airResponseHours: 1, airliftHours: 52 };
const estimate = (
  a: MechanismAttributes,
  p = P0,
  t: { airResponseHours?: number; airliftHours?: number } = TIMINGS,
) => estimateFromAttributes(a, ladderTimeline(a, t, p), p);

describe("building blocks", () => {
  it("noisyOr([0.5, 0.5]) is 0.75 and noisyOr([]) is 0", () => {
    expect(noisyOr([0.5, 0.5])).toBeCloseTo(0.75, 12);
    expect(noisyOr([])).toBe(0);
  });
  it("logistic(0) is 0.5 and normalCdf matches the normal table", () => {
    expect(logistic(0)).toBe(0.5);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  });
  it("resolveParameters takes the scenario's point value (triangular mode) over the code default", () => {
    const p = resolveParameters({
      parameters: [
        {
          id: "deterrence.gain_sigma",
          unit: "log units",
          distribution: { kind: "triangular", min: 0.4, mode: 0.5, max: 0.9 },
          source: "x",
        },
      ],
    });
    expect(p.get("deterrence.gain_sigma")?.value).toBe(0.5);
    expect(p.get("deterrence.gain_sigma")?.origin).toBe("scenario");
    expect(p.get("deterrence.beta.bindingness")?.origin).toBe("default");
  });
  it("every parameter is either sourced or flagged as a judgement, with a unit", () => {
    for (const d of DETERRENCE_PARAMETERS) {
      expect(d.unit.length).toBeGreaterThan(0);
      expect(d.source.length).toBeGreaterThan(0);
      if (d.source.startsWith("judgement")) expect(d.judgement).toBe(true);
    }
  });
});

describe("estimateFromAttributes: hand-computed examples", () => {
  it("no commitment: only the protected state's own forces, E = 0.07 × 9 = 0.63, P = Φ(ln 0.63 / 0.6) = 0.221", () => {
    const d = estimate(BARE);
    expect(d.terms).toEqual([]);
    expect(d.expectedCost).toBeCloseTo(0.63, 12);
    expect(d.probability).toBeCloseTo(normalCdf(Math.log(0.63) / 0.6), 12);
    expect(d.probability).toBeCloseTo(0.221, 3);
  });

  it("a declaration (B 0.2): sanctions at 48 h, z = 0.5 + 3·0.2 − 0.5·ln 3 = 0.5507, P 0.6343, E 0.7251, P(deterred) 0.2961", () => {
    const d = estimate({ ...BARE, bindingness: 0.2 });
    expect(d.terms.map((t) => t.step)).toEqual(["sanctions"]);
    const s = d.terms[0]!;
    expect(s.hours).toBe(48);
    const z =
      s.logit.intercept + s.logit.bindingness + s.logit.forcesInPlace + s.logit.usInvolvement + s.logit.delay;
    expect(z).toBeCloseTo(0.5506939, 6);
    expect(s.probability).toBeCloseTo(0.6342966, 6);
    expect(s.contribution).toBeCloseTo(0.0951445, 6);
    expect(d.expectedCost).toBeCloseTo(0.7251445, 6);
    expect(d.probability).toBeCloseTo(0.2961035, 5);
  });

  it("an Article-5-like treaty with a reassurance force in place: direct defence at 0 h, E 2.0802, P(deterred) 0.8889", () => {
    // z_sanctions = 0.5 + 2.4 + 2.5·0.6 − 0.5·ln 3 = 3.8507; z_airlift = −2 + 2.4 + 1.5 − 0.5·ln(1 + 52/24) = 1.3237;
    // z_direct = −3 + 2.4 + 1.5 = 0.9; E = 0.63 + 0.15·σ(3.8507) + 0.3·σ(1.3237) + 1.5·σ(0.9).
    const a: MechanismAttributes = {
      ...BARE,
      bindingness: 0.8,
      groundMission: "reassurance",
      troopsInProtectedState: true,
    };
    const d = estimate(a);
    expect(d.terms.map((t) => [t.step, t.hours])).toEqual([
      ["sanctions", 48],
      ["airlift_reinforcement", 52],
      ["direct_defence", 0],
    ]);
    expect(d.terms.map((t) => t.probability)).toEqual([
      expect.closeTo(0.9791778, 6),
      expect.closeTo(0.78979, 6),
      expect.closeTo(0.7109495, 6),
    ]);
    expect(d.expectedCost).toBeCloseTo(2.0802379, 6);
    expect(d.probability).toBeCloseTo(0.8889198, 5);
    expect(d.drivers[0]).toMatch(/^direct defence/);
  });

  it("the same treaty covering only guarantor forces: every P is scaled by the reassurance exposure 0.5, P(deterred) 0.6937", () => {
    const a: MechanismAttributes = {
      ...BARE,
      bindingness: 0.8,
      groundMission: "reassurance",
      troopsInProtectedState: true,
      scope: "guarantor_forces",
    };
    const d = estimate(a);
    expect(d.factors.trigger).toBe(0.5);
    expect(d.expectedCost).toBeCloseTo(1.355119, 6);
    expect(d.probability).toBeCloseTo(0.6937409, 5);
    expect(d.drivers[0]).toMatch(/^trigger/);
  });

  it("the attacker as a guarantor with a veto blocks 80% of every response: each P is a fifth of what it was", () => {
    const a = { ...BARE, bindingness: 0.8, consultationHours: 72, capStations: 2, usAirSupport: true };
    const free = estimate(a);
    const vetoed = estimate({ ...a, adversaryGuarantor: true });
    expect(vetoed.factors.vetoBlock).toBe(0.8);
    expect(vetoed.factors.trigger).toBeCloseTo(0.2, 12);
    expect(vetoed.terms.map((t) => t.probability)).toEqual(
      free.terms.map((t) => expect.closeTo(t.probability * 0.2, 12)),
    );
    expect(vetoed.probability).toBeLessThan(free.probability);
    expect(vetoed.drivers[0]).toMatch(/^veto: the attacker is itself a guarantor/);
  });

  it("a guarantee on guarantor forces with none in place is never triggered", () => {
    const d = estimate({ ...BARE, bindingness: 0.8, scope: "guarantor_forces", capStations: 2 });
    expect(d.factors.trigger).toBe(0);
    expect(d.terms.every((t) => t.probability === 0)).toBe(true);
    expect(d.expectedCost).toBeCloseTo(0.63, 12);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Monotonicity: more binding, faster, more forces in place or more US involvement never lowers deterrence.

const MISSION_ORDER: GroundMission[] = [
  "none",
  "observation",
  "reassurance",
  "interposition",
  "tripwire",
  "defence",
];

const attrsArb: fc.Arbitrary<MechanismAttributes> = fc.record({
  bindingness: fc.double({ min: 0, max: 1, noNaN: true }),
  consultationHours: fc.constantFrom(0, 24, 72, 168),
  scope: fc.constantFrom<Scope>("recognised_territory", "controlled_territory", "guarantor_forces"),
  groundMission: fc.constantFrom(...MISSION_ORDER),
  troopsInProtectedState: fc.boolean(),
  usGroundTroops: fc.boolean(),
  usCommand: fc.boolean(),
  capStations: fc.integer({ min: 0, max: 6 }),
  airPolicing: fc.boolean(),
  aircraftInProtectedState: fc.boolean(),
  usAirSupport: fc.boolean(),
  usIsr: fc.boolean(),
  adCrewsInProtectedState: fc.boolean(),
  usEnablers: fc.boolean(),
  weaponsUsdBnPerYear: fc.double({ min: 0, max: 80, noNaN: true }),
  ukraineForceK: fc.double({ min: 0, max: 1200, noNaN: true }),
  adversaryGuarantor: fc.boolean(),
});

/** Random coefficients that keep the model's signs: positive betas and costs; intercepts anywhere. */
const paramsArb = fc
  .record({
    b: fc.double({ min: 0, max: 6, noNaN: true }),
    f: fc.double({ min: 0, max: 6, noNaN: true }),
    u: fc.double({ min: 0, max: 6, noNaN: true }),
    d: fc.double({ min: 0, max: 2, noNaN: true }),
    i: fc.array(fc.double({ min: -5, max: 3, noNaN: true }), { minLength: 5, maxLength: 5 }),
    sigma: fc.double({ min: 0.1, max: 2, noNaN: true }),
    direct: fc.double({ min: 0, max: 4, noNaN: true }),
  })
  .map((r) =>
    resolveParameters(
      { parameters: [] },
      {
        overrides: {
          "deterrence.beta.bindingness": r.b,
          "deterrence.beta.forces_in_place": r.f,
          "deterrence.beta.us_involvement": r.u,
          "deterrence.beta.delay": r.d,
          "deterrence.intercept.sanctions": r.i[0]!,
          "deterrence.intercept.weapons_surge": r.i[1]!,
          "deterrence.intercept.air_support": r.i[2]!,
          "deterrence.intercept.airlift_reinforcement": r.i[3]!,
          "deterrence.intercept.direct_defence": r.i[4]!,
          "deterrence.gain_sigma": r.sigma,
          "deterrence.cost.direct_defence": r.direct,
        },
      },
    ),
  );

const timingsArb = fc.record({
  airResponseHours: fc.double({ min: 0.1, max: 12, noNaN: true }),
  airliftHours: fc.double({ min: 1, max: 400, noNaN: true }),
});

/** Never lower, allowing for floating-point rounding. */
const notLower = (after: number, before: number) => after >= before - 1e-12;

describe("estimateFromAttributes: monotonicity (fast-check)", () => {
  it("raising bindingness never lowers P(deterred)", () => {
    fc.assert(
      fc.property(
        attrsArb,
        paramsArb,
        timingsArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, p, t, extra) => {
          const more = { ...a, bindingness: Math.min(1, a.bindingness + extra) };
          return notLower(estimate(more, p, t).probability, estimate(a, p, t).probability);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("faster consultations, air response or airlift never lower P(deterred)", () => {
    fc.assert(
      fc.property(
        attrsArb,
        paramsArb,
        timingsArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, p, t, k1, k2) => {
          const faster = { ...a, consultationHours: Math.round(a.consultationHours * k1) };
          const fasterT = { airResponseHours: t.airResponseHours * k2, airliftHours: t.airliftHours * k2 };
          const base = estimate(a, p, t).probability;
          return (
            notLower(estimate(faster, p, t).probability, base) &&
            notLower(estimate(a, p, fasterT).probability, base)
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("more forces in place (a stronger ground mission, aircraft or air-defence crews on the soil) never lowers P(deterred)", () => {
    fc.assert(
      fc.property(attrsArb, paramsArb, timingsArb, fc.integer({ min: 0, max: 5 }), (a, p, t, step) => {
        const k = MISSION_ORDER.indexOf(a.groundMission);
        const stronger = { ...a, groundMission: MISSION_ORDER[Math.min(5, k + step)]! };
        const withAir = { ...a, aircraftInProtectedState: true };
        const withAd = { ...a, adCrewsInProtectedState: true };
        const base = estimate(a, p, t).probability;
        return (
          notLower(estimate(stronger, p, t).probability, base) &&
          notLower(estimate(withAir, p, t).probability, base) &&
          notLower(estimate(withAd, p, t).probability, base)
        );
      }),
      { numRuns: 500 },
    );
  });

  it("making the attacker a guarantor with a veto never raises P(deterred)", () => {
    fc.assert(
      fc.property(attrsArb, paramsArb, timingsArb, (a, p, t) => {
        const vetoed = { ...a, adversaryGuarantor: true };
        return notLower(estimate(a, p, t).probability, estimate(vetoed, p, t).probability);
      }),
      { numRuns: 300 },
    );
  });

  it("more US involvement never lowers P(deterred)", () => {
    fc.assert(
      fc.property(
        attrsArb,
        paramsArb,
        timingsArb,
        fc.constantFrom("usGroundTroops", "usCommand", "usAirSupport", "usIsr", "usEnablers"),
        (a, p, t, flag) =>
          notLower(estimate({ ...a, [flag]: true }, p, t).probability, estimate(a, p, t).probability),
      ),
      { numRuns: 500 },
    );
  });

  it("every P_k stays in [0, 1] and every contribution is P_k × C_k", () => {
    fc.assert(
      fc.property(attrsArb, paramsArb, timingsArb, (a, p, t) =>
        estimate(a, p, t).terms.every(
          (x) =>
            x.probability >= 0 &&
            x.probability <= 1 &&
            Math.abs(x.contribution - x.probability * x.cost) < 1e-12,
        ),
      ),
      { numRuns: 300 },
    );
  });
});
