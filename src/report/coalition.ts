/**
 * A coalition for people: who provides what, cost shares against GDP shares, and the gaps with what blocks them.
 */
import type { CoalitionProblem, CoalitionResult } from "../coalition/index.js";
import { formatNumber, textTable } from "./table.js";

const percent = (x: number | undefined) => (x === undefined ? "–" : `${formatNumber(100 * x, 1)}%`);
const units = (x: number | undefined) => (x === undefined || x === 0 ? "–" : x);

/** The answer for people: who provides what, cost shares against GDP shares, and the gaps with reasons. */
export function renderCoalition(title: string, problem: CoalitionProblem, r: CoalitionResult): string {
  const caps = Object.keys(r.provided).filter((k) => (r.required[k] ?? 0) > 0 || (r.provided[k] ?? 0) > 0);
  const unit = problem.costUnit ? ` (${problem.costUnit})` : "";
  const rows: (string | number)[][] = [];
  const shown = [...r.participants, ...r.eligible.filter((id) => !r.participants.includes(id))];
  for (const id of shown)
    rows.push([
      id,
      ...caps.map((k) => units(r.allocation[id]?.[k])),
      r.costByContributor[id] ?? "–",
      r.participants.includes(id) ? percent(r.costShare[id]) : "–",
      percent(r.gdpShare[id]),
    ]);
  rows.push(["provided (total)", ...caps.map((k) => units(r.provided[k])), r.totalCost, "", ""]);
  rows.push(["required", ...caps.map((k) => units(r.required[k])), "", "", ""]);
  rows.push(["missing", ...caps.map((k) => units(r.gaps[k])), "", "", ""]);
  const table = textTable(
    [
      { header: "contributor" },
      ...caps.map((k) => ({ header: k, right: true })),
      { header: `cost${unit}`, right: true },
      { header: "cost share", right: true },
      { header: "GDP share", right: true },
    ],
    rows,
  );
  const out = [
    `Coalition for ${title}`,
    `objective ${r.objective}: ${r.participants.length} of ${r.eligible.length} willing contributors take part, total cost ${formatNumber(r.totalCost)}${unit}` +
      (r.unfairness !== undefined
        ? `, largest gap between cost share and GDP share ${formatNumber(100 * r.unfairness, 1)} points`
        : ""),
    "",
    table,
  ];
  if (r.status === "optimal") out.push("Every requirement is met.");
  else {
    out.push("Gaps and what blocks them:");
    for (const [cap, g] of Object.entries(r.blocking)) {
      out.push(
        `  ${cap}: ${formatNumber(g.missing)} of ${formatNumber(g.required)} missing (willing contributors can provide ${formatNumber(g.willingUnits)}, all contributors hold ${formatNumber(g.capacityUnits)})`,
      );
      for (const reason of g.reasons.slice(0, 6)) out.push(`    - ${reason.text}`);
      if (g.reasons.length > 6) out.push(`    … and ${g.reasons.length - 6} more (--json lists them all)`);
    }
  }
  return `${out.join("\n")}\n`;
}
