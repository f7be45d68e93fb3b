/** The default size of a worker pool, apart from the pool (pool.ts, which loads piscina), for code that only
 *  reads it, such as the CLI's flags. */
import { availableParallelism } from "node:os";

/** The number of workers to use by default: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}
