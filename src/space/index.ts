export type { EnumerateOptions, OptionFilter, RulePruning, SpaceCount } from "./enumerate.js";
export { countConsistent, countRaw, countSchemes, enumerateSchemes, optionFilter } from "./enumerate.js";
export { nearestConsistent } from "./nearest.js";
export { visitSchemes } from "./visit.js";
