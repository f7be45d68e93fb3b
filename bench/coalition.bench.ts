/**
 * Coalition benchmark, in one run:
 * 1. The default scenario's coalition problems (consistent schemes sampled with a fixed seed): the project's
 *    solver as `solveCoalition` runs it (the exact branch-and-bound, and HiGHS where it is needed) against
 *    javascript-lp-solver (a pure-JS branch and bound) and against HiGHS alone on the same problems, with the
 *    median and largest time per problem and how many optima agree. Target: at or below javascript-lp-solver's
 *    median, exact.
 * 2. Generated problems of 50, 200 and 1,000 contributors × 8 capabilities (scripts/coalition-problem.ts,
 *    seed 1), `fewest` and `fair` (and `min-cost`), with HiGHS limited to 10 s: the time, whether the answer
 *    is proven, and when it is not, the stage, the bound and the gap. Target: 200 × 8 within 10 s.
 */

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import jsLpModule, { type SolveResult, type SolverAPI } from "javascript-lp-solver";
import { generateCoalitionProblem } from "../scripts/coalition-problem.js";
import { loadHighsSolver } from "../src/adapters/highs.js";
import {
  type CoalitionObjective,
  type CoalitionProblem,
  coalitionProblemForScheme,
  type MilpModel,
  type MilpSolution,
  type MilpSolver,
  solveCoalition,
} from "../src/coalition/index.js";
import { schemeRequirements } from "../src/models/requirements/index.js";
import { mulberry32 } from "../src/random/index.js";
import { type CompiledScenario, compileScenario, isConsistent } from "../src/scenario/compile.js";
import { CAPABILITIES } from "../src/scenario/schema.js";
import { loadScenario } from "../src/scenario/validate.js";

const SCENARIO = join(dirname(fileURLToPath(import.meta.url)), "..", "scenarios", "ukraine-2025-08.yaml");
/** Schemes sampled from the consistent ones (seeded), and solved once each after a warm-up. */
const SAMPLE_SCHEMES = 150;
/** The fewest and fair objectives can take several solves each (fair: a min-max MILP per Dinkelbach step,
 *  the slowest); they are timed on the first schemes only. */
const SAMPLE_SCHEMES_MULTI_STAGE: Record<CoalitionObjective, number> = {
  "min-cost": SAMPLE_SCHEMES,
  fewest: 60,
  fair: 20,
};
const WARMUP_SOLVES = 10;
const SEED = 20250820;
/** Give up on a javascript-lp-solver solve after this long, and count it as unsolved. */
const JSLP_TIMEOUT_MS = 1000;

/** The package's typings describe a CommonJS module whose `default` is the solver, but its ES build exports the
 *  solver itself as default; accept either shape. */
const jsLp = ((jsLpModule as unknown as { default?: unknown }).default ?? jsLpModule) as SolverAPI;

/** javascript-lp-solver behind the same `MilpSolver` interface: bounds become single-variable constraints. */
function jsLpSolver(): MilpSolver {
  return {
    name: "javascript-lp-solver",
    solve(model: MilpModel): MilpSolution {
      const constraints: Record<string, { min?: number; max?: number }> = {};
      const variables: Record<string, Record<string, number>> = {};
      const ints: Record<string, 1> = {};
      model.variables.forEach((v, j) => {
        variables[`v${j}`] = { [`b${j}`]: 1 };
        constraints[`b${j}`] = {
          ...(Number.isFinite(v.lb) && v.lb !== 0 ? { min: v.lb } : {}),
          ...(Number.isFinite(v.ub) ? { max: v.ub } : {}),
        };
        if (v.integer) ints[`v${j}`] = 1;
      });
      for (const [j, c] of model.objective) variables[`v${j}`]!.obj = (variables[`v${j}`]!.obj ?? 0) + c;
      model.constraints.forEach((row, i) => {
        constraints[`r${i}`] = {
          ...(Number.isFinite(row.lb) ? { min: row.lb } : {}),
          ...(Number.isFinite(row.ub) ? { max: row.ub } : {}),
        };
        for (const [j, c] of row.terms)
          variables[`v${j}`]![`r${i}`] = (variables[`v${j}`]![`r${i}`] ?? 0) + c;
      });
      // Solve is typed `SolveResult | unknown` (the `full` flag changes the shape); without it, a SolveResult.
      const r = jsLp.Solve({
        optimize: "obj",
        opType: model.sense,
        constraints,
        variables,
        ints,
        options: { timeout: JSLP_TIMEOUT_MS, tolerance: 0 },
      }) as SolveResult;
      if (!r.feasible)
        return {
          status: "infeasible",
          objective: Number.NaN,
          values: new Float64Array(0),
          detail: "infeasible",
        };
      const values = new Float64Array(model.variables.length);
      values.forEach((_, j) => {
        const v = r[`v${j}`];
        values[j] = typeof v === "number" ? v : 0;
      });
      return { status: "optimal", objective: r.result, values, detail: "feasible" };
    },
  };
}

