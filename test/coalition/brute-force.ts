/**
 * Brute force for small coalition problems: enumerate every integer allocation within capacities, keep those
 * that satisfy the conditions as the issue defines them, and pick the lexicographic optimum. Written from the
 * definitions, not from the MILP, so that it can check the optimiser.
 */
import type { CoalitionObjective, CoalitionProblem } from "../../src/coalition/problem.js";

export interface BruteForceOptimum {
  /** Total missing units (Σ over capabilities of ceil(requirement) − provided, when positive). */
  gapUnits: number;
  /** Contributors that take part in at least one feasible allocation. */
  eligible: string[];
  cost: number;
  participants: number;
  /** Largest |cost share − GDP share| over the eligible contributors (0 when nothing is spent). */
  unfairness: number;
}

interface Candidate {
  gap: number;
  cost: number;
  participants: number;
  costs: number[];
  provided: number[];
}

/** Enumerate and optimise over the capabilities in play: those required, and those a `requires` names
 *  (units of anything else help nobody and are not counted as taking part). */
export function bruteForce(problem: CoalitionProblem, objective: CoalitionObjective): BruteForceOptimum {
  const cs = problem.contributors;
  const caps = [
    ...new Set([
      ...Object.keys(problem.requirements).filter((k) => problem.requirements[k]! > 0),
      ...cs.flatMap((c) => c.conditions.flatMap((w) => (w.kind === "requires" ? [w.capability] : []))),
    ]),
  ];
  const cells: { c: number; k: number; max: number }[] = [];
  cs.forEach((c, ci) => {
    caps.forEach((cap, k) => {
      cells.push({ c: ci, k, max: c.capacity[cap] ?? 0 });
    });
  });
  const x = cs.map(() => caps.map(() => 0));
  const candidates: Candidate[] = [];
  const units = (id: string, cap: string) => {
    const ci = cs.findIndex((c) => c.id === id);
    const k = caps.indexOf(cap);
    return ci < 0 || k < 0 ? 0 : x[ci]![k]!;
  };
  const visit = () => {
    const part = x.map((row) => row.some((u) => u > 0));
    for (let ci = 0; ci < cs.length; ci++) {
      if (!part[ci]) continue;
      for (const w of cs[ci]!.conditions) {
        if (w.kind === "never") {
          if (w.capability === undefined) return;
          if (units(cs[ci]!.id, w.capability) > 0) return;
        } else if (w.kind === "maxShare") {
          if (units(cs[ci]!.id, w.capability) > w.share * (problem.requirements[w.capability] ?? 0) + 1e-9)
            return;
        } else if (units(w.actor, w.capability) < w.min) return;
      }
    }
    const provided = caps.map((_, k) => x.reduce((s, row) => s + row[k]!, 0));
    let gap = 0;
    caps.forEach((cap, k) => {
      gap += Math.max(0, Math.ceil((problem.requirements[cap] ?? 0) - 1e-9) - provided[k]!);
    });
    const costs = cs.map((c, ci) =>
      part[ci] ? c.fixedCost + caps.reduce((s, cap, k) => s + x[ci]![k]! * (c.unitCost[cap] ?? 0), 0) : 0,
    );
    candidates.push({
      gap,
      cost: costs.reduce((s, v) => s + v, 0),
      participants: part.filter(Boolean).length,
      costs,
      provided,
    });
    // Remember who took part, for the eligible pool.
    part.forEach((p, ci) => {
      if (p) eligibleSet.add(ci);
    });
  };
  const eligibleSet = new Set<number>();
  const walk = (i: number) => {
    if (i === cells.length) {
      visit();
      return;
    }
    const cell = cells[i]!;
    for (let u = 0; u <= cell.max; u++) {
      x[cell.c]![cell.k] = u;
      walk(i + 1);
    }
    x[cell.c]![cell.k] = 0;
  };
  walk(0);
  const minGap = Math.min(...candidates.map((c) => c.gap));
  let pool = candidates.filter((c) => c.gap === minGap);
  const eligible = [...eligibleSet].sort((a, b) => a - b);
  const gdpTotal = eligible.reduce((s, ci) => s + (cs[ci]!.gdp ?? 0), 0);
  const unfair = (c: Candidate) =>
    c.cost <= 0
      ? 0
      : Math.max(0, ...eligible.map((ci) => Math.abs(c.costs[ci]! / c.cost - (cs[ci]!.gdp ?? 0) / gdpTotal)));
  if (objective === "fewest") {
    const n = Math.min(...pool.map((c) => c.participants));
    pool = pool.filter((c) => c.participants === n);
  } else if (objective === "fair") {
    // The fair objective's over-provision bound: provided ≤ ceil(requirement) + Σ over actors Y of the
    // largest `min` an eligible contributor's `requires` asks of Y in that capability.
    const extra = caps.map((cap) => {
      const most = new Map<string, number>();
      for (const ci of eligible)
        for (const w of cs[ci]!.conditions)
          if (w.kind === "requires" && w.capability === cap)
            most.set(w.actor, Math.max(most.get(w.actor) ?? 0, w.min));
      return [...most.values()].reduce((s, v) => s + v, 0);
    });
    pool = pool.filter((c) =>
      caps.every(
        (cap, k) => c.provided[k]! <= Math.ceil((problem.requirements[cap] ?? 0) - 1e-9) + extra[k]!,
      ),
    );
    const f = Math.min(...pool.map(unfair));
    pool = pool.filter((c) => unfair(c) <= f + 1e-9);
  }
  const best = pool.reduce((a, b) => (b.cost < a.cost ? b : a));
  return {
    gapUnits: minGap,
    eligible: eligible.map((ci) => cs[ci]!.id),
    cost: best.cost,
    participants: best.participants,
    unfairness: unfair(best),
  };
}
