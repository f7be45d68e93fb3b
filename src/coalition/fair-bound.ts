/**
 * A lower bound on the `fair` objective's least unfairness that needs no solver, from one relaxation: each
 * eligible contributor's cost is 0 (out) or anywhere in [a_c, h_c] (in: from its fixed cost plus one unit of its
 * cheapest capability, to everything it may provide), and the total T lies in [T_lo, T_hi]. An allocation with
 * unfairness ≤ F then needs, for every c with GDP share s_c > F (staying out would cost it s_c > F),
 *
 *     (s_c − F)·T ≤ h_c   and   a_c ≤ (s_c + F)·T,   i.e.   max_c a_c/(s_c + F) ≤ T ≤ min_c h_c/(s_c − F),
 *
 * an interval of T that only widens as F grows. The least F whose interval meets [T_lo, T_hi] (with a whole T
 * when every cost is a whole number) is found by bisection: every F below it is infeasible, so the least
 * unfairness is at least it. docs/models/coalition.md, "the fair bound".
 */

/** Bisection steps on F: from [0, 1] to below 10⁻¹⁵. */
const BISECTIONS = 52;
/** Relative slack on each end of T's interval, so that float rounding never makes an F look infeasible. */
const ROUNDING = 1e-12;

export interface FairBoundInput {
  /** GDP share, least and largest cost when taking part, per eligible contributor. */
  share: readonly number[];
  least: readonly number[];
  most: readonly number[];
  /** Bounds on any allocation's total cost. */
  totalLow: number;
  totalHigh: number;
  /** Every cost a whole number, so that the total is one too. */
  wholeTotals: boolean;
}

export interface FairBound {
  /** Proven: every allocation has unfairness ≥ lower. */
  lower: number;
  /** The least F the bisection found feasible in the relaxation (lower < upper ≤ lower + 10⁻¹⁵). */
  upper: number;
}

/** The interval of totals T an allocation with unfairness ≤ F can have (empty when min > max). */
function fairTotals(input: FairBoundInput, F: number): { min: number; max: number } {
  let min = input.totalLow;
  let max = input.totalHigh;
  input.share.forEach((s, i) => {
    if (s <= F) return;
    min = Math.max(min, input.least[i]! / (s + F));
    max = Math.min(max, input.most[i]! / (s - F));
  });
  min *= 1 - ROUNDING;
  max *= 1 + ROUNDING;
  if (input.wholeTotals) {
    min = Math.ceil(min);
    max = Math.floor(max);
  }
  return { min, max };
}

/**
 * The relaxation's least unfairness (see the file header), or undefined when even F = 1 leaves no total (the
 * inputs are inconsistent; unfairness never exceeds 1).
 * @example fairBound({ share: [0.5, 0.5], least: [1, 1], most: [10, 2], totalLow: 4, totalHigh: 12, wholeTotals: true })
 */
export function fairBound(input: FairBoundInput): FairBound | undefined {
  const feasible = (F: number) => {
    const t = fairTotals(input, F);
    return t.min <= t.max;
  };
  let hi = 1;
  if (!feasible(hi)) return undefined;
  let lo = 0;
  if (feasible(0)) return { lower: 0, upper: 0 };
  for (let i = 0; i < BISECTIONS; i++) {
    const mid = (lo + hi) / 2;
    if (feasible(mid)) hi = mid;
    else lo = mid;
  }
  return { lower: lo, upper: hi };
}
