/**
 * A party's verdict on a scheme from its utility and violated red lines: the one place the formulas of
 * docs/models/politics.md are written.
 *
 *   short_p  = r_p − u_p(s)
 *   accepts  ⇔ no red line of p violated and short_p ≤ tolerance
 *   gap_p    = (short_p if short_p > tolerance, else 0) + Σ_{violated ℓ} c_ℓ
 *   margin_p = max(0, u_p − r_p) when p accepts, else −gap_p
 *
 * `scoreParties` applies them to every party of one evaluated scheme, into reused buffers, with the summaries
 * across parties (least margin, largest gap, Nash product) that explore and consensus read.
 */
import type { PartyEvaluation, StanceTables } from "./stances.js";

/** Tolerance on `u_p ≥ r_p`: utilities are sums of floats, so a tie must not turn on the last bit. */
export const ACCEPT_TOLERANCE = 1e-9;

/** Whether a party accepts: no red line violated and its shortfall `r − u` within tolerance. */
export function acceptsFrom(short: number, violated: number): boolean {
  return violated === 0 && !(short > ACCEPT_TOLERANCE);
}

/** A party's gap: the shortfall beyond tolerance plus the costs of its violated red lines. */
export function gapFrom(short: number, redLineCost: number): number {
  return (short > ACCEPT_TOLERANCE ? short : 0) + redLineCost;
}

/** A party's net margin: its surplus when it accepts, else minus its gap. A red line is never offset by
 *  surplus on other preferences. */
export function marginFrom(short: number, violated: number, redLineCost: number): number {
  return acceptsFrom(short, violated) ? (short < 0 ? -short : 0) : -gapFrom(short, redLineCost);
}

/** Every party's verdict on one scheme, and the summaries across parties. Filled by `scoreParties`. */
export interface PartyScores {
  accepts: Uint8Array;
  margin: Float64Array;
  gap: Float64Array;
  /** 1 when the party would have to lower its reservation (short_p > tolerance). */
  lowers: Uint8Array;
  /** Every party accepts. */
  all: boolean;
  /** min_p margin_p (0 when there is no party). */
  minMargin: number;
  /** Σ_p margin_p. */
  sumMargin: number;
  /** max_p gap_p: the consensus gap. */
  maxGap: number;
  /** Σ_p gap_p: the cost of the cheapest concessions that make every party accept (concessions.ts). */
  totalGap: number;
  /** Π_p max(0, u_p − r_p): the Nash product. */
  surplusProduct: number;
}

/** Allocate the buffers `scoreParties` fills (once, then reuse them for every scheme). */
export function createPartyScores(t: StanceTables): PartyScores {
  const n = t.parties.length;
  return {
    accepts: new Uint8Array(n),
    margin: new Float64Array(n),
    gap: new Float64Array(n),
    lowers: new Uint8Array(n),
    all: true,
    minMargin: 0,
    sumMargin: 0,
    maxGap: 0,
    totalGap: 0,
    surplusProduct: 1,
  };
}

/**
 * Every party's acceptance, margin and gap for an evaluated scheme (`evaluateParties`), with no allocation.
 * @example evaluateParties(t, scheme, e); scoreParties(t, e, scores); scores.accepts[0] // 1 when the first accepts
 */
export function scoreParties(t: StanceTables, e: PartyEvaluation, out: PartyScores): void {
  const n = t.parties.length;
  let all = true;
  let minMargin = n === 0 ? 0 : Number.POSITIVE_INFINITY;
  let sumMargin = 0;
  let maxGap = 0;
  let totalGap = 0;
  let product = 1;
  for (let p = 0; p < n; p++) {
    const short = t.reservation[p]! - e.utility[p]!;
    const violated = e.violated[p]!;
    const cost = e.redLineCost[p]!;
    const accepts = acceptsFrom(short, violated);
    const gap = gapFrom(short, cost);
    const margin = marginFrom(short, violated, cost);
    out.accepts[p] = accepts ? 1 : 0;
    out.lowers[p] = short > ACCEPT_TOLERANCE ? 1 : 0;
    out.margin[p] = margin;
    out.gap[p] = gap;
    if (!accepts) all = false;
    if (margin < minMargin) minMargin = margin;
    sumMargin += margin;
    if (gap > maxGap) maxGap = gap;
    totalGap += gap;
    product *= short < 0 ? -short : 0;
  }
  out.all = all;
  out.minMargin = minMargin;
  out.sumMargin = sumMargin;
  out.maxGap = maxGap;
  out.totalGap = totalGap;
  out.surplusProduct = product;
}
