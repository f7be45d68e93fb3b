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
/** The one field of a group record kept as a maximum (deterrenceMax); the others are sums. */
const DETERRENCE_MAX = 5;

/** Per-group counters over a fixed number of groups; one typed array, no object per scheme. */
export class GroupCounter {
  private readonly acc: Float64Array;
  /** One scheme's figures, in the layout `groupRecord` writes. */
  private readonly record = new Float64Array(FIELDS);
  constructor(readonly groups: number) {
    this.acc = new Float64Array(groups * FIELDS);
  }

  /** Count one scheme in group `g`. */
  add(g: number, x: SchemeScores): void {
    const a = this.acc;
    const r = this.record;
    const base = g * FIELDS;
    groupRecord(r, 0, x);
    for (let f = 0; f < FIELDS; f++) {
      if (f === DETERRENCE_MAX) {
        if (r[f]! > a[base + f]!) a[base + f] = r[f]!;
      } else a[base + f]! += r[f]!;
    }
  }

  /** The counts of every group, in group order. */
  stats(): GroupStats[] {
    return Array.from({ length: this.groups }, (_, g) => groupStatsAt(this.acc, g * FIELDS));
  }
}

/**
 * Totals per option of every dimension, over schemes that stream in enumeration order, with work per scheme
 * independent of the number of dimensions. The caller writes a scheme's figures into `record` (`width`
 * numbers, summed; those in `maxFields` kept as a maximum) and calls `add`. Schemes sharing the options of
 * dimensions 0…d form a subtree; `open[d]` holds the totals of the current one. A subtree is complete when an
 * option at depth ≤ d changes: its totals go to its option of dimension d and into its parent's, so a scheme
 * costs one record per dimension that changed (about one on average) rather than one per dimension.
 * Schemes out of order are still counted right (more subtrees are closed); the sums' order of addition is
 * the tree's, so they can differ in the last bits from a scheme-by-scheme sum.
 * @example const t = new OptionTotals([3, 2], 1, []); t.record[0] = 1; t.add(s); t.totals() // schemes per option
 */
export class OptionTotals {
  /** The figures of the scheme about to be added. */
  readonly record: Float64Array;
  private readonly dims: number;
  private readonly offset: Int32Array;
  private readonly sumFields: Int32Array;
  private readonly maxFields: Int32Array;
  private readonly open: Float64Array;
  private readonly sums: Float64Array;
  private readonly previous: Int32Array;
  private started = false;

  constructor(
    sizes: readonly number[],
    private readonly width: number,
    maxFields: readonly number[],
  ) {
    this.dims = sizes.length;
    this.offset = new Int32Array(this.dims + 1);
    sizes.forEach((n, d) => {
      this.offset[d + 1] = this.offset[d]! + n;
    });
    const isMax = (f: number) => maxFields.includes(f);
    this.sumFields = Int32Array.from({ length: width }, (_, f) => f).filter((f) => !isMax(f));
    this.maxFields = Int32Array.from(maxFields);
    this.record = new Float64Array(width);
    this.open = new Float64Array(Math.max(0, this.dims - 1) * width);
    this.sums = new Float64Array(this.offset[this.dims]! * width);
    this.previous = new Int32Array(this.dims);
  }

  /** Add `record` for scheme `s`; `changedFrom`, when the caller knows it, is the first dimension whose option
   *  differs from the previous scheme added (found by comparison otherwise). */
  add(s: ArrayLike<number>, changedFrom?: number): void {
    const dims = this.dims;
    if (dims === 0) return;
    let k = 0;
    if (this.started) {
      if (changedFrom !== undefined) k = Math.min(changedFrom, dims - 1);
      else while (k < dims - 1 && this.previous[k] === s[k]) k++;
      this.close(k);
    }
    this.started = true;
    for (let d = k; d < dims; d++) this.previous[d] = s[d]!;
    // A scheme is a whole subtree at the last depth: it goes to its option there and into its parent's at once.
    const last = dims - 1;
    this.merge(this.sums, (this.offset[last]! + s[last]!) * this.width, this.record, 0);
    if (last > 0) this.merge(this.open, (last - 1) * this.width, this.record, 0);
  }

  /** The totals: `width` numbers per option, options of dimension 0 first (option `o` of dimension `d` at
   *  `(Σ_{d' < d} options(d') + o) · width`). */
  totals(): Float64Array {
    if (this.started) {
      this.close(0);
      this.started = false;
    }
    return this.sums;
  }

  /** Close the open subtrees at depths ≥ k (above the last, whose schemes are added at once), deepest first. */
  private close(k: number): void {
    const w = this.width;
    for (let d = this.dims - 2; d >= k; d--) {
      const at = d * w;
      this.merge(this.sums, (this.offset[d]! + this.previous[d]!) * w, this.open, at);
      if (d > 0) this.merge(this.open, at - w, this.open, at);
      this.open.fill(0, at, at + w);
    }
  }

  private merge(into: Float64Array, i: number, from: Float64Array, j: number): void {
    const sum = this.sumFields;
    for (let x = 0; x < sum.length; x++) into[i + sum[x]!]! += from[j + sum[x]!]!;
    const max = this.maxFields;
    for (let x = 0; x < max.length; x++) {
      const f = max[x]!;
      if (from[j + f]! > into[i + f]!) into[i + f] = from[j + f]!;
    }
  }
}

/** The fields of a `GroupStats` as an `OptionTotals` record (deterrenceMax is the maximum). */
export const GROUP_FIELDS = FIELDS;
export const GROUP_MAX_FIELDS: readonly number[] = [DETERRENCE_MAX];

/** Write a scheme's group figures into `record` at `at` (the layout `GroupCounter` sums). */
export function groupRecord(record: Float64Array, at: number, x: SchemeScores): void {
  const all = x.outcome.all;
  record[at] = 1;
  record[at + 1] = x.feasible ? 1 : 0;
  record[at + 2] = all ? 1 : 0;
  record[at + 3] = x.feasible && all ? 1 : 0;
  record[at + 4] = x.deterrence;
  record[at + 5] = x.deterrence;
  record[at + 6] = x.cost;
}

/** The `GroupStats` at `at` of a totals array. */
export function groupStatsAt(a: Float64Array, at: number): GroupStats {
  return {
    schemes: a[at]!,
    feasible: a[at + 1]!,
    acceptedByAll: a[at + 2]!,
    both: a[at + 3]!,
    deterrenceSum: a[at + 4]!,
    deterrenceMax: a[at + 5]!,
    costUsdMSum: a[at + 6]!,
  };
}
