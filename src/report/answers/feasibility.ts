/** Question 1 in words. */
import type { FeasibilityAnswer } from "../../explore/answers/feasibility.js";
import type { ReportSection } from "../document.js";
import { count, pct, r1 } from "../format.js";
import { groupTable } from "./common.js";

export function feasibilitySection(a: FeasibilityAnswer): ReportSection {
  return {
    id: 1,
    question: "Which schemes are militarily feasible?",
    summary: [
      `${count(a.feasible)} of ${count(a.consistent)} consistent schemes (${pct(a.consistent ? a.feasible / a.consistent : 0)}) can be fully provided by contributors willing to provide them, under their capacities and conditions.`,
      ...a.shortfalls
        .slice(0, 3)
        .map(
          (g) =>
            `${g.capability} falls short in ${count(g.schemes)} schemes (up to ${count(g.maxUnits)} units).`,
        ),
      `What drives feasibility most: ${a.drivers
        .slice(0, 3)
        .map((d) => d.dim)
        .join(", ")}.`,
    ],
    tables: [
      {
        title: "Requirements across the consistent schemes (troops are to generate, with rotation)",
        columns: [
          { header: "requirement" },
          { header: "lowest", right: true },
          { header: "highest", right: true },
        ],
        rows: a.requirements.map((r) => [r.requirement, r1(r.lowest), r1(r.highest)]),
      },
      {
        title: "Shortfalls: schemes in which willing contributors cannot provide a capability",
        columns: [
          { header: "capability" },
          { header: "schemes short", right: true },
          { header: "most units missing", right: true },
        ],
        rows: a.shortfalls.map((g) => [g.capability, g.schemes, g.maxUnits]),
      },
      ...a.byDriver.map((d) => groupTable(`Feasibility by ${d.dim}`, d.options)),
    ],
  };
}
