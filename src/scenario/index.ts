export type {
  CompiledAttribute,
  CompiledDimension,
  CompiledRule,
  CompiledScenario,
  Scheme,
} from "./compile.js";
export {
  attributeDimensions,
  attributeValue,
  brokenRule,
  compileScenario,
  evaluatePredicate,
  isConsistent,
  numericAttribute,
  parseAssignment,
  predicateDimensions,
  schemeToObject,
} from "./compile.js";
export { asOfWarnings, dateErrors, dateRange, periodRange } from "./dates.js";
export type { Checked, Diagnostic, Result, SourcePosition } from "./diagnostics.js";
export { formatDiagnostic, formatPath, InputError } from "./diagnostics.js";
export {
  distributionMean,
  distributionQuantile,
  distributionSupport,
  pointEstimate,
  sampleDistribution,
} from "./distributions.js";
export {
  attributeClassRadix,
  type ClassRadix,
  classIndex,
  type MixedRadix,
  mixedRadix,
  radixDecode,
  radixIndex,
} from "./radix.js";
export {
  GROUND_MISSION_VALUES,
  GROUND_MISSIONS,
  GROUND_POSTURE_VALUES,
  type GroundMission,
  type GroundMissionKind,
  RESERVED_ATTRIBUTES,
  type ReservedAttribute,
  reservedAttribute,
  reservedAttributeProblems,
  reservedDefault,
  SCOPES,
  type Scope,
} from "./reserved.js";
export type {
  Actor,
  AttrValue,
  Capability,
  Dimension,
  Distribution,
  LatLon,
  Option,
  Parameter,
  Precedent,
  Predicate,
  Preference,
  RedLine,
  Rule,
  Scenario,
  ScenarioInput,
  Source,
  Sourced,
  Stance,
  Theater,
  Willingness,
} from "./schema.js";
export { CAPABILITIES, scenarioJsonSchema } from "./schema.js";
export { type AppliedSettings, applySettings, parseSetting, type Setting } from "./settings.js";
export { loadScenario, semanticErrors, semanticWarnings, validateScenarioData } from "./validate.js";
export { MAX_ALIAS_COUNT, parseYaml } from "./yaml.js";
export { type Locate, schemaDiagnostics } from "./zod-diagnostics.js";
