/**
 * Force generation as a mixed-integer program: who provides how many units of each capability, under
 * capacities and willingness conditions, with unmet requirements returned as gaps (as few units as
 * possible) and the conditions that cause them. Formulation and proofs: docs/models/coalition.md.
 */
import { type ExactAllocation, exactCoalition, fewestInStages } from "./exact.js";
import { fairBound } from "./fair-bound.js";
import { explainGaps, type GapExplanation } from "./gaps.js";
import {
  evaluateTerms,
  type LinearTerms,
  type MilpModel,
  type MilpSolver,
  type MilpVariable,
} from "./milp.js";
import { type PreparedProblem, prepareProblem, willingCapacity } from "./prepare.js";
import type { CoalitionObjective, CoalitionProblem } from "./problem.js";

/** Slack on a lexicographic stage's bound, so that the next stage may reach the previous optimum within the
 *  solver's feasibility tolerance (HiGHS default primal_feasibility_tolerance: 1e-7). */
const STAGE_TOLERANCE = 1e-7;
/** Dinkelbach stops when an iteration improves the unfairness by less than this. */
const DINKELBACH_TOLERANCE = 1e-10;
/** Dinkelbach converges superlinearly (Schaible 1976); this bound only guards against a solver misbehaving. */
const DINKELBACH_MAX_ITERATIONS = 50;

export interface SolveCoalitionOptions {
  /** Overrides the problem's objective. */
  objective?: CoalitionObjective;
  /** Explain each gap (default true). Costs no solver call: the reasons come from the eligibility analysis. */
  explainGaps?: boolean;
  /** `auto` (default): the exact branch-and-bound (exact.ts) first, for min-cost and fewest and for the start of
   *  fair, and the MILP solver when it stops at its node budget, started from its best allocation; `milp`:
   *  the MILP solver alone. */
  method?: "auto" | "milp";
  /** Budgets of the exact branch-and-bound: nodes (default none) and work (default EXACT_DEFAULT_MAX_WORK). */
  maxNodes?: number;
  maxWork?: number;
}

/** How far an answer is proven. Every objective is minimised, so a bound is a lower bound. */
export interface CoalitionProof {
  /** True when the allocation is proven optimal for the objective (after the fewest missing units). */
  optimal: boolean;
  /** When not: the objective being minimised when a limit stopped the search ("cost", "participants", "cost at
   *  the fewest participants", "unfairness", "cost at the least unfairness"), the value reached, the best
   *  proven bound on it, and the relative gap (value − bound) / |value|. */
  stage?: string;
  value?: number;
  bound?: number;
  gap?: number;
  /** What stopped it: the solver's status (`time-limit`, `too-large`, `unknown`) and its words. */
  reason?: string;
  detail?: string;
}

export interface CoalitionResult {
  /** `optimal` when every requirement is met, `gaps` when some units are missing. */
  status: "optimal" | "gaps";
  objective: CoalitionObjective;
  /** Sum of unit and fixed costs, in the problem's cost unit. */
  totalCost: number;
  /** Units per contributor and capability, only non-zero entries, only contributors that take part. */
  allocation: Record<string, Record<string, number>>;
  /** Units missing per capability (only capabilities with a gap). */
  gaps: Record<string, number>;
  /** Units required (rounded up) and provided per capability. */
  required: Record<string, number>;
  provided: Record<string, number>;
  /** Contributors that provide at least one unit, in problem order. */
  participants: string[];
  /** Contributors that could take part under their conditions: the pool the `fair` objective shares among. */
  eligible: string[];
  costByContributor: Record<string, number>;
  /** Each participant's share of the total cost (0 when nothing is spent). */
  costShare: Record<string, number>;
  /** Each eligible contributor's share of the eligible contributors' GDP, when they all have one. */
  gdpShare: Record<string, number>;
  /** Largest |cost share − GDP share| over the eligible contributors (0 when nothing is spent); absent when
   *  some eligible contributor has no GDP. */
  unfairness?: number;
  /** For each capability with a gap: why, computed by relaxing conditions one at a time. */
  blocking: Record<string, GapExplanation>;
  /** The solver used and how many times it was called; `method` says whether the exact branch-and-bound
   *  (exact.ts) or the MILP found the allocation (`none`: nothing to allocate); `nodes`: the branch-and-bound's. */
  solver: { name: string; solves: number; method: "exact" | "milp" | "none"; nodes: number };
  /** Whether the allocation is proven optimal, and if not, how far from it. */
  proof: CoalitionProof;
}

