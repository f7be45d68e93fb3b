/** Question 1 in words. */
import type { FeasibilityAnswer } from "../../explore/answers/feasibility.js";
import type { ReportSection } from "../document.js";
import { count, fixed, pct } from "../format.js";
import type { ReportNames } from "../names.js";
import { groupTable } from "./common.js";

export function feasibilitySection(a: FeasibilityAnswer, n: ReportNames): ReportSection {
  return {
    id: 1,
    question: "Which schemes are militarily feasible?",
    summary: [
      `${count(a.feasible)} of ${count(a.consistent)} consistent schemes (${pct(a.consistent ? a.feasible / a.consistent : 0)}) can be fully provided by contributors willing to provide them, under their capacities and conditions.`,
      ...a.shortfalls
        .slice(0, 3)
        .map(
          (g) =>
            `Willing contributors lack ${n.capability(g.capability)} in ${count(g.schemes)} schemes (up to ${n.units(g.capability, g.maxUnits)}).`,
        ),
      `What drives feasibility most: ${a.drivers
        .slice(0, 3)
        .map((d) => n.dim(d.dim))
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
        rows: a.requirements.map((r) => [
          n.capability(r.requirement),
          fixed(r.lowest, 0),
          fixed(r.highest, 0),
        ]),
      },
      {
        title: "Shortfalls: schemes in which willing contributors cannot provide a capability",
        columns: [
          { header: "capability" },
          { header: "schemes short", right: true },
          { header: "most units missing", right: true },
        ],
        rows: a.shortfalls.map((g) => [n.capability(g.capability), count(g.schemes), count(g.maxUnits)]),
      },
      ...a.byDriver.map((d) =>
        groupTable(`Feasibility by ${n.dim(d.dim)}`, d.options, (o) => n.option(d.dim, o)),
      ),
    ],
  };
}
