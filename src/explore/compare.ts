/**
 * Comparing two schemes' mechanisms with the rest of the pipeline: each party's acceptance from the politics
 * model, and the actors of each step from the coalition model. The deterrence module compares mechanisms;
 * these evaluators add what lies outside it.
 */
import { coalitionProblemForScheme, type MilpSolver, solveCoalition } from "../coalition/index.js";
import type { ComparisonEvaluators } from "../deterrence/index.js";
import { schemeRequirements } from "../models/index.js";
import type { ResolvedParameters } from "../parameters/index.js";
import { partyVerdicts } from "../politics/index.js";
import type { CompiledScenario, Scheme } from "../scenario/compile.js";
import { CAPABILITIES } from "../scenario/schema.js";

/**
 * The min-cost coalition allocation of a scheme's requirements (requirement model + coalition MILP).
 * @example analyzeMechanism(c, s, { allocation: coalitionAllocation(c, s, solver) })
 */
export function coalitionAllocation(
  c: CompiledScenario,
  s: Scheme,
  solver: MilpSolver,
  parameters?: ResolvedParameters,
): Record<string, Record<string, number>> {
  const req = schemeRequirements(c, s, parameters ? { parameters } : {});
  const requirements = Object.fromEntries(CAPABILITIES.map((k) => [k, req[k]]));
  return solveCoalition(coalitionProblemForScheme(c, s, requirements, { objective: "min-cost" }), solver)
    .allocation;
}

/**
 * Acceptability from the politics model for `compareSchemes`: each party's verdict, with its red lines or
 * utility shortfall.
 * @example compareSchemes(c, a, b, { evaluators: politicsEvaluator() })
 */
export function politicsEvaluator(): ComparisonEvaluators {
  return {
    acceptability: (c, scheme) =>
      Object.fromEntries(
        partyVerdicts(c, scheme).map((v) => [
          v.party,
          {
            accepts: v.accepts,
            reasons: [
              ...v.redLines.map((r) => `red line ${r.id}: ${r.description} (${r.source})`),
              ...(v.utility < v.reservation && v.redLines.length === 0
                ? [`utility ${v.utility.toFixed(2)} below reservation ${v.reservation.toFixed(2)}`]
                : []),
            ],
          },
        ]),
      ),
  };
}
