/**
 * Monte Carlo over a scenario's uncertain inputs: N seeded draws, each scoring every consistent scheme
 * (`MonteCarloKernel`), reduced to per-scheme probabilities and per-draw figures.
 *
 * Determinism: draw k uses a stream derived from (seed, k) alone, draws are grouped in fixed blocks, and a
 * block's result is integer counters plus figures indexed by draw. Merging blocks is addition and placement,
 * which do not depend on their order, so 1, 2 or 4 workers give bit-identical results. Memory is per scheme
 * and per key, not per draw (the per-draw figures are a few numbers each).
 */
import type { CoalitionObjective } from "../coalition/index.js";
import type { Scenario } from "../scenario/schema.js";
import type { OptionFilter } from "../space/index.js";
import { applyDraw, drawValues, pointValues } from "./draw.js";
import { uncertainInputs } from "./inputs.js";
import type { DrawFigures, KernelCounts, MonteCarloKernel } from "./kernel.js";

/** Draws per block: the unit of work given to a worker. */
export const BLOCK_DRAWS = 8;

/** Seed used when none is given (the flagship's date): runs are reproducible by default. */
export const DEFAULT_SEED = 20250820;

export interface MonteCarloOptions {
  /** Number of draws. */
  samples: number;
  /** Seed of the whole run (draw k's stream is derived from it and k). Default DEFAULT_SEED. */
  seed?: number;
  filter?: OptionFilter;
  objective?: CoalitionObjective;
  /** Parameter overrides applied in every draw (`--set` on a model parameter). */
  overrides?: Readonly<Record<string, number>>;
  /** Every input at its stated value in every draw (a check: probabilities are then 0 or 1). */
  collapse?: boolean;
}

/** The figures of one draw, with its index. */
export interface IndexedFigures extends DrawFigures {
  draw: number;
}

/** What some blocks of draws give. */
export interface BlockResult {
  counts: KernelCounts;
  figures: IndexedFigures[];
}

/** The blocks of a run: block b holds draws [b·BLOCK_DRAWS, min(samples, (b+1)·BLOCK_DRAWS)). */
export function blockCount(samples: number): number {
  return Math.ceil(samples / BLOCK_DRAWS);
}

/**
 * Run the draws of some blocks on a kernel (pure: the same in a worker as in process).
 * @example const part = runBlocks(scenario, kernel, options, [0, 1]);
 */
export function runBlocks(
  scenario: Scenario,
  kernel: MonteCarloKernel,
  options: MonteCarloOptions,
  blocks: readonly number[],
): BlockResult {
  const inputs = uncertainInputs(scenario);
  const seed = options.seed ?? DEFAULT_SEED;
  const counts = kernel.counts();
  const figures: IndexedFigures[] = [];
  const point = options.collapse ? pointValues(inputs) : undefined;
  for (const b of blocks) {
    for (let k = b * BLOCK_DRAWS; k < Math.min(options.samples, (b + 1) * BLOCK_DRAWS); k++) {
      const values = point ?? drawValues(inputs, seed, k);
      const draw = applyDraw(scenario, inputs, values, options.overrides);
      figures.push({ draw: k, ...kernel.run(draw, counts) });
    }
  }
  return { counts, figures };
}

/** Merge block results: counters added, figures placed by draw (order-independent). */
export function mergeBlocks(parts: readonly BlockResult[], kernel: MonteCarloKernel): BlockResult {
  const counts = kernel.counts();
  for (const part of parts) {
    counts.draws += part.counts.draws;
    for (const key of ["accepts", "feasible", "acceptedByAll", "both", "deterrence", "cost"] as const) {
      const into = counts[key];
      const from = part.counts[key];
      for (let i = 0; i < into.length; i++) into[i]! += from[i]!;
    }
  }
  const figures = parts.flatMap((p) => p.figures).sort((a, b) => a.draw - b.draw);
  return { counts, figures };
}

/** Runs blocks somewhere (in process, or on a worker pool) and resolves with one result per task. */
export type BlockExecutor = (tasks: readonly (readonly number[])[]) => Promise<BlockResult[]>;

/** An executor that runs every task here, on one kernel (tests, browsers without workers). */
export function inProcessExecutor(
  scenario: Scenario,
  kernel: MonteCarloKernel,
  options: MonteCarloOptions,
): BlockExecutor {
  return async (tasks) => tasks.map((t) => runBlocks(scenario, kernel, options, t));
}

/** Split the blocks of a run into `parts` tasks of consecutive blocks (at most one per block). */
export function planTasks(samples: number, parts: number): number[][] {
  const blocks = blockCount(samples);
  const n = Math.max(1, Math.min(blocks, Math.floor(parts)));
  const tasks: number[][] = Array.from({ length: n }, () => []);
  // Round-robin keeps the tasks equally long whatever the number of blocks.
  for (let b = 0; b < blocks; b++) tasks[b % n]!.push(b);
  return tasks.filter((t) => t.length > 0);
}

/**
 * Run the whole Monte Carlo: plan the blocks, run them with `executor`, merge.
 * @param kernel the kernel of the scenario (built once here; workers build their own)
 * @param parts how many workers will share the tasks (the tasks are finer, for balance; results do not depend on it)
 * @example const merged = await runMonteCarlo(kernel, { samples: 200 }, inProcessExecutor(s, kernel, o));
 */
export async function runMonteCarlo(
  kernel: MonteCarloKernel,
  options: MonteCarloOptions,
  executor: BlockExecutor,
  parts = 1,
): Promise<BlockResult> {
  if (!(Number.isInteger(options.samples) && options.samples > 0))
    throw new RangeError(`runMonteCarlo: samples must be a positive integer, got ${options.samples}`);
  const results = await executor(planTasks(options.samples, parts * 4));
  return mergeBlocks(results, kernel);
}