interface BuiltModel {
  model: MilpModel;
  /** Variable index of x[c][k], or -1. */
  x: number[][];
  /** Variable index of y[c], or -1. */
  y: number[];
  /** Cost expression per contributor (unit costs and fixed cost). */
  cost: LinearTerms[];
  totalCost: LinearTerms;
  /** The most units each contributor may provide of each capability, and the units each cover needs. */
  bound: number[][];
  cover: number[];
  /** The most units of each capability anyone needs to provide (the cover rows' upper bounds). */
  most: number[];
}

/** Sum of `requires` minimums that may fall on capability k: the most units beyond the requirement that
 *  conditions can force (used to cap over-provision; see docs/models/coalition.md, "over-provision"). */
function forcedExtra(p: PreparedProblem, eligible: readonly boolean[]): number[] {
  const most = new Map<string, number>();
  for (const ic of p.conditions) {
    const w = ic.condition;
    if (w.kind !== "requires" || !eligible[ic.contributor]) continue;
    const key = `${w.actor}\u0000${w.capability}`;
    most.set(key, Math.max(most.get(key) ?? 0, w.min));
  }
  const extra = p.caps.map(() => 0);
  for (const [key, min] of most) extra[p.capIndex.get(key.split("\u0000")[1]!)!]! += min;
  return extra;
}

function buildModel(
  p: PreparedProblem,
  ub: number[][],
  eligible: readonly boolean[],
  gaps: readonly number[],
): BuiltModel {
  const variables: MilpVariable[] = [];
  const constraints: MilpModel["constraints"] = [];
  const nK = p.caps.length;
  const x = p.ids.map(() => p.caps.map(() => -1));
  const y = p.ids.map(() => -1);
  // The most units of k anyone needs to provide (the cover row's upper bound). Bounding each x by it as well
  // tightens the big-M rows x ≤ M·y, which is what makes the LP relaxation strong: with 20 airlift units
  // on offer and 1 needed, y ≥ x/1 instead of x/20.
  const extra = forcedExtra(p, eligible);
  const most = p.caps.map((_, k) => p.required[k]! + extra[k]!);
  const bound = ub.map((row) => row.map((u, k) => Math.min(u, most[k]!)));
  p.ids.forEach((id, c) => {
    if (!eligible[c]) return;
    y[c] = variables.push({ label: `y[${id}]`, lb: 0, ub: 1, integer: true }) - 1;
    for (let k = 0; k < nK; k++)
      if (bound[c]![k]! > 0)
        x[c]![k] =
          variables.push({ label: `x[${id}][${p.caps[k]}]`, lb: 0, ub: bound[c]![k]!, integer: true }) - 1;
  });
  const cost: LinearTerms[] = p.ids.map((_, c) => {
    if (y[c]! < 0) return [];
    const terms: [number, number][] = [];
    for (let k = 0; k < nK; k++) if (x[c]![k]! >= 0) terms.push([x[c]![k]!, p.unitCost[c]![k]!]);
    if (p.fixedCost[c]! !== 0) terms.push([y[c]!, p.fixedCost[c]!]);
    return terms;
  });
  p.ids.forEach((id, c) => {
    if (y[c]! < 0) return;
    const xs = x[c]!.filter((j) => j >= 0);
    // x ≤ ub·y: units only from a participant, so that its fixed cost and conditions apply.
    x[c]!.forEach((j, k) => {
      if (j < 0) return;
      const terms: LinearTerms = [
        [j, 1],
        [y[c]!, -bound[c]![k]!],
      ];
      constraints.push({ label: `link ${variables[j]!.label}`, terms, lb: -Infinity, ub: 0 });
    });
    // y ≤ Σx: a participant provides at least one unit (no fixed cost without units).
    constraints.push({
      label: `provides ${id}`,
      terms: [[y[c]!, 1], ...xs.map((j) => [j, -1] as const)],
      lb: -Infinity,
      ub: 0,
    });
  });
  for (const ic of p.conditions) {
    const w = ic.condition;
    const c = ic.contributor;
    if (w.kind !== "requires" || y[c]! < 0) continue;
    // min·y[c] ≤ x[Y][C]: if c takes part, Y provides at least `min` units of C.
    const other = x[p.idIndex.get(w.actor)!]![p.capIndex.get(w.capability)!]!;
    constraints.push({
      label: ic.label,
      terms: [
        [y[c]!, w.min],
        [other, -1],
      ],
      lb: -Infinity,
      ub: 0,
    });
  }
  for (let k = 0; k < nK; k++) {
    const terms = p.ids.flatMap((_, c) => (x[c]![k]! >= 0 ? [[x[c]![k]!, 1] as const] : []));
    if (terms.length === 0) continue;
    constraints.push({
      label: `cover ${p.caps[k]}`,
      terms,
      lb: Math.max(0, p.required[k]! - gaps[k]!),
      ub: most[k]!,
    });
  }
  const totalCost = cost.flat();
  const cover = p.caps.map((_, k) => Math.max(0, p.required[k]! - gaps[k]!));
  return {
    model: { sense: "min", variables, objective: totalCost, constraints },
    x,
    y,
    cost,
    totalCost,
    bound,
    cover,
    most,
  };
}

