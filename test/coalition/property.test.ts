import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadHighsSolver } from "../../src/adapters/highs.js";
import { coalitionViolations } from "../../src/coalition/check.js";
import type { MilpSolver } from "../../src/coalition/milp.js";
import type {
  CoalitionCondition,
  CoalitionObjective,
  CoalitionProblem,
} from "../../src/coalition/problem.js";
import { solveCoalition } from "../../src/coalition/solve.js";
import { bruteForce } from "./brute-force.js";

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
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

function check(objective: CoalitionObjective, numRuns: number) {
  fc.assert(
    fc.property(problemArb, (problem) => {
      const result = solveCoalition(problem, solver, { objective });
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
});
