/**
 * An exact branch-and-bound for the `min-cost` and `fewest` coalition objectives. It branches on who takes
 * part; for a given set of participants the cheapest allocation is separable by capability (each cover filled
 * from the cheapest units first, after the minimums that `requires` conditions force), so a leaf costs a
 * greedy pass.
 *
 * Why branching on participants alone is exact: with unit and fixed costs ≥ 0, a participant that the greedy
 * allocation gives no unit can leave without raising the cost (its units were not used, its fixed cost goes,
 * its conditions only constrained others), so the minimum over participant sets of the greedy cost, with such
 * members removed, is the optimum of the MILP in solve.ts (docs/models/coalition.md, "the exact method").
 *
 * The bound at a node is Lagrangian: the covers Σ_c x_ck ≥ cover_k are priced at λ_k ≥ 0, which separates the
 * problem by contributor,
 *   L(λ) = Σ_k λ_k·cover_k + Σ_{c in} [f_c + Σ_k ((u_ck − λ_k)·lo_ck + (b_ck − lo_ck)·min(0, u_ck − λ_k))]
 *                          + Σ_{c undecided} min(0, f_c + Σ_k b_ck·min(0, u_ck − λ_k)),
 * a lower bound on every completion for any λ ≥ 0 (weak duality), and equal at its maximum to the LP
 * relaxation with x_ck ≤ b_ck·y_c (the subproblem has the integrality property). λ is raised by exact
 * coordinate ascent (each coordinate's maximum is a weighted median of breakpoints) warm-started from the
 * parent node. The same prices fix contributors (reduced-cost fixing): an undecided contributor whose
 * inclusion, or exclusion, would lift the bound past the incumbent is decided at once.
 *
 * `fewest` is `min-cost` with every fixed cost raised by M, more than any allocation costs, so that one fewer
 * participant always outweighs any cost difference: the lexicographic optimum, in one search.
 */
import type { PreparedProblem } from "./prepare.js";

/** An allocation from the search: units per contributor and capability (problem order), with its cost. */
export interface ExactAllocation {
  units: number[][];
  /** Unit and fixed cost per contributor. */
  costs: number[];
  total: number;
  participants: number;
  /** Branch-and-bound nodes visited. */
  nodes: number;
  /** True when the search finished: the allocation is optimal. False: the node budget ran out, and this is the
   *  best allocation found. */
  proven: boolean;
  /** A proven lower bound: on the cost (`min-cost`), or on the number of participants (`fewest`). */
  bound: number;
}

export interface ExactOptions {
  objective: "min-cost" | "fewest";
  /** Stop past this many nodes and return the best allocation found, not proven (default: no node limit). */
  maxNodes?: number;
  /** Stop once the nodes' work passes this many units (a node costs its undecided pool × capabilities per
   *  bound it computes; default EXACT_DEFAULT_MAX_WORK): a budget that, unlike a clock, gives the same answer
   *  on every machine, and takes about the same time whatever the problem's size. */
  maxWork?: number;
}

/** Relative tolerance when comparing costs: sums of floats must not turn a tie into a win. */
const COST_EPSILON = 1e-12;
/** Coordinate-ascent sweeps over the prices at a node, at most; it stops earlier once a sweep gains nothing. */
const MAX_SWEEPS = 2;
/** About 2 to 4 s of search on the machine of docs/models/coalition.md's measurements. */
export const EXACT_DEFAULT_MAX_WORK = 20_000_000;

