/**
 * The tasks a worker runs: each a call of the core on plain data. A worker keeps what is costly to build (a
 * Monte-Carlo kernel) between tasks of the same run, keyed by the run.
 */
import { compileScenario } from "../scenario/compile.js";
import type { Scenario } from "../scenario/schema.js";
import { type JobOutcome, type JobTask, runJob } from "../server/jobs.js";
import {
  type BlockResult,
  MonteCarloKernel,
  type MonteCarloOptions,
  runBlocks,
} from "../uncertainty/index.js";

/** Draws of some blocks of a Monte-Carlo run. */
export interface MonteCarloTask {
  /** Identifies the run: tasks with the same key share the worker's kernel. */
  run: string;
  scenario: Scenario;
  options: MonteCarloOptions;
  blocks: number[];
}

interface Tasks {
  montecarlo: { input: MonteCarloTask; output: BlockResult };
  /** An analysis or a one-scheme command for the server (src/server/jobs.ts). */
  job: { input: JobTask; output: Promise<JobOutcome> };
}
export type TaskName = keyof Tasks;
export type TaskInput<N extends TaskName> = Tasks[N]["input"];
export type TaskOutput<N extends TaskName> = Tasks[N]["output"];

let cached: { run: string; kernel: MonteCarloKernel } | undefined;

/** Run one task (in a worker thread; also callable in process). */
export function runTask<N extends TaskName>(name: N, input: TaskInput<N>): TaskOutput<N> {
  switch (name) {
    case "montecarlo": {
      const t = input as MonteCarloTask;
      if (cached?.run !== t.run) {
        const c = compileScenario(t.scenario);
        const kernel = new MonteCarloKernel(c, {
          ...(t.options.filter ? { filter: t.options.filter } : {}),
          ...(t.options.objective ? { objective: t.options.objective } : {}),
        });
        cached = { run: t.run, kernel };
      }
      return runBlocks(t.scenario, cached.kernel, t.options, t.blocks) as TaskOutput<N>;
    }
    case "job":
      return runJob(input as JobTask) as TaskOutput<N>;
    default:
      throw new Error(`unknown task ${String(name)}`);
  }
}
