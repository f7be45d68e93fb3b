/**
 * The problem in index form, and the combinatorial facts the optimiser and the gap reasons share: per-unit
 * upper bounds under the conditions, and the largest set of contributors that can take part together.
 */
import type { CoalitionCondition, CoalitionProblem } from "./problem.js";

/** Slack when flooring a share of a requirement, so that 0.29 × 100 gives 29 and not 28. */
const SHARE_FLOOR_EPSILON = 1e-9;

/** A condition of one contributor, with its place in the problem and a readable label. */
export interface IndexedCondition {
  contributor: number;
  /** Index in the contributor's `conditions`. */
  index: number;
  condition: CoalitionCondition;
  /** For people: who, what, and the condition's id (written when first read: sweeps never read it). */
  readonly label: string;
}

export interface PreparedProblem {
  problem: CoalitionProblem;
  /** Capabilities in play: those required, then those named by a `requires` condition. */
  caps: string[];
  capIndex: Map<string, number>;
  /** Units required per capability, rounded up (a requirement of 2.3 orbits needs 3); 0 for a capability only
   *  named by a `requires`. */
  required: number[];
  ids: string[];
  idIndex: Map<string, number>;
  /** Raw capacity [contributor][capability], no conditions applied. */
  capacity: number[][];
  unitCost: number[][];
  fixedCost: number[];
  conditions: IndexedCondition[];
}

function describeCondition(id: string, w: CoalitionCondition): string {
  const what =
    w.kind === "requires"
      ? `takes part only if ${w.actor} provides ≥ ${w.min} ${w.capability}`
      : w.kind === "maxShare"
        ? `provides at most ${w.share} of the ${w.capability} requirement`
        : w.capability === undefined
          ? "provides nothing"
          : `provides no ${w.capability}`;
  const tag = [w.id, w.note].filter(Boolean).join(": ");
  return `${id} ${what}${tag ? ` (${tag})` : ""}`;
}

/** Index a problem for the optimiser. */
export function prepareProblem(problem: CoalitionProblem): PreparedProblem {
  const caps: string[] = [];
  const capIndex = new Map<string, number>();
  const addCap = (k: string) => {
    if (!capIndex.has(k)) {
      capIndex.set(k, caps.length);
      caps.push(k);
    }
  };
  for (const [k, units] of Object.entries(problem.requirements)) if (units > 0) addCap(k);
  for (const c of problem.contributors)
    for (const w of c.conditions) if (w.kind === "requires") addCap(w.capability);
  const required = caps.map((k) => Math.ceil((problem.requirements[k] ?? 0) - SHARE_FLOOR_EPSILON));
  const ids = problem.contributors.map((c) => c.id);
  const idIndex = new Map(ids.map((id, i) => [id, i]));
  const capacity = problem.contributors.map((c) =>
    caps.map((k) => Math.max(0, Math.floor(c.capacity[k] ?? 0))),
  );
  const unitCost = problem.contributors.map((c) => caps.map((k) => c.unitCost[k] ?? 0));
  const fixedCost = problem.contributors.map((c) => c.fixedCost);
  const conditions: IndexedCondition[] = [];
  problem.contributors.forEach((c, ci) => {
    c.conditions.forEach((w, index) => {
      let label: string | undefined;
      conditions.push({
        contributor: ci,
        index,
        condition: w,
        get label() {
          label ??= describeCondition(c.id, w);
          return label;
        },
      });
    });
  });
  return { problem, caps, capIndex, required, ids, idIndex, capacity, unitCost, fixedCost, conditions };
}

/** The most units of capability `k` one contributor may provide under `never` and `maxShare`, with the
 *  conditions in `relaxed` (indexes into `conditions`) set aside. */
