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
 * participant always outweighs any cost difference: the lexicographic optimum, in one search. When that search
 * does not finish, `fewestInStages` takes the least count n allowed by surrogate bounds, then the cheapest
 * allocation with at most n participants (`maxParticipants`: Σ y ≤ n priced by μ ≥ 0 in the same Lagrangian,
 * surrogate counts to cut and fix), moving to n + 1 when a finished search finds none.
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
  /** With `min-cost`: allow at most this many participants (the cheapest allocation among them). The bound
   *  then prices the limit too (μ ≥ 0 on Σ y ≤ maxParticipants), and surrogate counts prune and fix. */
  maxParticipants?: number;
  /** Extra weight vectors over the capabilities for the surrogate count bound (for example the dual prices of
   *  the covering LP min Σ y s.t. Σ_c min(b_ck, cover_k)·y_c ≥ cover_k); any w ≥ 0 gives a valid bound. */
  countWeights?: readonly (readonly number[])[];
  /** Contributors known to cover together (within `maxParticipants`): the first incumbent. */
  start?: readonly number[];
}

/** What a search ended with: its best allocation, if any, and whether it finished (then `best` is optimal, or
 *  its absence proves that no allocation meets the covers within the limits). */
export interface ExactSearch {
  best?: ExactAllocation;
  finished: boolean;
  nodes: number;
}

/** Relative slack on a surrogate comparison: sums of floats must not turn a cover into a miss. */
const SURROGATE_EPSILON = 1e-9;

/**
 * The fewest of `values[0..m)` (a scratch array, sorted in place) whose sum reaches `target`: a surrogate
 * count (Infinity when all of them fall short).
 */
function surrogateCount(values: Float64Array, m: number, target: number): number {
  if (!(target > 0)) return 0;
  const sorted = values.subarray(0, m).sort();
  let got = 0;
  let count = 0;
  for (let i = m - 1; i >= 0 && got < target * (1 - SURROGATE_EPSILON); i--) {
    got += sorted[i]!;
    count++;
  }
  return got < target * (1 - SURROGATE_EPSILON) ? Number.POSITIVE_INFINITY : count;
}

/**
 * The fewest participants any allocation meeting the covers needs, a whole number, from surrogate counts: for
 * weights w ≥ 0, Σ_c∈S Σ_k w_k·min(b_ck, cover_k) ≥ Σ_k w_k·cover_k for every covering set S. Tried with each
 * capability alone, with 1/cover and with `weights`; the largest count is the bound (Infinity: no cover).
 */
export function participantLowerBound(
  bound: readonly (readonly number[])[],
  eligible: readonly boolean[],
  cover: readonly number[],
  weights: readonly (readonly number[])[] = [],
): number {
  const K = cover.length;
  const values = new Float64Array(bound.length);
  const tries: number[][] = [
    ...cover.map((_, k) => cover.map((_, j) => (j === k ? 1 : 0))),
    cover.map((r) => (r > 0 ? 1 / r : 0)),
    ...weights.map((w) => [...w]),
  ];
  let best = 0;
  for (const w of tries) {
    let target = 0;
    for (let k = 0; k < K; k++) if (cover[k]! > 0) target += Math.max(0, w[k]!) * cover[k]!;
    let m = 0;
    bound.forEach((row, c) => {
      if (!eligible[c]) return;
      let a = 0;
      for (let k = 0; k < K; k++) if (cover[k]! > 0) a += Math.max(0, w[k]!) * Math.min(row[k]!, cover[k]!);
      if (a > 0) values[m++] = a;
    });
    best = Math.max(best, surrogateCount(values, m, target));
  }
  return best;
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
  return exactSearch(p, bound, eligible, cover, options).best;
}

