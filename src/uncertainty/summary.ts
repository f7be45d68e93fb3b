/**
 * What Monte Carlo says, as data: every headline figure with its 90% interval, the probabilities of the
 * schemes that matter (the most probable, the point-estimate focus, the frontier), and how often the
 * point-estimate focus stays the focus.
 */
import { schemeToObject } from "../scenario/compile.js";
import type { UncertainInput } from "./inputs.js";
import { COST_BINS, costOfBin, DETERRENCE_BINS, type MonteCarloKernel } from "./kernel.js";
import type { BlockResult, MonteCarloOptions } from "./montecarlo.js";

/** A figure's value at the stated inputs and its 5th, 50th and 95th percentiles over the draws. */
export interface Interval {
  point: number;
  p5: number;
  p50: number;
  p95: number;
}

/** A scheme's probabilities over the draws. */
export interface SchemeProbabilities {
  scheme: Record<string, string>;
  /** Index in enumeration order. */
  index: number;
  pFeasible: number;
  /** P(accepted) per party id. */
  pAccepted: Record<string, number>;
  pAcceptedByAll: number;
  pFeasibleAndAccepted: number;
  /** P(deterred): 5th, 50th and 95th percentiles over the draws. */
  deterrence: { p5: number; p50: number; p95: number };
  /** Yearly cost, USD m: percentiles over the draws. */
  costUsdMPerYear: { p5: number; p50: number; p95: number };
}

export interface UncertaintyAnswer {
  samples: number;
  seed: number;
  /** The uncertain inputs drawn, by where their spread comes from. */
  inputs: { total: number; stated: number; confidence: number; model: number };
  /** Headline figures with their 90% intervals (point: the deterministic analysis). */
  headline: {
    feasible: Interval;
    acceptedByAll: Interval;
    both: Interval;
    /** Schemes each party accepts. */
    accepts: Record<string, Interval>;
    /** The distance to consensus. */
    distance: Interval;
    /** P(deterred) and yearly cost of each draw's own focus scheme. */
    focusDeterrence: Interval;
    focusCostUsdMPerYear: Interval;
  };
  /** The focus chosen by probability: highest P(feasible and accepted by all), then median deterrence. */
  focus: SchemeProbabilities | undefined;
  /** The point-estimate focus: its probabilities, and the share of draws in which it is the draw's focus. */
  pointFocus: (SchemeProbabilities & { staysFocus: number }) | undefined;
  /** The schemes most often the draws' focus, with the share of draws. */
  drawFocuses: { scheme: Record<string, string>; share: number }[];
  /** The most probable schemes (P(feasible and accepted by all), then median deterrence), best first. */
  mostProbable: SchemeProbabilities[];
}

/** The q-quantile of sorted values (linear interpolation between order statistics, Hyndman & Fan type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function interval(values: number[], point: number): Interval {
  const sorted = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return {
    point,
    p5: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
  };
}

/** The q-quantile of a histogram row (linear within the bin where the cumulative count reaches q·N). */
function histogramQuantile(
  counts: Uint32Array,
  offset: number,
  bins: number,
  q: number,
  value: (bin: number, within: number) => number,
): number {
  let total = 0;
  for (let b = 0; b < bins; b++) total += counts[offset + b]!;
  if (total === 0) return Number.NaN;
  const target = q * total;
  let cum = 0;
  for (let b = 0; b < bins; b++) {
    const k = counts[offset + b]!;
    if (k > 0 && cum + k >= target) return value(b, Math.min(1, Math.max(0, (target - cum) / k)));
    cum += k;
  }
  return value(bins - 1, 1);
}

/** The probabilities of scheme `s`. */
function probabilities(
  kernel: MonteCarloKernel,
  merged: BlockResult,
  s: number,
  c: Parameters<typeof schemeToObject>[0],
): SchemeProbabilities {
  const k = merged.counts;
  const N = k.draws;
  const P = kernel.parties.length;
  const v = kernel.detOf[s]!;
  const q = kernel.projectionOf[s]!;
  const det = (quantile: number) =>
    histogramQuantile(
      k.deterrence,
      v * DETERRENCE_BINS,
      DETERRENCE_BINS,
      quantile,
      (b, w) => (b + w) / DETERRENCE_BINS,
    );
  const ref = kernel.costReference[q]!;
  const cost = (quantile: number) =>
    histogramQuantile(k.cost, q * COST_BINS, COST_BINS, quantile, (b) => costOfBin(b, ref));
  return {
    scheme: schemeToObject(c, kernel.schemeAt(s)),
    index: s,
    pFeasible: k.feasible[s]! / N,
    pAccepted: Object.fromEntries(kernel.parties.map((p, i) => [p.id, k.accepts[s * P + i]! / N])),
    pAcceptedByAll: k.acceptedByAll[s]! / N,
    pFeasibleAndAccepted: k.both[s]! / N,
    deterrence: { p5: det(0.05), p50: det(0.5), p95: det(0.95) },
    costUsdMPerYear: { p5: cost(0.05), p50: cost(0.5), p95: cost(0.95) },
  };
}

