import { beforeAll, describe, expect, it } from "vitest";
import { generateCoalitionProblem } from "../../scripts/coalition-problem.js";
import { loadHighsSolver } from "../../src/adapters/highs.js";
import { coalitionViolations } from "../../src/coalition/check.js";
import type { MilpSolver } from "../../src/coalition/milp.js";
import { type CoalitionProblem, CoalitionProblem as ProblemSchema } from "../../src/coalition/problem.js";
import { solveCoalition } from "../../src/coalition/solve.js";
import { TEST_SOLVER_LIMITS } from "../helpers.js";

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver(TEST_SOLVER_LIMITS);
});

/** The issue's example problem. */
const ISSUE_EXAMPLE: CoalitionProblem = ProblemSchema.parse({
  requirements: { troops: 20000, fighters: 24 },
  contributors: [
    {
      id: "GBR",
      capacity: { troops: 7500, fighters: 12 },
      unitCost: { troops: 0.4, fighters: 9 },
      fixedCost: 5,
      conditions: [{ kind: "requires", actor: "USA", capability: "fighters", min: 1 }],
    },
    {
      id: "USA",
      capacity: { fighters: 40 },
      unitCost: { fighters: 10 },
      conditions: [{ kind: "maxShare", capability: "fighters", share: 0.5 }],
    },
  ],
  objective: "min-cost",
});

describe("solveCoalition on the issue's example", () => {
  it("solveCoalition(issue example, min-cost) sends all 7,500 British troops, splits the fighters 12/12, and leaves 12,500 troops missing", () => {
    const r = solveCoalition(ISSUE_EXAMPLE, solver);
    // Fighters: USA may give at most 0.5 × 24 = 12; GBR's 12 are cheaper (9 < 10), so GBR 12 + USA 12.
    // GBR takes part (it holds the only troops), so its backstop needs ≥ 1 US fighter: met by USA's 12.
    // Cost: GBR 7500 × 0.4 + 12 × 9 + 5 = 3113; USA 12 × 10 = 120; total 3233.
    expect(r.status).toBe("gaps");
    expect(r.allocation).toEqual({ GBR: { troops: 7500, fighters: 12 }, USA: { fighters: 12 } });
    expect(r.gaps).toEqual({ troops: 12500 });
    expect(r.totalCost).toBeCloseTo(3233, 9);
    expect(r.costByContributor).toEqual({ GBR: 3113, USA: 120 });
    expect(coalitionViolations(ISSUE_EXAMPLE, r)).toEqual([]);
    expect(r.blocking.troops?.reasons.map((x) => x.kind)).toEqual(["capacity"]);
    expect(r.blocking.troops?.reasons[0]?.text).toContain("7500 troops, 12500 short of the 20000 required");
  });

  it("solveCoalition(issue example without the US fighter backstop's provider) keeps Britain out and reports the backstop as the cause", () => {
    const noUsFighters: CoalitionProblem = {
      ...ISSUE_EXAMPLE,
      contributors: [
        ISSUE_EXAMPLE.contributors[0]!,
        {
          ...ISSUE_EXAMPLE.contributors[1]!,
          conditions: [
            { kind: "never", capability: "fighters", id: "no-us-air", note: "scheme excludes USA" },
          ],
        },
      ],
    };
    const r = solveCoalition(noUsFighters, solver);
    expect(r.allocation).toEqual({});
    expect(r.gaps).toEqual({ troops: 20000, fighters: 24 });
    expect(r.eligible).toEqual([]);
    const fighters = r.blocking.fighters!;
    expect(fighters.missing).toBe(24);
    // Setting USA's "never" aside alone releases 12 (its maxShare) + GBR's 12: the requirement is met.
    const usa = fighters.reasons.find((x) => x.contributor === "USA")!;
    expect(usa).toMatchObject({
      kind: "condition",
      conditionId: "no-us-air",
      unitsWithheld: 24,
      closesGap: true,
    });
    // Setting GBR's backstop aside releases GBR's 12 only.
    const gbr = fighters.reasons.find((x) => x.contributor === "GBR")!;
    expect(gbr).toMatchObject({ kind: "condition", unitsWithheld: 12, closesGap: false });
    expect(gbr.text).toBe(
      "GBR takes part only if USA provides ≥ 1 fighters, but USA can provide at most 0 fighters (USA provides no fighters (no-us-air: scheme excludes USA)): it withholds 12 fighters; without it 12 would still be missing",
    );
    expect(r.blocking.troops!.reasons.map((x) => [x.kind, x.contributor, x.unitsWithheld])).toEqual([
      ["capacity", undefined, 12500],
      ["condition", "GBR", 7500],
      ["condition", "USA", 7500],
    ]);
  });
});

