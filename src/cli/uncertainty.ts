/**
 * Monte Carlo from the CLI: `--samples`, `--seed` and `--workers`, the worker pool, and progress on stderr.
 */
import { defaultWorkers } from "../adapters/parallelism.js";
import type { Analysis } from "../explore/index.js";
import type { CompiledScenario } from "../scenario/compile.js";
import type { OptionFilter } from "../space/index.js";
import {
  analyzeUncertainty,
  type BlockExecutor,
  type BlockResult,
  DEFAULT_SEED,
  inProcessExecutor,
  MonteCarloKernel,
  type MonteCarloOptions,
  type UncertaintyAnswer,
} from "../uncertainty/index.js";
import { type CommandContext, numberFlag } from "./command.js";
import { progressBar } from "./progress.js";

/** The Monte-Carlo flags every command that offers it takes. */
export const UNCERTAINTY_FLAGS = {
  samples: { type: "string" },
  seed: { type: "string" },
  workers: { type: "string" },
} as const;

export const UNCERTAINTY_HELP = `  --samples N    also run N Monte-Carlo draws over every uncertain input: the probability that each scheme
                 is feasible, accepted by each party and by all, and 90% intervals of the headline figures
  --seed S       seed of the draws (default ${DEFAULT_SEED}); the same seed gives the same numbers
  --workers W    worker threads for the draws (default: one per core); 1, 2 or 4 give identical results`;

/** The Monte-Carlo options from the flags, or undefined without --samples. */
export function uncertaintyFlags(
  ctx: CommandContext,
): { samples: number; seed: number; workers: number } | undefined {
  const samples = numberFlag(ctx, "samples", { min: 1, max: 1_000_000, integer: true });
  const seed = numberFlag(ctx, "seed", { min: 0, max: 2 ** 32 - 1, integer: true });
  const workers = numberFlag(ctx, "workers", { min: 1, max: 256, integer: true });
  if (samples === undefined) return undefined;
  return { samples, seed: seed ?? DEFAULT_SEED, workers: workers ?? defaultWorkers() };
}

let runs = 0;

/** Run Monte Carlo for a CLI command, on a worker pool when more than one worker is asked for. */
export async function runUncertainty(
  ctx: CommandContext,
  c: CompiledScenario,
  analysis: Analysis,
  flags: { samples: number; seed: number; workers: number },
  options: {
    filter?: OptionFilter;
    objective?: MonteCarloOptions["objective"];
    overrides?: Readonly<Record<string, number>>;
    quiet?: boolean;
  },
): Promise<UncertaintyAnswer> {
  const mc: MonteCarloOptions = {
    samples: flags.samples,
    seed: flags.seed,
    ...(options.filter ? { filter: options.filter } : {}),
    ...(options.objective ? { objective: options.objective } : {}),
    ...(options.overrides && Object.keys(options.overrides).length ? { overrides: options.overrides } : {}),
  };
  const bar = progressBar(ctx.io, "Monte Carlo draws", Boolean(options.quiet), undefined, { rate: true });
  let done = 0;
  const report = (part: BlockResult) => {
    done += part.figures.length;
    bar.report(done, flags.samples);
    return part;
  };
  let executor: BlockExecutor;
  let close = async () => {};
  if (flags.workers <= 1) {
    const kernel = new MonteCarloKernel(c, options.filter ? { filter: options.filter } : {});
    const local = inProcessExecutor(c.scenario, kernel, mc);
    // One block at a time, so that the progress bar moves.
    executor = async (tasks) => {
      const out: BlockResult[] = [];
      for (const t of tasks) for (const b of t) out.push(report((await local([[b]]))[0]!));
      return out;
    };
  } else {
    const { createTaskPool } = await import("../adapters/pool.js");
    const pool = createTaskPool({ workers: flags.workers });
    close = () => pool.destroy();
    const run = `run-${++runs}`;
    executor = (tasks) =>
      Promise.all(
        tasks.map((blocks) =>
          pool
            .run("montecarlo", { run, scenario: c.scenario, options: mc, blocks: [...blocks] })
            .then(report),
        ),
      );
  }
  try {
    return await analyzeUncertainty(c, analysis, { ...mc, executor, workers: flags.workers });
  } finally {
    bar.done();
    await close();
  }
}
