/**
 * What the answers keep of a scheme (a row: a copy of its options and scores, made only for the few schemes
 * an answer shows), and the order "best first" the focus scheme and every listing follow.
 */
import type { SchemeScores } from "./pass.js";

/** The four objectives of the frontier, in the order of `RowScores.objectives`. */
export const OBJECTIVES = ["feasibility", "acceptability", "deterrence", "costUsdMPerYear"] as const;
export type ObjectiveName = (typeof OBJECTIVES)[number];
/** Maximised or minimised, per objective. */
export const OBJECTIVE_SENSES = ["max", "max", "max", "min"] as const;
export const OBJ_FEASIBILITY = 0;
export const OBJ_ACCEPTABILITY = 1;
export const OBJ_DETERRENCE = 2;
export const OBJ_COST = 3;

/** A scheme kept by an answer: its place in enumeration order, its options and its scores. */
export interface RowScores {
  /** Index in enumeration order (ties go to the earlier scheme). */
  index: number;
  scheme: Int32Array;
  /** OBJECTIVES, in order. */
  objectives: Float64Array;
  feasible: boolean;
  /** Every party accepts. */
  all: boolean;
  /** 1 per party that accepts. */
  accepts: Uint8Array;
  /** The scheme's coalition problem (`SchemePass.coalitions`). */
  coalition: number;
}

/** Write a scheme's objectives into `out` (OBJECTIVES order). */
export function objectivesOf(x: SchemeScores, out: Float64Array): Float64Array {
  out[OBJ_FEASIBILITY] = x.feasibility;
  out[OBJ_ACCEPTABILITY] = x.outcome.minMargin;
  out[OBJ_DETERRENCE] = x.deterrence;
  out[OBJ_COST] = x.cost;
  return out;
}

/** A copy of what an answer keeps of a scored scheme. */
export function rowOf(index: number, scheme: ArrayLike<number>, x: SchemeScores): RowScores {
  return fillRow(
    {
      index,
      scheme: new Int32Array(scheme.length),
      objectives: new Float64Array(OBJECTIVES.length),
      feasible: false,
      all: false,
      accepts: new Uint8Array(x.outcome.accepts.length),
      coalition: 0,
    },
    index,
    scheme,
    x,
  );
}

/** Overwrite `row` with a scored scheme (a reusable probe: no allocation). */
export function fillRow(
  row: RowScores,
  index: number,
  scheme: ArrayLike<number>,
  x: SchemeScores,
): RowScores {
  row.index = index;
  for (let j = 0; j < scheme.length; j++) row.scheme[j] = scheme[j]!;
  objectivesOf(x, row.objectives);
  row.feasible = x.feasible;
  row.all = x.outcome.all;
  row.accepts.set(x.outcome.accepts);
  row.coalition = x.coalition;
  return row;
}

/** Overwrite `into` (a row of the same scenario: same lengths) with `r`. */
export function copyRowInto(into: RowScores, r: RowScores): RowScores {
  into.index = r.index;
  into.scheme.set(r.scheme);
  into.objectives.set(r.objectives);
  into.feasible = r.feasible;
  into.all = r.all;
  into.accepts.set(r.accepts);
  into.coalition = r.coalition;
  return into;
}

/** A deep copy of a row. */
export function copyRow(r: RowScores): RowScores {
  return {
    ...r,
    scheme: Int32Array.from(r.scheme),
    objectives: Float64Array.from(r.objectives),
    accepts: Uint8Array.from(r.accepts),
  };
}

/** The focus tiers: 2 feasible and accepted by every party, 1 feasible, 0 neither. */
export type Tier = 0 | 1 | 2;

/** Which tier a row is in. */
export function tierOf(r: Pick<RowScores, "feasible" | "all">): Tier {
  return r.feasible ? (r.all ? 2 : 1) : 0;
}

// Objectives in order of precedence per tier; cost (minimised) is written as -OBJ_COST - 1.
const PRECEDENCE: readonly (readonly number[])[] = [
  [OBJ_FEASIBILITY, OBJ_ACCEPTABILITY, OBJ_DETERRENCE, -OBJ_COST - 1],
  [OBJ_ACCEPTABILITY, OBJ_DETERRENCE, -OBJ_COST - 1, OBJ_FEASIBILITY],
  [OBJ_DETERRENCE, -OBJ_COST - 1, OBJ_ACCEPTABILITY, OBJ_FEASIBILITY],
];

/**
 * Order for "best first" (negative when `a` comes first): feasible and accepted by all first, by deterrence,
 * then cost; then feasible schemes nearest to consensus (acceptability, then deterrence); then the rest by
 * feasibility and acceptability. Every objective breaks remaining ties, then enumeration order, so the first
 * row is on the Pareto front.
 */
export function better(a: RowScores, b: RowScores): number {
  const ta = tierOf(a);
  const tb = tierOf(b);
  if (ta !== tb) return tb - ta;
  for (const k of PRECEDENCE[ta]!) {
    const d = k >= 0 ? b.objectives[k]! - a.objectives[k]! : a.objectives[-k - 1]! - b.objectives[-k - 1]!;
    if (d !== 0) return d;
  }
  return a.index - b.index;
}

/**
 * The best `cap` rows by `compare`, kept as rows stream in (a copy is made only for a row that enters).
 * @example const top = new TopRows(3, better); top.offer(i, s, x); top.rows // best first
 */
export class TopRows {
  readonly rows: RowScores[] = [];
  constructor(
    private readonly cap: number,
    private readonly compare: (a: RowScores, b: RowScores) => number,
  ) {}

  /** Whether a row would enter (cheap to ask before making it). */
  wants(probe: RowScores): boolean {
    return (
      this.cap > 0 &&
      (this.rows.length < this.cap || this.compare(probe, this.rows[this.rows.length - 1]!) < 0)
    );
  }

  /** Offer a row (a probe is copied only when it enters); kept when among the best `cap` so far. */
  offer(probe: RowScores): void {
    if (!this.wants(probe)) return;
    const row = copyRow(probe);
    let i = this.rows.length;
    while (i > 0 && this.compare(row, this.rows[i - 1]!) < 0) i--;
    this.rows.splice(i, 0, row);
    if (this.rows.length > this.cap) this.rows.pop();
  }
}
