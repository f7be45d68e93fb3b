/**
 * `npm run bench -- startup`: the fixed cost of running the built CLI, each figure the median of fresh
 * processes (`--runs N`, default 5; the commands take turns, so machine noise hits them alike):
 * `guarantor --version`, `guarantor --help`, `guarantor validate` and `guarantor analyze --json` on the default
 * scenario, against bare Node (`node -e 0`, the floor, measured in the same run). Then analyze's start-up step
 * by step (bench/startup-probe.mjs, a fresh process each run): its modules loaded, the scenario loaded, HiGHS
 * loaded, the first 4,096 schemes evaluated, the analysis done. `--against <ref>` also times the CLI of that
 * commit (built from git in a temporary worktree) in the same rounds.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Baseline, buildBaseline, hasCommit } from "./baseline.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PROBE = join(ROOT, "bench", "startup-probe.mjs");
const STEPS = ["node", "modules", "scenario", "solver", "firstSchemes", "done"] as const;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x).toLocaleString("en-US")} ms`;

/** Wall time of one fresh process, in ms; throws with its stderr when it fails. */
function wall(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 << 20 });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return t;
}

/** One run of the probe on a dist folder: the time of each step since the process started, ms. */
function probe(dist: string): Record<string, number> {
  const r = spawnSync(process.execPath, [PROBE, dist], { encoding: "utf8", maxBuffer: 64 << 20, cwd: ROOT });
  if (r.status !== 0) throw new Error(`startup-probe on ${dist}: exit ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, number>;
}

export async function run(log: (line: string) => void, options: ReadonlyMap<string, string>): Promise<void> {
  const bin = join(ROOT, "dist", "cli", "bin.js");
  if (!existsSync(bin)) {
    log("dist/cli/bin.js is missing: run `npm run build` first (this bench times the built CLI)");
    return;
  }
  const runs = Math.max(1, Math.floor(Number(options.get("runs") ?? 5)));
  const ref = options.get("against");
  let base: Baseline | undefined;
  if (ref !== undefined) {
    if (hasCommit(ROOT, ref)) base = buildBaseline(ROOT, ref);
    else log(`against ${ref}: no such commit in this repository; comparison skipped`);
  }
  try {
    const cases: [string, string[]][] = [
      ["--version", ["--version"]],
      ["--help", ["--help"]],
      ["validate (default scenario)", ["validate"]],
      ["analyze --json (default scenario)", ["analyze", "--json"]],
    ];
    const bins: [string, string][] = [["new", bin]];
    if (base) bins.push([base.ref, join(base.root, "dist", "cli", "bin.js")]);
    const times = new Map<string, number[]>();
    const add = (key: string, t: number) => times.set(key, [...(times.get(key) ?? []), t]);
    const steps = new Map<string, Record<string, number>[]>();
    for (let i = 0; i < runs; i++) {
      add("node -e 0", wall(["-e", "0"]));
      for (const [label, args] of cases)
        for (const [name, file] of bins) add(`${name} ${label}`, wall([file, ...args]));
      for (const [name, file] of bins)
        steps.set(name, [...(steps.get(name) ?? []), probe(join(dirname(file), ".."))]);
    }
    const floor = median(times.get("node -e 0")!);
    log(`bare Node (node -e 0): ${ms(floor)} (median of ${runs} fresh processes, the floor)`);
    for (const [label] of cases) {
      const now = median(times.get(`new ${label}`)!);
      const parts = [`guarantor ${label}: ${ms(now)}, ${(now / floor).toFixed(1)}× bare Node`];
      if (base) {
        const old = median(times.get(`${base.ref} ${label}`)!);
        parts.push(`${base.ref}: ${ms(old)}; new/old ${(now / old).toFixed(2)}`);
      }
      if (label.startsWith("analyze")) parts.push("target ≤ 2,000 ms");
      log(parts.join("; "));
    }
    for (const [name, records] of steps) {
      const at = Object.fromEntries(STEPS.map((s) => [s, median(records.map((r) => r[s] ?? Number.NaN))]));
      log(
        `analyze step by step (${name}, since the process started, medians): Node ready ${ms(at.node!)}, ` +
          `modules ${ms(at.modules!)}, scenario loaded ${ms(at.scenario!)}, HiGHS loaded ${ms(at.solver!)}, ` +
          `first 4,096 schemes ${ms(at.firstSchemes!)}, done ${ms(at.done!)}; start-up (to the first schemes) ` +
          `${((at.firstSchemes! / at.done!) * 100).toFixed(0)}% of the analysis`,
      );
    }
  } finally {
    base?.dispose();
  }
}
