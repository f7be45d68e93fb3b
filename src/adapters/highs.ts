/**
 * The HiGHS adapter: the one place that knows the `highs` package (HiGHS compiled to WebAssembly, University
 * of Edinburgh; https://highs.dev). Loading is asynchronous and done once; solving is synchronous.
 *
 * Models are passed to HiGHS as arrays (its persistent API: a row-wise sparse matrix, bounds, integrality), not
 * as LP text, into one native instance kept warm for the solver's life; a model's `start` is given to HiGHS
 * as its first incumbent (a MIP start).
 *
 * Every solve is bounded: a model above `maxNonzeros` is not passed at all (status `too-large`), and the
 * solves of one solver share a time limit (status `time-limit`, with the best allocation found and the proven
 * bound when HiGHS has them). Whatever HiGHS returns or throws becomes a status: "Unknown" and iteration
 * limits are `unknown`, failures `error`, never an exception.
 */
import type { Highs, InitOptions, Model, ModelData, ModelStatusCode } from "highs";
import highsModule from "highs";
import {
  type MilpModel,
  type MilpSolution,
  type MilpSolver,
  type MilpStatus,
  modelNonzeros,
} from "../coalition/milp.js";

/** Options set before every HiGHS solve. `output_flag: false` silences the log, which also saves time (1.3 to
 *  2.4 times faster on a scenario-sized model in our measurements: the log is formatted even when unprinted).
 *  The MIP gaps are tightened from HiGHS's defaults (relative 1e-4, absolute 1e-6) so that the optimum is
 *  exact on the small integer programs of force generation. */
export const HIGHS_SOLVE_OPTIONS = {
  output_flag: false,
  mip_rel_gap: 1e-9,
  mip_abs_gap: 1e-9,
} as const;

/** Limits of a HiGHS solver. */
export interface HighsSolverOptions {
  /** Seconds all the solves of this solver may take together (default 60): each solve gets what is left. */
  timeLimitSeconds?: number;
  /** Largest model solved, in nonzero coefficients (default 2,000,000). */
  maxNonzeros?: number;
}

export const DEFAULT_HIGHS_LIMITS: Readonly<Required<HighsSolverOptions>> = Object.freeze({
  timeLimitSeconds: 60,
  maxNonzeros: 2_000_000,
});

/** The package's typings describe a CommonJS module whose `default` is the loader, but its ES build exports the
 *  loader itself as default; accept either shape. */
const highsLoader = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as (
  options?: InitOptions,
) => Promise<Highs>;

let loading: Promise<Highs> | undefined;

/** HiGHS model status codes (highs.constants.modelStatus) as statuses. */
const STATUS: Partial<Record<ModelStatusCode, MilpStatus>> = {
  7: "optimal",
  8: "infeasible",
  9: "infeasible", // unbounded or infeasible: these models are bounded (every variable has finite bounds)
  10: "unbounded",
  13: "time-limit",
  14: "unknown", // iteration limit
  15: "unknown",
  16: "unknown", // solution limit
  17: "unknown", // interrupted
};
const STATUS_TEXT: Partial<Record<ModelStatusCode, string>> = {
  1: "load error",
  2: "model error",
  3: "presolve error",
  4: "solve error",
  5: "postsolve error",
  6: "empty model",
  7: "optimal",
  8: "infeasible",
  9: "infeasible or unbounded",
  10: "unbounded",
  13: "time limit reached",
  14: "iteration limit reached",
  15: "unknown",
  16: "solution limit reached",
  17: "interrupted",
};

/** The model as HiGHS's arrays: rows in compressed sparse row form, repeated terms of a row summed. */
function modelData(highs: Highs, m: MilpModel): ModelData {
  const inf = highs.infinity;
  const finite = (x: number) =>
    x === Number.POSITIVE_INFINITY ? inf : x === Number.NEGATIVE_INFINITY ? -inf : x;
  const n = m.variables.length;
  const starts = new Int32Array(m.constraints.length + 1);
  let nnz = 0;
  for (const r of m.constraints) nnz += r.terms.length;
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const seen = new Int32Array(n).fill(-1);
  let at = 0;
  m.constraints.forEach((r, i) => {
    const rowStart = at;
    for (const [j, v] of r.terms) {
      // A variable named twice in one row: HiGHS refuses duplicate entries, so they are summed.
      const prev = seen[j]!;
      if (prev >= rowStart) values[prev] = values[prev]! + v;
      else {
        seen[j] = at;
        indices[at] = j;
        values[at++] = v;
      }
    }
    starts[i + 1] = at;
  });
  const colCost = new Float64Array(n);
  for (const [j, v] of m.objective) colCost[j] = colCost[j]! + v;
  return {
    numCols: n,
    numRows: m.constraints.length,
    sense:
      m.sense === "min" ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
    colCost,
    colLower: Float64Array.from(m.variables, (v) => finite(v.lb)),
    colUpper: Float64Array.from(m.variables, (v) => finite(v.ub)),
    rowLower: Float64Array.from(m.constraints, (r) => finite(r.lb)),
    rowUpper: Float64Array.from(m.constraints, (r) => finite(r.ub)),
    matrix: {
      format: "csr",
      numRows: m.constraints.length,
      numCols: n,
      starts,
      indices: indices.subarray(0, at),
      values: values.subarray(0, at),
    },
    integrality: Int32Array.from(m.variables, (v) => (v.integer ? 1 : 0)),
  };
}

