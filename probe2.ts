import { compileScenario } from "./src/scenario/compile.js";
import { loadScenario } from "./src/scenario/validate.js";
import { defaultScenarioText } from "./src/scenarios/index.js";
import { MonteCarloKernel } from "./src/uncertainty/kernel.js";
import { applyDraw, drawValues } from "./src/uncertainty/draw.js";
import { uncertainInputs } from "./src/uncertainty/inputs.js";
const r = loadScenario(defaultScenarioText, "x"); if (!r.ok) throw 1;
const c = compileScenario(r.value);
const kernel = new MonteCarloKernel(c) as any;
const inputs = uncertainInputs(c.scenario);
const counts = kernel.counts();
const T = { apply: 0, party: 0, det: 0, coal: 0, run: 0 };
for (let k = 0; k < 12; k++) {
  let t0 = performance.now();
  const d = applyDraw(c.scenario, inputs, drawValues(inputs, 1, k));
  let t1 = performance.now(); T.apply += t1 - t0;
  kernel.partyTables(d); let t2 = performance.now(); T.party += t2 - t1;
  kernel.deterrenceTable(d); let t3 = performance.now(); T.det += t3 - t2;
  kernel.coalitionTable(d); let t4 = performance.now(); T.coal += t4 - t3;
  kernel.run(d, counts); let t5 = performance.now(); T.run += t5 - t4;
}
for (const [k, v] of Object.entries(T)) console.log(k, (v / 12).toFixed(1), "ms");
