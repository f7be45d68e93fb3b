/**
 * The distributions a scenario declares for its parameters (point, uniform, triangular, PERT, lognormal): their
 * point estimate, mean, support, quantiles and a seeded draw. Closed forms: Johnson, Kotz & Balakrishnan,
 * Continuous Univariate Distributions (2nd ed., 1994–95); PERT as in Malcolm et al., Operations Research 7(5),
 * 1959, with the modified-beta shape of Vose, Risk Analysis (3rd ed., 2008), §9.1.
 */
import type { Random } from "../random/index.js";
import type { Distribution } from "./schema.js";

/** The point estimate of a distribution: the value, the mode, the median, or the middle of a uniform. */
export function pointEstimate(d: Distribution): number {
  switch (d.kind) {
    case "point":
      return d.value;
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
    case "pert":
      return d.mode;
    case "lognormal":
      return d.median;
  }
}

/** The mean of a distribution (closed form). */
export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case "point":
      return d.value;
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
      return (d.min + d.mode + d.max) / 3;
    case "pert":
      // Modified beta with shape λ = 4: (min + 4 mode + max) / 6.
      return (d.min + 4 * d.mode + d.max) / 6;
    case "lognormal":
      return d.median * Math.exp((d.sigma * d.sigma) / 2);
  }
}

/** The smallest and largest values a distribution can take (a lognormal's upper end is +∞). */
export function distributionSupport(d: Distribution): [number, number] {
  switch (d.kind) {
    case "point":
      return [d.value, d.value];
    case "uniform":
    case "triangular":
    case "pert":
      return [d.min, d.max];
    case "lognormal":
      return [0, Number.POSITIVE_INFINITY];
  }
}

/** A standard normal deviate from two uniforms (Box & Muller, Ann. Math. Statist. 29(2), 1958). */
function standardNormal(random: Random): number {
  // 1 − u lies in (0, 1], so the logarithm is finite.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A Gamma(shape, 1) deviate, shape ≥ 1 (Marsaglia & Tsang, ACM TOMS 26(3), 2000). */
function gamma(shape: number, random: Random): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * One seeded draw from a distribution.
 * @example sampleDistribution({ kind: "uniform", min: 2, max: 4 }, mulberry32(1)) // a number in [2, 4]
 */
export function sampleDistribution(d: Distribution, random: Random): number {
  switch (d.kind) {
    case "point":
      return d.value;
    case "uniform":
      return d.min + random() * (d.max - d.min);
    case "triangular": {
      // Inverse CDF of the triangular distribution.
      const u = random();
      const span = d.max - d.min;
      if (span === 0) return d.min;
      const f = (d.mode - d.min) / span;
      return u < f
        ? d.min + Math.sqrt(u * span * (d.mode - d.min))
        : d.max - Math.sqrt((1 - u) * span * (d.max - d.mode));
    }
    case "pert": {
      const span = d.max - d.min;
      if (span === 0) return d.min;
      // Beta(α, β) with α = 1 + 4 (mode − min)/span, β = 1 + 4 (max − mode)/span, as a ratio of gammas.
      const a = gamma(1 + (4 * (d.mode - d.min)) / span, random);
      const b = gamma(1 + (4 * (d.max - d.mode)) / span, random);
      return d.min + (span * a) / (a + b);
    }
    case "lognormal":
      return d.median * Math.exp(d.sigma * standardNormal(random));
  }
}

/** The regularised incomplete beta function I_x(a, b), by its continued fraction (Lentz's method; Press et al.,
 *  Numerical Recipes, 3rd ed., 2007, §6.4). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnBeta = lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  const front = Math.exp(Math.log(x) * a + Math.log(1 - x) * b - lnBeta);
  // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = Math.abs(d) < tiny ? tiny : d;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = 1 + num / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    f *= d * c;
    num = -((a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = 1 + num / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return (front * f) / a;
}

/** ln Γ(x), x > 0 (Lanczos approximation, g = 7, n = 9; accurate to about 1e-15). */
function lnGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = g[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += g[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
function normalQuantile(q: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (q < lo) {
    const r = Math.sqrt(-2 * Math.log(q));
    return (
      (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) /
      ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1)
    );
  }
  if (q > 1 - lo) return -normalQuantile(1 - q);
  const u = q - 0.5;
  const r = u * u;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * u) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * The q-quantile of a distribution, 0 < q < 1 (closed forms; PERT by bisection on its beta CDF).
 * @example distributionQuantile({ kind: "uniform", min: 0, max: 10 }, 0.05) // 0.5
 */
export function distributionQuantile(d: Distribution, q: number): number {
  switch (d.kind) {
    case "point":
      return d.value;
    case "uniform":
      return d.min + q * (d.max - d.min);
    case "triangular": {
      const span = d.max - d.min;
      if (span === 0) return d.min;
      const f = (d.mode - d.min) / span;
      return q < f
        ? d.min + Math.sqrt(q * span * (d.mode - d.min))
        : d.max - Math.sqrt((1 - q) * span * (d.max - d.mode));
    }
    case "pert": {
      const span = d.max - d.min;
      if (span === 0) return d.min;
      const a = 1 + (4 * (d.mode - d.min)) / span;
      const b = 1 + (4 * (d.max - d.mode)) / span;
      let lo = 0;
      let hi = 1;
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (incompleteBeta(mid, a, b) < q) lo = mid;
        else hi = mid;
      }
      return d.min + span * ((lo + hi) / 2);
    }
    case "lognormal":
      return d.median * Math.exp(d.sigma * normalQuantile(q));
  }
}
