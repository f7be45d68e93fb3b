/**
 * Requirement evaluations per second over every consistent scheme of the default scenario: the fast tabulated
 * evaluator (`makeRequirementEvaluator`) against the readable one (`schemeRequirements`), in the same run.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeRequirementEvaluator, REQ_LENGTH, schemeRequirements } from "../src/models/index.js";
import { compileScenario } from "../src/scenario/compile.js";
import { loadScenario } from "../src/scenario/validate.js";
import { enumerateSchemes } from "../src/space/index.js";

const SCENARIO = join(dirname(fileURLToPath(import.meta.url)), "..", "scenarios", "ukraine-2025-08.yaml");
/** Readable evaluations to time (a sample: the readable path builds a breakdown per scheme). */
const READABLE_SAMPLE = 3000;

export async function run(log: (line: string) => void): Promise<void> {
  const loaded = loadScenario(readFileSync(SCENARIO, "utf8"), SCENARIO);
  if (!loaded.ok) {
    log(`default scenario invalid: ${loaded.errors[0]?.message ?? "?"}`);
    return;
  }
  const c = compileScenario(loaded.value);
  const n = c.dims.length;
  const rows: number[] = [];
  for (const s of enumerateSchemes(c)) for (let i = 0; i < n; i++) rows.push(s[i]!);
  const schemes = Int32Array.from(rows);
  const count = schemes.length / n;
  log(`scenario ${c.scenario.id}: ${count.toLocaleString("en-US")} consistent schemes, ${n} dimensions`);

  let t0 = performance.now();
  const evaluate = makeRequirementEvaluator(c);
  const buildMs = performance.now() - t0;
  const out = new Float64Array(REQ_LENGTH);
  const scheme = new Int32Array(n);
  let checksum = 0;
  // Copy each scheme into one reused buffer, as the enumerator yields them: no allocation in the loop.
  const pass = () => {
    for (let k = 0; k < count; k++) {
      for (let i = 0; i < n; i++) scheme[i] = schemes[k * n + i]!;
      evaluate(scheme, out);
      checksum += out[0]!;
    }
  };
  pass(); // warm-up
  const passes = 5;
  t0 = performance.now();
  for (let p = 0; p < passes; p++) pass();
  const fastMs = (performance.now() - t0) / passes;
  const fastRate = count / (fastMs / 1000);

  const step = Math.max(1, Math.floor(count / READABLE_SAMPLE));
  let sampled = 0;
  t0 = performance.now();
  for (let k = 0; k < count; k += step) {
    checksum += schemeRequirements(c, schemes.subarray(k * n, (k + 1) * n)).troops;
    sampled++;
  }
  const readableMs = performance.now() - t0;
  const readableRate = sampled / (readableMs / 1000);

  log(`fast evaluator: built in ${buildMs.toFixed(1)} ms; all schemes in ${fastMs.toFixed(1)} ms`);
  log(`  ${Math.round(fastRate).toLocaleString("en-US")} evaluations/s`);
  log(`readable schemeRequirements: ${sampled} schemes in ${readableMs.toFixed(0)} ms`);
  log(`  ${Math.round(readableRate).toLocaleString("en-US")} evaluations/s`);
  log(
    `ratio fast / readable: ${(fastRate / readableRate).toFixed(0)}×  (checksum ${checksum.toExponential(3)})`,
  );
}
