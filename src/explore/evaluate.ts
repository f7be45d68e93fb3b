/**
 * Evaluate every consistent scheme of a scenario on typed arrays: requirements, each party's verdict,
 * deterrence and cost for all of them, and the coalition (a HiGHS solve) only where it can change the answer.
 *
 * No object is made per scheme. Functions of a few dimensions are memoised on those dimensions' options:
 * deterrence reads only the mechanism attributes, the coalition problem only the requirement vector and the
 * dimensions that decide who may provide what. Feasibility needs no solver (see `evaluateSchemes`).
 */
import {
  type CoalitionObjective,
  type CoalitionResult,
  coalitionProblemForScheme,
  eligibleContributors,
  IN_PROTECTED_STATE_ATTRIBUTE,
  type MilpSolver,
  prepareProblem,
  solveCoalition,
  unitBounds,
  willingSupply,
} from "../coalition/index.js";
import {
  MECHANISM_ATTRIBUTES,
  makeDeterrenceEvaluator,
  type Presence,
  presenceOf,
  readMechanismAttributes,
  type StepTiming,
} from "../deterrence/index.js";
import {
  makeRequirementEvaluator,
  REQ_COST_USD_M_PER_YEAR,
  REQ_LENGTH,
  REQUIREMENT_ATTRIBUTES,
} from "../models/index.js";
import {
  compileStances,
  createSequentialEvaluation,
  evaluatePartiesSequential,
  partyAccepts,
  partyMargin,
  type StanceTables,
} from "../politics/index.js";
import { type CompiledScenario, predicateDimensions } from "../scenario/compile.js";
import { CAPABILITIES, type Capability } from "../scenario/schema.js";
import { enumerateSchemes, type OptionFilter } from "../space/index.js";
import { paretoFront } from "./pareto.js";

/** The four objectives of the frontier, in column order of `SchemeTable.objectives`. */
export const OBJECTIVES = ["feasibility", "acceptability", "deterrence", "costUsdMPerYear"] as const;
export type ObjectiveName = (typeof OBJECTIVES)[number];
const SENSES = ["max", "max", "max", "min"] as const;

export const OBJ_FEASIBILITY = 0;
export const OBJ_ACCEPTABILITY = 1;
export const OBJ_DETERRENCE = 2;
export const OBJ_COST = 3;
const K = OBJECTIVES.length;

/** Peacetime presence classes (src/deterrence `presenceOf`), in the order `SchemeTable.presence` indexes. */
export const PRESENCES: readonly Presence[] = ["none", "over_the_horizon", "in_place"];

/** One distinct coalition problem, shared by every scheme with the same requirements and eligibility. */
export interface CoalitionEntry {
  /** A scheme that poses this problem (a copy). */
  example: Int32Array;
  /** Units required per capability (the requirement model's output, before rounding). */
  requirements: Record<Capability, number>;
  /** Mean over required capabilities of min(1, willing supply / required). Exact: see `evaluateSchemes`. */
  feasibility: number;
  /** Units missing per capability (only those with a gap). */
  gaps: Record<string, number>;
  /** The solved coalition (who provides what, at what cost), once a report needs it. */
  result?: CoalitionResult;
}

/** Every consistent scheme with its scores, as flat typed arrays (row i is the i-th scheme in enumeration order). */
export interface SchemeTable {
  compiled: CompiledScenario;
  stances: StanceTables;
  /** Number of schemes. */
  n: number;
  /** Dimensions per scheme. */
  d: number;
  /** Option index per scheme and dimension, n × d. */
  options: Uint16Array;
  /** Requirement model output, n × REQ_LENGTH (layout: src/models REQ_*). */
  requirements: Float64Array;
  /** Party utilities, n × parties. */
  utility: Float64Array;
  /** Whether each party accepts, n × parties (1 or 0). */
  accepts: Uint8Array;
  /** Objective values, n × 4 (OBJECTIVES). */
  objectives: Float64Array;
  /** 1 when the scheme is militarily feasible (see `isFeasible`). */
  feasible: Uint8Array;
  /** 1 when every party accepts the scheme. */
  acceptedAll: Uint8Array;
  /** Peacetime presence per scheme: an index into `PRESENCES`. */
  presence: Uint8Array;
  /** Coalition problem index per scheme. */
  coalitionKey: Int32Array;
  coalitions: CoalitionEntry[];
  /** Solver calls made by `coalitionFor` (a coalition solve may call the solver more than once). */
  solves: number;
}