/** A stage's answer: the point, whether the solver proved it optimal, and its bound when it did not. */
interface StageResult {
  values: Float64Array;
  proven: boolean;
  bound: number;
  reason: string;
  detail: string;
}

/** The work budget of the one-search `fewest` (exact.ts) before the two-stage search takes over: scenario-sized
 *  problems finish far below it. */
const FEWEST_FIRST_WORK = 5_000_000;
/** The two-stage search's budget (about 2 s at 200 × 8): its count is proven early or not at all, and past it
 *  HiGHS, started from its allocation, is better at closing the cost. */
const FEWEST_STAGED_WORK = 10_000_000;

/**
 * Weights for the exact method's surrogate count bounds: the dual prices w of the covering LP
 * min Σ y s.t. Σ_c min(b_ck, cover_k)·y_c ≥ cover_k, 0 ≤ y ≤ 1, from its dual max Σ_k cover_k·w_k − Σ_c z_c
 * s.t. Σ_k min(b_ck, cover_k)·w_k − z_c ≤ 1, w, z ≥ 0, solved by the MILP solver as an LP. Any w ≥ 0 gives a
 * valid bound (exact.ts checks it in its own arithmetic); these give the LP's, the best single surrogate. None
 * when the solver does not answer.
 */
function coveringDuals(
  p: PreparedProblem,
  b: BuiltModel,
  pool: readonly number[],
  counter: Counter,
): number[][] {
  const K = p.caps.length;
  const variables: MilpVariable[] = [
    ...p.caps.map((k) => ({ label: `w[${k}]`, lb: 0, ub: Infinity, integer: false })),
    ...pool.map((c) => ({ label: `z[${p.ids[c]}]`, lb: 0, ub: Infinity, integer: false })),
  ];
  const constraints: MilpModel["constraints"] = pool.map((c, i) => ({
    label: `dual ${p.ids[c]}`,
    terms: [
      ...p.caps.map((_, k) => [k, Math.min(b.bound[c]![k]!, b.cover[k]!)] as const),
      [K + i, -1] as const,
    ],
    lb: -Infinity,
    ub: 1,
  }));
  const objective: LinearTerms = [
    ...p.caps.map((_, k) => [k, b.cover[k]!] as const),
    ...pool.map((_, i) => [K + i, -1] as const),
  ];
  counter.solves++;
  const r = counter.solver.solve({ sense: "max", variables, objective, constraints });
  return r.status === "optimal" ? [Array.from(r.values.subarray(0, K))] : [];
}

/** The statuses that mean a limit stopped the solver (the answer, if any, is unproven), not a bug. */
const STOPPED = new Set<string>(["time-limit", "too-large", "unknown"]);

