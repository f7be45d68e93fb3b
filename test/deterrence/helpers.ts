/** Helpers for the deterrence tests: the fixture scenario and schemes written as `dim=option,...`. */
import { join } from "node:path";
import type { MechanismAttributes } from "../../src/deterrence/index.js";
import { type CompiledScenario, parseAssignment } from "../../src/scenario/compile.js";
import { FIXTURES } from "../helpers.js";

export { compileFile, ROOT } from "../helpers.js";

export const FIXTURE = join(FIXTURES, "deterrence-ukraine.yaml");

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
  adversaryGuarantor: false,
};

/**
 * Make a scheme consistent by changing dimensions other than `keep`: for each rule it breaks, take the first
 * option of a free dimension of that rule that lifts it. Returns the scheme, or throws naming the rule that
 * could not be lifted. Keeps tests on an evolving scenario file meaningful without pinning every dimension.
 */
export function repairScheme(c: CompiledScenario, s: number[], keep: readonly string[]): number[] {
  const out = [...s];
  const kept = new Set(keep.map((id) => c.dimIndex.get(id)));
  for (let guard = 0; guard < 50; guard++) {
    const r = c.rules.find((rule) => rule.dims.every((d, k) => rule.masks[k]![out[d]!]));
    if (!r) return out;
    let fixed = false;
    for (const [k, d] of r.dims.entries()) {
      if (kept.has(d)) continue;
      const o = r.masks[k]!.findIndex((m) => !m);
      if (o >= 0) {
        out[d] = o;
        fixed = true;
        break;
      }
    }
    if (!fixed)
      throw new Error(`repairScheme: rule ${r.id} cannot be lifted without changing ${keep.join(", ")}`);
  }
  throw new Error("repairScheme: no consistent scheme found in 50 changes");
}