export function unitBounds(p: PreparedProblem, relaxed?: ReadonlySet<number>): number[][] {
  const ub = p.capacity.map((row) => row.slice());
  p.conditions.forEach((ic, i) => {
    if (relaxed?.has(i)) return;
    const w = ic.condition;
    const row = ub[ic.contributor]!;
    if (w.kind === "never") {
      if (w.capability === undefined) row.fill(0);
      else {
        const k = p.capIndex.get(w.capability);
        if (k !== undefined) row[k] = 0;
      }
    } else if (w.kind === "maxShare") {
      const k = p.capIndex.get(w.capability);
      if (k !== undefined) {
        // The issue's definition: at most share × the requirement of the capability, in whole units.
        const limit = Math.floor(w.share * (p.problem.requirements[w.capability] ?? 0) + SHARE_FLOOR_EPSILON);
        row[k] = Math.min(row[k]!, limit);
      }
    }
  });
  return ub;
}

/**
 * The largest set of contributors that can take part together: start from everyone who may provide a unit,
 * and drop, until nothing changes, each one whose `requires` names a contributor outside the set or one that
 * may not provide enough. Any feasible coalition lies inside this set, and the set itself is feasible (every
 * member providing its bound), so a union of feasible coalitions is feasible.
 */
export function eligibleContributors(
  p: PreparedProblem,
  ub: number[][],
  relaxed?: ReadonlySet<number>,
): boolean[] {
  const inSet = ub.map((row) => row.some((u) => u > 0));
  const requires = p.conditions.flatMap((ic, i) =>
    ic.condition.kind === "requires" && !relaxed?.has(i) ? [{ ic, w: ic.condition }] : [],
  );
  let changed = true;
  while (changed) {
    changed = false;
    for (const { ic, w } of requires) {
      if (!inSet[ic.contributor]) continue;
      const y = p.idIndex.get(w.actor);
      const k = p.capIndex.get(w.capability)!;
      if (y === undefined || !inSet[y] || ub[y]![k]! < w.min) {
        inSet[ic.contributor] = false;
        changed = true;
      }
    }
  }
  return inSet;
}

/** Units of each capability the eligible contributors can provide at most. */
export function willingSupply(p: PreparedProblem, ub: number[][], eligible: readonly boolean[]): number[] {
  return p.caps.map((_, k) => ub.reduce((s, row, c) => s + (eligible[c] ? row[k]! : 0), 0));
}

/** What the willing contributors of a problem can provide at most (exact, without a solver). */
export interface WillingCapacity {
  /** Per-unit upper bounds under the conditions (`unitBounds`). */
  ub: number[][];
  /** The largest set of contributors that can take part together (`eligibleContributors`). */
  eligible: boolean[];
  /** Units of each capability they can provide (`willingSupply`). */
  supply: number[];
  /** Units missing per capability: max(0, required − supply). */
  gaps: number[];
}

/**
 * The most a problem's willing contributors can provide, with the conditions in `relaxed` set aside: the chain
 * unit bounds → eligible set → supply → gaps that feasibility, the optimiser and the gap reasons share.
 * @example willingCapacity(prepareProblem(problem)).gaps // [0, 2, 0] when 2 units of the second are missing
 */
export function willingCapacity(p: PreparedProblem, relaxed?: ReadonlySet<number>): WillingCapacity {
  const ub = unitBounds(p, relaxed);
  const eligible = eligibleContributors(p, ub, relaxed);
  const supply = willingSupply(p, ub, eligible);
  return { ub, eligible, supply, gaps: p.caps.map((_, k) => Math.max(0, p.required[k]! - supply[k]!)) };
}

/** Mean over required capabilities of min(1, provided / required); 1 when nothing is required. */
export function feasibilityScore(required: readonly number[], provided: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < required.length; k++) {
    if (required[k]! <= 0) continue;
    sum += Math.min(1, provided[k]! / required[k]!);
    count++;
  }
  return count === 0 ? 1 : sum / count;
}

/**
 * How much of a problem's requirements its willing contributors can provide: `feasibilityScore` of the willing
 * supply (1: every requirement can be met).
 * @example feasibilityOf(problem) // 0.93
 */
export function feasibilityOf(problem: CoalitionProblem): number {
  const prepared = prepareProblem(problem);
  return feasibilityScore(prepared.required, willingCapacity(prepared).supply);
}