class Counter {
  solves = 0;
  /** Solves of the allocation MILP (not of the covering LP that only gives the exact method its weights). */
  milpSolves = 0;
  constructor(readonly solver: MilpSolver) {}
  solve(model: MilpModel): StageResult {
    this.solves++;
    this.milpSolves++;
    const r = this.solver.solve(model);
    if (r.status === "optimal")
      return { values: r.values, proven: true, bound: r.objective, reason: "optimal", detail: r.detail };
    if (STOPPED.has(r.status)) {
      // A limit: the best point the solver found, or else the start it was given, unproven.
      const values = r.values.length === model.variables.length ? r.values : model.start;
      if (values)
        return {
          values,
          proven: false,
          bound: r.bound ?? Number.NEGATIVE_INFINITY,
          reason: r.status,
          detail: r.detail,
        };
      throw new Error(
        `solveCoalition: ${this.solver.name} stopped (${r.status}) before any allocation: ${r.detail}`,
      );
    }
    // The model is feasible by construction (every eligible contributor at its bound meets the covers), so
    // anything else is a bug in the formulation or the solver.
    throw new Error(`solveCoalition: ${this.solver.name} returned "${r.detail}" on a feasible model`);
  }
}

/** An unproven answer's record. */
function stoppedProof(stage: string, value: number, bound: number, r: StageResult): CoalitionProof {
  const b = Number.isFinite(bound) ? Math.min(bound, value) : undefined;
  return {
    optimal: false,
    stage,
    value,
    ...(b === undefined ? {} : { bound: b, gap: value === 0 ? 0 : (value - b) / Math.abs(value) }),
    reason: r.reason,
    detail: r.detail,
  };
}

/** The model's point for an allocation given as units per contributor and capability. */
function pointFromUnits(b: BuiltModel, units: readonly (readonly number[])[]): Point {
  const values = new Float64Array(b.model.variables.length);
  b.x.forEach((row, c) => {
    let any = false;
    row.forEach((j, k) => {
      const u = units[c]![k]!;
      if (j >= 0) values[j] = u;
      if (u > 0) any = true;
    });
    if (b.y[c]! >= 0) values[b.y[c]!] = any ? 1 : 0;
  });
  return pointOf(b, values);
}

/** Round integer variables (the solver's integrality tolerance leaves 1e-6 slop). */
function rounded(values: Float64Array, vars: readonly MilpVariable[]): Float64Array {
  return values.map((v, j) => (vars[j]?.integer ? Math.round(v) : v));
}

interface Point {
  values: Float64Array;
  costs: number[];
  total: number;
}

function pointOf(b: BuiltModel, values: Float64Array): Point {
  const v = rounded(values, b.model.variables);
  const costs = b.cost.map((t) => evaluateTerms(t, v));
  return { values: v, costs, total: costs.reduce((s, x) => s + x, 0) };
}

/** Largest |cost share − GDP share| over the pool; 0 when nothing is spent. */
function unfairnessOf(pt: Point, pool: readonly number[], gdpShare: readonly number[]): number {
  if (pt.total <= 0) return 0;
  let worst = 0;
  for (const c of pool) worst = Math.max(worst, Math.abs(pt.costs[c]! / pt.total - gdpShare[c]!));
  return worst;
}

function withObjective(
  b: BuiltModel,
  objective: LinearTerms,
  extra: MilpModel["constraints"] = [],
  start?: Float64Array,
): MilpModel {
  return {
    ...b.model,
    objective,
    constraints: [...b.model.constraints, ...extra],
    ...(start ? { start } : {}),
  };
}

/** The inputs of `fairBound` for a built model: per eligible contributor its share, least cost when taking part
 *  (fixed cost and one unit of its cheapest capability) and largest (everything it may provide); the total
 *  between `minTotal` and the fixed costs plus, per capability, the dearest units up to the cover's bound. */
export function fairRelaxation(
  b: BuiltModel,
  pool: readonly number[],
  share: readonly number[],
  minTotal: number,
) {
  let whole = true;
  const least: number[] = [];
  const most: number[] = [];
  let totalHigh = 0;
  const slots: [number, number][][] = b.most.map(() => []);
  for (const c of pool) {
    let fixed = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = 0;
    for (const [j, v] of b.cost[c]!) {
      if (!Number.isInteger(v)) whole = false;
      if (j === b.y[c]) fixed = v;
    }
    b.x[c]!.forEach((j, k) => {
      if (j < 0) return;
      const u = b.cost[c]!.find(([i]) => i === j)?.[1] ?? 0;
      lo = Math.min(lo, u);
      hi += u * b.bound[c]![k]!;
      slots[k]!.push([u, b.bound[c]![k]!]);
    });
    if (!Number.isFinite(lo)) lo = 0;
    least.push(fixed + lo);
    most.push(fixed + hi);
    totalHigh += fixed;
  }
  slots.forEach((list, k) => {
    list.sort((x, y) => y[0] - x[0]);
    let left = b.most[k]!;
    for (const [u, units] of list) {
      const take = Math.min(left, units);
      totalHigh += take * u;
      left -= take;
      if (left <= 0) break;
    }
  });
  if (!(minTotal > 0)) return undefined;
  const input = {
    share: pool.map((c) => share[c]!),
    least,
    most,
    totalLow: whole ? Math.ceil(minTotal - 1e-9) : minTotal,
    totalHigh,
    wholeTotals: whole,
  };
  return fairBound(input);
}

