import { loadHighsSolver } from "../src/adapters/highs.js";
import {
  coalitionProblemForScheme,
  eligibleContributors,
  prepareProblem,
  unitBounds,
  willingSupply,
} from "../src/coalition/index.js";
import { analyzeMechanism } from "../src/deterrence/index.js";
import { analyzeScenario } from "../src/explore/analyze.js";
import { feasibilityScore } from "../src/explore/pass.js";
import { schemeRequirements } from "../src/models/index.js";
import { partyVerdicts } from "../src/politics/index.js";
import { compileScenario } from "../src/scenario/compile.js";
import { formatDiagnostic } from "../src/scenario/diagnostics.js";
import { CAPABILITIES } from "../src/scenario/schema.js";
import { loadScenario } from "../src/scenario/validate.js";
import { DEFAULT_SCENARIO_FILE, defaultScenarioText } from "../src/scenarios/index.js";
import { enumerateSchemes } from "../src/space/index.js";

const SAMPLE = 1500;
const RUNS = 3;

export async function run(log: (line: string) => void): Promise<void> {
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
    const ub = unitBounds(prepared);
    const supply = willingSupply(prepared, ub, eligibleContributors(prepared, ub));
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
}