/** `exactCoalition` with whether the search finished (which, without an allocation, proves there is none). */
export function exactSearch(
  p: PreparedProblem,
  bound: readonly (readonly number[])[],
  eligible: readonly boolean[],
  cover: readonly number[],
  options: ExactOptions,
): ExactSearch {
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
  const cap = options.maxParticipants ?? Number.POSITIVE_INFINITY;
  const limited = Number.isFinite(cap);
  if (limited && fewest) throw new Error("exactCoalition: maxParticipants goes with the min-cost objective");
  const countWeights = (options.countWeights ?? []).map((w) => Float64Array.from(w, (x) => Math.max(0, x)));
  /** Under a participant limit, the price μ ≥ 0 of Σ y ≤ cap: added to every fixed cost, μ·cap taken off. */
  let mu = 0;

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
      let s = priced[c]! + mu;
      for (let k = 0; k < K; k++) {
        const d = u[c * K + k]! - lambda[k]!;
        if (d < 0) s += b[c * K + k]! * d;
      }
      base[c] = s;
    }
  };
  const value = (lambda: Float64Array): number => {
    let L = limited ? -mu * cap : 0;
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
  const negatives = new Float64Array(n);
  /** Under a participant limit, move μ to the maximum of L along it (λ fixed): the slope in μ is members +
   *  undecided the relaxation takes in (reduced cost without μ below −μ) − cap, so the maximum is at minus the
   *  (room + 1)-th most negative reduced cost, or 0. False when the members alone pass the limit. */
  const ascendMu = (): boolean => {
    let members = 0;
    let m = 0;
    for (const c of pool) {
      const st = state[c]!;
      if (st === 1) members++;
      else if (st === 0 && base[c]! - mu < 0) negatives[m++] = base[c]! - mu;
    }
    const room = cap - members;
    if (room < 0) return false;
    const next = m > room ? -negatives.subarray(0, m).sort()[room]! : 0;
    if (next !== mu) {
      for (const c of pool) base[c] = base[c]! - mu + next;
      mu = next;
    }
    return true;
  };
  /** Raise L by coordinate ascent from `lambda` (updated in place); Infinity when the node is infeasible. */
  const lagrangian = (lambda: Float64Array): number => {
    rebase(lambda);
    if (limited && !ascendMu()) return Number.POSITIVE_INFINITY;
    let L = value(lambda);
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      for (let k = 0; k < K; k++) if (!ascend(lambda, k)) return Number.POSITIVE_INFINITY;
      if (limited && !ascendMu()) return Number.POSITIVE_INFINITY;
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
   * capability alone, with the prices λ, with 1/need and with `countWeights`; Infinity when no completion
   * covers.
   */
  const offers = new Float64Array(n);
  const offerOf = new Int32Array(n);
  const need = new Float64Array(K);
  const weights = new Float64Array(K);
  let members = 0;
  /** Members and what the covers still need of the undecided; false when nothing is needed. */
  const setNeed = (): boolean => {
    members = 0;
    for (const c of pool) if (state[c] === 1) members++;
    need.set(cover);
    for (const c of pool) if (state[c] === 1) for (let k = 0; k < K; k++) need[k] = need[k]! - b[c * K + k]!;
    for (let k = 0; k < K; k++) if (need[k]! > 0) return true;
    return false;
  };
  /** The surrogate target for `weights`, with the undecided contributors' offers in offers/offerOf[0..m). */
  const surrogate = (): { target: number; m: number } => {
    let target = 0;
    for (let k = 0; k < K; k++) if (need[k]! > 0) target += weights[k]! * need[k]!;
    let m = 0;
    for (const c of pool) {
      if (state[c] !== 0) continue;
      let a = 0;
      for (let k = 0; k < K; k++) if (need[k]! > 0) a += weights[k]! * Math.min(b[c * K + k]!, need[k]!);
      offerOf[m] = c;
      offers[m++] = a;
    }
    return { target, m };
  };
  const countBound = (lambda: Float64Array): number => {
    if (!setNeed()) return members;
    let more = 0;
    const tryWeights = (): boolean => {
      const { target, m } = surrogate();
      const count = surrogateCount(offers, m, target);
      if (!Number.isFinite(count)) return false;
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
    for (const w of countWeights) {
      weights.set(w);
      if (!tryWeights()) return Number.POSITIVE_INFINITY;
    }
    return members + more;
  };
  const rank = new Int32Array(n);
  /**
   * Under a participant limit, fixing by surrogate counts (for each weight vector of `countWeights`): with
   * room = cap − members places and the offers sorted, a contributor outside the largest `room` offers whose
   * offer plus the largest room − 1 others falls short of the target cannot take part (excluded), and one
   * inside them without which the largest `room` others fall short must (included). False when the node is
   * infeasible. Every decision follows from the node's state alone, so making them together is sound.
   */
  const countFix = (fixed: number[]): boolean => {
    for (const w of countWeights) {
      if (!setNeed()) return true;
      const room = cap - members;
      weights.set(w);
      const { target, m } = surrogate();
      if (!(target > 0)) continue;
      const goal = target * (1 - SURROGATE_EPSILON);
      if (room <= 0) return false;
      for (let i = 0; i < m; i++) rank[i] = i;
      const idx = rank.subarray(0, m).sort((x, y) => offers[y]! - offers[x]!);
      const top = Math.min(room, m);
      let sum = 0;
      for (let i = 0; i < top; i++) sum += offers[idx[i]!]!;
      if (sum < goal) return false;
      const nextOffer = room < m ? offers[idx[room]!]! : 0;
      const lastTop = offers[idx[top - 1]!]!;
      const decide: [number, 1 | -1][] = [];
      for (let i = 0; i < m; i++) {
        const v = offers[idx[i]!]!;
        const c = offerOf[idx[i]!]!;
        if (i < top) {
          if (sum - v + nextOffer < goal) decide.push([c, 1]);
        } else if (v + sum - lastTop < goal) decide.push([c, -1]);
      }
      for (const [c, side] of decide) if (!(side === 1 ? include(c, fixed) : exclude(c, fixed))) return false;
    }
    return true;
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
    if (limited) {
      let count = 0;
      for (const c of pool) if (state[c] === 1) count++;
      if (count > cap) return;
    }
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
    offerTaken(changed);
  };
  /** Offer the greedy allocation over the members, the ones in `changed` (taken in by a heuristic) leaving
   *  when they get no unit and no member requires them; then undo `changed`. */
  const offerTaken = (changed: number[]) => {
    setMinimums();
    const units = p.ids.map(() => new Array<number>(K).fill(0));
    const cost = greedy(units);
    if (Number.isFinite(cost)) {
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

  /** Under a participant limit: the members, then undecided contributors in `list` order (each with everyone
   *  its conditions name) while there is room, until the members' bounds meet every cover once the ones the
   *  relaxation takes in (negative reduced cost) are in; the greedy allocation, with unused members dropped. */
  const supplied = new Float64Array(K);
  const fill = (list: readonly number[]) => {
    const changed: number[] = [];
    let count = 0;
    supplied.fill(0);
    const add = (c: number) => {
      for (let k = 0; k < K; k++) supplied[k] = supplied[k]! + b[c * K + k]!;
    };
    for (const c of pool)
      if (state[c] === 1) {
        count++;
        add(c);
      }
    const covered = () => {
      for (let k = 0; k < K; k++) if (supplied[k]! < cover[k]!) return false;
      return true;
    };
    for (const c of list) {
      if (count >= cap) break;
      if (state[c] !== 0) continue;
      if (base[c]! >= 0 && covered()) break;
      const mine: number[] = [];
      if (include(c, mine) && count + mine.length <= cap) {
        changed.push(...mine);
        count += mine.length;
        for (const d of mine) add(d);
      } else undo(mine);
    }
    if (covered()) offerTaken(changed);
    else {
      undo(changed);
      setMinimums();
    }
  };
  const limitedHeuristic = () => {
    const undecided = pool.filter((c) => state[c] === 0);
    fill([...undecided].sort((x, y) => base[x]! - base[y]!));
    if (countWeights.length > 0 && setNeed()) {
      weights.set(countWeights[0]!);
      const { m } = surrogate();
      const value = new Float64Array(n);
      for (let i = 0; i < m; i++) value[offerOf[i]!] = offers[i]!;
      fill([...undecided].sort((x, y) => value[y]! - value[x]! || base[x]! - base[y]!));
    }
  };

  const search = (lambda: Float64Array, lambda0: Float64Array): void => {
    if (stopped) return;
    // The bounds' passes over the pool, and under `fewest` or a limit the surrogate counts (K + 3 weightings).
    work += pool.length * K * (fewest || limited ? K + 6 : 1);
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
    // Under a participant limit: fixing by surrogate counts, then the count itself.
    if (limited && Number.isFinite(L) && L < bestCost - tolerance()) {
      const before = fixed.length;
      if (!countFix(fixed)) L = Number.POSITIVE_INFINITY;
      else {
        if (fixed.length > before) {
          setMinimums();
          L = lagrangian(lambda);
        }
        if (countBound(lambda) > cap) L = Number.POSITIVE_INFINITY;
      }
    }
    if (!Number.isFinite(L) || L >= bestCost - tolerance()) {
      undo(fixed);
      return;
    }
    // The members so far may already cover everything: a candidate. Then one near the relaxation.
    offer(greedy());
    if (limited) limitedHeuristic();
    else heuristic();
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
  if (options.start) {
    const changed: number[] = [];
    if (options.start.every((c) => include(c, changed))) {
      setMinimums();
      const units = p.ids.map(() => new Array<number>(K).fill(0));
      if (Number.isFinite(greedy(units))) {
        for (const c of changed)
          if (units[c]!.every((x) => x === 0) && requiring[c]!.every((r) => state[r] !== 1)) state[c] = 0;
        setMinimums();
        offer(greedy());
      }
    }
    undo(changed);
    setMinimums();
  }
  const rootLambda = new Float64Array(K);
  setMinimums();
  const rootBound = lagrangian(Float64Array.from(rootLambda));
  search(rootLambda, new Float64Array(K));
  if (!bestState) return { finished: !stopped, nodes };
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
  return {
    best: { units, costs, total, participants, nodes, proven, bound: proved },
    finished: proven,
    nodes,
  };
}

/**
 * The `fewest` objective in two stages, for problems where the one-search form (fixed costs raised by M) does
 * not finish: n = the surrogate lower bound on the participants (`participantLowerBound`, with `countWeights`),
 * then the cheapest allocation with at most n participants (`exactSearch` with `maxParticipants`); a finished
 * search that finds none proves that n + 1 are needed, and so on. The first n with an allocation is the fewest,
 * and that search's optimum is the cheapest at that count: the lexicographic optimum. `maxWork` is shared by
 * the stages; `proven` is false when it ran out (then `bound` is the participants proven necessary).
 */
export function fewestInStages(
  p: PreparedProblem,
  bound: readonly (readonly number[])[],
  eligible: readonly boolean[],
  cover: readonly number[],
  options: { maxWork?: number; maxNodes?: number; countWeights?: readonly (readonly number[])[] },
): ExactAllocation | undefined {
  let n = participantLowerBound(bound, eligible, cover, options.countWeights);
  const size = eligible.filter(Boolean).length;
  let work = options.maxWork ?? EXACT_DEFAULT_MAX_WORK;
  let nodes = 0;
  const perNode = size * p.caps.length * (p.caps.length + 6);
  const run = (limit: number, budget: number, start?: number[]) => {
    const r = exactSearch(p, bound, eligible, cover, {
      objective: "min-cost",
      maxParticipants: limit,
      maxWork: budget,
      ...(start ? { start } : {}),
      ...(options.maxNodes === undefined ? {} : { maxNodes: Math.max(1, options.maxNodes - nodes) }),
      ...(options.countWeights ? { countWeights: options.countWeights } : {}),
    });
    nodes += r.nodes;
    work -= r.nodes * perNode;
    return r;
  };
  for (; n <= size && work > 0; n++) {
    // A short search first: it often proves at once that n participants cannot cover (or finds the optimum).
    let r = run(n, Math.max(perNode, work * FEWEST_PROBE_SHARE));
    if (!r.finished) {
      // The local search's rounds grow with the pool squared; its budget shrinks past 200 contributors so that
      // it takes about the same time.
      const start = coverOfSize(p, bound, eligible, cover, n, COVER_MAX_WORK * Math.min(1, 200 / size));
      r = run(n, Math.max(perNode, work), start.set);
    }
    if (r.best)
      return {
        ...r.best,
        nodes,
        proven: r.finished,
        // n participants are proven necessary (every smaller limit was a finished search with no allocation).
        bound: r.finished ? r.best.participants : n,
      };
    if (!r.finished) return undefined;
  }
  return undefined;
}

/**
 * A heuristic for `fewestInStages`: `size` contributors whose bounds meet every cover, by a weighted local
 * search ("breakout", Morris, AAAI 1993): from the greedy pick by offer share Σ_k min(b_ck, cover_k)/cover_k,
 * swap the member and outsider that most reduce the weighted shortfall Σ_k w_k·max(0, 1 − supply_k/cover_k);
 * at a local minimum, raise the weight of every capability still short by 1, until no shortfall is left or the
 * budget (in units of member × outsider × capability) runs out. Deterministic (no randomness).
 * A set is kept only if it is closed under `requires` (each member's named contributor is in it and may
 * provide the minimum). A found set is only an incumbent: the search that follows proves or improves it.
 */
/** The share of `fewestInStages`' budget that the first, short search at each count may use. */
const FEWEST_PROBE_SHARE = 0.05;
/** The budget of one `coverOfSize` search (member × outsider × capability units; about 2 s at 200 × 8). It
 *  finds the 32-contributor cover of the generated 200 × 8 problem after about 1.9·10⁸. */
const COVER_MAX_WORK = 300_000_000;
/** Rounds a swapped contributor stays put in `coverOfSize` (plus 0 to 4, varying with the round). */
const TABU_TENURE = 7;

export function coverOfSize(
  p: PreparedProblem,
  bound: readonly (readonly number[])[],
  eligible: readonly boolean[],
  cover: readonly number[],
  size: number,
  maxWork: number,
): { set?: number[]; work: number } {
  const K = cover.length;
  const pool = bound.flatMap((_, c) => (eligible[c] ? [c] : []));
  const closed = (set: readonly number[]) => {
    const inSet = new Set(set);
    return p.conditions.every((ic) => {
      const w = ic.condition;
      if (w.kind !== "requires" || !inSet.has(ic.contributor)) return true;
      const y = p.idIndex.get(w.actor)!;
      return inSet.has(y) && bound[y]![p.capIndex.get(w.capability)!]! >= w.min;
    });
  };
  const a = pool.map((c) => cover.map((r, k) => (r > 0 ? Math.min(bound[c]![k]!, r) / r : 0)));
  let work = 0;
  if (size <= 0 || size > pool.length) return { work };
  const weight = new Float64Array(K).fill(1);
  const short = (k: number, v: number) => (cover[k]! > 0 ? Math.max(0, 1 - v) : 0);
  const score = a.map((row) => row.reduce((s, v) => s + v, 0));
  const byScore = pool.map((_, i) => i).sort((x, y) => score[y]! - score[x]! || x - y);
  const member = new Uint8Array(pool.length);
  for (let i = 0; i < size; i++) member[byScore[i]!] = 1;
  const sum = new Float64Array(K);
  for (let i = 0; i < pool.length; i++)
    if (member[i]) for (let k = 0; k < K; k++) sum[k] = sum[k]! + a[i]![k]!;
  const weighted = (s: ArrayLike<number>) => {
    let d = 0;
    for (let k = 0; k < K; k++) d += weight[k]! * short(k, s[k]!);
    return d;
  };
  const tabu = new Int32Array(pool.length).fill(-1);
  for (let round = 0; work < maxWork; round++) {
    const current = weighted(sum);
    if (current <= 1e-12) {
      const set = pool.filter((_, i) => member[i]);
      // Confirm in whole units (the shares are floats), and the conditions.
      if (cover.every((r, k) => set.reduce((s, c) => s + bound[c]![k]!, 0) >= r) && closed(set))
        return { set, work };
      // Not closed under the conditions (or short in whole units): search on from here.
    }
    let out = -1;
    let into = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < pool.length; i++) {
      if (!member[i] || tabu[i]! > round) continue;
      for (let j = 0; j < pool.length; j++) {
        if (member[j] || tabu[j]! > round) continue;
        let d = 0;
        for (let k = 0; k < K; k++) d += weight[k]! * short(k, sum[k]! - a[i]![k]! + a[j]![k]!);
        if (d < best - 1e-12) {
          best = d;
          out = i;
          into = j;
        }
      }
    }
    work += size * (pool.length - size) * K;
    if (out < 0) break;
    // A local minimum (no swap improves): the capabilities still short weigh more.
    if (best >= current - 1e-12)
      for (let k = 0; k < K; k++) if (short(k, sum[k]!) > 0) weight[k] = weight[k]! + 1;
    // The best swap is made even when it does not improve (tabu search: Glover, ORSA J. Computing 1(3), 1989);
    // the two swapped stay put for a while, so that the search does not undo its own move.
    member[out] = 0;
    member[into] = 1;
    tabu[out] = round + TABU_TENURE + (round % 5);
    tabu[into] = round + TABU_TENURE + (round % 5);
    for (let k = 0; k < K; k++) sum[k] = sum[k]! - a[out]![k]! + a[into]![k]!;
  }
  return { work };
}
