import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadHighsSolver } from "../../src/adapters/highs.js";
import { coalitionViolations } from "../../src/coalition/check.js";
import { coverOfSize, exactCoalition, fewestInStages } from "../../src/coalition/exact.js";
import type { MilpSolver } from "../../src/coalition/milp.js";
import { prepareProblem, willingCapacity } from "../../src/coalition/prepare.js";
import type {
  CoalitionCondition,
  CoalitionObjective,
  CoalitionProblem,
} from "../../src/coalition/problem.js";
import { fairLowerBound, solveCoalition } from "../../src/coalition/solve.js";
import { TEST_SOLVER_LIMITS } from "../helpers.js";
import { bruteForce } from "./brute-force.js";

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver(TEST_SOLVER_LIMITS);
});

const IDS = ["A", "B", "C", "D"];
const CAPS = ["a", "b", "c"];
/** Most allocations the brute force enumerates per problem (product of capacity + 1 over all cells). */
const MAX_ALLOCATIONS = 1500;

const conditionArb = (nC: number, nK: number): fc.Arbitrary<CoalitionCondition> =>
  fc.oneof(
    fc.record({
      kind: fc.constant("requires" as const),
      actor: fc.constantFrom(...IDS.slice(0, nC)),
      capability: fc.constantFrom(...CAPS.slice(0, nK)),
      min: fc.integer({ min: 1, max: 2 }),
    }),
    fc.record({
      kind: fc.constant("maxShare" as const),
      capability: fc.constantFrom(...CAPS.slice(0, nK)),
      share: fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
    }),
    fc.record(
      { kind: fc.constant("never" as const), capability: fc.constantFrom(...CAPS.slice(0, nK)) },
      { requiredKeys: ["kind"] },
    ),
  );

const problemArb: fc.Arbitrary<CoalitionProblem> = fc
  .record({ nC: fc.integer({ min: 2, max: 4 }), nK: fc.integer({ min: 1, max: 3 }) })
  .chain(({ nC, nK }) =>
    fc.record({
      requirements: fc.tuple(...CAPS.slice(0, nK).map(() => fc.constantFrom(0, 1, 2, 3, 4, 2.5))),
      contributors: fc.tuple(
        ...IDS.slice(0, nC).map((id) =>
          fc.record({
            id: fc.constant(id),
            capacity: fc.tuple(...CAPS.slice(0, nK).map(() => fc.constantFrom(0, 0, 1, 2, 3))),
            unitCost: fc.tuple(...CAPS.slice(0, nK).map(() => fc.integer({ min: 1, max: 5 }))),
            fixedCost: fc.integer({ min: 0, max: 6 }),
            gdp: fc.integer({ min: 1, max: 10 }),
            conditions: fc.array(conditionArb(nC, nK), { maxLength: 2 }),
          }),
        ),
      ),
    }),
  )
  .map(({ requirements, contributors }) => ({
    requirements: Object.fromEntries(requirements.map((r, k) => [CAPS[k]!, r])),
    contributors: contributors.map((c) => ({
      id: c.id,
      capacity: Object.fromEntries(c.capacity.map((u, k) => [CAPS[k]!, u])),
      unitCost: Object.fromEntries(c.unitCost.map((u, k) => [CAPS[k]!, u])),
      fixedCost: c.fixedCost,
      gdp: c.gdp,
      conditions: c.conditions,
    })),
    objective: "min-cost" as const,
  }))
  .filter(
    (p) =>
      p.contributors.reduce(
        (n, c) => n * Object.values(c.capacity).reduce((m: number, u) => m * (u + 1), 1),
        1,
      ) <= MAX_ALLOCATIONS,
  );

