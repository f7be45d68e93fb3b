export type { CountBudget, EnumerateOptions, OptionFilter, RulePruning, SpaceCount } from "./enumerate.js";
export {
  countConsistent,
  countRaw,
  countSchemes,
  enumerateSchemes,
  MAX_COUNT_STATES,
  MAX_COUNT_WORK,
  optionFilter,
} from "./enumerate.js";
export { nearestConsistent } from "./nearest.js";
export { visitSchemes } from "./visit.js";
