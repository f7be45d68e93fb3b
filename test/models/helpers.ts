/** Shared loaders for the models' tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { WorldAtlas } from "../../src/models/coverage.js";
import type { CompiledScenario } from "../../src/scenario/compile.js";
import { compileFile, FIXTURES, ROOT } from "../helpers.js";

export { compileFile, ROOT } from "../helpers.js";

export const FIXTURE = join(FIXTURES, "models-ukraine.yaml");
export const FLAGSHIP = join(ROOT, "scenarios", "ukraine-2025-08.yaml");

/** The flagship scenario, compiled; a missing or invalid file fails the test with its located errors. */
export function flagship(): CompiledScenario {
  return compileFile(FLAGSHIP);
}

export function readAtlas(): WorldAtlas {
  return JSON.parse(
    readFileSync(join(ROOT, "node_modules", "world-atlas", "countries-50m.json"), "utf8"),
  ) as WorldAtlas;
}
