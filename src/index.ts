/**
 * Guarantor as a library: the same functions the CLI calls. Everything here is pure (no files, network or
 * clock), so it runs in Node, in workers and in the browser.
 */

export type { CoalitionProblem, CoalitionResult, MilpSolver } from "./coalition/index.js";
export {
  coalitionProblemForScheme,
  loadHighsSolver,
  parseCoalitionProblem,
  solveCoalition,
} from "./coalition/index.js";
export type {
  DeterrenceEstimate,
  MechanismReport,
  ResponseLadder,
  SchemeComparison,
} from "./deterrence/index.js";
export {
  analyzeMechanism,
  buildLadder,
  compareOptions,
  compareSchemes,
  estimateDeterrence,
  makeDeterrenceEvaluator,
} from "./deterrence/index.js";
export type { Analysis, AnalyzeOptions, Answer, SchemeTable } from "./explore/index.js";
export { analyzeScenario, evaluateSchemes, frontier, paretoFront } from "./explore/index.js";
export type {
  CapabilityRequirements,
  CapStationInput,
  CapStationSize,
  GroundInput,
  GroundSize,
  SchemeRequirements,
} from "./models/index.js";
export {
  buildTerritory,
  calibrateGround,
  greatCircleKm,
  lineResponseTimeHours,
  makeRequirementEvaluator,
  responseTimeHours,
  schemeRequirements,
  sizeCapStation,
  sizeGroundForce,
  territoryCoverage,
} from "./models/index.js";
export type { ConsensusAnalysis, PartyVerdict, StanceTables } from "./politics/index.js";
export {
  analyzeConsensus,
  compileStances,
  createPartyEvaluation,
  evaluateParties,
  formatVerdicts,
  partyVerdicts,
} from "./politics/index.js";
export { mulberry32, type Random } from "./random/index.js";
export { renderMarkdown, renderText } from "./report/index.js";
export type {
  Actor,
  AttrValue,
  Capability,
  CompiledScenario,
  Diagnostic,
  Dimension,
  Predicate,
  Result,
  Scenario,
  Scheme,
  Sourced,
} from "./scenario/index.js";
export {
  attributeValue,
  brokenRule,
  CAPABILITIES,
  compileScenario,
  evaluatePredicate,
  formatDiagnostic,
  InputError,
  isConsistent,
  loadScenario,
  parseAssignment,
  scenarioJsonSchema,
  schemeToObject,
} from "./scenario/index.js";
export type { RulePruning, SpaceCount } from "./space/index.js";
export { countConsistent, countSchemes, enumerateSchemes, optionFilter } from "./space/index.js";
