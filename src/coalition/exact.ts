/**
 * An exact branch-and-bound for the `min-cost` and `fewest` coalition objectives, fast on scenario-sized
 * problems (tens of contributors). It branches on who takes part; for a given set of participants the cheapest
 * allocation is separable by capability (each cover filled from the cheapest units first, after the minimums
 * that `requires` conditions force), so a node costs a greedy pass.
 *
 * Why branching on participants alone is exact: with unit and fixed costs ≥ 0, a participant that the greedy
 * allocation gives no unit can leave without raising the cost (its units were not used, its fixed cost goes,
 * its conditions only constrained others), so the minimum over participant sets of the greedy cost, with such
 * members removed, is the optimum of the MILP in solve.ts (docs/models/coalition.md, "the exact method").
 *
 * The bound at a node: fixed costs of the members so far, plus the greedy cover using every member not yet
 * excluded, where an undecided contributor's fixed cost is spread over its units (f_c / Σ_k bound_ck per unit:
 * a valid lower bound, since y_c ≥ Σ_k x_ck / Σ_k bound_ck). For `fewest`, also a lower bound on how many more
 * members the remaining covers need.
 */
import type { PreparedProblem } from "./prepare.js";

/** An exact allocation: units per contributor and capability (problem order), with its cost. */
export interface ExactAllocation {
  units: number[][];
  /** Unit and fixed cost per contributor. */
  costs: number[];
  total: number;
  participants: number;
  /** Branch-and-bound nodes visited. */
  nodes: number;
}

export interface ExactOptions {
  objective: "min-cost" | "fewest";
  /** Stop and return undefined past this many nodes (the caller then uses the general solver). */
  maxNodes?: number;
}

/** Relative tolerance when comparing costs: sums of floats must not turn a tie into a win. */
const COST_EPSILON = 1e-12;

/**
 * The optimal allocation of a prepared problem, or undefined when the search would exceed `maxNodes`.
 * @param bound per contributor and capability, the most units it may provide (after conditions and covers)
 * @param eligible the contributors that can take part (`willingCapacity`)
 * @param cover per capability, the units the coalition must provide (the requirement less the exact gap)
 */