/** Largest eligible pool whose fair models go through the solver's presolve (measured: 200 stops at its limit
 *  with it, 1,000 does not). */
const FAIR_PRESOLVE_MAX_POOL = 500;

/**
 * The fair allocation: minimise the largest |cost_c / Total − s_c| over the eligible pool (s_c its GDP share),
 * a fractional objective solved exactly by Dinkelbach's method (Dinkelbach 1967, "On nonlinear fractional
 * programming", Management Science 13(7)): repeat min N(x) − λ·D(x) with λ the last ratio, where
 * N = max_c |cost_c − s_c·Total| (linearised with t ≥ ±(cost_c − s_c·Total)) and D = Total > 0. Then the
 * cheapest allocation at that unfairness. Total is an auxiliary variable, so the model has O(contributors ×
 * capabilities) nonzeros. Each step starts from the best allocation so far.
 * @param minTotal a lower bound on any allocation's total cost (the min-cost optimum or its bound), which turns
 *   a stopped step's bound into a bound on the unfairness
 */
function solveFair(
  b: BuiltModel,
  counter: Counter,
  start: Point,
  pool: number[],
  share: number[],
  minTotal: number,
): { pt: Point; proof: CoalitionProof } {
  const optimal: CoalitionProof = { optimal: true };
  if (start.total <= 0) return { pt: start, proof: optimal };
  // The model grows linearly with the contributors: the total cost is one variable T = Σ cost_c, and each
  // deviation row reads cost_c and T (not every contributor's cost again, which grew with their square).
  const nx = b.model.variables.length;
  const vars = [...b.model.variables];
  const t = vars.push({ label: "t", lb: 0, ub: Infinity, integer: false }) - 1;
  const T = vars.push({ label: "Total", lb: 0, ub: Infinity, integer: false }) - 1;
  const totalRow = {
    label: "Total = Σ cost",
    terms: [[T, 1] as [number, number], ...b.totalCost.map(([j, v]) => [j, -v] as [number, number])],
    lb: 0,
    ub: 0,
  };
  const base: BuiltModel = {
    ...b,
    model: {
      ...b.model,
      variables: vars,
      constraints: [...b.model.constraints, totalRow],
      // HiGHS 1.15's presolve ran past a 10 s limit for minutes on the 1,000-contributor fair model (the total
      // T is a column in every deviation row); without it the solve stops at the limit.
      ...(pool.length > FAIR_PRESOLVE_MAX_POOL ? { presolve: false } : {}),
    },
  };
  // dev_c = cost_c − s_c·T.
  const dev = (c: number): [number, number][] => [
    ...b.cost[c]!.map(([j, v]) => [j, v] as [number, number]),
    [T, -share[c]!],
  ];
  const negated = (terms: [number, number][]): [number, number][] => terms.map(([j, v]) => [j, -v]);
  const devRows = pool.flatMap((c) => [
    { label: `t >= dev ${c}`, terms: [[t, 1] as [number, number], ...negated(dev(c))], lb: 0, ub: Infinity },
    { label: `t >= -dev ${c}`, terms: [[t, 1] as [number, number], ...dev(c)], lb: 0, ub: Infinity },
  ]);
  const point = (values: Float64Array) => pointOf(b, values.subarray(0, nx));
  /** A point of the extended model: the allocation, t at its largest deviation, T its total. */
  const extended = (pt: Point): Float64Array => {
    const v = new Float64Array(vars.length);
    v.set(pt.values.subarray(0, nx));
    let worst = 0;
    for (const c of pool) worst = Math.max(worst, Math.abs(pt.costs[c]! - share[c]! * pt.total));
    v[t] = worst;
    v[T] = pt.total;
    return v;
  };
  // The cheapest allocation with every |dev_c| ≤ F·T.
  const within = (F: number): MilpModel =>
    withObjective(
      base,
      b.totalCost,
      pool.flatMap((c) => [
        { label: `fair+ ${c}`, terms: [...dev(c), [T, -F] as [number, number]], lb: -Infinity, ub: 0 },
        {
          label: `fair- ${c}`,
          terms: [...negated(dev(c)), [T, -F] as [number, number]],
          lb: -Infinity,
          ub: 0,
        },
      ]),
    );

  // A proven lower bound on the least unfairness without the solver (fair-bound.ts), for a stopped search's gap.
  const relaxed = fairRelaxation(b, pool, share, minTotal);
  const proven = relaxed?.lower ?? 0;

  let best = start;
  let lambda = unfairnessOf(start, pool, share);
  for (let i = 0; i < DINKELBACH_MAX_ITERATIONS && lambda > 0; i++) {
    const objective: LinearTerms = [
      [t, 1],
      [T, -lambda],
    ];
    const r = counter.solve(withObjective(base, objective, devRows, extended(best)));
    const pt = point(r.values);
    const f = unfairnessOf(pt, pool, share);
    const stepLambda = lambda;
    const improved = f < lambda - DINKELBACH_TOLERANCE;
    if (improved) {
      best = pt;
      lambda = f;
    }
    if (!r.proven) {
      // min N − λ·D ≥ B over every allocation, so the least unfairness N*/D* ≥ λ + B/D* ≥ λ + B/minTotal
      // when B < 0 (and D* ≥ minTotal > 0), with λ the step's.
      const lower = Math.max(
        proven,
        Number.isFinite(r.bound) && minTotal > 0
          ? Math.max(0, stepLambda + Math.min(0, r.bound) / minTotal)
          : Number.NEGATIVE_INFINITY,
      );
      return { pt: best, proof: stoppedProof("unfairness", lambda, lower, r) };
    }
    if (!improved) break;
  }
  // Tie-break: the cheapest allocation with every |dev_c| ≤ (λ* + tolerance)·T.
  const r = counter.solve({ ...within(lambda + STAGE_TOLERANCE), start: extended(best) });
  const pt = point(r.values);
  const chosen =
    unfairnessOf(pt, pool, share) <= lambda + STAGE_TOLERANCE && pt.total <= best.total ? pt : best;
  return {
    pt: chosen,
    proof: r.proven ? optimal : stoppedProof("cost at the least unfairness", chosen.total, r.bound, r),
  };
}

