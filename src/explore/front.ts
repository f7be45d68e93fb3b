/**
 * The Pareto front on feasibility, acceptability, deterrence (maximised) and cost (minimised), kept as schemes
 * stream in: an archive of mutually non-dominated distinct score vectors, each with the first scheme that has
 * it (in enumeration order) and how many schemes share it. A new vector equal to an archived one is counted
 * there; one dominated by an archived vector is dropped; otherwise it evicts the vectors it dominates and
 * joins. Dominance is transitive, so the final archive is exactly the set of distinct vectors no scheme
 * dominates (the unbounded archive of Knowles & Corne, Evolutionary Computation 8(2), 2000, PAES). Memory is
 * the size of the front, not of the space.
 */
import { copyRow, copyRowInto, OBJECTIVE_SENSES, type RowScores } from "./rank.js";

const SIGN = OBJECTIVE_SENSES.map((s) => (s === "max" ? 1 : -1));

/** 1 when `a` dominates `b` (no worse on every objective, better on one), 2 when equal, 0 otherwise. */
function compare(a: Float64Array, b: Float64Array): 0 | 1 | 2 {
  let equal = true;
  for (let k = 0; k < a.length; k++) {
    const d = SIGN[k]! * (a[k]! - b[k]!);
    if (d < 0) return 0;
    if (d !== 0) equal = false;
  }
  return equal ? 2 : 1;
}

/** A front point: the first scheme with these scores, and how many schemes share them. */
export interface FrontPoint {
  row: RowScores;
  ties: number;
}

export class FrontArchive {
  private points: FrontPoint[] = [];
  /** The point that last absorbed a scheme: consecutive schemes often share it, so it is tried first. */
  private last = -1;
  /** Rows of evicted points, reused for the next points that join (no allocation once the front is grown). */
  private readonly spare: RowScores[] = [];

  /** Offer a scheme's row (a probe: copied only when it joins the front). */
  add(probe: RowScores): void {
    const pts = this.points;
    const o = probe.objectives;
    if (this.last >= 0 && this.last < pts.length) {
      const r = compare(pts[this.last]!.row.objectives, o);
      if (r !== 0) {
        if (r === 2) pts[this.last]!.ties++;
        return;
      }
    }
    for (let i = 0; i < pts.length; i++) {
      if (i === this.last) continue;
      const r = compare(pts[i]!.row.objectives, o);
      if (r === 0) continue;
      if (r === 2) pts[i]!.ties++;
      // Move the absorbing point to the front, so that those that absorb most are tried first (the order
      // changes nothing else: `result` is in no particular order).
      const pt = pts[i]!;
      pts[i] = pts[0]!;
      pts[0] = pt;
      this.last = 0;
      return;
    }
    // Evict the points the probe dominates, in place, and keep their rows for reuse.
    let kept = 0;
    for (let i = 0; i < pts.length; i++) {
      const pt = pts[i]!;
      if (compare(o, pt.row.objectives) === 1) this.spare.push(pt.row);
      else pts[kept++] = pt;
    }
    pts.length = kept;
    const spare = this.spare.pop();
    pts.push({ row: spare ? copyRowInto(spare, probe) : copyRow(probe), ties: 1 });
    this.last = -1;
  }

  /** The front's points, in no particular order. */
  result(): readonly FrontPoint[] {
    return this.points;
  }
}
