/**
 * Politics: each party's acceptance of a scheme (red lines, weighted preferences, reservation), and across
 * parties the zone of possible agreement, Pareto front, Nash and maximin solutions, the weighted-mean
 * forecast, the consensus gap and the smallest concessions. Model: docs/models/politics.md.
 */
export type {
  Concession,
  ConcessionSet,
  DropRedLine,
  LowerReservation,
  WeightShift,
} from "./concessions.js";
export { concessionsFor, weightShiftFor } from "./concessions.js";
export type { ConsensusAnalysis, ConsensusOptions, ParetoPoint, ScoredScheme } from "./consensus.js";
export { analyzeConsensus, ConsensusAccumulator, scoreScheme } from "./consensus.js";
export type { ForecastPosition, ForecastTables } from "./forecast.js";
export { forecastPositions } from "./forecast.js";
export {
  ACCEPT_TOLERANCE,
  acceptsFrom,
  createPartyScores,
  gapFrom,
  marginFrom,
  type PartyScores,
  scoreParties,
} from "./outcome.js";
export type { Party, PartyEvaluation, PartyRedLine, SequentialEvaluation, StanceTables } from "./stances.js";
export {
  compileStances,
  createPartyEvaluation,
  createSequentialEvaluation,
  DEFAULT_RED_LINE_CONFIDENCE,
  evaluateParties,
  evaluatePartiesSequential,
  MAX_TRUTH_TABLE_ENTRIES,
  numericScore,
  preferenceScore,
  RED_LINE_COST_SCALE,
  stanceParties,
} from "./stances.js";
export type { PartyVerdict, PreferenceShortfall, RedLineReason } from "./verdict.js";
export { partyVerdicts } from "./verdict.js";