describe("solveCoalition objectives on hand-computed problems", () => {
  const base = {
    requirements: { orbits: 4 },
    contributors: [
      { id: "BIG", capacity: { orbits: 4 }, unitCost: { orbits: 10 }, fixedCost: 0, gdp: 3, conditions: [] },
      {
        id: "SMALL",
        capacity: { orbits: 4 },
        unitCost: { orbits: 5 },
        fixedCost: 12,
        gdp: 1,
        conditions: [],
      },
    ],
  };

  it("solveCoalition(min-cost) pays SMALL's fixed cost once its unit savings cover it", () => {
    // SMALL alone: 4 × 5 + 12 = 32; BIG alone: 40; mixed k SMALL: 10(4−k) + 5k + 12 ≥ 32.
    const r = solveCoalition(ProblemSchema.parse({ ...base, objective: "min-cost" }), solver);
    expect(r.allocation).toEqual({ SMALL: { orbits: 4 } });
    expect(r.totalCost).toBe(32);
  });

  it("solveCoalition(fewest) uses one contributor, the cheaper one", () => {
    const r = solveCoalition(ProblemSchema.parse({ ...base, objective: "fewest" }), solver);
    expect(r.participants).toEqual(["SMALL"]);
    expect(r.totalCost).toBe(32);
  });

  it("solveCoalition(fair) brings cost shares closest to GDP shares (3/4, 1/4)", () => {
    // BIG k units, SMALL 4 − k (> 0): BIG pays 10k, SMALL 5(4 − k) + 12. k = 3: 30 vs 17, share 30/47 = 0.638,
    // gap 0.112; k = 4 (SMALL out): share 1, gap 0.25; k = 2: 20 vs 22, 0.455, gap 0.295. Best k = 3.
    const r = solveCoalition(ProblemSchema.parse({ ...base, objective: "fair" }), solver);
    expect(r.allocation).toEqual({ BIG: { orbits: 3 }, SMALL: { orbits: 1 } });
    expect(r.unfairness).toBeCloseTo(0.75 - 30 / 47, 9);
    expect(r.gdpShare).toEqual({ BIG: 0.75, SMALL: 0.25 });
  });

  it("solveCoalition(fair) refuses a problem whose eligible contributors lack a GDP", () => {
    const p = ProblemSchema.parse({ ...base, contributors: [{ ...base.contributors[0]!, gdp: undefined }] });
    expect(() => solveCoalition(p, solver, { objective: "fair" })).toThrow(/GDP .* missing: BIG/);
  });

  it("solveCoalition(requires chain) drops a contributor whose backstop is itself blocked", () => {
    const p = ProblemSchema.parse({
      requirements: { troops: 10, isr: 1 },
      contributors: [
        {
          id: "A",
          capacity: { troops: 10 },
          unitCost: { troops: 1 },
          conditions: [{ kind: "requires", actor: "B", capability: "isr", min: 1 }],
        },
        {
          id: "B",
          capacity: { isr: 1 },
          unitCost: { isr: 1 },
          conditions: [{ kind: "requires", actor: "C", capability: "isr", min: 1 }],
        },
        { id: "C", capacity: { isr: 0 }, unitCost: {}, conditions: [] },
      ],
    });
    const r = solveCoalition(p, solver);
    expect(r.gaps).toEqual({ troops: 10, isr: 1 });
    expect(r.blocking.troops!.reasons[0]!.text).toContain("but B cannot take part itself");
  });
});

