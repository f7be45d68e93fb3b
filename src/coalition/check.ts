/**
 * An independent check of a coalition answer against the problem's definitions (not the MILP): capacities,
 * conditions, gaps and costs. Tests run it on every answer; users can run it on answers from elsewhere.
 */
import type { CoalitionProblem } from "./problem.js";
import type { CoalitionResult } from "./solve.js";

/** Tolerance on recomputed costs, relative to the total. */
const COST_TOLERANCE = 1e-6;

/**
 * Every way an answer breaks the problem's rules, in words; empty when it keeps them all.
 * @example coalitionViolations(problem, solveCoalition(problem, solver)) // []
 */
export function coalitionViolations(problem: CoalitionProblem, result: CoalitionResult): string[] {
  const out: string[] = [];
  const byId = new Map(problem.contributors.map((c) => [c.id, c]));
  const units = (id: string, cap: string) => result.allocation[id]?.[cap] ?? 0;
  const takesPart = (id: string) => Object.values(result.allocation[id] ?? {}).some((u) => u > 0);
  for (const [id, caps] of Object.entries(result.allocation)) {
    const c = byId.get(id);
    if (!c) {
      out.push(`${id} is not a contributor`);
      continue;
    }
    for (const [cap, u] of Object.entries(caps)) {
      if (!Number.isInteger(u) || u < 0) out.push(`${id} ${cap}: ${u} is not a whole number of units`);
      if (u > (c.capacity[cap] ?? 0)) out.push(`${id} ${cap}: ${u} exceeds capacity ${c.capacity[cap] ?? 0}`);
    }
  }
  let total = 0;
  for (const c of problem.contributors) {
    if (!takesPart(c.id)) continue;
    let cost = c.fixedCost;
    for (const [cap, u] of Object.entries(result.allocation[c.id] ?? {})) cost += u * (c.unitCost[cap] ?? 0);
    total += cost;
    const stated = result.costByContributor[c.id];
    if (stated === undefined || Math.abs(stated - cost) > COST_TOLERANCE * Math.max(1, cost))
      out.push(`${c.id}: cost ${stated} stated, ${cost} by the definition`);
    for (const w of c.conditions) {
      if (w.kind === "never") {
        const caps = w.capability === undefined ? Object.keys(result.allocation[c.id] ?? {}) : [w.capability];
        for (const cap of caps) if (units(c.id, cap) > 0) out.push(`${c.id} provides ${cap} despite "never"`);
      } else if (w.kind === "maxShare") {
        const limit = w.share * (problem.requirements[w.capability] ?? 0);
        if (units(c.id, w.capability) > limit + 1e-9)
          out.push(
            `${c.id} provides ${units(c.id, w.capability)} ${w.capability}, more than ${w.share} × requirement`,
          );
      } else if (units(w.actor, w.capability) < w.min)
        out.push(
          `${c.id} takes part but ${w.actor} provides ${units(w.actor, w.capability)} < ${w.min} ${w.capability}`,
        );
    }
  }
  if (Math.abs(total - result.totalCost) > COST_TOLERANCE * Math.max(1, total))
    out.push(`total cost ${result.totalCost} stated, ${total} by the definition`);
  for (const [cap, req] of Object.entries(problem.requirements)) {
    const provided = problem.contributors.reduce((s, c) => s + units(c.id, cap), 0);
    const gap = result.gaps[cap] ?? 0;
    if (provided + gap < req - 1e-9) out.push(`${cap}: ${provided} provided + ${gap} gap < ${req} required`);
  }
  return out;
}
