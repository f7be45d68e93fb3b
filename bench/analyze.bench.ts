import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadHighsSolver } from "../src/adapters/highs.js";
import {
  coalitionProblemForScheme,
  feasibilityScore,
  prepareProblem,
  willingCapacity,
} from "../src/coalition/index.js";
import { analyzeMechanism } from "../src/deterrence/index.js";
import { analyzeScenario } from "../src/explore/analyze.js";
import { schemeRequirements } from "../src/models/index.js";
import { partyVerdicts } from "../src/politics/index.js";
import { compileScenario } from "../src/scenario/compile.js";
import { formatDiagnostic } from "../src/scenario/diagnostics.js";
import { CAPABILITIES } from "../src/scenario/schema.js";
import { loadScenario } from "../src/scenario/validate.js";
import { DEFAULT_SCENARIO_FILE, defaultScenarioText } from "../src/scenarios/index.js";
import { enumerateSchemes } from "../src/space/index.js";

import { buildBaseline, hasCommit } from "./baseline.js";

const SAMPLE = 1500;
const RUNS = 3;
/** Paired runs of the old and the new engine (alternating, so that machine noise hits both alike). */
const PAIRS = 5;
/** The last commit before the one-pass redesign (issue "One pass, one parameter shape…"): the default baseline. */
const REDESIGN_BASE = "dacc00b";
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

interface OldApi {
  loadScenario(text: string, file: string): { ok: boolean; value?: unknown };
  compileScenario(s: unknown): unknown;
  analyzeScenario(c: unknown, solver: unknown): { counts: { consistent: number } };
  loadHighsSolver(): Promise<unknown>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The old and the new engine on the same scenario, in paired runs within this process. */
async function againstBaseline(log: (line: string) => void, ref: string): Promise<void> {
  if (!hasCommit(ROOT, ref)) {
    log(`against ${ref}: no such commit in this repository (a shallow clone?); comparison skipped`);
    return;
  }
  const base = buildBaseline(ROOT, ref);
  try {
    const old: OldApi = {
      ...(await base.load<Pick<OldApi, "loadScenario">>("scenario/validate.js")),
      ...(await base.load<Pick<OldApi, "compileScenario">>("scenario/compile.js")),
      ...(await base.load<Pick<OldApi, "analyzeScenario">>("explore/analyze.js")),
      ...(await base.load<Pick<OldApi, "loadHighsSolver">>(
        base.has("src/coalition/highs.ts") ? "coalition/highs.js" : "adapters/highs.js",
      )),
    };
    // The same scenario text for both: today's flagship when the old loader takes it, else the old flagship.
    const oldText = base.read(join("scenarios", DEFAULT_SCENARIO_FILE));
    let text = defaultScenarioText;
    if (!old.loadScenario(text, DEFAULT_SCENARIO_FILE).ok) text = oldText;
    const oldLoaded = old.loadScenario(text, DEFAULT_SCENARIO_FILE);
    const newLoaded = loadScenario(text, DEFAULT_SCENARIO_FILE);
    if (!oldLoaded.ok || !newLoaded.ok) {
      log(`against ${ref}: no scenario both versions load; comparison skipped`);
      return;
    }
    const oldC = old.compileScenario(oldLoaded.value);
    const newC = compileScenario(newLoaded.value);
    const oldSolver = await old.loadHighsSolver();
    const newSolver = await loadHighsSolver();
    const oldMs: number[] = [];
    const newMs: number[] = [];
    let schemes = 0;
    for (let r = 0; r < PAIRS; r++) {
      let t0 = performance.now();
      const a = old.analyzeScenario(oldC, oldSolver);
      oldMs.push(performance.now() - t0);
      t0 = performance.now();
      const b = analyzeScenario(newC, newSolver);
      newMs.push(performance.now() - t0);
      schemes = b.counts.consistent;
      if (a.counts.consistent !== b.counts.consistent)
        log(
          `  warning: the versions count ${a.counts.consistent} and ${b.counts.consistent} consistent schemes`,
        );
    }
    log(
      `against ${ref} (paired, ${PAIRS} runs each, ${schemes.toLocaleString("en-US")} schemes): old median ${median(oldMs).toFixed(0)} ms (best ${Math.min(...oldMs).toFixed(0)}), new median ${median(newMs).toFixed(0)} ms (best ${Math.min(...newMs).toFixed(0)}); new/old ${(median(newMs) / median(oldMs)).toFixed(2)}`,
    );
  } finally {
    base.dispose();
  }
}

export async function run(
  log: (line: string) => void,
  options: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const loaded = loadScenario(defaultScenarioText, DEFAULT_SCENARIO_FILE);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatDiagnostic).join("\n"));
  const c = compileScenario(loaded.value);
  const solver = await loadHighsSolver();

  // The engine: whole runs, best of RUNS.
  let best = Number.POSITIVE_INFINITY;
  let schemes = 0;
  let heapMb = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const a = analyzeScenario(c, solver);
    const ms = performance.now() - t0;
    best = Math.min(best, ms);
    schemes = a.counts.consistent;
    heapMb = Math.max(heapMb, process.memoryUsage().heapUsed / 2 ** 20);
  }
  const engineRate = (schemes / best) * 1000;
  log(
    `analyze (engine): ${schemes.toLocaleString("en-US")} schemes in ${best.toFixed(0)} ms (best of ${RUNS}), ${Math.round(engineRate).toLocaleString("en-US")} schemes/s, heap ${heapMb.toFixed(0)} MB`,
  );

  // The straightforward version, on an evenly spaced sample.
  const step = Math.max(1, Math.floor(schemes / SAMPLE));
  const sample: number[][] = [];
  let i = 0;
  for (const s of enumerateSchemes(c)) if (i++ % step === 0) sample.push(Array.from(s));
  const t0 = performance.now();
  const objects = sample.map((scheme) => {
    const req = schemeRequirements(c, scheme);
    const requirements = Object.fromEntries(CAPABILITIES.map((k) => [k, req[k]]));
    const prepared = prepareProblem(coalitionProblemForScheme(c, scheme, requirements));
    const { supply } = willingCapacity(prepared);
    const verdicts = partyVerdicts(c, scheme);
    return {
      scheme,
      requirements: req,
      feasibility: feasibilityScore(prepared.required, supply),
      acceptability: Math.min(...verdicts.map((v) => v.margin)),
      deterrence: analyzeMechanism(c, scheme).deterrence.probability,
      cost: req.costUsdMPerYear,
    };
  });
  const sampleMs = performance.now() - t0;
  const naiveRate = (objects.length / sampleMs) * 1000;
  const naiveTotalMs = (schemes / naiveRate) * 1000;
  log(
    `straightforward (one object per scheme): ${objects.length} sampled schemes in ${sampleMs.toFixed(0)} ms, ${Math.round(naiveRate).toLocaleString("en-US")} schemes/s; whole space ≈ ${(naiveTotalMs / 1000).toFixed(1)} s (extrapolated, before the frontier and answers)`,
  );
  log(
    `ratio: the engine is ${(engineRate / naiveRate).toFixed(0)}× faster per scheme (target: analyze under 5 s on 2 cores: ${best < 5000 ? "met" : "NOT met"})`,
  );
  await againstBaseline(log, options.get("against") ?? REDESIGN_BASE);
}
