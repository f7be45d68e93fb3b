/** The requirement model: what a scheme needs (troops, aircraft, drones, air defence, airlift, money). */

export { capStationPlacement } from "./air.js";
export { batteriesForCity } from "./air-defence.js";
export { REQUIREMENT_ATTRIBUTES } from "./context.js";
export { type SchemeReach, schemeAirCoverage, schemeReach } from "./coverage.js";
export {
  makeRequirementEvaluator,
  type RequirementTable,
  requirementTables,
  schemeRequirements,
} from "./evaluator.js";
export {
  type BreakdownInput,
  type BreakdownLine,
  type CapabilityRequirements,
  REQ_AEW,
  REQ_AIR_DEFENCE_BATTERIES,
  REQ_AIRLIFT,
  REQ_COST_USD_M_PER_YEAR,
  REQ_DEPLOYED_TROOPS,
  REQ_DRONE_ORBITS,
  REQ_FIGHTERS,
  REQ_LENGTH,
  REQ_NAMES,
  REQ_TANKERS,
  REQ_TROOPS,
  type RequirementOptions,
  type SchemeRequirements,
} from "./layout.js";