function sampleSchemes(c: CompiledScenario, n: number): number[][] {
  const random = mulberry32(SEED);
  const out: number[][] = [];
  for (let tries = 0; out.length < n && tries < n * 1000; tries++) {
    const s = c.dims.map((d) => Math.floor(random() * d.options.length));
    if (isConsistent(c, s)) out.push(s);
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

type Method = "auto" | "milp";

function timeAll(
  problems: CoalitionProblem[],
  milp: MilpSolver,
  objective: CoalitionObjective,
  method: Method,
) {
  const ms: number[] = [];
  const costs: number[] = [];
  const counts: number[] = [];
  let failed = 0;
  let solves = 0;
  let exact = 0;
  for (const p of problems) {
    const t0 = performance.now();
    try {
      const r = solveCoalition(p, milp, { objective, method });
      costs.push(objective === "fair" ? (r.unfairness ?? Number.NaN) : r.totalCost);
      counts.push(r.participants.length);
      solves += r.solver.solves;
      if (r.solver.method === "exact") exact++;
    } catch {
      costs.push(Number.NaN);
      counts.push(Number.NaN);
      failed++;
    }
    ms.push(performance.now() - t0);
  }
  return { ms, costs, counts, failed, solves, exact };
}

const agree = (a: number[], b: number[]) =>
  a.filter((x, i) => Math.abs(x - b[i]!) <= 1e-6 * Math.max(1, Math.abs(x))).length;
const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

/** Generated problems and the time limit HiGHS gets on them. */
const GENERATED_SIZES = [50, 200, 1000];
const GENERATED_TIME_LIMIT_S = 10;

export async function run(log: (line: string) => void): Promise<void> {
  const loaded = loadScenario(readFileSync(SCENARIO, "utf8"), "ukraine-2025-08.yaml");
  if (!loaded.ok) throw new Error("bench/coalition: the default scenario does not validate");
  const c = compileScenario(loaded.value);
  const schemes = sampleSchemes(c, SAMPLE_SCHEMES);
  const problems = schemes.map((s) => {
    const req = schemeRequirements(c, s);
    return coalitionProblemForScheme(c, s, Object.fromEntries(CAPABILITIES.map((k) => [k, req[k]])));
  });
  const vars = problems.map((p) => p.contributors.length * Object.keys(p.requirements).length);
  log(
    `default scenario: ${schemes.length} consistent schemes sampled (seed ${SEED}); ${problems[0]!.contributors.length} contributors, ` +
      `median ${median(vars)} contributor × capability pairs per problem`,
  );
  const highs = await loadHighsSolver();
  const js = jsLpSolver();
  for (const p of problems.slice(0, WARMUP_SOLVES)) {
    solveCoalition(p, highs);
    solveCoalition(p, highs, { method: "milp" });
    solveCoalition(p, js, { method: "milp" });
  }
  for (const objective of ["min-cost", "fewest", "fair"] as const) {
    const set = problems.slice(0, SAMPLE_SCHEMES_MULTI_STAGE[objective]);
    const ours = timeAll(set, highs, objective, "auto");
    const h = timeAll(set, highs, objective, "milp");
    const mo = median(ours.ms);
    const mh = median(h.ms);
    let line =
      `${objective.padEnd(8)}  ${set.length} problems  solveCoalition median ${fmt(mo)} ms (max ${fmt(Math.max(...ours.ms))}; exact method alone on ${ours.exact}/${set.length}, ${(ours.solves / set.length).toFixed(1)} HiGHS solves per problem)` +
      `  HiGHS alone median ${fmt(mh)} ms (max ${fmt(Math.max(...h.ms))}), ratio ${(mh / mo).toFixed(1)}×, same optimum on ${agree(ours.costs, h.costs)}/${set.length}`;
    if (objective !== "fair") {
      const j = timeAll(set, js, objective, "milp");
      const mj = median(j.ms);
      const slow = j.ms.filter((x) => x >= JSLP_TIMEOUT_MS).length;
      line +=
        `  javascript-lp-solver median ${fmt(mj)} ms (max ${fmt(Math.max(...j.ms))}, ${j.failed} failed, ${slow} hit its ${JSLP_TIMEOUT_MS} ms limit), ratio ${(mj / mo).toFixed(1)}×, same optimum on ${agree(ours.costs, j.costs)}/${set.length}` +
        `  target (≤ javascript-lp-solver's median): ${mo <= mj ? "met" : "missed"}`;
    } else
      line +=
        "  javascript-lp-solver not measured (its branch and bound does not get through the min-max steps)";
    log(line);
  }

  log(
    `generated problems (scripts/coalition-problem.ts, seed 1), 8 capabilities, HiGHS limited to ${GENERATED_TIME_LIMIT_S} s per problem:`,
  );
  for (const n of GENERATED_SIZES)
    for (const objective of ["min-cost", "fewest", "fair"] as const) {
      const problem = generateCoalitionProblem({ contributors: n, seed: 1, objective });
      const solver = await loadHighsSolver({ timeLimitSeconds: GENERATED_TIME_LIMIT_S });
      const t0 = performance.now();
      let status: string;
      try {
        const r = solveCoalition(problem, solver, { objective });
        const value =
          objective === "fair"
            ? `unfairness ${r.unfairness?.toFixed(4)}`
            : objective === "fewest"
              ? `${r.participants.length} participants, cost ${r.totalCost}`
              : `cost ${r.totalCost}`;
        status = r.proof.optimal
          ? `optimal (${value}; ${r.solver.method}, ${r.solver.nodes} nodes, ${r.solver.solves} HiGHS solves)`
          : `not proven: ${r.proof.reason} while minimising ${r.proof.stage}, ${r.proof.value} found, bound ${r.proof.bound ?? "none"}, gap ${r.proof.gap === undefined ? "unknown" : `${(100 * r.proof.gap).toFixed(2)}%`} (${value})`;
      } catch (e) {
        status = `error: ${e instanceof Error ? e.message : String(e)}`;
      }
      const s = (performance.now() - t0) / 1000;
      log(
        `  ${String(n).padStart(5)} × 8  ${objective.padEnd(8)}  ${s.toFixed(1)} s  ${status}` +
          (n === 200 && objective !== "min-cost" ? `  target (≤ 10 s): ${s <= 10 ? "met" : "missed"}` : ""),
      );
    }
}