export interface EvaluateOptions {
  objective?: CoalitionObjective;
  /** Called now and then with (done, total) during the long loops. */
  progress?: (done: number, total: number) => void;
  /** Total consistent schemes, if known (for progress). */
  total?: number;
  /** Restrict the options of some dimensions (`optionFilter(c, fixed)`); default: every option. */
  filter?: OptionFilter;
}

/** The dimensions that set any of the named attributes. */
function attributeDims(c: CompiledScenario, names: Iterable<string>): number[] {
  const dims = new Set<number>();
  for (const name of names) {
    const i = c.attrIndex.get(name);
    if (i !== undefined) dims.add(c.attributes[i]!.dim);
  }
  return [...dims].sort((a, b) => a - b);
}

/** Strides of a mixed-radix number over the options of `dims` (dimension index → stride). */
function radix(c: CompiledScenario, dims: readonly number[]): { dims: Int32Array; strides: Float64Array } {
  const strides = new Float64Array(dims.length);
  let stride = 1;
  dims.forEach((d, k) => {
    strides[k] = stride;
    stride *= c.dims[d]!.options.length;
  });
  if (stride > Number.MAX_SAFE_INTEGER)
    throw new RangeError("radix: too many option combinations for a number key");
  return { dims: Int32Array.from(dims), strides };
}

function mixedRadixKey(s: ArrayLike<number>, r: { dims: Int32Array; strides: Float64Array }): number {
  let key = 0;
  for (let k = 0; k < r.dims.length; k++) key += s[r.dims[k]!]! * r.strides[k]!;
  return key;
}

/** The dimensions that decide who may provide what: provider restrictions, willingness predicates, and the
 *  attributes that place a capability in the protected state (src/coalition/scenario.ts reads these). */