/**
 * The optimal allocation of a prepared problem, or the best found within the budget (then `proven` is false);
 * undefined when no allocation meets the covers.
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
  const maxNodes = options.maxNodes ?? Number.POSITIVE_INFINITY;
  const maxWork = options.maxWork ?? EXACT_DEFAULT_MAX_WORK;
  const fewest = options.objective === "fewest";
  const pool = p.ids.map((_, c) => c).filter((c) => eligible[c]);
  const b = new Float64Array(n * K);
  const u = new Float64Array(n * K);
  for (const c of pool)
    for (let k = 0; k < K; k++) {
      b[c * K + k] = bound[c]![k]!;
      u[c * K + k] = p.unitCost[c]![k]!;
    }
  // M: more than any allocation can cost (every eligible unit and fixed cost), so that under `fewest` one
  // participant fewer always wins.
  let most = 1;
  for (const c of pool) {
    most += p.fixedCost[c]!;
    for (let k = 0; k < K; k++) most += b[c * K + k]! * u[c * K + k]!;
  }
  const M = fewest ? most : 0;
  const f = new Float64Array(n);
  for (const c of pool) f[c] = p.fixedCost[c]! + M;
  // The fixed costs without M, for the cost part of the `fewest` bound.
  const f0 = new Float64Array(n);
  for (const c of pool) f0[c] = p.fixedCost[c]!;
  /** The fixed costs the Lagrangian prices with: f, or f0 for the cost part of the `fewest` bound. */
  let priced = f;

  // requires: c takes part only if y provides at least `min` units of capability k.
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
  const requiring = p.ids.map(() => [] as number[]);
  for (const r of requires) {
    requiredBy[r.c]!.push({ y: r.y, k: r.k, min: r.min });
    requiring[r.y]!.push(r.c);
  }
  // Per capability, the contributors by unit cost (ties: problem order), for the greedy covers.
  const byCost = p.caps.map((_, k) =>
    pool.filter((c) => b[c * K + k]! > 0).sort((x, y) => u[x * K + k]! - u[y * K + k]! || x - y),
  );

  // state: 1 included, -1 excluded, 0 undecided.
  const state = new Int8Array(n);
  for (let c = 0; c < n; c++) if (!eligible[c]) state[c] = -1;
  const lo = new Float64Array(n * K);
  const setMinimums = () => {
    lo.fill(0);
    for (const r of requires) if (state[r.c] === 1 && r.min > lo[r.y * K + r.k]!) lo[r.y * K + r.k] = r.min;
  };

  /** The cheapest allocation over the members (state 1), or Infinity when they cannot meet the covers. */
  const greedy = (units?: number[][]): number => {
    let total = 0;
    for (const c of pool) if (state[c] === 1) total += f[c]!;
    for (let k = 0; k < K; k++) {
      let need = cover[k]!;
      for (const c of byCost[k]!) {
        if (state[c] !== 1) continue;
        const m = lo[c * K + k]!;
        total += m * u[c * K + k]!;
        need -= m;
        if (units) units[c]![k] = m;
      }
      for (const c of byCost[k]!) {
        if (need <= 0) break;
        if (state[c] !== 1) continue;
        const room = b[c * K + k]! - lo[c * K + k]!;
        if (room <= 0) continue;
        const take = Math.min(room, need);
        total += take * u[c * K + k]!;
        need -= take;
        if (units) units[c]![k] = units[c]![k]! + take;
      }
      if (need > 0) return Number.POSITIVE_INFINITY;
    }
    return total;
  };

  // The Lagrangian bound. `base[c]` = f_c + Σ_k b_ck·min(0, u_ck − λ_k) for the current λ (undecided
  // contributors' reduced cost: negative means the relaxation takes them in).
  const base = new Float64Array(n);
  const rebase = (lambda: Float64Array) => {
    for (const c of pool) {
      let s = priced[c]!;
      for (let k = 0; k < K; k++) {
        const d = u[c * K + k]! - lambda[k]!;
        if (d < 0) s += b[c * K + k]! * d;
      }
      base[c] = s;
    }
  };
  const value = (lambda: Float64Array): number => {
    let L = 0;
    for (let k = 0; k < K; k++) L += lambda[k]! * cover[k]!;
    for (const c of pool) {
      const st = state[c]!;
      if (st === 0) {
        if (base[c]! < 0) L += base[c]!;
      } else if (st === 1) {
        let s = base[c]!;
        for (let k = 0; k < K; k++) {
          const m = lo[c * K + k]!;
          if (m === 0) continue;
          const d = u[c * K + k]! - lambda[k]!;
          // base counted b·min(0, d); the forced units count d each whatever its sign.
          s += m * d - (d < 0 ? m * d : 0);
        }
        L += s;
      }
    }
    return L;
  };
  // Breakpoints of L along one price: where each contributor starts taking `drop` more units.
  const at = new Float64Array(n);
  const drop = new Float64Array(n);
  /** Move λ_k to the maximum of L along it (others fixed): the slope is cover_k less the units the relaxation
   *  takes, which grow at breakpoints; the maximum is the first breakpoint where the slope turns ≤ 0 (a
   *  weighted median, found by selection). False when no price makes the covers affordable: the node cannot
   *  meet capability k. */
  const ascend = (lambda: Float64Array, k: number): boolean => {
    let m = 0;
    let slope = cover[k]!;
    let total = 0;
    for (const c of pool) {
      const st = state[c]!;
      if (st < 0) continue;
      const bk = b[c * K + k]!;
      if (bk <= 0) continue;
      const uk = u[c * K + k]!;
      if (st === 1) {
        const lock = lo[c * K + k]!;
        slope -= lock;
        if (bk > lock) {
          at[m] = uk;
          drop[m++] = bk - lock;
          total += bk - lock;
        }
        continue;
      }
      // Undecided: its term is min(0, A + b·min(0, u − λ_k)) with A its reduced cost without capability k;
      // it takes b units once λ_k passes u + max(0, A)/b.
      const dk = uk - lambda[k]!;
      const A = base[c]! - (dk < 0 ? bk * dk : 0);
      at[m] = uk + Math.max(0, A) / bk;
      drop[m++] = bk;
      total += bk;
    }
    if (slope <= 0) {
      setLambda(lambda, k, 0);
      return true;
    }
    if (total < slope) return false;
    setLambda(lambda, k, weightedSelect(m, slope));
    return true;
  };
  /** The smallest `at` whose cumulative `drop` (in increasing `at`) reaches `target`, over the first m entries:
   *  quickselect on the prefix sums, O(m) expected; the arrays are reordered. */
  const weightedSelect = (m: number, target: number): number => {
    let lo0 = 0;
    let hi = m - 1;
    let need = target;
    while (lo0 < hi) {
      // Three-way partition around the middle element's value.
      const pivot = at[(lo0 + hi) >>> 1]!;
      let lt = lo0;
      let gt = hi;
      let i = lo0;
      let below = 0;
      let equal = 0;
      while (i <= gt) {
        const a = at[i]!;
        if (a < pivot) {
          below += drop[i]!;
          swap(i++, lt++);
        } else if (a > pivot) swap(i, gt--);
        else {
          equal += drop[i]!;
          i++;
        }
      }
      if (below >= need) hi = lt - 1;
      else if (below + equal >= need) return pivot;
      else {
        need -= below + equal;
        lo0 = gt + 1;
      }
    }
    return at[lo0]!;
  };
  const swap = (i: number, j: number) => {
    const a = at[i]!;
    at[i] = at[j]!;
    at[j] = a;
    const d = drop[i]!;
    drop[i] = drop[j]!;
    drop[j] = d;
  };
  const setLambda = (lambda: Float64Array, k: number, v: number) => {
    const old = lambda[k]!;
    if (old === v) return;
    for (const c of pool) {
      const bk = b[c * K + k]!;
      if (bk <= 0) continue;
      const uk = u[c * K + k]!;
      base[c] = base[c]! - (uk < old ? bk * (uk - old) : 0) + (uk < v ? bk * (uk - v) : 0);
    }
    lambda[k] = v;
  };
  /** Raise L by coordinate ascent from `lambda` (updated in place); Infinity when the node is infeasible. */
  const lagrangian = (lambda: Float64Array): number => {
    rebase(lambda);
    let L = value(lambda);
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      for (let k = 0; k < K; k++) if (!ascend(lambda, k)) return Number.POSITIVE_INFINITY;
      const next = value(lambda);
      const gained = next - L;
      L = Math.max(L, next);
      if (!(gained > 1e-9 * Math.max(1, Math.abs(L)))) break;
    }
    return L;
  };

  /**
   * The fewest participants any completion has, a whole number: for weights w ≥ 0 over capabilities, a cover
   * needs Σ_c∈S Σ_k w_k·min(b_ck, need_k) ≥ Σ_k w_k·need_k (need: the cover less the members' units), so at
   * least as many undecided contributors as the largest such offers take to reach it. Tried with each
   * capability alone, with the prices λ and with 1/need; Infinity when no completion covers.
   */
  const offers = new Float64Array(n);
  const need = new Float64Array(K);
  const weights = new Float64Array(K);
  const countBound = (lambda: Float64Array): number => {
    let members = 0;
    for (const c of pool) if (state[c] === 1) members++;
    need.set(cover);
    for (const c of pool) if (state[c] === 1) for (let k = 0; k < K; k++) need[k] = need[k]! - b[c * K + k]!;
    let open = false;
    for (let k = 0; k < K; k++) if (need[k]! > 0) open = true;
    if (!open) return members;
    let more = 0;
    const tryWeights = (): boolean => {
      let target = 0;
      for (let k = 0; k < K; k++) if (need[k]! > 0) target += weights[k]! * need[k]!;
      if (!(target > 0)) return true;
      let m = 0;
      for (const c of pool) {
        if (state[c] !== 0) continue;
        let a = 0;
        for (let k = 0; k < K; k++) if (need[k]! > 0) a += weights[k]! * Math.min(b[c * K + k]!, need[k]!);
        if (a > 0) offers[m++] = a;
      }
      const sorted = offers.subarray(0, m).sort();
      let got = 0;
      let count = 0;
      for (let i = m - 1; i >= 0 && got < target * (1 - 1e-12); i--) {
        got += sorted[i]!;
        count++;
      }
      if (got < target * (1 - 1e-12)) return false;
      if (count > more) more = count;
      return true;
    };
    for (let k = 0; k < K; k++) {
      if (need[k]! <= 0) continue;
      weights.fill(0);
      weights[k] = 1;
      if (!tryWeights()) return Number.POSITIVE_INFINITY;
    }
    weights.set(lambda);
    if (!tryWeights()) return Number.POSITIVE_INFINITY;
    for (let k = 0; k < K; k++) weights[k] = need[k]! > 0 ? 1 / need[k]! : 0;
    if (!tryWeights()) return Number.POSITIVE_INFINITY;
    return members + more;
  };

  let bestCost = Number.POSITIVE_INFINITY;
  let bestState: Int8Array | undefined;
  let nodes = 0;
  let work = 0;
  let stopped = false;
  /** The least bound over the nodes cut off by the budget (with the root's, the proven lower bound). */
  let openBound = Number.POSITIVE_INFINITY;
  const tolerance = () => (Number.isFinite(bestCost) ? COST_EPSILON * Math.max(1, Math.abs(bestCost)) : 0);
  const offer = (cost: number) => {
    if (cost < bestCost - tolerance()) {
      bestCost = cost;
      bestState = Int8Array.from(state);
    }
  };

  /** Include c and, transitively, every contributor its requires name; false when one is excluded. */
  const include = (c: number, changed: number[]): boolean => {
    if (state[c] === 1) return true;
    if (state[c] === -1) return false;
    state[c] = 1;
    changed.push(c);
    for (const r of requiredBy[c]!) {
      if (b[r.y * K + r.k]! < r.min) return false;
      if (!include(r.y, changed)) return false;
    }
    return true;
  };
  /** Exclude c and every contributor that requires it; false when a member does. */
  const exclude = (c: number, changed: number[]): boolean => {
    if (state[c] === -1) return true;
    if (state[c] === 1) return false;
    state[c] = -1;
    changed.push(c);
    for (const r of requiring[c]!) if (!exclude(r, changed)) return false;
    return true;
  };
  const undo = (changed: number[]) => {
    for (const c of changed) state[c] = 0;
  };

  /** A feasible allocation near the relaxation: the members, the undecided it takes in, then every other
   *  undecided contributor if the covers need them, with the unused ones dropped. */
  const heuristic = () => {
    const changed: number[] = [];
    // Take c in with everyone its conditions name, or not at all.
    const take = (c: number) => {
      const mine: number[] = [];
      if (include(c, mine)) changed.push(...mine);
      else undo(mine);
    };
    for (const c of pool) if (state[c] === 0 && base[c]! < 0) take(c);
    setMinimums();
    if (!Number.isFinite(greedy())) for (const c of pool) if (state[c] === 0) take(c);
    setMinimums();
    const units = p.ids.map(() => new Array<number>(K).fill(0));
    const cost = greedy(units);
    if (Number.isFinite(cost)) {
      // Members given no unit and required by no one leave; then the greedy again over who is left.
      const left: number[] = [];
      for (const c of changed)
        if (units[c]!.every((x) => x === 0) && requiring[c]!.every((r) => state[r] !== 1)) {
          state[c] = 0;
          left.push(c);
        }
      setMinimums();
      const again = greedy();
      offer(Number.isFinite(again) ? again : cost);
      for (const c of left) state[c] = 1;
    }
    undo(changed);
    setMinimums();
  };

  const search = (lambda: Float64Array, lambda0: Float64Array): void => {
    if (stopped) return;
    work += pool.length * K * (fewest ? 2 : 1);
    if (++nodes > maxNodes || work > maxWork) {
      stopped = true;
      return;
    }
    setMinimums();
    // Under `fewest`, the least cost of any completion (its own prices λ0), before the prices with M set
    // `base` for the fixing and the branching below.
    let cost0 = 0;
    if (fewest) {
      priced = f0;
      cost0 = lagrangian(lambda0);
      priced = f;
    }
    let L = lagrangian(lambda);
    const fixed: number[] = [];
    // Reduced-cost fixing, repeated while it decides someone (each decision can only raise the bound).
    for (let round = 0; round < 4 && Number.isFinite(L) && L < bestCost - tolerance(); round++) {
      let any = false;
      for (const c of pool) {
        if (state[c] !== 0) continue;
        const r = base[c]!;
        const gap = bestCost - tolerance() - L;
        if (r >= 0 && r > gap) {
          if (!exclude(c, fixed)) L = Number.POSITIVE_INFINITY;
          any = true;
        } else if (r < 0 && -r > gap) {
          if (!include(c, fixed)) L = Number.POSITIVE_INFINITY;
          any = true;
        }
        if (!Number.isFinite(L)) break;
      }
      if (!any || !Number.isFinite(L)) break;
      setMinimums();
      L = lagrangian(lambda);
    }
    // Under `fewest`, a whole number of participants: the surrogate count (see countBound).
    if (fewest && Number.isFinite(L) && L < bestCost - tolerance())
      L = Math.max(L, M * countBound(lambda) + cost0);
    if (!Number.isFinite(L) || L >= bestCost - tolerance()) {
      undo(fixed);
      return;
    }
    // The members so far may already cover everything: a candidate. Then one near the relaxation.
    offer(greedy());
    heuristic();
    if (L >= bestCost - tolerance()) {
      undo(fixed);
      return;
    }
    // Branch on the undecided contributor the relaxation is least sure of (reduced cost nearest zero), the
    // side it prefers first.
    let pick = -1;
    for (const c of pool)
      if (state[c] === 0 && (pick < 0 || Math.abs(base[c]!) < Math.abs(base[pick]!))) pick = c;
    if (pick < 0) {
      undo(fixed);
      return;
    }
    const order = base[pick]! < 0 ? ([1, -1] as const) : ([-1, 1] as const);
    for (const branch of order) {
      const changed: number[] = [];
      const ok = branch === 1 ? include(pick, changed) : exclude(pick, changed);
      if (ok) search(Float64Array.from(lambda), Float64Array.from(lambda0));
      undo(changed);
      if (stopped) {
        // This node's bound stands for everything under it that was not finished.
        openBound = Math.min(openBound, L);
        break;
      }
    }
    undo(fixed);
    setMinimums();
  };
  const rootLambda = new Float64Array(K);
  setMinimums();
  const rootBound = lagrangian(Float64Array.from(rootLambda));
  search(rootLambda, new Float64Array(K));
  if (!bestState) return undefined;
  const proven = !stopped;
  const lower = proven ? bestCost : Math.min(bestCost, Math.max(rootBound, openBound));

  state.set(bestState);
  setMinimums();
  const units = p.ids.map(() => new Array<number>(K).fill(0));
  greedy(units);
  // Members given no unit leave (see the file header): they only added fixed cost.
  const costs = p.ids.map(() => 0);
  let participants = 0;
  let total = 0;
  for (let c = 0; c < n; c++) {
    if (state[c] !== 1) {
      units[c]!.fill(0);
      continue;
    }
    if (units[c]!.every((x) => x === 0)) continue;
    let cost = p.fixedCost[c]!;
    for (let k = 0; k < K; k++) cost += units[c]![k]! * p.unitCost[c]![k]!;
    costs[c] = cost;
    total += cost;
    participants++;
  }
  // Under `fewest` the bound is on M·count + cost with cost < M: count ≥ ⌈bound/M − 1⌉.
  const proved = fewest ? (proven ? participants : Math.max(0, Math.ceil(lower / M - 1 - 1e-12))) : lower;
  return { units, costs, total, participants, nodes, proven, bound: proved };
}
