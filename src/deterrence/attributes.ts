/**
 * The reserved scheme attributes (docs/attributes.md) that the mechanism and deterrence models read, with
 * their documented defaults for scenarios that do not declare them.
 */
import { attributeValue, type CompiledScenario, type Scheme } from "../scenario/compile.js";
import { InputError } from "../scenario/diagnostics.js";
import type { AttrValue } from "../scenario/schema.js";

/** What an attack on must hit for the guarantee to apply (docs/attributes.md `scope`). */
export type Scope = "recognised_territory" | "controlled_territory" | "guarantor_forces";
export const SCOPES: readonly Scope[] = ["recognised_territory", "controlled_territory", "guarantor_forces"];

/** Ground mission kinds (docs/attributes.md `ground_mission`). */
export type GroundMission = "none" | "observation" | "interposition" | "reassurance" | "tripwire" | "defence";
export const GROUND_MISSIONS: readonly GroundMission[] = [
  "none",
  "observation",
  "interposition",
  "reassurance",
  "tripwire",
  "defence",
];

/** The reserved attributes of one scheme, typed, defaults filled in. */
export interface MechanismAttributes {
  bindingness: number;
  consultationHours: number;
  scope: Scope;
  groundMission: GroundMission;
  troopsInProtectedState: boolean;
  usGroundTroops: boolean;
  usCommand: boolean;
  capStations: number;
  airPolicing: boolean;
  aircraftInProtectedState: boolean;
  usAirSupport: boolean;
  usIsr: boolean;
  adCrewsInProtectedState: boolean;
  usEnablers: boolean;
  weaponsUsdBnPerYear: number;
  ukraineForceK: number;
}

/** Reserved attributes read here, with their documented type and default (docs/attributes.md). */
const RESERVED: Record<string, { type: "number" | "boolean" | "string"; default: AttrValue }> = {
  bindingness: { type: "number", default: 0 },
  consultation_hours: { type: "number", default: 0 },
  scope: { type: "string", default: "guarantor_forces" },
  ground_mission: { type: "string", default: "none" },
  troops_in_protected_state: { type: "boolean", default: false },
  us_ground_troops: { type: "boolean", default: false },
  us_command: { type: "boolean", default: false },
  cap_stations: { type: "number", default: 0 },
  air_policing: { type: "boolean", default: false },
  aircraft_in_protected_state: { type: "boolean", default: false },
  us_air_support: { type: "boolean", default: false },
  us_isr: { type: "boolean", default: false },
  ad_crews_in_protected_state: { type: "boolean", default: false },
  us_enablers: { type: "boolean", default: false },
  weapons_usd_bn_per_year: { type: "number", default: 0 },
  ukraine_force_k: { type: "number", default: 900 },
};

/** Names of the reserved attributes the mechanism and deterrence models read: a scheme's deterrence is a
 *  function of these alone (the explore engine memoises on the dimensions that set them). */
export const MECHANISM_ATTRIBUTES: readonly string[] = Object.keys(RESERVED);

/** Problems with the reserved attributes a scenario declares (wrong type, unknown scope or mission value). */
export function reservedAttributeProblems(
  c: CompiledScenario,
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  c.scenario.dimensions.forEach((d, di) => {
    for (const [name, decl] of Object.entries(d.attributes)) {
      const r = RESERVED[name];
      if (!r) continue;
      if (decl.type !== r.type) {
        out.push({
          path: ["dimensions", di, "attributes", name, "type"],
          message: `reserved attribute "${name}" must be a ${r.type} (docs/attributes.md), got ${decl.type}`,
        });
        continue;
      }
      const allowed = name === "scope" ? SCOPES : name === "ground_mission" ? GROUND_MISSIONS : undefined;
      if (!allowed) continue;
      d.options.forEach((o, oi) => {
        const v = o.attributes[name] ?? decl.default;
        if (!(allowed as readonly AttrValue[]).includes(v))
          out.push({
            path:
              o.attributes[name] !== undefined
                ? ["dimensions", di, "options", oi, "attributes", name]
                : ["dimensions", di, "attributes", name, "default"],
            message: `expected one of ${allowed.join(", ")} for "${name}", got ${JSON.stringify(v)}`,
          });
      });
    }
  });
  return out;
}

function read(c: CompiledScenario, scheme: Scheme, name: string): AttrValue {
  return c.attrIndex.has(name) ? attributeValue(c, scheme, name) : RESERVED[name]!.default;
}

/** Scenarios already checked for reserved-attribute problems (the check reads every option once). */
const CHECKED = new WeakMap<CompiledScenario, true>();

/** Throw InputError, located by field path, when the scenario declares a reserved attribute wrongly. */
export function checkReservedAttributes(c: CompiledScenario): void {
  if (CHECKED.has(c)) return;
  const problems = reservedAttributeProblems(c);
  if (problems.length > 0)
    throw new InputError(problems.map((p) => ({ file: c.scenario.id, path: p.path, message: p.message })));
  CHECKED.set(c, true);
}

/**
 * Read the reserved attributes a scheme sets, with the documented defaults for undeclared ones.
 * Throws InputError (located by field path) when the scenario declares one with the wrong type or value.
 * @example readMechanismAttributes(c, scheme).scope // "controlled_territory"
 */
export function readMechanismAttributes(c: CompiledScenario, scheme: Scheme): MechanismAttributes {
  checkReservedAttributes(c);
  const num = (n: string) => read(c, scheme, n) as number;
  const bool = (n: string) => read(c, scheme, n) as boolean;
  return {
    bindingness: num("bindingness"),
    consultationHours: num("consultation_hours"),
    scope: read(c, scheme, "scope") as Scope,
    groundMission: read(c, scheme, "ground_mission") as GroundMission,
    troopsInProtectedState: bool("troops_in_protected_state"),
    usGroundTroops: bool("us_ground_troops"),
    usCommand: bool("us_command"),
    capStations: num("cap_stations"),
    airPolicing: bool("air_policing"),
    aircraftInProtectedState: bool("aircraft_in_protected_state"),
    usAirSupport: bool("us_air_support"),
    usIsr: bool("us_isr"),
    adCrewsInProtectedState: bool("ad_crews_in_protected_state"),
    usEnablers: bool("us_enablers"),
    weaponsUsdBnPerYear: num("weapons_usd_bn_per_year"),
    ukraineForceK: num("ukraine_force_k"),
  };
}