describe("solveCoalition when a limit stops the solver", () => {
  /** HiGHS behind a wrapper that reports every solve as stopped by its time limit, keeping the incumbent (or
   *  none) and stating a bound below it. */
  const stoppedSolver = (keep: boolean): MilpSolver => ({
    name: "stopped",
    solve(model) {
      const r = solver.solve(model);
      return {
        status: "time-limit",
        objective: keep ? r.objective : Number.NaN,
        values: keep ? r.values : new Float64Array(0),
        bound: r.objective - 1,
        detail: "the time limit of 1 s was reached",
      };
    },
  });
  const problem = generated();

  it("solveCoalition(min-cost, MILP stopped with an incumbent) returns it, never as optimal: the stage, the value, the solver's bound and the gap", () => {
    const r = solveCoalition(problem, stoppedSolver(true), { method: "milp" });
    const exact = solveCoalition(problem, solver);
    expect(coalitionViolations(problem, r)).toEqual([]);
    expect(r.proof.optimal).toBe(false);
    expect(r.proof.stage).toBe("cost");
    expect(r.proof.reason).toBe("time-limit");
    expect(r.proof.value).toBeCloseTo(exact.totalCost, 6);
    expect(r.proof.bound).toBeCloseTo(exact.totalCost - 1, 6);
    expect(r.proof.gap).toBeCloseTo(1 / exact.totalCost, 9);
  });

  it("solveCoalition(min-cost, exact stopped at its node budget, MILP stopped with nothing) falls back on the branch-and-bound's allocation, unproven, with the better of the two bounds", () => {
    const r = solveCoalition(problem, stoppedSolver(false), { maxNodes: 1 });
    expect(coalitionViolations(problem, r)).toEqual([]);
    expect(r.proof.optimal).toBe(false);
    expect(r.proof.stage).toBe("cost");
    expect(r.proof.bound!).toBeLessThanOrEqual(r.totalCost);
    expect(r.proof.value).toBe(r.totalCost);
  });

  it("solveCoalition(fewest, stopped) says which stage stopped and bounds the participants with a whole number", () => {
    const r = solveCoalition(problem, stoppedSolver(true), { objective: "fewest", method: "milp" });
    expect(r.proof.optimal).toBe(false);
    expect(r.proof.stage).toBe("participants");
    expect(Number.isInteger(r.proof.bound)).toBe(true);
    expect(r.proof.value).toBe(r.participants.length);
  });

  it("solveCoalition(fair, a Dinkelbach step stopped) reports the unfairness reached and a bound on it from the step's bound", () => {
    const r = solveCoalition({ ...problem, objective: "fair" }, stoppedSolver(true), { objective: "fair" });
    expect(coalitionViolations(problem, r)).toEqual([]);
    expect(r.proof.optimal).toBe(false);
    expect(r.proof.stage).toMatch(/unfairness|cost/);
    if (r.proof.stage === "unfairness") {
      expect(r.proof.value).toBeCloseTo(r.unfairness!, 9);
      expect(r.proof.bound!).toBeGreaterThanOrEqual(0);
      expect(r.proof.bound!).toBeLessThanOrEqual(r.unfairness!);
    }
  });

  it("solveCoalition(fair and fewest) on a generated problem of 1,000 contributors × 8 capabilities under a 2 s limit answers with a feasible allocation and a clear proof record, never a crash", async () => {
    const big = await loadHighsSolver({ timeLimitSeconds: 2 });
    for (const objective of ["fair", "fewest"] as const) {
      const problem = generateCoalitionProblem({ contributors: 1000, seed: 1, objective });
      const r = solveCoalition(problem, big, { objective });
      expect(coalitionViolations(problem, r)).toEqual([]);
      expect(r.participants.length).toBeGreaterThan(0);
      if (!r.proof.optimal) {
        expect(r.proof.reason).toBe("time-limit");
        expect(r.proof.stage).toBeTruthy();
        expect(r.proof.bound!).toBeLessThanOrEqual(r.proof.value!);
      }
    }
  }, 120_000);

  it("solveCoalition(min-cost, the MILP alone, stopped with nothing and no start) throws: there is no allocation to give", () => {
    expect(() => solveCoalition(problem, stoppedSolver(false), { method: "milp" })).toThrow(/stopped/);
  });
});

/** A small generated problem (scripts/coalition-problem.ts) with GDPs for the fair objective. */
function generated(): CoalitionProblem {
  return generateCoalitionProblem({ contributors: 10, capabilities: 3, seed: 5 });
}
