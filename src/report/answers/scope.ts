/** Question 5 in words. */
import type { ScopeAnswer } from "../../explore/answers/scope.js";
import type { ReportSection } from "../document.js";
import { count, score } from "../format.js";
import type { ReportNames } from "../names.js";
import { groupTable, variantTable } from "./common.js";

export function scopeSection(a: ScopeAnswer, n: ReportNames): ReportSection {
  const question = "Where are the boundaries of collective defence?";
  const dim = a.dim;
  if (dim === undefined)
    return { id: 5, question, summary: ["The scenario declares no `scope` attribute."], tables: [] };
  return {
    id: 5,
    question,
    summary: a.byOption.map(
      ({ group, stats: s }) =>
        `${n.option(dim, group)}: ${count(s.schemes)} schemes, mean deterrence ${score(s.schemes ? s.deterrenceSum / s.schemes : 0)}, ${count(s.acceptedByAll)} accepted by all.`,
    ),
    tables: [
      groupTable(`Schemes by ${n.dim(dim)}`, a.byOption, (o) => n.option(dim, o)),
      ...(a.variants.length
        ? [variantTable(`The focus scheme with each ${n.dim(dim)}`, dim, a.variants, n)]
        : []),
    ],
  };
}
