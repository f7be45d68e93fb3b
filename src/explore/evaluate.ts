/**
 * Every consistent scheme of a scenario with its scores, as flat typed arrays: the single pass
 * (`forEachScheme`, pass.ts) collected into rows. For callers that need to look rows up again (tests, small
 * spaces); `analyzeScenario` reduces the same pass without keeping rows. The table is never modified after it
 * is built, so it can be shared.
 */
import {
  type CoalitionObjective,
  type CoalitionResult,
  coalitionProblemForScheme,
  type MilpSolver,
  solveCoalition,
} from "../coalition/index.js";
import { REQ_LENGTH } from "../models/index.js";
import type { StanceTables } from "../politics/index.js";
import type { CompiledScenario } from "../scenario/compile.js";
import { FrontArchive } from "./front.js";
import { type CoalitionEntry, forEachScheme, type SchemeScores, type StreamOptions } from "./pass.js";
import {
  OBJ_ACCEPTABILITY,
  OBJ_COST,
  OBJ_DETERRENCE,
  OBJ_FEASIBILITY,
  OBJECTIVES,
  type RowScores,
} from "./rank.js";

export { OBJECTIVES, type ObjectiveName } from "./rank.js";

const K = OBJECTIVES.length;

/** Every consistent scheme with its scores, as flat typed arrays (row i is the i-th scheme in enumeration order). */
export interface SchemeTable {
  readonly compiled: CompiledScenario;
  readonly stances: StanceTables;
  /** Number of schemes. */
  readonly n: number;
  /** Dimensions per scheme. */
  readonly d: number;
  /** Option index per scheme and dimension, n × d (16-bit when every dimension has at most 65,536 options). */
  readonly options: Uint16Array | Uint32Array;
  /** Requirement model output, n × REQ_LENGTH (layout: src/models REQ_*). */
  readonly requirements: Float64Array;
  /** Party utilities, n × parties. */
  readonly utility: Float64Array;
  /** Whether each party accepts, n × parties (1 or 0). */
  readonly accepts: Uint8Array;
  /** Objective values, n × 4 (OBJECTIVES). */
  readonly objectives: Float64Array;
  /** 1 when the scheme is militarily feasible: willing contributors can meet every requirement. */
  readonly feasible: Uint8Array;
  /** 1 when every party accepts the scheme. */
  readonly acceptedAll: Uint8Array;
  /** Peacetime presence per scheme: an index into `PRESENCES`. */
  readonly presence: Uint8Array;
  /** Coalition problem index per scheme. */
  readonly coalitionKey: Int32Array;
  readonly coalitions: readonly CoalitionEntry[];
}

export interface EvaluateOptions extends StreamOptions {
  /** Also hand each scheme to this reducer during the pass (for example a `ConsensusAccumulator`). */
  onScheme?: (index: number, scheme: Int32Array, scores: SchemeScores) => void;
}

/**
 * Evaluate every consistent scheme (see the file header). No solver call: feasibility is exact from the
 * contributors' willing capacity; `coalitionFor` solves the allocation of a row.
 * @example const table = evaluateSchemes(c); const { rows } = frontier(table);
 */
