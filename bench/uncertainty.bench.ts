/**
 * Monte Carlo: draws × schemes per second on 1 and 2 workers and the speed-up; the whole 1,000-draw run on
 * the flagship against its 60-second target; peak memory at two numbers of draws; and the same work done by
 * running the deterministic analysis once per draw (extrapolated from a few draws), all in one run.
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadHighsSolver } from "../src/adapters/highs.js";
import { createTaskPool } from "../src/adapters/pool.js";
import { analyzeScenario } from "../src/explore/index.js";
import { compileScenario } from "../src/scenario/compile.js";
import { formatDiagnostic } from "../src/scenario/diagnostics.js";
import type { Scenario } from "../src/scenario/schema.js";
import { loadScenario } from "../src/scenario/validate.js";
import { DEFAULT_SCENARIO_FILE, defaultScenarioText } from "../src/scenarios/index.js";
import {
  type AppliedDraw,
  applyDraw,
  type BlockExecutor,
  drawValues,
  inProcessExecutor,
  MonteCarloKernel,
  type MonteCarloOptions,
  runMonteCarlo,
  uncertainInputs,
} from "../src/uncertainty/index.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const RATE_DRAWS = 96;
const TARGET_DRAWS = 1000;
const BASELINE_DRAWS = 3;

/** The scenario as the deterministic analysis must see a draw: its stance numbers written back. */
function withStances(d: AppliedDraw): Scenario {
  return {
    ...d.scenario,
    actors: d.scenario.actors.map((a, i) => {
      const st = d.stances[i];
      if (!a.stance || !st) return a;
      return {
        ...a,
        stance: {
          ...a.stance,
          reservation: { ...a.stance.reservation, value: st.reservation, distribution: undefined },
          power: { ...a.stance.power, value: st.power, distribution: undefined },
          salience: { ...a.stance.salience, value: st.salience, distribution: undefined },
          preferences: a.stance.preferences.map((p, k) => ({
            ...p,
            weight: st.weights[k]!,
            weightDistribution: undefined,
          })),
          redLines: a.stance.redLines.filter((_, k) => st.binds[k] === 1),
        },
      };
    }),
  };
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

/** Peak resident memory of a CLI run, MB: GNU time's %M, the whole process with its worker threads. */
function peakMb(args: string[]): number {
  const r = spawnSync(
    "/usr/bin/time",
    ["-f", "%M", process.execPath, join(ROOT, "dist", "cli", "bin.js"), ...args],
    {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const kb = Number(r.stderr.trim().split("\n").pop());
  return r.status === 0 && Number.isFinite(kb) ? kb / 1024 : Number.NaN;
}

export async function run(log: (line: string) => void): Promise<void> {
  const loaded = loadScenario(defaultScenarioText, DEFAULT_SCENARIO_FILE);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatDiagnostic).join("\n"));
  const c = compileScenario(loaded.value);
  const setup = await timed(async () => new MonteCarloKernel(c));
  const kernel = setup.value;
  const n = kernel.n;
  log(`kernel setup: ${n.toLocaleString("en-US")} schemes in ${setup.ms.toFixed(0)} ms`);

  const options: MonteCarloOptions = { samples: RATE_DRAWS, seed: 1 };
  // One worker: the blocks in process.
  const one = await timed(() =>
    runMonteCarlo(kernel, options, inProcessExecutor(c.scenario, kernel, options), 1),
  );
  const rate1 = (RATE_DRAWS * n) / (one.ms / 1000);
  // Two workers: a piscina pool; each worker builds its own kernel on its first task (counted).
  const pool = createTaskPool({ workers: 2 });
  const poolExecutor: (o: MonteCarloOptions, run: string) => BlockExecutor = (o, run) => (tasks) =>
    Promise.all(
      tasks.map((blocks) =>
        pool.run("montecarlo", { run, scenario: c.scenario, options: o, blocks: [...blocks] }),
      ),
    );
  try {
    // Warm the workers' kernels so that the rate compares draws, not set-up.
    await runMonteCarlo(kernel, { samples: 16, seed: 2 }, poolExecutor({ samples: 16, seed: 2 }, "rate"), 2);
    const two = await timed(() => runMonteCarlo(kernel, options, poolExecutor(options, "rate"), 2));
    const rate2 = (RATE_DRAWS * n) / (two.ms / 1000);
    log(
      `draws × schemes per second: 1 worker ${Math.round(rate1).toLocaleString("en-US")} (${(one.ms / RATE_DRAWS).toFixed(0)} ms a draw), 2 workers ${Math.round(rate2).toLocaleString("en-US")} (${(two.ms / RATE_DRAWS).toFixed(0)} ms a draw); speed-up ${(rate2 / rate1).toFixed(2)}× (target ≥ 1.7×: ${rate2 / rate1 >= 1.7 ? "met" : "NOT met"})`,
    );
    const same =
      JSON.stringify(Array.from(one.value.counts.both)) === JSON.stringify(Array.from(two.value.counts.both));
    log(`  1 and 2 workers give the same counters: ${same ? "yes" : "NO"}`);
    const target = await timed(async () => {
      const o: MonteCarloOptions = { samples: TARGET_DRAWS, seed: 3 };
      return runMonteCarlo(kernel, o, poolExecutor(o, "target"), 2);
    });
    log(
      `${TARGET_DRAWS.toLocaleString("en-US")} draws over all ${n.toLocaleString("en-US")} flagship schemes, 2 workers: ${(target.ms / 1000).toFixed(1)} s (target < 60 s: ${target.ms < 60_000 ? "met" : "NOT met"})`,
    );
  } finally {
    await pool.destroy();
  }

  // The same work by running the deterministic analysis once per draw.
  const solver = await loadHighsSolver();
  const inputs = uncertainInputs(c.scenario);
  const base = await timed(async () => {
    for (let k = 0; k < BASELINE_DRAWS; k++) {
      const d = applyDraw(c.scenario, inputs, drawValues(inputs, 1, k));
      const checked = loadScenario(JSON.stringify(withStances(d)), "draw.json");
      if (!checked.ok) throw new Error(checked.errors.map(formatDiagnostic).join("\n"));
      analyzeScenario(compileScenario(checked.value), solver, { parameters: d.parameters });
    }
  });
  const perDraw = base.ms / BASELINE_DRAWS;
  log(
    `deterministic analyze once per draw: ${perDraw.toFixed(0)} ms a draw, so ${((perDraw * TARGET_DRAWS) / 1000 / 60).toFixed(1)} min for ${TARGET_DRAWS.toLocaleString("en-US")} draws on one core; the kernel is ${(perDraw / (one.ms / RATE_DRAWS)).toFixed(0)}× faster per draw on one worker`,
  );

  // Memory flat in the number of draws: the whole CLI run (dist/, as a user runs it) at two numbers of draws.
  const few = peakMb(["analyze", "--samples", "100", "--workers", "2", "--json", "--quiet"]);
  const many = peakMb(["analyze", "--samples", "400", "--workers", "2", "--json", "--quiet"]);
  log(
    `peak RSS of analyze --samples 100 / 400 (2 workers): ${few.toFixed(0)} / ${many.toFixed(0)} MB, ratio ${(many / few).toFixed(2)} (memory flat in the draws: ${many / few < 1.2 ? "yes" : "NO"})`,
  );
}
