/** Helpers for the deterrence tests: the fixture scenario and schemes written as `dim=option,...`. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MechanismAttributes } from "../../src/deterrence/index.js";
import { type CompiledScenario, compileScenario, parseAssignment } from "../../src/scenario/compile.js";
import { formatDiagnostic } from "../../src/scenario/diagnostics.js";
import { loadScenario } from "../../src/scenario/validate.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const FIXTURE = join(ROOT, "test", "fixtures", "deterrence-ukraine.yaml");

/** Load and compile a scenario file, failing with its located errors. */
export function compileFile(path: string): CompiledScenario {
  const r = loadScenario(readFileSync(path, "utf8"), path);
  if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join("\n"));
  return compileScenario(r.value);
}

/** A full scheme from `dim=option,...`; dimensions not named take their first option. */
export function scheme(c: CompiledScenario, spec: string): number[] {
  const a = parseAssignment(c, spec);
  if (!a.ok) throw new Error(a.errors.join("; "));
  return c.dims.map((_, i) => a.value.get(i) ?? 0);
}

/** Attributes with nothing set: the documented defaults, scope on the protected state's controlled territory. */
export const BARE: MechanismAttributes = {
  bindingness: 0,
  consultationHours: 0,
  scope: "controlled_territory",
  groundMission: "none",
  troopsInProtectedState: false,
  usGroundTroops: false,
  usCommand: false,
  capStations: 0,
  airPolicing: false,
  aircraftInProtectedState: false,
  usAirSupport: false,
  usIsr: false,
  adCrewsInProtectedState: false,
  usEnablers: false,
  weaponsUsdBnPerYear: 0,
  ukraineForceK: 900,
};