function check(objective: CoalitionObjective, numRuns: number, method: "auto" | "milp" = "auto") {
  fc.assert(
    fc.property(problemArb, (problem) => {
      const result = solveCoalition(problem, solver, { objective, method });
      expect(coalitionViolations(problem, result)).toEqual([]);
      const best = bruteForce(problem, objective);
      const gapUnits = Object.values(result.gaps).reduce((s, g) => s + g, 0);
      expect(gapUnits).toBe(best.gapUnits);
      expect(result.eligible).toEqual(best.eligible);
      if (objective === "fewest") expect(result.participants.length).toBe(best.participants);
      if (objective === "fair") expect(result.unfairness).toBeCloseTo(best.unfairness, 6);
      expect(result.totalCost).toBeCloseTo(best.cost, 6);
    }),
    { numRuns, seed: 20250820 },
  );
}

describe("solveCoalition against brute force on small random problems", () => {
  it("solveCoalition(min-cost) has the fewest missing units, then the least cost, and keeps every rule", () => {
    check("min-cost", 2000);
  }, 120_000);
  it("solveCoalition(fewest) has the fewest missing units, then the fewest contributors, then the least cost", () => {
    check("fewest", 1500);
  }, 120_000);
  it("solveCoalition(fair) has the fewest missing units, then the smallest cost/GDP share gap, then the least cost", () => {
    check("fair", 1500);
  }, 120_000);
  it("solveCoalition(min-cost and fewest) by the MILP alone agrees with brute force too", () => {
    check("min-cost", 400, "milp");
    check("fewest", 300, "milp");
  }, 120_000);
});

/** Medium random problems, too big to enumerate: the exact branch-and-bound against HiGHS. */
const mediumArb = fc.integer({ min: 1, max: 1_000_000 }).map((seed) => {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const n = int(8, 30);
  const caps = ["a", "b", "c", "d", "e"].slice(0, int(2, 5));
  const ids = Array.from({ length: n }, (_, i) => `C${i}`);
  return {
    requirements: Object.fromEntries(caps.map((k) => [k, int(0, 40)])),
    contributors: ids.map((id) => ({
      id,
      capacity: Object.fromEntries(caps.map((k) => [k, rnd() < 0.3 ? 0 : int(0, 12)])),
      unitCost: Object.fromEntries(caps.map((k) => [k, int(1, 20)])),
      fixedCost: int(0, 40),
      conditions: [
        ...(rnd() < 0.2
          ? [
              {
                kind: "requires" as const,
                actor: ids[int(0, n - 1)]!,
                capability: caps[int(0, caps.length - 1)]!,
                min: int(1, 3),
              },
            ]
          : []),
        ...(rnd() < 0.2
          ? [{ kind: "maxShare" as const, capability: caps[int(0, caps.length - 1)]!, share: 0.5 }]
          : []),
        ...(rnd() < 0.1 ? [{ kind: "never" as const, capability: caps[int(0, caps.length - 1)]! }] : []),
      ],
    })),
    objective: "min-cost" as const,
  } satisfies CoalitionProblem;
});

describe("the exact method against HiGHS on medium problems", () => {
  it("property: exactCoalition and the MILP find the same least cost (min-cost) and the same fewest contributors then cost (fewest)", () => {
    fc.assert(
      fc.property(mediumArb, (problem) => {
        for (const objective of ["min-cost", "fewest"] as const) {
          const exact = solveCoalition(problem, solver, { objective });
          const milp = solveCoalition(problem, solver, { objective, method: "milp" });
          expect(coalitionViolations(problem, exact)).toEqual([]);
          expect(exact.gaps).toEqual(milp.gaps);
          if (objective === "fewest") expect(exact.participants.length).toBe(milp.participants.length);
          expect(exact.totalCost).toBeCloseTo(milp.totalCost, 6);
        }
      }),
      { numRuns: 80, seed: 7 },
    );
  }, 120_000);
});

