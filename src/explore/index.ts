/** Explore: the single pass over every consistent scheme, the table of rows, the frontier and `analyze`. */
export type { Analysis, AnalyzeOptions, Answer, AnswerTable, ScoredSchemeRow } from "./analyze.js";
export { analyzeScenario, rowOf } from "./analyze.js";
export type { EvaluateOptions, ObjectiveName, SchemeTable } from "./evaluate.js";
export {
  acceptedByAll,
  coalitionFor,
  evaluateSchemes,
  frontier,
  isFeasible,
  OBJECTIVES,
  schemeAt,
} from "./evaluate.js";
export type { Sense } from "./pareto.js";
export { paretoFront } from "./pareto.js";
export {
  type CoalitionEntry,
  createSchemePass,
  eligibilityDims,
  feasibilityScore,
  forEachScheme,
  type PassOptions,
  PRESENCES,
  type SchemePass,
  type SchemeScores,
  type StreamOptions,
} from "./pass.js";
