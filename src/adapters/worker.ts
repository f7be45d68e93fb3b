/**
 * The body of a pool worker (src/adapters/pool.ts): runs the named task and hands back its result (structured
 * clone: a few megabytes of counters per task).
 */
import { runTask, type TaskName } from "./tasks.js";

export default function worker({ name, input }: { name: TaskName; input: never }): unknown {
  return runTask(name, input);
}
