/** Coalition force generation: public names, listed explicitly. */
export { coalitionViolations } from "./check.js";
export { explainGaps, type GapExplanation, type GapReason } from "./gaps.js";
export {
  evaluateTerms,
  type LinearTerms,
  type MilpConstraint,
  type MilpModel,
  type MilpSolution,
  type MilpSolver,
  type MilpStatus,
  type MilpVariable,
  modelNonzeros,
  writeLpFormat,
} from "./milp.js";
export {
  eligibleContributors,
  feasibilityOf,
  feasibilityScore,
  type IndexedCondition,
  type PreparedProblem,
  prepareProblem,
  unitBounds,
  type WillingCapacity,
  willingCapacity,
  willingSupply,
} from "./prepare.js";
export {
  COALITION_OBJECTIVES,
  CoalitionCondition,
  CoalitionContributor,
  CoalitionObjective,
  CoalitionProblem,
  type CoalitionProblemInput,
  coalitionProblemErrors,
  parseCoalitionProblem,
} from "./problem.js";
export {
  type CoalitionScenarioOptions,
  coalitionProblemForScheme,
  contributorLedger,
  IN_PROTECTED_STATE_ATTRIBUTE,
  SCENARIO_COST_UNIT,
  schemeConditions,
} from "./scenario.js";
export { type CoalitionResult, type SolveCoalitionOptions, solveCoalition } from "./solve.js";