export function eligibilityDims(c: CompiledScenario): number[] {
  const dims = new Set<number>();
  c.scenario.dimensions.forEach((d, i) => {
    if (d.options.some((o) => Object.keys(o.providers).length > 0)) dims.add(i);
  });
  for (const a of c.scenario.actors) {
    for (const w of a.willingness) if (w.kind === "onlyIf") predicateDimensions(c, w.when, dims);
  }
  for (const d of attributeDims(
    c,
    Object.values(IN_PROTECTED_STATE_ATTRIBUTE).filter((x): x is string => x !== undefined),
  ))
    dims.add(d);
  return [...dims].sort((a, b) => a - b);
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
 * Evaluate every consistent scheme (see the module comment). No solver call: feasibility is exact from the
 * contributors' willing capacity; `coalitionFor` solves the allocation of the schemes a report shows.
 * @example const table = evaluateSchemes(c); const { rows } = frontier(table);
 */
export function evaluateSchemes(c: CompiledScenario, options: EvaluateOptions = {}): SchemeTable {
  const d = c.dims.length;
  const stances = compileStances(c);
  const parties = stances.parties.length;
  const requirementOf = makeRequirementEvaluator(c);
  const deterrenceOf = makeDeterrenceEvaluator(c);
  const seq = createSequentialEvaluation(stances);
  const detDims = attributeDims(c, MECHANISM_ATTRIBUTES);
  const eligDims = eligibilityDims(c);
  // Memo keys are mixed-radix numbers over the options of the dimensions each stage reads: no string per scheme.
  const detRadix = radix(c, detDims);
  const detCache = new Map<number, { probability: number; presence: number }>();
  // A coalition problem is a function of the requirement vector and eligibility, so of the options of the
  // dimensions the requirement model and the eligibility rules read. Several projections can pose the same
  // problem: the second map merges them by the problem's own key, computed once per projection.
  const coalitionDims = [...new Set([...attributeDims(c, REQUIREMENT_ATTRIBUTES), ...eligDims])].sort(
    (a, b) => a - b,
  );
  const coalitionRadix = radix(c, coalitionDims);
  const projectionIndex = new Map<number, number>();
  const coalitionIndex = new Map<string, number>();
  const coalitions: CoalitionEntry[] = [];

  let capacity = Math.max(1024, options.total ?? 0);
  let options_ = new Uint16Array(capacity * d);
  let requirements = new Float64Array(capacity * REQ_LENGTH);
  let utility = new Float64Array(capacity * parties);
  let accepts = new Uint8Array(capacity * parties);
  let objectives = new Float64Array(capacity * K);
  let coalitionKey = new Int32Array(capacity);
  let presence = new Uint8Array(capacity);
  const grow = () => {
    capacity *= 2;
    const g = <T extends Uint16Array | Float64Array | Uint8Array | Int32Array>(a: T, w: number): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity * w);
      b.set(a);
      return b;
    };
    options_ = g(options_, d);
    requirements = g(requirements, REQ_LENGTH);
    utility = g(utility, parties);
    accepts = g(accepts, parties);
    objectives = g(objectives, K);
    coalitionKey = g(coalitionKey, 1);
    presence = g(presence, 1);
  };

  const req = new Float64Array(REQ_LENGTH);
  let n = 0;
  for (const s of enumerateSchemes(c, options.filter ? { filter: options.filter } : {})) {
    if (n === capacity) grow();
    for (let j = 0; j < d; j++) options_[n * d + j] = s[j]!;
    requirementOf(s, req);
    requirements.set(req, n * REQ_LENGTH);

    evaluatePartiesSequential(stances, s, seq);
    let minMargin = parties === 0 ? 0 : Number.POSITIVE_INFINITY;
    for (let p = 0; p < parties; p++) {
      utility[n * parties + p] = seq.utility[p]!;
      accepts[n * parties + p] = partyAccepts(stances, seq, p) ? 1 : 0;
      const m = partyMargin(stances, seq, p);
      if (m < minMargin) minMargin = m;
    }

    const detKey = mixedRadixKey(s, detRadix);
    let det = detCache.get(detKey);
    if (det === undefined) {
      const estimate = deterrenceOf(s);
      const steps = estimate.terms.map((t) => ({ kind: t.step, timeHours: t.hours }) as StepTiming);
      const where = presenceOf(readMechanismAttributes(c, s), steps);
      det = { probability: estimate.probability, presence: PRESENCES.indexOf(where) };
      detCache.set(detKey, det);
    }
    presence[n] = det.presence;

    const projection = mixedRadixKey(s, coalitionRadix);
    let ci = projectionIndex.get(projection);
    if (ci === undefined) {
      let cKey = "";
      for (let k = 0; k < CAPABILITIES.length; k++) cKey += `${req[k]},`;
      cKey += "|";
      for (const j of eligDims) cKey += `${s[j]},`;
      ci = coalitionIndex.get(cKey);
      if (ci === undefined) {
        ci = coalitions.length;
        coalitionIndex.set(cKey, ci);
        const requirementsRecord = Object.fromEntries(CAPABILITIES.map((cap, k) => [cap, req[k]!])) as Record<
          Capability,
          number
        >;
        coalitions.push({
          example: Int32Array.from(s),
          requirements: requirementsRecord,
          feasibility: 1,
          gaps: {},
        });
      }
      projectionIndex.set(projection, ci);
    }
    coalitionKey[n] = ci;

    objectives[n * K + OBJ_ACCEPTABILITY] = minMargin;
    objectives[n * K + OBJ_DETERRENCE] = det.probability;
    objectives[n * K + OBJ_COST] = req[REQ_COST_USD_M_PER_YEAR]!;
    n++;
    if ((n & 4095) === 0) options.progress?.(n, options.total ?? n);
  }

  const table: SchemeTable = {
    compiled: c,
    stances,
    n,
    d,
    options: options_.subarray(0, n * d),
    requirements: requirements.subarray(0, n * REQ_LENGTH),
    utility: utility.subarray(0, n * parties),
    accepts: accepts.subarray(0, n * parties),
    objectives: objectives.subarray(0, n * K),
    feasible: new Uint8Array(n),
    acceptedAll: new Uint8Array(n),
    presence: presence.subarray(0, n),
    coalitionKey: coalitionKey.subarray(0, n),
    coalitions,
    solves: 0,
  };

  // Feasibility needs no solver. Providing more units never breaks a condition (there is no upper limit on
  // what the coalition provides in all), so the most a coalition can provide of each capability is the willing
  // capacity of the contributors left once every condition that bars one is applied, `requires` chains
  // included (src/coalition/prepare.ts). The coalition solver then only decides who provides it at least cost,
  // with these same gaps; it runs for the schemes a report shows (`coalitionFor`).
  const objective = options.objective ?? "min-cost";
  for (const entry of coalitions) {
    const prepared = prepareProblem(
      coalitionProblemForScheme(c, entry.example, entry.requirements, { objective }),
    );
    const ub = unitBounds(prepared);
    const supply = willingSupply(prepared, ub, eligibleContributors(prepared, ub));
    entry.feasibility = feasibilityScore(prepared.required, supply);
    prepared.caps.forEach((cap, k) => {
      const gap = prepared.required[k]! - supply[k]!;
      if (gap > 0) entry.gaps[cap] = gap;
    });
  }
  for (let i = 0; i < n; i++) {
    const f = coalitions[coalitionKey[i]!]!.feasibility;
    objectives[i * K + OBJ_FEASIBILITY] = f;
    table.feasible[i] = f >= 1 ? 1 : 0;
    let all = 1;
    for (let p = 0; p < parties; p++) all &= accepts[i * parties + p]!;
    table.acceptedAll[i] = all;
  }
  return table;
}

