/**
 * The reserved scheme attributes (src/scenario/reserved.ts, docs/attributes.md) that the mechanism and
 * deterrence models read, typed, with the documented defaults for scenarios that do not declare them.
 */
import { attributeValue, type CompiledScenario, type Scheme } from "../scenario/compile.js";
import { type GroundMission, reservedDefault, type Scope } from "../scenario/reserved.js";
import type { AttrValue } from "../scenario/schema.js";

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
  adversaryGuarantor: boolean;
}

/** Names of the reserved attributes read here: a scheme's deterrence is a function of these alone (the explore
 *  engine memoises on the dimensions that set them). */
export const MECHANISM_ATTRIBUTES: readonly string[] = [
  "bindingness",
  "consultation_hours",
  "scope",
  "ground_mission",
  "troops_in_protected_state",
  "us_ground_troops",
  "us_command",
  "cap_stations",
  "air_policing",
  "aircraft_in_protected_state",
  "us_air_support",
  "us_isr",
  "ad_crews_in_protected_state",
  "us_enablers",
  "weapons_usd_bn_per_year",
  "ukraine_force_k",
  "adversary_guarantor",
];

function read(c: CompiledScenario, scheme: Scheme, name: string): AttrValue {
  return c.attrIndex.has(name) ? attributeValue(c, scheme, name) : reservedDefault(name);
}

/**
 * Read the reserved attributes a scheme sets, with the documented defaults for undeclared ones. Their types and
 * values were checked when the scenario was validated (`loadScenario`).
 * @example readMechanismAttributes(c, scheme).scope // "controlled_territory"
 */
export function readMechanismAttributes(c: CompiledScenario, scheme: Scheme): MechanismAttributes {
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
    adversaryGuarantor: bool("adversary_guarantor"),
  };
}
