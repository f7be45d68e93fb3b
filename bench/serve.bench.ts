/**
 * `npm run bench -- serve`: the API on loopback beside the CLI, in one run. A fresh analysis of the flagship
 * through the server (upload, queue, worker pool, save) against `guarantor analyze --json` as a process; then
 * requests per second for a cached run: the same POST /analyses answered from the store, and its result.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultScenarioText } from "../src/scenarios/index.js";
import { buildServer } from "../src/server/app.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Clients in flight while measuring the cached run. */
const CONCURRENCY = 16;
const CACHED_SECONDS = 3;

async function rate(
  send: () => Promise<Response>,
  seconds: number,
): Promise<{ perSecond: number; errors: number }> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const r = await send();
        await r.arrayBuffer();
        if (r.status !== 200) errors++;
        done++;
      }
    }),
  );
  return { perSecond: done / seconds, errors };
}

export async function run(log: (line: string) => void): Promise<void> {
  const t0 = performance.now();
  const cli = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "src/cli/bin.ts"), "analyze", "--json", "--quiet"],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const cliMs = performance.now() - t0;
  if (cli.status !== 0) throw new Error(`guarantor analyze failed: ${cli.stderr}`);
  log(`guarantor analyze --json (flagship, a new process): ${(cliMs / 1000).toFixed(2)} s`);

  const dir = mkdtempSync(join(tmpdir(), "guarantor-bench-serve-"));
  const app = await buildServer({ db: join(dir, "bench.db"), workers: 2 });
  try {
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    const u0 = performance.now();
    const up = await fetch(`${base}/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/yaml" },
      body: defaultScenarioText,
    });
    if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
    log(
      `POST /scenarios (flagship, ${Math.round(defaultScenarioText.length / 1024)} KiB, validated and stored): ${Math.round(performance.now() - u0)} ms`,
    );

    const body = JSON.stringify({ scenario: "ukraine-2025-08" });
    const post = () =>
      fetch(`${base}/analyses`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const f0 = performance.now();
    const started = (await (await post()).json()) as { id: string };
    await (await fetch(`${base}/analyses/${started.id}/events`)).text();
    const freshMs = performance.now() - f0;
    const status = (await (await fetch(`${base}/analyses/${started.id}`)).json()) as { status: string };
    if (status.status !== "done") throw new Error(`fresh analysis ended ${status.status}`);
    log(
      `fresh analysis through the server (POST /analyses → events → done, saved): ${(freshMs / 1000).toFixed(2)} s (${(freshMs / cliMs).toFixed(2)}× the CLI process)`,
    );

    const cached = await rate(post, CACHED_SECONDS);
    log(
      `cached run, POST /analyses served from the store: ${Math.round(cached.perSecond)} requests/s (${CONCURRENCY} clients, ${cached.errors} errors)`,
    );
    const result = await rate(() => fetch(`${base}/analyses/${started.id}/result`), CACHED_SECONDS);
    const size = (await (await fetch(`${base}/analyses/${started.id}/result`)).arrayBuffer()).byteLength;
    log(
      `cached run, GET /analyses/{id}/result (${Math.round(size / 1024)} KiB JSON): ${Math.round(result.perSecond)} requests/s (${result.errors} errors)`,
    );
    log(
      `a cached answer against a fresh one: ${Math.round(freshMs / (1000 / cached.perSecond))}× faster per request`,
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