export function exactCoalition(
  p: PreparedProblem,
  bound: readonly (readonly number[])[],
  eligible: readonly boolean[],
  cover: readonly number[],
  options: ExactOptions,
): ExactAllocation | undefined {
  const n = p.ids.length;
  const K = p.caps.length;
  const maxNodes = options.maxNodes ?? 200_000;
  const fewest = options.objective === "fewest";
  const pool = p.ids.map((_, c) => c).filter((c) => eligible[c]);
  // requires: c takes part only if Y provides at least `min` units of capability k.
  const requires: { c: number; y: number; k: number; min: number }[] = [];
  for (const ic of p.conditions) {
    const w = ic.condition;
    if (w.kind !== "requires" || !eligible[ic.contributor]) continue;
    const y = p.idIndex.get(w.actor);
    const k = p.capIndex.get(w.capability);
    if (y === undefined || k === undefined || !eligible[y]) continue;
    requires.push({ c: ic.contributor, y, k, min: w.min });
  }
  const requiredBy = p.ids.map(() => [] as { y: number; k: number; min: number }[]);
  for (const r of requires) requiredBy[r.c]!.push({ y: r.y, k: r.k, min: r.min });
  const totalBound = p.ids.map((_, c) => bound[c]!.reduce((s, u) => s + u, 0));
  // Per capability, the contributors by unit cost (ties: problem order), for the greedy covers.
  const byCost = p.caps.map((_, k) =>
    pool.filter((c) => bound[c]![k]! > 0).sort((a, b) => p.unitCost[a]![k]! - p.unitCost[b]![k]! || a - b),
  );

  // state: 1 included, -1 excluded, 0 undecided.
  const state = new Int8Array(n);
  for (let c = 0; c < n; c++) if (!eligible[c]) state[c] = -1;
  const lo = p.caps.map(() => new Float64Array(n));
  const units = p.ids.map(() => new Array<number>(K).fill(0));

  /** Minimums forced on each cell by the members' requires. */
  const setMinimums = () => {
    for (let k = 0; k < K; k++) lo[k]!.fill(0);
    for (const r of requires) if (state[r.c] === 1 && r.min > lo[r.k]![r.y]!) lo[r.k]![r.y] = r.min;
  };

  /**
   * The greedy cover over members (and, for a bound, undecided contributors at their spread cost). Returns the
   * cost, or Infinity when the covers cannot be met; fills `units` when `write`.
   */
  const greedy = (withUndecided: boolean, write: boolean): number => {
    let total = 0;
    for (let k = 0; k < K; k++) {
      const order = byCost[k]!;
      const lok = lo[k]!;
      let need = cover[k]!;
      // Forced minimums first (a requires can force more than the cover).
      for (const c of order) {
        const m = lok[c]!;
        if (m <= 0) continue;
        total += m * p.unitCost[c]![k]!;
        need -= m;
        if (write) units[c]![k] = m;
      }
      if (write) for (const c of order) if (lok[c]! <= 0) units[c]![k] = 0;
      if (need <= 0) continue;
      if (withUndecided) {
        // The bound: the cheapest units among members and undecided, the latter at unit + spread fixed cost.
        let left = need;
        const offers: { c: number; cost: number; room: number }[] = [];
        for (const c of order) {
          const st = state[c]!;
          if (st < 0) continue;
          const room = bound[c]![k]! - lok[c]!;
          if (room <= 0) continue;
          const unit =
            p.unitCost[c]![k]! + (st === 0 && totalBound[c]! > 0 ? p.fixedCost[c]! / totalBound[c]! : 0);
          offers.push({ c, cost: unit, room });
        }
        offers.sort((a, b) => a.cost - b.cost || a.c - b.c);
        for (const o of offers) {
          const take = Math.min(o.room, left);
          total += take * o.cost;
          left -= take;
          if (left <= 0) break;
        }
        if (left > 0) return Number.POSITIVE_INFINITY;
        continue;
      }
      for (const c of order) {
        if (state[c] !== 1) continue;
        const room = bound[c]![k]! - lok[c]!;
        if (room <= 0) continue;
        const take = Math.min(room, need);
        total += take * p.unitCost[c]![k]!;
        need -= take;
        if (write) units[c]![k] = lok[c]! + take;
        if (need <= 0) break;
      }
      if (need > 0) return Number.POSITIVE_INFINITY;
    }
    return total;
  };

  /** Fewest more members the remaining covers need (for `fewest`): the largest per-capability count. */
  const moreNeeded = (): number => {
    let most = 0;
    for (let k = 0; k < K; k++) {
      let left = cover[k]!;
      for (const c of pool) if (state[c] === 1) left -= bound[c]![k]!;
      if (left <= 0) continue;
      const rooms = pool
        .filter((c) => state[c] === 0)
        .map((c) => bound[c]![k]!)
        .sort((a, b) => b - a);
      let m = 0;
      for (const r of rooms) {
        if (left <= 0) break;
        left -= r;
        m++;
      }
      if (left > 0) return Number.POSITIVE_INFINITY;
      most = Math.max(most, m);
    }
    return most;
  };

  const fixedOf = () => pool.reduce((s, c) => s + (state[c] === 1 ? p.fixedCost[c]! : 0), 0);
  const membersOf = () => pool.reduce((s, c) => s + (state[c] === 1 ? 1 : 0), 0);

  let bestCount = Number.POSITIVE_INFINITY;
  let bestCost = Number.POSITIVE_INFINITY;
  let bestState: Int8Array | undefined;
  let nodes = 0;
  const better = (count: number, cost: number) => {
    const tol = COST_EPSILON * Math.max(1, Math.abs(bestCost));
    if (fewest) return count < bestCount || (count === bestCount && cost < bestCost - tol);
    return cost < bestCost - tol;
  };
  const worse = (count: number, cost: number) => {
    const tol = COST_EPSILON * Math.max(1, Math.abs(bestCost));
    if (fewest) return count > bestCount || (count === bestCount && cost >= bestCost - tol);
    return cost >= bestCost - tol;
  };

  /** Include c and, transitively, every contributor its requires name; false when one is excluded. */
  const include = (c: number, changed: number[]): boolean => {
    if (state[c] === 1) return true;
    if (state[c] === -1) return false;
    state[c] = 1;
    changed.push(c);
    for (const r of requiredBy[c]!) {
      if (bound[r.y]![r.k]! < r.min) return false;
      if (!include(r.y, changed)) return false;
    }
    return true;
  };
  /** Exclude c and every member that requires it; false when a member does. */
  const exclude = (c: number, changed: number[]): boolean => {
    if (state[c] === -1) return true;
    if (state[c] === 1) return false;
    state[c] = -1;
    changed.push(c);
    for (const r of requires) if (r.y === c && state[r.c] === 0 && !exclude(r.c, changed)) return false;
    for (const r of requires) if (r.y === c && state[r.c] === 1) return false;
    return true;
  };
  const undo = (changed: number[]) => {
    for (const c of changed) state[c] = 0;
  };

  // Branch on contributors in order of their cheapest capacity-weighted offers (a good incumbent early).
  const order = [...pool].sort((a, b) => totalBound[b]! - totalBound[a]! || a - b);
  const search = (i: number): boolean => {
    if (++nodes > maxNodes) return false;
    setMinimums();
    const boundCost = fixedOf() + greedy(true, false);
    if (!Number.isFinite(boundCost)) return true;
    const count = membersOf() + (fewest ? moreNeeded() : 0);
    if (!Number.isFinite(count)) return true;
    if (bestState && worse(count, boundCost)) return true;
    // The members so far may already cover everything: a candidate.
    const exact = greedy(false, false);
    if (Number.isFinite(exact)) {
      const cost = fixedOf() + exact;
      const members = membersOf();
      if (!bestState || better(members, cost)) {
        bestCount = members;
        bestCost = cost;
        bestState = Int8Array.from(state);
      }
    }
    while (i < order.length && state[order[i]!] !== 0) i++;
    if (i >= order.length) return true;
    const c = order[i]!;
    for (const branch of [1, -1] as const) {
      const changed: number[] = [];
      const ok = branch === 1 ? include(c, changed) : exclude(c, changed);
      if (ok && !search(i + 1)) {
        undo(changed);
        return false;
      }
      undo(changed);
    }
    return true;
  };
  if (!search(0)) return undefined;
  if (!bestState) return undefined;
  state.set(bestState);
  setMinimums();
  greedy(false, true);
  // Members given no unit leave (see the file header): for min-cost they only added fixed cost.
  const costs = p.ids.map(() => 0);
  let participants = 0;
  let total = 0;
  for (let c = 0; c < n; c++) {
    if (state[c] !== 1) {
      units[c]!.fill(0);
      continue;
    }
    const provided = units[c]!.reduce((s, u) => s + u, 0);
    if (provided === 0) continue;
    let cost = p.fixedCost[c]!;
    for (let k = 0; k < K; k++) cost += units[c]![k]! * p.unitCost[c]![k]!;
    costs[c] = cost;
    total += cost;
    participants++;
  }
  return { units, costs, total, participants, nodes };
}
