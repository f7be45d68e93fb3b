/**
 * Counts per group of schemes (the options of a dimension, the peacetime presence classes), kept as schemes
 * stream in: how many, how many feasible, accepted by every party, both, and deterrence and cost summaries.
 */
import type { SchemeScores } from "./pass.js";

/** What the answers report of a group of schemes. */
export interface GroupStats {
  schemes: number;
  feasible: number;
  acceptedByAll: number;
  both: number;
  /** Σ and max of P(deterred) over the group. */
  deterrenceSum: number;
  deterrenceMax: number;
  /** Σ of the yearly cost, USD m. */
  costUsdMSum: number;
}

const FIELDS = 7;

/** Per-group counters over a fixed number of groups; one typed array, no object per scheme. */
export class GroupCounter {
  private readonly acc: Float64Array;
  constructor(readonly groups: number) {
    this.acc = new Float64Array(groups * FIELDS);
  }

  /** Count one scheme in group `g`. */
  add(g: number, x: SchemeScores): void {
    const a = this.acc;
    const base = g * FIELDS;
    const all = x.outcome.all;
    a[base]!++;
    if (x.feasible) a[base + 1]!++;
    if (all) a[base + 2]!++;
    if (x.feasible && all) a[base + 3]!++;
    a[base + 4]! += x.deterrence;
    if (x.deterrence > a[base + 5]!) a[base + 5] = x.deterrence;
    a[base + 6]! += x.cost;
  }

  /** The counts of every group, in group order. */
  stats(): GroupStats[] {
    const a = this.acc;
    return Array.from({ length: this.groups }, (_, g) => ({
      schemes: a[g * FIELDS]!,
      feasible: a[g * FIELDS + 1]!,
      acceptedByAll: a[g * FIELDS + 2]!,
      both: a[g * FIELDS + 3]!,
      deterrenceSum: a[g * FIELDS + 4]!,
      deterrenceMax: a[g * FIELDS + 5]!,
      costUsdMSum: a[g * FIELDS + 6]!,
    }));
  }
}
