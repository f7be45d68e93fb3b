/**
 * The child of the crash test: a real server over a SQLite file, its jobs run in process (so that a SIGKILL
 * can land anywhere, a save included). Prints "port N" once it listens.
 */
import type { TaskPool } from "../../src/adapters/pool.js";
import { runTask } from "../../src/adapters/tasks.js";
import { buildServer } from "../../src/server/app.js";

const inProcess: TaskPool = {
  size: 1,
  run: async (name, input) => (await runTask(name, input)) as never,
  destroy: async () => {},
};
const app = await buildServer({ db: process.argv[2]!, pool: inProcess, maxActive: 10_000 });
const address = await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`port ${new URL(address).port}\n`);