/**
 * Find the coalition: units per contributor and capability within capacities and conditions, meeting every
 * requirement it can (the gaps are as few units as possible), then optimal for the objective.
 * Lexicographic: (1) fewest missing units, computed exactly without the solver (see `eligibleContributors`);
 * (2) the objective — `min-cost` Σ unitCost·units + fixed costs; `fewest` the number of participants, then
 * cost; `fair` the largest gap between cost share and GDP share over the eligible contributors, then cost.
 * @example const result = solveCoalition(problem, await loadHighsSolver()); result.allocation.GBR.troops
 */
export function solveCoalition(
  problem: CoalitionProblem,
  solver: MilpSolver,
  options: SolveCoalitionOptions = {},
): CoalitionResult {
  const objective = options.objective ?? problem.objective;
  const p = prepareProblem(problem);
  const { ub, eligible, supply, gaps } = willingCapacity(p);
  const pool = p.ids.flatMap((_, c) => (eligible[c] ? [c] : []));
  const gdp = problem.contributors.map((c) => c.gdp);
  const poolHasGdp = pool.every((c) => gdp[c] !== undefined);
  if (objective === "fair" && !poolHasGdp)
    throw new Error(
      `solveCoalition: the fair objective needs a GDP for every eligible contributor; missing: ${pool
        .filter((c) => gdp[c] === undefined)
        .map((c) => p.ids[c])
        .join(", ")}`,
    );
  const poolGdp = pool.reduce((s, c) => s + (gdp[c] ?? 0), 0);
  const share = p.ids.map((_, c) => (eligible[c] && poolHasGdp && poolGdp > 0 ? gdp[c]! / poolGdp : 0));

  const counter = new Counter(solver);
  const b = buildModel(p, ub, eligible, gaps);
  let pt: Point;
  let proof: CoalitionProof = { optimal: true };
  let method: "exact" | "milp" | "none" = "milp";
  let nodes = 0;
  // The exact branch-and-bound (exact.ts) first; when it stops at its node budget, the MILP, started from its
  // best allocation (and the branch-and-bound's bound kept if it is the better one).
  const exactFor = (kind: "min-cost" | "fewest", maxWork?: number): ExactAllocation | undefined => {
    if ((options.method ?? "auto") === "milp") return undefined;
    const work = maxWork === undefined ? options.maxWork : Math.min(maxWork, options.maxWork ?? maxWork);
    const r = exactCoalition(p, b.bound, eligible, b.cover, {
      objective: kind,
      ...(options.maxNodes === undefined ? {} : { maxNodes: options.maxNodes }),
      ...(work === undefined ? {} : { maxWork: work }),
    });
    if (r) nodes += r.nodes;
    return r;
  };
  /** The cheapest allocation, with its proof and a lower bound on any allocation's cost. With `startOnly`, the
   *  branch-and-bound's best allocation is enough (the fair search only needs a start and a bound). */
  const minCost = (startOnly = false): { pt: Point; proof: CoalitionProof; lower: number } => {
    const exact = exactFor("min-cost");
    if (exact?.proven) {
      method = "exact";
      const at = pointFromUnits(b, exact.units);
      return { pt: at, proof: { optimal: true }, lower: at.total };
    }
    const start = exact ? pointFromUnits(b, exact.units) : undefined;
    if (startOnly && start && exact) return { pt: start, proof: { optimal: true }, lower: exact.bound };
    const r = counter.solve(withObjective(b, b.totalCost, [], start?.values));
    let at = pointOf(b, r.values);
    if (start && start.total < at.total) at = start;
    if (r.proven) return { pt: at, proof: { optimal: true }, lower: at.total };
    const lower = Math.max(r.bound, exact?.bound ?? Number.NEGATIVE_INFINITY);
    return { pt: at, proof: stoppedProof("cost", at.total, lower, r), lower };
  };
  if (b.model.variables.length === 0) {
    pt = { values: new Float64Array(0), costs: p.ids.map(() => 0), total: 0 };
    method = "none";
  } else if (objective === "fewest") {
    // The one-search form first, on a small budget (it finishes at once on scenario-sized problems); then the
    // two-stage search (the least count from surrogate bounds, then the cheapest at that count).
    let exact = exactFor("fewest", FEWEST_FIRST_WORK);
    if (exact && !exact.proven && (options.method ?? "auto") !== "milp") {
      const staged = fewestInStages(p, b.bound, eligible, b.cover, {
        maxWork: options.maxWork ?? FEWEST_STAGED_WORK,
        ...(options.maxNodes === undefined ? {} : { maxNodes: options.maxNodes }),
        countWeights: coveringDuals(p, b, pool, counter),
      });
      if (staged) {
        nodes += staged.nodes;
        const better =
          staged.participants < exact.participants ||
          (staged.participants === exact.participants && staged.total < exact.total);
        exact = better
          ? { ...staged, bound: Math.max(staged.bound, exact.bound) }
          : { ...exact, proven: staged.proven, bound: Math.max(staged.bound, exact.bound) };
      }
    }
    const ys = b.y.filter((j) => j >= 0).map((j) => [j, 1] as const);
    const count = (at: Point) => Math.round(evaluateTerms(ys, at.values));
    if (exact?.proven) {
      pt = pointFromUnits(b, exact.units);
      method = "exact";
    } else {
      const start = exact ? pointFromUnits(b, exact.units) : undefined;
      // When the branch-and-bound has proven its count, the count MILP is skipped.
      const countProven = start !== undefined && exact !== undefined && exact.bound >= count(start);
      const r1: StageResult = countProven
        ? { values: start.values, proven: true, bound: count(start), reason: "optimal", detail: "" }
        : counter.solve(withObjective(b, ys, [], start?.values));
      let first = pointOf(b, r1.values);
      if (
        start &&
        (count(start) < count(first) || (count(start) === count(first) && start.total < first.total))
      )
        first = start;
      // The count is proven when the solver says so, or when a bound (the solver's or the branch-and-bound's)
      // reaches it; then the cheapest allocation at that count.
      const lower = Math.max(Math.ceil(r1.bound - 1e-6), exact?.bound ?? Number.NEGATIVE_INFINITY);
      if (!r1.proven && lower < count(first)) {
        pt = first;
        proof = stoppedProof("participants", count(first), lower, r1);
      } else {
        const n = count(first);
        const r2 = counter.solve(
          withObjective(
            b,
            b.totalCost,
            [{ label: "fewest", terms: ys, lb: -Infinity, ub: n + 0.5 }],
            first.values,
          ),
        );
        pt = pointOf(b, r2.values);
        if (count(pt) > n || pt.total > first.total) pt = first;
        if (!r2.proven) proof = stoppedProof("cost at the fewest participants", pt.total, r2.bound, r2);
      }
    }
  } else {
    const cheapest = minCost(objective === "fair");
    pt = cheapest.pt;
    proof = cheapest.proof;
    if (objective === "fair") {
      // The fair search needs only a feasible start and a bound on the total; a min-cost MILP stopped by a
      // limit has used the time.
      if (proof.optimal) {
        const fair = solveFair(b, counter, pt, pool, share, cheapest.lower);
        pt = fair.pt;
        proof = fair.proof;
      } else proof = { ...proof, stage: "cost (the start of the fair search)" };
    }
  }

  // The answer came from the MILP whenever the solver was called (fair always calls it).
  if (counter.milpSolves > 0) method = "milp";
  const allocation: Record<string, Record<string, number>> = {};
  const provided: Record<string, number> = {};
  const costByContributor: Record<string, number> = {};
  const participants: string[] = [];
  p.ids.forEach((id, c) => {
    const units: Record<string, number> = {};
    p.caps.forEach((cap, k) => {
      const j = b.x[c]![k]!;
      const u = j >= 0 ? pt.values[j]! : 0;
      if (u > 0) units[cap] = u;
      provided[cap] = (provided[cap] ?? 0) + u;
    });
    if (Object.keys(units).length > 0) {
      allocation[id] = units;
      participants.push(id);
      costByContributor[id] = pt.costs[c]!;
    }
  });
  const costShare: Record<string, number> = {};
  for (const id of participants) costShare[id] = pt.total > 0 ? costByContributor[id]! / pt.total : 0;
  const gdpShare: Record<string, number> = {};
  if (poolHasGdp) for (const c of pool) gdpShare[p.ids[c]!] = share[c]!;
  const gapRecord: Record<string, number> = {};
  const required: Record<string, number> = {};
  p.caps.forEach((cap, k) => {
    if (p.required[k]! > 0) required[cap] = p.required[k]!;
    if (gaps[k]! > 0) gapRecord[cap] = gaps[k]!;
  });
  const result: CoalitionResult = {
    status: Object.keys(gapRecord).length > 0 ? "gaps" : "optimal",
    objective,
    totalCost: pt.total,
    allocation,
    gaps: gapRecord,
    required,
    provided,
    participants,
    eligible: pool.map((c) => p.ids[c]!),
    costByContributor,
    costShare,
    gdpShare,
    blocking: options.explainGaps === false ? {} : explainGaps(p, ub, eligible, supply),
    solver: { name: solver.name, solves: counter.solves, method, nodes },
    proof,
  };
  if (poolHasGdp) result.unfairness = unfairnessOf(pt, pool, share);
  return result;
}

/**
 * The fair bound of a problem (fair-bound.ts, with the least total from the exact min-cost search), for tests
 * and reports: every allocation's unfairness is at least `lower`. Undefined when nothing is spent or the
 * min-cost search does not finish within its budget.
 */
export function fairLowerBound(problem: CoalitionProblem): number | undefined {
  const p = prepareProblem(problem);
  const { ub, eligible, gaps } = willingCapacity(p);
  const pool = p.ids.flatMap((_, c) => (eligible[c] ? [c] : []));
  const gdp = problem.contributors.map((c) => c.gdp ?? 0);
  const total = pool.reduce((s, c) => s + gdp[c]!, 0);
  const share = p.ids.map((_, c) => (eligible[c] && total > 0 ? gdp[c]! / total : 0));
  const b = buildModel(p, ub, eligible, gaps);
  const cheapest = exactCoalition(p, b.bound, eligible, b.cover, { objective: "min-cost" });
  if (!cheapest?.proven) return undefined;
  return fairRelaxation(b, pool, share, cheapest.total)?.lower;
}
