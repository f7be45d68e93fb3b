/**
 * The Monte-Carlo answer beside a deterministic analysis: the draws run with an executor (in process, or a
 * worker pool through src/adapters/pool.ts), and their summary set against the analysis's point figures.
 */
import type { Analysis } from "../explore/index.js";
import type { CompiledScenario } from "../scenario/compile.js";
import { uncertainInputs } from "./inputs.js";
import { MonteCarloKernel } from "./kernel.js";
import {
  type BlockExecutor,
  DEFAULT_SEED,
  inProcessExecutor,
  type MonteCarloOptions,
  runMonteCarlo,
} from "./montecarlo.js";
import { type PointFigures, summarizeMonteCarlo, type UncertaintyAnswer } from "./summary.js";

/** A deterministic analysis with its Monte-Carlo answer. */
export interface UncertainAnalysis extends Analysis {
  uncertainty: UncertaintyAnswer;
}

/** The point figures of a deterministic analysis that the intervals are set against. */
export function pointFigures(c: CompiledScenario, a: Analysis): PointFigures {
  const q2 = a.answers[1];
  return {
    feasible: a.counts.feasible,
    acceptedByAll: a.counts.acceptableToAll,
    both: a.counts.feasibleAndAcceptable,
    accepts: Object.fromEntries(q2.parties.map((p) => [p.party, p.accepts])),
    distance: a.answers[7].distance ?? Number.NaN,
    focusDeterrence: a.focus?.deterrence ?? Number.NaN,
    focusCostUsdMPerYear: a.focus?.costUsdMPerYear ?? Number.NaN,
    focus: a.focus ? c.dims.map((d) => d.optionIndex.get(a.focus!.scheme[d.id]!)!) : undefined,
  };
}

export interface UncertaintyRunOptions extends MonteCarloOptions {
  /** Runs the blocks (default: in process, on one kernel). */
  executor?: BlockExecutor;
  /** Workers the executor spreads the tasks over (finer tasks balance them; results do not depend on it). */
  workers?: number;
  /** Most probable schemes listed. Default 10. */
  top?: number;
}

/**
 * Run Monte Carlo over a scenario and summarise it against a deterministic analysis of the same scenario.
 * @example const u = await analyzeUncertainty(c, analysis, { samples: 1000, seed: 7 });
 */
export async function analyzeUncertainty(
  c: CompiledScenario,
  analysis: Analysis,
  options: UncertaintyRunOptions,
): Promise<UncertaintyAnswer> {
  const mc: MonteCarloOptions = { ...options, seed: options.seed ?? DEFAULT_SEED };
  const kernel = new MonteCarloKernel(c, {
    ...(options.filter ? { filter: options.filter } : {}),
    ...(options.objective ? { objective: options.objective } : {}),
  });
  const executor = options.executor ?? inProcessExecutor(c.scenario, kernel, mc);
  const merged = await runMonteCarlo(kernel, mc, executor, options.workers ?? 1);
  return summarizeMonteCarlo(
    c,
    kernel,
    merged,
    uncertainInputs(c.scenario),
    mc,
    pointFigures(c, analysis),
    options.top,
  );
}
