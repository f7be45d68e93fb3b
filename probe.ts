import { compileScenario } from "./src/scenario/compile.js";
import { loadScenario } from "./src/scenario/validate.js";
import { defaultScenarioText } from "./src/scenarios/index.js";
import { MonteCarloKernel } from "./src/uncertainty/kernel.js";
import { runBlocks } from "./src/uncertainty/montecarlo.js";
import { uncertainInputs } from "./src/uncertainty/inputs.js";
const r = loadScenario(defaultScenarioText, "x"); if (!r.ok) throw 1;
const c = compileScenario(r.value);
let t0 = performance.now();
const kernel = new MonteCarloKernel(c);
console.log("setup ms", (performance.now()-t0).toFixed(0), "n", kernel.n, "vectors", kernel.vectorCount, "projections", kernel.projectionCount);
const inputs = uncertainInputs(c.scenario);
console.log("inputs", inputs.length, inputs.slice(0, 8).map(x => x.id + ":" + x.origin).join(" "));
for (const blocks of [[0], [1, 2]]) {
  t0 = performance.now();
  const res = runBlocks(c.scenario, kernel, { samples: 24 }, blocks);
  const ms = performance.now() - t0;
  console.log("draws", res.figures.length, "ms/draw", (ms / res.figures.length).toFixed(1), res.figures.slice(0,3).map(f => `${f.feasible}/${f.acceptedByAll}/${f.both} d=${f.distance.toFixed(3)} focus=${f.focus}`).join("  "));
}
t0 = performance.now();
const pt = runBlocks(c.scenario, kernel, { samples: 1, collapse: true }, [0]);
console.log("collapsed", pt.figures[0]);
