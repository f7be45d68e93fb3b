import { beforeAll, describe, expect, it } from "vitest";
import { loadHighsSolver } from "../../src/adapters/highs.js";
import type { MilpSolver } from "../../src/coalition/milp.js";
import { coalitionProblemForScheme } from "../../src/coalition/scenario.js";
import { solveCoalition } from "../../src/coalition/solve.js";
import type { CompiledScenario } from "../../src/scenario/compile.js";
import { compileText, TEST_SOLVER_LIMITS } from "../helpers.js";

/** Four actors: the protected state (never a contributor), the USA (a backstop that keeps its fighters out of
 *  the protected state), GBR (needs the US backstop; troops only after a ceasefire), DEU (not a NATO member
 *  here, to test `natoMembers`). */
const FIXTURE = `
id: coalition-test
title: Coalition test
asOf: "2025-08-20"
currency: { code: USD, year: 2024 }
sources:
  - { id: s, kind: judgement, title: Test, date: "2025-01-01" }
theater:
  protectedState: UKR
  territories:
    - { id: all, name: All, include: [{ country: "804" }], source: s }
  contactLine:
    lengthKm: { value: 1000, source: s }
    polyline: [{ lat: 49.7, lon: 37.6 }, { lat: 46.6, lon: 32.6 }]
    source: s
actors:
  - id: UKR
    name: Ukraine
    capabilities: { troops: { value: 800000, source: s } }
  - id: RUS
    name: Russia
  - id: USA
    name: United States
    nato: true
    gdpUsdBn: { value: 29000, source: s }
    capabilities: { fighters: { value: 36, source: s }, droneOrbits: { value: 6.7, source: s } }
    unitCostUsdMPerYear: { fighters: { value: 9, source: s }, droneOrbits: { value: 26, source: s } }
    willingness:
      - { id: no-us-troops, kind: never, capability: troops, source: s }
      - { id: aircraft-outside, kind: outsideProtectedStateOnly, capability: fighters, source: s }
  - id: GBR
    name: United Kingdom
    nato: true
    gdpUsdBn: { value: 3600, source: s }
    fixedCostUsdMPerYear: { value: 50, source: s }
    capabilities: { troops: { value: 20000, source: s }, droneOrbits: { value: 1, source: s } }
    unitCostUsdMPerYear: { troops: { value: 0.5, source: s }, droneOrbits: { value: 26, source: s } }
    willingness:
      - { id: us-backstop, kind: requires, actor: USA, capability: fighters, min: 1, source: s }
      - id: after-ceasefire
        kind: onlyIf
        capability: troops
        when: { attr: ceasefire_first, eq: true }
        source: s
  - id: DEU
    name: Germany
    gdpUsdBn: { value: 4600, source: s }
    capabilities: { troops: { value: 15000, source: s } }
    unitCostUsdMPerYear: { troops: { value: 0.5, source: s } }
    willingness:
      - { id: max-half, kind: maxShare, capability: troops, share: 0.5, source: s }
dimensions:
  - id: air
    attributes:
      aircraft_in_protected_state: { type: boolean, default: false }
    options:
      - id: from_neighbours
      - id: in_ukraine
        attributes: { aircraft_in_protected_state: true }
  - id: sequencing
    attributes:
      ceasefire_first: { type: boolean, default: false }
    options:
      - id: immediate
      - id: ceasefire_first
        attributes: { ceasefire_first: true }
  - id: providers
    options:
      - id: anyone
      - id: europeans
        providers: { fighters: { exclude: [USA] } }
      - id: non_nato
        providers: { troops: { natoMembers: false } }
`;

let c: CompiledScenario;
let solver: MilpSolver;
beforeAll(async () => {
  c = compileText(FIXTURE, "coalition-test.yaml");
  solver = await loadHighsSolver(TEST_SOLVER_LIMITS);
});

const scheme = (air: number, sequencing: number, providers: number) => [air, sequencing, providers];