export function evaluateSchemes(c: CompiledScenario, options: EvaluateOptions = {}): SchemeTable {
  const d = c.dims.length;
  const wide = c.dims.some((x) => x.options.length > 65_536);
  let capacity = Math.max(1024, options.total ?? 0);
  let parties = 0;
  let options_: Uint16Array | Uint32Array = wide ? new Uint32Array(0) : new Uint16Array(0);
  let requirements = new Float64Array(0);
  let utility = new Float64Array(0);
  let accepts = new Uint8Array(0);
  let objectives = new Float64Array(0);
  let coalitionKey = new Int32Array(0);
  let presence = new Uint8Array(0);
  let feasible = new Uint8Array(0);
  let acceptedAll = new Uint8Array(0);
  const grow = <T extends Uint16Array | Uint32Array | Float64Array | Uint8Array | Int32Array>(
    a: T,
    w: number,
  ): T => {
    const b = new (a.constructor as new (n: number) => T)(capacity * w);
    b.set(a);
    return b;
  };
  const growAll = () => {
    options_ = grow(options_, d);
    requirements = grow(requirements, REQ_LENGTH);
    utility = grow(utility, parties);
    accepts = grow(accepts, parties);
    objectives = grow(objectives, K);
    coalitionKey = grow(coalitionKey, 1);
    presence = grow(presence, 1);
    feasible = grow(feasible, 1);
    acceptedAll = grow(acceptedAll, 1);
  };
  let started = false;
  const { pass, count: n } = forEachScheme(c, options, (i, s, x) => {
    if (!started) {
      parties = x.outcome.accepts.length;
      growAll();
      started = true;
    } else if (i === capacity) {
      capacity *= 2;
      growAll();
    }
    for (let j = 0; j < d; j++) options_[i * d + j] = s[j]!;
    requirements.set(x.requirements, i * REQ_LENGTH);
    utility.set(x.parties.utility, i * parties);
    accepts.set(x.outcome.accepts, i * parties);
    objectives[i * K + OBJ_FEASIBILITY] = x.feasibility;
    objectives[i * K + OBJ_ACCEPTABILITY] = x.outcome.minMargin;
    objectives[i * K + OBJ_DETERRENCE] = x.deterrence;
    objectives[i * K + OBJ_COST] = x.cost;
    coalitionKey[i] = x.coalition;
    presence[i] = x.presence;
    feasible[i] = x.feasible ? 1 : 0;
    acceptedAll[i] = x.outcome.all ? 1 : 0;
    options.onScheme?.(i, s, x);
  });
  return {
    compiled: c,
    stances: pass.stances,
    n,
    d,
    options: options_.subarray(0, n * d),
    requirements: requirements.subarray(0, n * REQ_LENGTH),
    utility: utility.subarray(0, n * parties),
    accepts: accepts.subarray(0, n * parties),
    objectives: objectives.subarray(0, n * K),
    feasible: feasible.subarray(0, n),
    acceptedAll: acceptedAll.subarray(0, n),
    presence: presence.subarray(0, n),
    coalitionKey: coalitionKey.subarray(0, n),
    coalitions: pass.coalitions,
  };
}

/**
 * The coalition of a scheme row: who provides what, at what cost (a solver call; nothing is cached in the table).
 * @example const { result } = coalitionFor(table, row, solver); result.allocation
 */
export function coalitionFor(
  table: SchemeTable,
  row: number,
  solver: MilpSolver,
  objective: CoalitionObjective = "min-cost",
): CoalitionEntry & { result: CoalitionResult } {
  const entry = table.coalitions[table.coalitionKey[row]!]!;
  const problem = coalitionProblemForScheme(table.compiled, entry.example, entry.requirements, { objective });
  return { ...entry, result: solveCoalition(problem, solver) };
}

/**
 * The Pareto front of a table on feasibility, acceptability, deterrence (maximised) and cost (minimised), by the
 * same streaming archive `analyzeScenario` uses (front.ts): schemes with equal scores collapse onto the first
 * in enumeration order, with the number of schemes that share them.
 * @returns the front's rows, in enumeration order, and the ties of each.
 */
export function frontier(table: SchemeTable): { rows: number[]; ties: number[] } {
  const archive = new FrontArchive();
  const parties = table.stances.parties.length;
  const probe: RowScores = {
    index: 0,
    scheme: new Int32Array(0),
    objectives: new Float64Array(K),
    feasible: false,
    all: false,
    accepts: new Uint8Array(parties),
    coalition: 0,
  };
  for (let i = 0; i < table.n; i++) {
    probe.index = i;
    probe.objectives.set(table.objectives.subarray(i * K, i * K + K));
    archive.add(probe);
  }
  const points = [...archive.result()].sort((a, b) => a.row.index - b.row.index);
  return { rows: points.map((p) => p.row.index), ties: points.map((p) => p.ties) };
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
