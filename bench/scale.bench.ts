/**
 * `npm run bench -- scale`: `guarantor analyze` as a user runs it (the built CLI, a fresh process each time) on
 * the flagship and on generated spaces of about 2 M, 10 M and 40 M consistent schemes, with the wall time, the
 * schemes per second and the peak resident memory of the whole process (worker threads, typed arrays and
 * WebAssembly included: `process.resourceUsage().maxRSS`). The baselines, measured in the same run, are the
 * CLI's start-up (`guarantor --version`) and the smallest generated space: memory should stay flat (within 2×)
 * from there to the largest, because analyze streams the space into its answers and keeps no row per scheme.
 *
 * A generated space is the flagship with one more dimension of k options that no rule, preference or model
 * reads, put first, so it has exactly k × 945,200 consistent schemes and every scheme is evaluated as in the
 * flagship.
 * `--sizes 2,10,40` sets the targets in millions of schemes (the defaults); `--sizes 2` for a quick run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse, stringify } from "yaml";
import { compileScenario } from "../src/scenario/compile.js";
import { loadScenario } from "../src/scenario/validate.js";
import { DEFAULT_SCENARIO_FILE, defaultScenarioText } from "../src/scenarios/index.js";
import { countConsistent } from "../src/space/index.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "dist", "cli", "bin.js");

interface Measured {
  ms: number;
  rssMb: number;
  code: number;
}

/** Run the built CLI in a fresh Node process; its peak RSS is written by a preloaded exit hook. */
function runCli(args: string[], dir: string): Measured {
  const rssFile = join(dir, "rss");
  const hook = join(dir, "rss-hook.mjs");
  writeFileSync(
    hook,
    `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", pathToFileURL(hook).href, BIN, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - t0;
  const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) : Number.NaN;
  if (r.status !== 0) process.stderr.write(r.stderr);
  return { ms, rssMb: kb / 1024, code: r.status ?? -1 };
}

const fmt = (x: number, digits = 0) =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export async function run(log: (line: string) => void, options: ReadonlyMap<string, string>): Promise<void> {
  if (!existsSync(BIN)) {
    log("dist/cli/bin.js is missing: run `npm run build` first (this bench times the built CLI)");
    return;
  }
  const loaded = loadScenario(defaultScenarioText, DEFAULT_SCENARIO_FILE);
  if (!loaded.ok) {
    log("the default scenario does not load; bench skipped");
    return;
  }
  const compiled = compileScenario(loaded.value);
  const base = Number(countConsistent(compiled, compiled.rules));
  const sizes = (options.get("sizes") ?? "2,10,40")
    .split(",")
    .map(Number)
    .filter((x) => x > 0);
  const dir = mkdtempSync(join(tmpdir(), "guarantor-scale-"));
  try {
    const startup = runCli(["--version"], dir);
    log(`start-up (guarantor --version): ${fmt(startup.ms)} ms, peak RSS ${fmt(startup.rssMb)} MB`);
    const flagship = runCli(["analyze", "--json"], dir);
    log(
      `flagship (${fmt(base)} schemes): ${fmt(flagship.ms)} ms wall, ${fmt((base / flagship.ms) * 1000)} schemes/s, ` +
        `peak RSS ${fmt(flagship.rssMb)} MB; ${fmt(flagship.ms / startup.ms, 1)}× the start-up (target ≤ 2,000 ms)`,
    );
    const doc = parse(defaultScenarioText) as { dimensions: unknown[] };
    let first: { rssMb: number } | undefined;
    for (const millions of sizes) {
      const k = Math.max(1, Math.round((millions * 1e6) / base));
      const generated = structuredClone(doc);
      // First, so that it changes slowest: each of its options is a whole flagship pass, evaluated as the
      // flagship is (last, the pass would find every stage unchanged between its options and skip them).
      generated.dimensions.unshift({
        id: "generated_variant",
        label: "Generated variant (read by nothing)",
        options: Array.from({ length: k }, (_, i) => ({ id: `v${i}`, label: `variant ${i}` })),
      });
      const file = join(dir, `space-${millions}m.yaml`);
      writeFileSync(file, stringify(generated));
      const schemes = k * base;
      const m = runCli(["analyze", file, "--json"], dir);
      first ??= m;
      log(
        `${fmt(schemes)} schemes (${k} × the flagship): ${m.code === 0 ? "" : `exit ${m.code}, `}${fmt(m.ms / 1000, 1)} s wall, ` +
          `${fmt((schemes / m.ms) * 1000)} schemes/s, peak RSS ${fmt(m.rssMb)} MB, ` +
          `${fmt(m.rssMb / first.rssMb, 2)}× the smallest space's (target within 2×; ≥ 1,000,000 schemes/s)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
