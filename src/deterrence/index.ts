/** Deterrence and how the mechanism would operate: public names, listed explicitly. */
export { type Allocation, allocatedProviders, DEFAULT_US_ACTOR_ID, eligibleProviders } from "./actors.js";
export { MECHANISM_ATTRIBUTES, type MechanismAttributes, readMechanismAttributes } from "./attributes.js";
export {
  type CompareOptions,
  type ComparisonEvaluators,
  compareOptions,
  compareSchemes,
  type SchemeComparison,
  type TermDifference,
} from "./compare.js";
export { makeDeterrenceEvaluator } from "./evaluator.js";
export {
  type AirResponse,
  ARMED_MISSIONS,
  airliftHoursFromParameters,
  airResponseFromBases,
  buildLadder,
  DEFAULT_RESPONSE_FIGHTER,
  type LadderStep,
  type LadderTimelineOptions,
  ladderTimeline,
  type MechanismOptions,
  type MechanismTimings,
  type ResponseLadder,
  STEP_KINDS,
  STEP_WORDS,
  type StepKind,
  type StepTiming,
} from "./ladder.js";
export { analyzeMechanism, type MechanismReport, type Presence, presenceOf } from "./mechanism.js";
export {
  type DeterrenceEstimate,
  type DeterrenceFactors,
  type DeterrenceTerm,
  deterrenceFactors,
  deterrenceProbability,
  estimateDeterrence,
  estimateFromAttributes,
  logistic,
  noisyOr,
  normalCdf,
  stepCost,
} from "./model.js";
