/**
 * The few statistics the calibrations need: log-scale means and slopes, root mean square, and Student's t.
 */

/** Mean of the natural logs. */
export function meanLog(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + Math.log(x), 0) / xs.length;
}

/** Geometric mean: minimises the squared log error of a constant fitted to `xs`. */
export function geometricMean(xs: readonly number[]): number {
  return Math.exp(meanLog(xs));
}

/** Least-squares slope of log y on log x (NaN when every x is the same). */
export function logLogSlope(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((s, x) => s + x, 0) / lx.length;
  const my = ly.reduce((s, y) => s + y, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < lx.length; i++) {
    sxy += (lx[i]! - mx) * (ly[i]! - my);
    sxx += (lx[i]! - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : Number.NaN;
}

/** Root mean square. */
export function rms(xs: readonly number[]): number {
  return Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);
}

/** Median (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

// One-sided 95% critical values of Student's t for 1-30 degrees of freedom (NIST/SEMATECH e-Handbook of
// Statistical Methods, 1.3.6.7.2, "Critical values of the Student's t distribution").
const T95 = [
  6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753,
  1.746, 1.74, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697,
];

/**
 * The 95th percentile of Student's t with `df` degrees of freedom: the half-width, in standard errors, of a
 * two-sided 90% interval. Beyond 30, the same table's 40 (1.684), 60 (1.671), 120 (1.658) and ∞ (1.645).
 * @example t95(3) // 2.353
 */
export function t95(df: number): number {
  if (!(df >= 1)) throw new RangeError(`t95: degrees of freedom must be ≥ 1, got ${df}`);
  const k = Math.floor(df);
  if (k <= 30) return T95[k - 1]!;
  if (k < 40) return 1.697 + ((1.684 - 1.697) * (k - 30)) / 10;
  if (k < 60) return 1.684 + ((1.671 - 1.684) * (k - 40)) / 20;
  if (k < 120) return 1.671 + ((1.658 - 1.671) * (k - 60)) / 60;
  return 1.645;
}

/** What a leave-one-out cross-validation says about a fit: the spread behind its 90% interval and how the
 *  held-out predictions fared. */
export interface LooSummary {
  /** σ of the log errors behind the interval, its degrees of freedom, and the half-width t × σ. */
  sigmaLog: number;
  df: number;
  halfWidthLog: number;
  /** σ of the lognormal whose 5th-95th percentiles are the interval: halfWidthLog / 1.645. */
  distributionSigma: number;
  /** Median and worst held-out predicted / actual, and how many actuals fell inside their 90% interval. */
  medianRatio: number;
  worstRatio: number;
  inside90: number;
}