describe("the exact method at its node budget", () => {
  it("property: stopped after a few nodes, it returns a feasible allocation marked unproven with a bound at or below the optimum, and solveCoalition hands it to the MILP, which still finds the optimum", () => {
    fc.assert(
      fc.property(mediumArb, (problem) => {
        for (const objective of ["min-cost", "fewest"] as const) {
          const best = solveCoalition(problem, solver, { objective, method: "milp" });
          const p = prepareProblem(problem);
          const { ub, eligible, gaps } = willingCapacity(p);
          const cover = p.caps.map((_, k) => Math.max(0, p.required[k]! - gaps[k]!));
          const stopped = solveCoalition(problem, solver, { objective, maxNodes: 2 });
          expect(coalitionViolations(problem, stopped)).toEqual([]);
          expect(stopped.proof.optimal).toBe(true);
          expect(stopped.totalCost).toBeCloseTo(best.totalCost, 6);
          if (objective === "fewest") expect(stopped.participants.length).toBe(best.participants.length);
          const raw = exactCoalition(p, ub, eligible, cover, { objective, maxNodes: 2 });
          if (!raw) continue;
          if (objective === "min-cost") expect(raw.bound).toBeLessThanOrEqual(best.totalCost + 1e-6);
          else expect(raw.bound).toBeLessThanOrEqual(best.participants.length);
          if (raw.proven) expect(raw.total).toBeCloseTo(best.totalCost, 6);
        }
      }),
      { numRuns: 60, seed: 11 },
    );
  }, 120_000);
});

/** The two-stage `fewest` search, run directly (solveCoalition only reaches it when the one-search form runs
 *  out of budget), with arbitrary surrogate weights: any w ≥ 0 must give a valid bound. */
function staged(problem: CoalitionProblem, weights: number[][]) {
  const p = prepareProblem(problem);
  const { ub, eligible, gaps } = willingCapacity(p);
  const cover = p.caps.map((_, k) => Math.max(0, p.required[k]! - gaps[k]!));
  const w = weights.map((row) => p.caps.map((_, k) => row[k % row.length]!));
  return { p, ub, eligible, cover, r: fewestInStages(p, ub, eligible, cover, { countWeights: w }) };
}
const weightsArb = fc.array(
  fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 1, maxLength: 5 }),
  {
    maxLength: 2,
  },
);

describe("the two-stage fewest search", () => {
  it("property: against brute force, it proves the fewest contributors and then the least cost, whatever the surrogate weights", () => {
    fc.assert(
      fc.property(problemArb, weightsArb, (problem, weights) => {
        const { r } = staged(problem, weights);
        const best = bruteForce(problem, "fewest");
        expect(r).toBeDefined();
        expect(r!.proven).toBe(true);
        expect(r!.participants).toBe(best.participants);
        expect(r!.total).toBeCloseTo(best.cost, 6);
      }),
      { numRuns: 800, seed: 31 },
    );
  }, 120_000);
  it("property: against HiGHS on medium problems, the same fewest contributors and least cost; a cover found by the local search is a real cover of that size", () => {
    fc.assert(
      fc.property(mediumArb, weightsArb, (problem, weights) => {
        const { p, ub, eligible, cover, r } = staged(problem, weights);
        const milp = solveCoalition(problem, solver, { objective: "fewest", method: "milp" });
        expect(r).toBeDefined();
        expect(r!.proven).toBe(true);
        expect(r!.participants).toBe(milp.participants.length);
        expect(r!.total).toBeCloseTo(milp.totalCost, 6);
        const found = coverOfSize(p, ub, eligible, cover, r!.participants, 1e7).set;
        if (found) {
          expect(found.length).toBe(r!.participants);
          cover.forEach((need, k) => {
            expect(found.reduce((s, c) => s + ub[c]![k]!, 0)).toBeGreaterThanOrEqual(need);
          });
        }
      }),
      { numRuns: 40, seed: 5 },
    );
  }, 120_000);
});

describe("the fair bound", () => {
  it("property: against brute force, the relaxation's bound never exceeds the least unfairness", () => {
    let bounded = 0;
    fc.assert(
      fc.property(problemArb, (problem) => {
        const lower = fairLowerBound(problem);
        if (lower === undefined) return;
        if (lower > 0) bounded++;
        expect(lower).toBeLessThanOrEqual(bruteForce(problem, "fair").unfairness + 1e-12);
      }),
      { numRuns: 1500, seed: 41 },
    );
    // The check means something only if the bound is often above zero.
    expect(bounded).toBeGreaterThan(300);
  }, 120_000);
});