describe("coalitionProblemForScheme", () => {
  it("coalitionProblemForScheme(anyone, ceasefire first) keeps the unconditional conditions and leaves out UKR and RUS", () => {
    const p = coalitionProblemForScheme(c, scheme(0, 1, 0), { troops: 10000, fighters: 4, droneOrbits: 0 });
    expect(p.requirements).toEqual({ troops: 10000, fighters: 4 });
    expect(p.contributors.map((x) => x.id)).toEqual(["USA", "GBR", "DEU"]);
    const usa = p.contributors[0]!;
    // 6.7 orbits in the ledger: 6 whole orbits.
    expect(usa.capacity).toEqual({ fighters: 36, droneOrbits: 6 });
    expect(usa.gdp).toBe(29000);
    expect(usa.conditions).toEqual([{ kind: "never", capability: "troops", id: "no-us-troops" }]);
    expect(p.contributors[1]!.conditions).toEqual([
      { kind: "requires", actor: "USA", capability: "fighters", min: 1, id: "us-backstop" },
    ]);
    expect(p.contributors[1]!.fixedCost).toBe(50);
    expect(p.contributors[2]!.conditions).toEqual([
      { kind: "maxShare", capability: "troops", share: 0.5, id: "max-half" },
    ]);
    expect(p.costUnit).toBe("USD M/year");
  });

  it("coalitionProblemForScheme(aircraft in Ukraine, immediate) bars US fighters and British troops", () => {
    const p = coalitionProblemForScheme(c, scheme(1, 0, 0), { troops: 10000, fighters: 4 });
    expect(p.contributors[0]!.conditions).toContainEqual({
      kind: "never",
      capability: "fighters",
      id: "aircraft-outside",
      note: "only from outside; scheme sets aircraft_in_protected_state",
    });
    expect(p.contributors[1]!.conditions).toContainEqual({
      kind: "never",
      capability: "troops",
      id: "after-ceasefire",
      note: "its condition on the scheme does not hold",
    });
  });

  it("coalitionProblemForScheme(option restrictions) turns exclude and natoMembers into never conditions", () => {
    const europeans = coalitionProblemForScheme(c, scheme(0, 1, 1), { fighters: 4 });
    expect(europeans.contributors[0]!.conditions).toContainEqual({
      kind: "never",
      capability: "fighters",
      id: "providers.europeans",
      note: "scheme option: excludes USA from fighters",
    });
    const nonNato = coalitionProblemForScheme(c, scheme(0, 1, 2), { troops: 4 });
    const barred = nonNato.contributors.filter((x) =>
      x.conditions.some((w) => w.kind === "never" && w.id === "providers.non_nato"),
    );
    expect(barred.map((x) => x.id)).toEqual(["USA", "GBR"]);
  });

  it("solveCoalition(europeans only) explains that without US fighters Britain stays out and its drone orbit is lost", () => {
    const p = coalitionProblemForScheme(c, scheme(0, 1, 1), { troops: 10000, fighters: 4, droneOrbits: 7 });
    const r = solveCoalition(p, solver);
    // Fighters: only the USA holds any, and the option excludes it. GBR needs a US fighter: it stays out, so
    // its troops and orbit are lost; DEU gives at most half the troops (5,000); USA gives 6 orbits.
    expect(r.gaps).toEqual({ troops: 5000, fighters: 4, droneOrbits: 1 });
    expect(r.allocation).toEqual({ USA: { droneOrbits: 6 }, DEU: { troops: 5000 } });
    const orbit = r.blocking.droneOrbits!;
    expect(orbit.reasons.map((x) => [x.contributor, x.conditionId, x.unitsWithheld, x.closesGap])).toEqual([
      ["USA", "providers.europeans", 1, true],
      ["GBR", "us-backstop", 1, true],
    ]);
    expect(orbit.reasons[1]!.text).toContain(
      "GBR takes part only if USA provides ≥ 1 fighters (us-backstop), but USA can provide at most 0 fighters",
    );
  });
});
