/**
 * `guarantor serve`: the HTTP API (src/server/app.ts) on a port, over a SQLite store, until SIGINT or SIGTERM.
 */
import { resolve } from "node:path";
import type { buildServer } from "../../server/app.js";
import { DEFAULT_DB_FILE } from "../../store/defaults.js";
import { type Command, numberFlag, stringFlag, UsageError } from "../command.js";

/** The environment variable holding the token when --token is not given. */
export const TOKEN_ENV = "GUARANTOR_TOKEN";

/** Whether a host name or address is this machine's loopback. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

export const serveCommand: Command = {
  name: "serve",
  help: `Usage: guarantor serve [--port 8080] [--host 127.0.0.1] [--db FILE] [--token T] [--workers W]
                       [--max-active N] [--time-limit S] [--max-schemes N] [--max-samples N] [--log]

Serves the API: upload scenarios (YAML, validated with located errors), start analyses (the options of
'guarantor analyze': where, objective, set, samples, seed), follow their progress (server-sent events),
fetch their JSON and Markdown, compare two runs, and explain, coalition, mechanism and consensus for one
scheme. The description is at /openapi.json and a readable reference at /docs (also docs/api.md).

Scenarios and finished runs are kept in one SQLite file; a run with the same scenario, options, seed and
Guarantor version is served from it, not computed again. 'guarantor runs' reads the same file.

Options:
  --port N          TCP port (default 8080; 0 picks a free one, printed)
  --host H          address to bind (default 127.0.0.1, loopback only). Any other host needs a token.
  --db FILE         the SQLite file (default ./${DEFAULT_DB_FILE}, created when missing)
  --token T         require 'Authorization: Bearer T' on every request (default: $${TOKEN_ENV})
  --workers W       worker threads for analyses (default: one per core)
  --max-active N    jobs queued or running at most; past it, 503 with Retry-After (default 32 per worker)
  --time-limit S    seconds one job may take from when it is accepted, queueing included (default 600)
  --max-schemes N   most consistent schemes one request may cover (default 2000000)
  --max-samples N   most Monte-Carlo draws one analysis may ask for (default 10000)
  --log             log every request (JSON lines on stdout)
Stops on SIGINT or SIGTERM, cancelling the runs still going (they are kept as cancelled).
Exit codes: 0 stopped, 2 bad flags or a port that cannot be bound.`,
  options: {
    port: { type: "string" },
    host: { type: "string" },
    db: { type: "string" },
    token: { type: "string" },
    workers: { type: "string" },
    "max-active": { type: "string" },
    "time-limit": { type: "string" },
    "max-schemes": { type: "string" },
    "max-samples": { type: "string" },
    log: { type: "boolean" },
  },
  maxPositionals: 0,
  async run(ctx) {
    const port = numberFlag(ctx, "port", { min: 0, max: 65535, integer: true }) ?? 8080;
    const host = stringFlag(ctx, "host") ?? "127.0.0.1";
    const token = stringFlag(ctx, "token") ?? (process.env[TOKEN_ENV] || undefined);
    if (token !== undefined && token.length < 16)
      throw new UsageError("--token: expected at least 16 characters (a random string, not a word)");
    if (!isLoopback(host) && token === undefined)
      throw new UsageError(
        `--host ${host} is reachable from other machines: give --token T (or set ${TOKEN_ENV}), required on every request`,
      );
    const db = resolve(ctx.io.cwd, stringFlag(ctx, "db") ?? DEFAULT_DB_FILE);
    const workers = numberFlag(ctx, "workers", { min: 1, max: 256, integer: true });
    const maxActive = numberFlag(ctx, "max-active", { min: 1, max: 100_000, integer: true });
    const timeLimitS = numberFlag(ctx, "time-limit", { min: 1, max: 86_400 });
    const maxSchemes = numberFlag(ctx, "max-schemes", { min: 1, integer: true });
    const maxSamples = numberFlag(ctx, "max-samples", { min: 1, max: 1_000_000, integer: true });
    let app: Awaited<ReturnType<typeof buildServer>>;
    // Loaded here, not at start-up: Fastify and SQLite cost every other command its start-up time.
    const server = await import("../../server/app.js");
    try {
      app = await server.buildServer({
        db,
        ...(token !== undefined ? { token } : {}),
        ...(workers !== undefined ? { workers } : {}),
        ...(maxActive !== undefined ? { maxActive } : {}),
        ...(timeLimitS !== undefined ? { timeLimitS } : {}),
        ...(maxSchemes !== undefined ? { maxSchemes } : {}),
        ...(maxSamples !== undefined ? { maxSamples } : {}),
        logger: Boolean(ctx.values.log),
      });
    } catch (e) {
      throw new UsageError(`--db ${db}: ${(e as Error).message}`);
    }
    let address: string;
    try {
      address = await app.listen({ port, host });
    } catch (e) {
      await app.close();
      throw new UsageError(`cannot listen on ${host}:${port}: ${(e as NodeJS.ErrnoException).code ?? e}`);
    }
    ctx.io.stderr(
      `guarantor serve: listening on ${address} (database ${db}${token ? ", token required" : ""}); reference at ${address}/docs\n`,
    );
    await new Promise<void>((done) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        done();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    ctx.io.stderr("guarantor serve: stopping (runs still going are kept as cancelled)\n");
    await app.close();
    return 0;
  },
};
