export type { Analysis, AnalyzeOptions, Answer, AnswerTable, ScoredSchemeRow } from "./analyze.js";
export { analyzeScenario, rowOf } from "./analyze.js";
export type { CoalitionEntry, EvaluateOptions, ObjectiveName, SchemeTable } from "./evaluate.js";
export {
  acceptedByAll,
  coalitionFor,
  evaluateSchemes,
  feasibilityScore,
  frontier,
  isFeasible,
  OBJECTIVES,
  PRESENCES,
  schemeAt,
} from "./evaluate.js";
export type { Sense } from "./pareto.js";
export { paretoFront } from "./pareto.js";