/** The point values the intervals are set against (the deterministic analysis's figures). */
export interface PointFigures {
  feasible: number;
  acceptedByAll: number;
  both: number;
  accepts: Record<string, number>;
  distance: number;
  focusDeterrence: number;
  focusCostUsdMPerYear: number;
  /** The point-estimate focus scheme (option index per dimension), when there is one. */
  focus: ArrayLike<number> | undefined;
}

/**
 * The Monte-Carlo answer, from the merged draws.
 * @param top how many of the most probable schemes to list
 */
export function summarizeMonteCarlo(
  c: Parameters<typeof schemeToObject>[0],
  kernel: MonteCarloKernel,
  merged: BlockResult,
  inputs: readonly UncertainInput[],
  options: MonteCarloOptions,
  point: PointFigures,
  top = 10,
): UncertaintyAnswer {
  const k = merged.counts;
  const f = merged.figures;
  const N = k.draws;
  const parties = kernel.parties;
  // Rank every scheme by P(feasible and accepted by all), then median deterrence, then enumeration order.
  const candidates: number[] = [];
  // Only the schemes that can be among the first `top` need their medians: take those with the highest counts.
  const byCount = new Map<number, number[]>();
  for (let s = 0; s < kernel.n; s++) {
    const list = byCount.get(k.both[s]!) ?? [];
    list.push(s);
    byCount.set(k.both[s]!, list);
  }
  for (const count of [...byCount.keys()].sort((a, b) => b - a)) {
    // One at a time: a spread of hundreds of thousands of equal counts overflows the call stack.
    for (const scheme of byCount.get(count)!) candidates.push(scheme);
    if (candidates.length >= top) break;
  }
  const ranked = candidates
    .map((s) => probabilities(kernel, merged, s, c))
    .sort(
      (a, b) =>
        b.pFeasibleAndAccepted - a.pFeasibleAndAccepted ||
        b.deterrence.p50 - a.deterrence.p50 ||
        a.index - b.index,
    )
    .slice(0, top);
  const focusCounts = new Map<number, number>();
  for (const x of f) if (x.focus >= 0) focusCounts.set(x.focus, (focusCounts.get(x.focus) ?? 0) + 1);
  const pointIndex = point.focus ? kernel.indexOf(point.focus) : -1;
  return {
    samples: N,
    seed: options.seed ?? 0,
    inputs: {
      total: inputs.length,
      stated: inputs.filter((x) => x.origin === "stated").length,
      confidence: inputs.filter((x) => x.origin === "confidence").length,
      model: inputs.filter((x) => x.origin === "model").length,
    },
    headline: {
      feasible: interval(
        f.map((x) => x.feasible),
        point.feasible,
      ),
      acceptedByAll: interval(
        f.map((x) => x.acceptedByAll),
        point.acceptedByAll,
      ),
      both: interval(
        f.map((x) => x.both),
        point.both,
      ),
      accepts: Object.fromEntries(
        parties.map((p, i) => [
          p.id,
          interval(
            f.map((x) => x.accepts[i]!),
            point.accepts[p.id] ?? Number.NaN,
          ),
        ]),
      ),
      distance: interval(
        f.map((x) => x.distance),
        point.distance,
      ),
      focusDeterrence: interval(
        f.map((x) => x.focusDeterrence),
        point.focusDeterrence,
      ),
      focusCostUsdMPerYear: interval(
        f.map((x) => x.focusCostUsdM),
        point.focusCostUsdMPerYear,
      ),
    },
    focus: ranked[0],
    pointFocus:
      pointIndex >= 0
        ? {
            ...probabilities(kernel, merged, pointIndex, c),
            staysFocus: (focusCounts.get(pointIndex) ?? 0) / N,
          }
        : undefined,
    drawFocuses: [...focusCounts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 5)
      .map(([s, count]) => ({ scheme: schemeToObject(c, kernel.schemeAt(s)), share: count / N })),
    mostProbable: ranked,
  };
}
