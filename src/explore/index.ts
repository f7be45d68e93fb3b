/** Explore: the single pass over every consistent scheme, the table of rows, the frontier and `analyze`. */

export type { AcceptanceByOption, Analysis, AnalyzeOptions, Answer, Answers } from "./analyze.js";
export { analyzeScenario } from "./analyze.js";
export type { AcceptabilityAnswer, RedLineCount } from "./answers/acceptability.js";
export type { BurdenAnswer } from "./answers/burden.js";
export type { GroupRow, SchemeSummary, VariantRow } from "./answers/context.js";
export type { DistanceAnswer } from "./answers/distance.js";
export type { FeasibilityAnswer } from "./answers/feasibility.js";
export type { MechanismAnswer } from "./answers/mechanism.js";
export type { ParticipationAnswer } from "./answers/participation.js";
export type { PresenceAnswer } from "./answers/presence.js";
export type { ScopeAnswer } from "./answers/scope.js";
export { coalitionAllocation, politicsEvaluator } from "./compare.js";
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
export { FrontArchive, type FrontPoint } from "./front.js";
export type { GroupStats } from "./groups.js";
export type { Sense } from "./pareto.js";
export { paretoFront } from "./pareto.js";
export {
  type CoalitionEntry,
  createSchemePass,
  eligibilityDims,
  forEachScheme,
  type PassOptions,
  PRESENCES,
  type SchemePass,
  type SchemeScores,
  type StreamOptions,
} from "./pass.js";
export { better, OBJECTIVE_SENSES, type RowScores, type Tier, TopRows, tierOf } from "./rank.js";
