/**
 * Guarantor as a library: the same functions the CLI calls. Everything here is pure (no files, network, clock
 * or `Math.random`), so it runs in Node, in workers and in the browser. The MILP solver is an adapter outside
 * this entry (`guarantor/highs`); the embedded scenarios are data (`guarantor/scenarios`).
 */

export type { CoalitionProblem, CoalitionResult, MilpSolver } from "./coalition/index.js";
export {
  COALITION_OBJECTIVES,
  coalitionProblemForScheme,
  parseCoalitionProblem,
  solveCoalition,
  writeLpFormat,
} from "./coalition/index.js";
export type { TroopCost, TroopCostFigure } from "./costs/index.js";
export { DEFLATOR, TROOP_COST_FIGURES, toUsdOfYear, troopCostUsdM } from "./costs/index.js";
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
export type {
  Analysis,
  AnalyzeOptions,
  Answer,
  SchemePass,
  SchemeScores,
  SchemeTable,
} from "./explore/index.js";
export {
  analyzeScenario,
  createSchemePass,
  evaluateSchemes,
  forEachScheme,
  frontier,
  paretoFront,
} from "./explore/index.js";
export type {
  CapabilityRequirements,
  CapStationInput,
  CapStationSize,
  GroundCalibration,
  GroundInput,
  GroundSize,
  QraCalibration,
  QraSize,
  SchemeRequirements,
} from "./models/index.js";
export {
  buildTerritory,
  calibrateGround,
  calibrateQra,
  calibrationTables,
  greatCircleKm,
  lineResponseTimeHours,
  makeRequirementEvaluator,
  responseTimeHours,
  schemeRequirements,
  sizeCapStation,
  sizeGroundForce,
  sizeQra,
  territoryCoverage,
} from "./models/index.js";
export type { ParameterDef, ResolvedParameters } from "./parameters/index.js";
export {
  AIRCRAFT,
  PARAMETERS,
  param,
  resolveParameters,
  sampleParameters,
  UnknownParameterError,
} from "./parameters/index.js";
export type { ConsensusAnalysis, PartyVerdict, StanceTables } from "./politics/index.js";
export {
  analyzeConsensus,
  compileStances,
  createPartyEvaluation,
  evaluateParties,
  partyVerdicts,
  scoreParties,
} from "./politics/index.js";
export type { AirPrecedent, GroundPrecedent, PrecedentLibrary } from "./precedents/index.js";
export { loadPrecedentFile, loadPrecedentLibrary } from "./precedents/index.js";
export { mulberry32, type Random } from "./random/index.js";
export { analysisDocument, formatVerdicts, renderMarkdown, renderText } from "./report/index.js";
export type {
  Actor,
  AttrValue,
  Capability,
  Checked,
  CompiledScenario,
  Diagnostic,
  Dimension,
  Distribution,
  Predicate,
  Result,
  Scenario,
  Scheme,
  Sourced,
} from "./scenario/index.js";
export {
  asOfWarnings,
  attributeValue,
  brokenRule,
  CAPABILITIES,
  compileScenario,
  distributionMean,
  evaluatePredicate,
  formatDiagnostic,
  InputError,
  isConsistent,
  loadScenario,
  parseAssignment,
  RESERVED_ATTRIBUTES,
  sampleDistribution,
  scenarioJsonSchema,
  schemeToObject,
} from "./scenario/index.js";
export type { RulePruning, SpaceCount } from "./space/index.js";
export { countConsistent, countSchemes, enumerateSchemes, optionFilter } from "./space/index.js";