const stopped = (status: MilpStatus, detail: string): MilpSolution => ({
  status,
  objective: Number.NaN,
  values: new Float64Array(0),
  detail,
});

const message = (e: unknown) => (e instanceof Error ? e.message.split("\n")[0]! : String(e));

/**
 * Wrap a loaded HiGHS runtime as a `MilpSolver` with the given limits.
 * @example const solver = highsSolver(await highsLoader(), { timeLimitSeconds: 10 })
 */
export function highsSolver(highs: Highs, options: HighsSolverOptions = {}): MilpSolver {
  const limitSeconds = options.timeLimitSeconds ?? DEFAULT_HIGHS_LIMITS.timeLimitSeconds;
  const maxNonzeros = options.maxNonzeros ?? DEFAULT_HIGHS_LIMITS.maxNonzeros;
  let spentSeconds = 0;
  let instance: Model | undefined;
  const limitText = `the time limit of ${limitSeconds} s was reached`;

  /** One run of `data` on the warm instance; the status code, or a failure's words. */
  const run = (
    data: ModelData,
    start: Float64Array | undefined,
    extra: Record<string, string | number | boolean>,
  ): ModelStatusCode | string => {
    const left = limitSeconds - spentSeconds;
    if (left <= 0) return 13;
    const begin = performance.now();
    try {
      instance ??= highs.createModel();
      instance.passModel(data);
      instance.options.set({ ...HIGHS_SOLVE_OPTIONS, presolve: "choose", ...extra, time_limit: left });
      if (start && start.length === data.numCols) instance.setSolution({ colValue: start });
      return instance.run().modelStatus;
    } catch (e) {
      // A model HiGHS refuses, or a failure inside the runtime: drop the instance, it may be unusable.
      try {
        instance?.dispose();
      } catch {}
      instance = undefined;
      return `HiGHS failed: ${message(e)}`;
    } finally {
      spentSeconds += (performance.now() - begin) / 1000;
    }
  };

  return {
    name: `HiGHS ${highs.version?.string ?? ""}`.trim(),
    solve(model: MilpModel): MilpSolution {
      const nonzeros = modelNonzeros(model);
      if (nonzeros > maxNonzeros)
        return stopped(
          "too-large",
          `the model has ${nonzeros.toLocaleString("en-US")} nonzero coefficients, more than the solver's limit of ${maxNonzeros.toLocaleString("en-US")}`,
        );
      const data = modelData(highs, model);
      let code = run(data, model.start, model.presolve === false ? { presolve: "off" } : {});
      // HiGHS 1.15's presolve has been seen to call small feasible MIPs infeasible; confirm without it.
      if (typeof code === "number" && STATUS[code] === "infeasible")
        code = run(data, model.start, { presolve: "off" });
      if (typeof code === "string") return stopped("error", code);
      const status = STATUS[code] ?? "error";
      const detail =
        status === "time-limit" ? limitText : (STATUS_TEXT[code] ?? `HiGHS model status ${code}`);
      if (status !== "optimal" && status !== "time-limit" && status !== "unknown")
        return stopped(status, detail);
      const m = instance!;
      // The point HiGHS holds: the optimum, or the best feasible point when a limit stopped it.
      const feasible =
        Number(m.info.get("primal_solution_status")) === highs.constants.solutionStatus.feasible;
      const integer = model.variables.some((v) => v.integer);
      const boundInfo = integer ? Number(m.info.get("mip_dual_bound")) : m.getObjectiveValue();
      const bound =
        Number.isFinite(boundInfo) && Math.abs(boundInfo) < highs.infinity ? boundInfo : undefined;
      if (!feasible)
        return {
          ...stopped(status === "optimal" ? "error" : status, detail),
          ...(bound === undefined ? {} : { bound }),
        };
      return {
        status,
        objective: m.getObjectiveValue(),
        values: Float64Array.from(m.getSolution().colValue),
        ...(bound === undefined ? {} : { bound }),
        detail,
      };
    },
  };
}

/**
 * Load HiGHS (once per process; later calls share the same runtime) and return it as a `MilpSolver` with its
 * own limits.
 * @example const solver = await loadHighsSolver({ timeLimitSeconds: 30 }); solveCoalition(problem, solver)
 */
export async function loadHighsSolver(options: HighsSolverOptions = {}): Promise<MilpSolver> {
  loading ??= highsLoader();
  return highsSolver(await loading, options);
}
