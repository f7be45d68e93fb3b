// The start-up of `guarantor analyze` on the default scenario, step by step, in a fresh process (run by
// startup.bench.ts as `node bench/startup-probe.mjs <dist folder>`): the steps the analyze command takes, each
// stamped with the time since the process started, printed as one JSON line. `firstSchemes` is the first
// progress report of the scheme pass with schemes done (after its first 4,096).
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dist = process.argv[2];
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const at = {};
const stamp = (name) => {
  at[name] = performance.now();
};
stamp("node");
await load("cli/commands/analyze.js");
stamp("modules");
const { loadScenarioFile } = await load("cli/scenario-file.js");
const loaded = await loadScenarioFile(undefined, process.cwd());
stamp("scenario");
const { loadHighsSolver } = await load("adapters/highs.js");
const solver = await loadHighsSolver();
stamp("solver");
const { resolveParameters } = await load("parameters/index.js");
const { analyzeScenario } = await load("explore/analyze.js");
analyzeScenario(loaded, solver, {
  parameters: resolveParameters(loaded.scenario),
  // Phases start with done = 0; the pass's first report with done > 0 comes after its first 4,096 schemes.
  progress: (done) => {
    if (done > 0 && at.firstSchemes === undefined) stamp("firstSchemes");
  },
});
stamp("done");
process.stdout.write(`${JSON.stringify(at)}\n`);
