/**
 * Guarantor as a library: the same functions the CLI calls. Everything here is pure (no files, network or
 * clock), so it runs in Node, in workers and in the browser.
 */
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
