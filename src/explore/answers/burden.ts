/** Question 7. How is the burden shared, and what fails without a main contributor? */
import { coalitionProblemForScheme, prepareProblem, willingCapacity } from "../../coalition/index.js";
import { OBJ_COST } from "../rank.js";
import { type AnswerContext, dimOfAttribute } from "./context.js";

export interface BurdenAnswer {
  id: 7;
  /** The focus scheme's coalition (undefined: no consistent scheme). */
  coalition:
    | {
        /** Contributors' unit and fixed costs, USD m/year. */
        totalCostUsdMPerYear: number;
        /** The requirement model's cost of the whole scheme, weapons included, USD m/year. */
        schemeCostUsdMPerYear: number;
        /** The focus scheme's financing option, when a dimension sets `europe_cost_share`. */
        financing: { dim: string; option: string } | undefined;
        contributors: {
          id: string;
          provides: Record<string, number>;
          costUsdMPerYear: number;
          costShare: number;
          gdpShare: number | undefined;
        }[];
        /** What the focus scheme lacks without each of its largest contributors (up to four). */
        withouts: { without: string; missing: Record<string, number> }[];
      }
    | undefined;
}

/** Question 7 as data. */
export function burdenAnswer(x: AnswerContext): BurdenAnswer {
  const fc = x.focusCoalition;
  const focus = x.focus;
  if (!fc || !focus) return { id: 7, coalition: undefined };
  const entry = x.pass.coalitions[focus.coalition]!;
  const problem = coalitionProblemForScheme(x.c, focus.scheme, entry.requirements, {
    objective: x.objective,
  });
  const byCost = [...fc.participants].sort(
    (a, b) => (fc.costByContributor[b] ?? 0) - (fc.costByContributor[a] ?? 0),
  );
  const withouts = byCost.slice(0, 4).map((id) => {
    const prepared = prepareProblem({
      ...problem,
      contributors: problem.contributors.filter((y) => y.id !== id),
    });
    const { supply } = willingCapacity(prepared);
    const missing: Record<string, number> = {};
    prepared.caps.forEach((cap, k) => {
      if (prepared.required[k]! > supply[k]!) missing[cap] = prepared.required[k]! - supply[k]!;
    });
    return { without: id, missing };
  });
  const fd = dimOfAttribute(x.c, "europe_cost_share");
  return {
    id: 7,
    coalition: {
      totalCostUsdMPerYear: fc.totalCost,
      schemeCostUsdMPerYear: focus.objectives[OBJ_COST]!,
      financing:
        fd === undefined
          ? undefined
          : { dim: x.c.dims[fd]!.id, option: x.c.dims[fd]!.options[focus.scheme[fd]!]! },
      contributors: fc.participants.map((id) => ({
        id,
        provides: fc.allocation[id]!,
        costUsdMPerYear: fc.costByContributor[id] ?? 0,
        costShare: fc.costShare[id] ?? 0,
        gdpShare: fc.gdpShare[id],
      })),
      withouts,
    },
  };
}
