import { describe, expect, it } from "vitest";
import {
  analyzeMechanism,
  buildLadder,
  compareOptions,
  compareSchemes,
  makeDeterrenceEvaluator,
  readMechanismAttributes,
} from "../../src/deterrence/index.js";
import { greatCircleKm } from "../../src/models/index.js";
import { InputError } from "../../src/scenario/diagnostics.js";
import { compileFile, FIXTURE, scheme } from "./helpers.js";

const c = compileFile(FIXTURE);
const TREATY = "commitment=article5_like,scope=controlled,enablers=us_backstop,materiel=steady";
const reassurance = scheme(c, `${TREATY},ground=reassurance,air=cap_pl_ro`);
const airOnly = scheme(c, `${TREATY},ground=none,air=cap_pl_ro`);

describe("buildLadder on the fixture scenario", () => {
  it("reads the reserved attributes with defaults for the undeclared ones", () => {
    const a = readMechanismAttributes(c, reassurance);
    expect(a).toMatchObject({
      bindingness: 0.8,
      consultationHours: 72,
      scope: "controlled_territory",
      capStations: 2,
    });
    expect(a.ukraineForceK).toBe(900);
    expect(a.usGroundTroops).toBe(false);
  });

  it("an Article-5-like treaty with a reassurance force: direct defence at 0 h, the rest after 72 h of consultations (Istanbul 2022)", () => {
    const l = buildLadder(c, reassurance);
    const at = Object.fromEntries(l.steps.map((s) => [s.kind, s.timeHours]));
    expect(at.direct_defence).toBe(0);
    expect(at.consultations).toBe(72);
    expect(at.sanctions).toBe(72 + 48);
    expect(at.weapons_surge).toBe(72 + 168);
    expect(at.airlift_reinforcement).toBe(72 + 48 + 4);
    expect(l.steps.find((s) => s.kind === "airlift_reinforcement")?.completeHours).toBe(72 + 168 + 4);
    expect(l.steps.find((s) => s.kind === "direct_defence")?.inPlace).toBe(true);
    expect(l.trigger).toMatch(/territory the protected state's government controls/);
    for (const s of l.steps) expect(s.trigger.length).toBeGreaterThan(0);
  });

  it("air response from the air model: standing patrol from the nearest of Rzeszów and Kogălniceanu to the worst point of the line at the F-16 dash speed (1000 km/h)", () => {
    const l = buildLadder(c, reassurance);
    // The line's northern end (49.7 N, 37.6 E) is the farthest point; Kogălniceanu is the nearer base to it.
    const km = greatCircleKm({ lat: 44.3622, lon: 28.4883 }, { lat: 49.7, lon: 37.6 });
    expect(l.airResponse?.hours).toBeCloseTo(km / 1000, 6);
    expect(l.airResponse?.detail).toMatch(/LRCK/);
    const policing = buildLadder(c, scheme(c, `${TREATY},ground=none,air=policing_pl_ro`));
    expect(policing.airResponse?.hours).toBeCloseTo(0.25 + km / 1000, 6);
  });

  it("injected timings from the air and logistics models replace the built-in estimates", () => {
    const l = buildLadder(c, airOnly, { timings: { airResponseHours: 2, airliftHours: 30 } });
    const at = Object.fromEntries(l.steps.map((s) => [s.kind, s.timeHours]));
    expect(at.air_support).toBe(74);
    expect(at.airlift_reinforcement).toBe(102);
    // Without forces in place, direct defence begins when the first guarantor forces arrive (the aircraft).
    expect(at.direct_defence).toBe(74);
    expect(l.airResponse?.origin).toBe("injected");
  });

  it("actors: Poland provides no troops on Ukrainian soil, the US never provides troops and flies only when us_air_support", () => {
    const l = buildLadder(c, reassurance);
    const who = Object.fromEntries(l.steps.map((s) => [s.kind, s.actors]));
    expect(who.direct_defence).toEqual(["FRA", "GBR"]);
    expect(who.air_support).toEqual(["FRA", "GBR", "POL", "ROU"]);
    const withUs = buildLadder(c, scheme(c, `${TREATY},ground=reassurance,air=cap_pl_ro_us`));
    expect(withUs.steps.find((s) => s.kind === "air_support")?.actors).toContain("USA");
    expect(l.steps[0]?.actorsBasis).toBe("eligible");
  });

  it("a coalition allocation, when given, names who acts", () => {
    const l = buildLadder(c, reassurance, {
      allocation: { FRA: { troops: 5000, fighters: 12 }, ROU: { fighters: 4 }, USA: { airlift: 10 } },
    });
    const who = Object.fromEntries(l.steps.map((s) => [s.kind, s.actors]));
    expect(who.air_support).toEqual(["FRA", "ROU"]);
    expect(who.direct_defence).toEqual(["FRA"]);
    expect(who.airlift_reinforcement).toEqual(["USA"]);
    expect(who.sanctions).toEqual(["FRA", "ROU", "USA"]);
    expect(l.steps.every((s) => s.actorsBasis === "allocation")).toBe(true);
  });

  it("no commitment and no presence: an empty ladder", () => {
    const l = buildLadder(c, scheme(c, "commitment=none,ground=none,air=none,materiel=none"));
    expect(l.steps).toEqual([]);
  });

  it("a scheme with air support and no airbase outside the protected state is a located input error", () => {
    const noBases = { ...c, scenario: { ...c.scenario, theater: { ...c.scenario.theater, airbases: [] } } };
    expect(() => buildLadder(noBases, airOnly)).toThrow(InputError);
    try {
      buildLadder(noBases, airOnly);
    } catch (e) {
      expect((e as InputError).diagnostics[0]?.path).toEqual(["theater", "airbases"]);
    }
  });
});

describe("compareSchemes: in-place reassurance force against air support from Poland and Romania only", () => {
  const cmp = compareSchemes(c, reassurance, airOnly);

  it("the reassurance force deters more, and the reasons name the terms and factors behind the difference", () => {
    expect(cmp.deterrence.higher).toBe("a");
    expect(cmp.deterrence.a).toBeGreaterThan(cmp.deterrence.b);
    expect(cmp.changed).toEqual([{ dim: "ground", a: "reassurance", b: "none" }]);
    expect(cmp.a.presence).toBe("in_place");
    expect(cmp.b.presence).toBe("over_the_horizon");
    // The largest difference is direct defence: at once by the force in place, against after 72 h + flight.
    expect(cmp.terms[0]?.step).toBe("direct_defence");
    expect(cmp.reasons.some((r) => r.startsWith("forces in place"))).toBe(true);
    expect(cmp.reasons.some((r) => /^direct defence: .*time 0\.0 h → 72\.9 h/.test(r))).toBe(true);
    // Cost from the requirement model: the force in place costs more a year.
    expect(cmp.cost!.a).toBeGreaterThan(cmp.cost!.b);
    expect(cmp.cost!.detail?.a).toMatch(/troops/);
    expect(cmp.notCompared).toEqual(["acceptability: no acceptability evaluator was given"]);
  });

  it("acceptability comes from the evaluator passed in, with the parties that differ", () => {
    const withPolitics = compareSchemes(c, reassurance, airOnly, {
      evaluators: {
        acceptability: (cc, s) => ({
          RUS: readMechanismAttributes(cc, s).troopsInProtectedState
            ? { accepts: false, reasons: ["no NATO-country troops"] }
            : { accepts: true, reasons: [] },
        }),
        costUsdMPerYear: (cc, s) => ({
          value: readMechanismAttributes(cc, s).troopsInProtectedState ? 9000 : 3000,
        }),
      },
    });
    expect(withPolitics.acceptability?.differences).toEqual([
      "RUS: rejects A, accepts B (A: no NATO-country troops)",
    ]);
    expect(withPolitics.cost).toMatchObject({ a: 9000, b: 3000 });
    expect(withPolitics.notCompared).toEqual([]);
  });
});

describe("compareOptions: the scope options against each other", () => {
  it("recognised and controlled territory deter renewed attack equally; guarantor forces only deters least", () => {
    const rows = compareOptions(c, airOnly, "scope");
    const p = Object.fromEntries(rows.map((r) => [r.option, r.deterrence]));
    expect(p.recognised).toBeCloseTo(p.controlled!, 12);
    expect(p.forces_only).toBeLessThan(p.controlled!);
    // With no forces in place, a guarantee on guarantor forces is never triggered by an attack on Ukraine.
    expect(rows.find((r) => r.option === "forces_only")?.report.deterrence.factors.trigger).toBe(0);
  });

  it("with a reassurance force in place, guarantor forces only keeps the exposure share of the responses", () => {
    const rows = compareOptions(c, reassurance, "scope");
    const forcesOnly = rows.find((r) => r.option === "forces_only")!;
    expect(forcesOnly.report.deterrence.factors.trigger).toBe(0.5);
    expect(forcesOnly.deterrence).toBeLessThan(rows.find((r) => r.option === "controlled")!.deterrence);
  });

  it("analyzeMechanism reports the rule a scheme breaks", () => {
    const r = analyzeMechanism(c, scheme(c, "commitment=none,ground=reassurance"));
    expect(r.brokenRule?.id).toBe("no-troops-without-commitment");
  });
});

describe("makeDeterrenceEvaluator", () => {
  it("gives the same P(deterred) and expected cost as analyzeMechanism for every scheme of the fixture", () => {
    const ev = makeDeterrenceEvaluator(c);
    const sizes = c.dims.map((d) => d.options.length);
    const s = sizes.map(() => 0);
    let n = 0;
    for (;;) {
      const fast = ev(s);
      const full = analyzeMechanism(c, s).deterrence;
      expect(fast.probability).toBe(full.probability);
      expect(fast.expectedCost).toBe(full.expectedCost);
      n++;
      let d = 0;
      while (d < s.length && ++s[d]! === sizes[d]!) s[d++] = 0;
      if (d === s.length) break;
    }
    expect(n).toBe(sizes.reduce((a, b) => a * b, 1));
  });
});

describe("presenceOf", () => {
  it("a declaration with no forces anywhere is no presence; air policing from outside is over the horizon", () => {
    expect(analyzeMechanism(c, scheme(c, "commitment=declaration,ground=none,air=none")).presence).toBe(
      "none",
    );
    expect(
      analyzeMechanism(c, scheme(c, "commitment=declaration,ground=none,air=policing_pl_ro")).presence,
    ).toBe("over_the_horizon");
    expect(analyzeMechanism(c, scheme(c, "commitment=declaration,ground=monitors")).presence).toBe(
      "in_place",
    );
  });
});
