/** Shared loaders for the models' tests. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { WorldAtlas } from "../../src/models/coverage.js";
import { type CompiledScenario, compileScenario } from "../../src/scenario/compile.js";
import { loadScenario } from "../../src/scenario/validate.js";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, "..", "..");
export const FIXTURE = join(ROOT, "test", "fixtures", "models-ukraine.yaml");
export const FLAGSHIP = join(ROOT, "scenarios", "ukraine-2025-08.yaml");

/** Load, validate and compile a scenario file; throws with the diagnostics when it is invalid. */
export function compileFile(path: string): CompiledScenario {
  const r = loadScenario(readFileSync(path, "utf8"), path);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("\n"));
  return compileScenario(r.value);
}

/** The flagship scenario when it exists and is valid (another engineer writes it), else undefined. */
export function flagship(): CompiledScenario | undefined {
  if (!existsSync(FLAGSHIP)) return undefined;
  try {
    return compileFile(FLAGSHIP);
  } catch {
    return undefined;
  }
}

export function readAtlas(): WorldAtlas {
  return JSON.parse(
    readFileSync(join(ROOT, "node_modules", "world-atlas", "countries-50m.json"), "utf8"),
  ) as WorldAtlas;
}