/**
 * The coalition of a scheme row (who provides what, at what cost), solved once per distinct problem.
 * @example const { result } = coalitionFor(table, row, solver); result.allocation
 */
export function coalitionFor(
  table: SchemeTable,
  row: number,
  solver: MilpSolver,
  objective: CoalitionObjective = "min-cost",
): CoalitionEntry & { result: CoalitionResult } {
  const entry = table.coalitions[table.coalitionKey[row]!]!;
  if (!entry.result) {
    const problem = coalitionProblemForScheme(table.compiled, entry.example, entry.requirements, {
      objective,
    });
    entry.result = solveCoalition(problem, solver);
    table.solves += entry.result.solver.solves;
  }
  return entry as CoalitionEntry & { result: CoalitionResult };
}

/**
 * The Pareto front on feasibility, acceptability, deterrence (maximised) and cost (minimised). Schemes with
 * equal scores are collapsed first (there are far fewer distinct score vectors than schemes): the front keeps
 * the first in enumeration order, with the number of schemes that share its scores.
 * @returns the front's rows, in enumeration order, and the ties of each.
 */
export function frontier(table: SchemeTable): { rows: number[]; ties: number[] } {
  const o = table.objectives;
  // Collapse equal vectors without a key per scheme: sort row indexes by their vector (then by index), so
  // equal vectors are adjacent and the first of each run is the earliest in enumeration order.
  const order = Int32Array.from({ length: table.n }, (_, i) => i).sort((a, b) => {
    for (let k = 0; k < K; k++) {
      const d = o[a * K + k]! - o[b * K + k]!;
      if (d !== 0) return d;
    }
    return a - b;
  });
  const runs: { row: number; count: number }[] = [];
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const last = runs[runs.length - 1];
    let same = last !== undefined;
    for (let k = 0; same && k < K; k++) same = o[i * K + k] === o[last!.row * K + k];
    if (same) last!.count++;
    else runs.push({ row: i, count: 1 });
  }
  runs.sort((x, y) => x.row - y.row);
  const values = new Float64Array(runs.length * K);
  runs.forEach(({ row }, r) => {
    values.set(o.subarray(row * K, row * K + K), r * K);
  });
  const front = paretoFront(values, runs.length, K, SENSES);
  return { rows: front.map((r) => runs[r]!.row), ties: front.map((r) => runs[r]!.count) };
}

/** The options of row `i` as an Int32Array scheme. */
export function schemeAt(table: SchemeTable, i: number): Int32Array {
  return Int32Array.from(table.options.subarray(i * table.d, (i + 1) * table.d));
}

/** Whether the scheme in row `i` is militarily feasible: willing contributors can meet every requirement. */
export function isFeasible(table: SchemeTable, i: number): boolean {
  return table.feasible[i] === 1;
}

/** Whether every party accepts the scheme in row `i`. */
export function acceptedByAll(table: SchemeTable, i: number): boolean {
  return table.acceptedAll[i] === 1;
}
