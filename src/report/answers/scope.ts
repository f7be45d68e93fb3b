/** Question 5 in words. */
import type { ScopeAnswer } from "../../explore/answers/scope.js";
import type { ReportSection } from "../document.js";
import { count, r3 } from "../format.js";
import { groupTable, variantTable } from "./common.js";

export function scopeSection(a: ScopeAnswer): ReportSection {
  const question = "Where are the boundaries of collective defence?";
  if (a.dim === undefined)
    return { id: 5, question, summary: ["The scenario declares no `scope` attribute."], tables: [] };
  return {
    id: 5,
    question,
    summary: a.byOption.map(
      ({ group, stats: s }) =>
        `${group}: ${count(s.schemes)} schemes, mean deterrence ${r3(s.schemes ? s.deterrenceSum / s.schemes : 0)}, ${count(s.acceptedByAll)} accepted by all.`,
    ),
    tables: [
      groupTable(`Schemes by ${a.dim}`, a.byOption),
      ...(a.variants.length ? [variantTable(`The focus scheme with each ${a.dim}`, a.variants)] : []),
    ],
  };
}
