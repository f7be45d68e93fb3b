/**
 * The worker pool: Node worker threads through piscina (https://github.com/piscinajs/piscina), behind one small
 * interface so that the same tasks could run on browser Web Workers or a job queue. Tasks are named; their
 * code is the core's (src/adapters/tasks.ts), run in src/adapters/worker.ts.
 */
import { fileURLToPath } from "node:url";
import type { Transferable } from "node:worker_threads";
import { Piscina } from "piscina";
import { defaultWorkers } from "./parallelism.js";
import type { TaskInput, TaskName, TaskOutput } from "./tasks.js";

export { defaultWorkers } from "./parallelism.js";

/** Runs named tasks on worker threads. */
export interface TaskPool {
  /** Worker threads at most. */
  readonly size: number;
  run<N extends TaskName>(
    name: N,
    input: TaskInput<N>,
    options?: { signal?: AbortSignal; transferList?: Transferable[] },
  ): Promise<Awaited<TaskOutput<N>>>;
  /** Stop every worker (pending tasks are rejected). */
  destroy(): Promise<void>;
}

export interface TaskPoolOptions {
  /** Worker threads (default: the machine's available parallelism). */
  workers?: number;
  /** Heap limit per worker, MB (default: Node's). */
  maxOldGenerationSizeMb?: number;
}

/**
 * A pool of worker threads. In the source tree (tests, tsx) the worker runs the TypeScript sources through tsx;
 * from the built package it runs dist/adapters/worker.js.
 * @example const pool = createTaskPool({ workers: 2 }); await pool.run("montecarlo", input); await pool.destroy();
 */
export function createTaskPool(options: TaskPoolOptions = {}): TaskPool {
  const fromSource = import.meta.url.endsWith(".ts");
  const filename = fileURLToPath(new URL(fromSource ? "./worker.ts" : "./worker.js", import.meta.url));
  const size = Math.max(1, Math.floor(options.workers ?? defaultWorkers()));
  const pool = new Piscina({
    filename,
    minThreads: size,
    maxThreads: size,
    // One task at a time per worker: a task is seconds of CPU work, not I/O.
    concurrentTasksPerWorker: 1,
    idleTimeout: 60_000,
    ...(fromSource ? { execArgv: ["--import", "tsx"] } : {}),
    ...(options.maxOldGenerationSizeMb
      ? { resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } }
      : {}),
  });
  return {
    size,
    run: (name, input, runOptions = {}) =>
      pool.run(
        { name, input },
        {
          ...(runOptions.signal ? { signal: runOptions.signal } : {}),
          ...(runOptions.transferList ? { transferList: runOptions.transferList } : {}),
        },
      ) as Promise<Awaited<TaskOutput<typeof name>>>,
    destroy: () => pool.destroy(),
  };
}
