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
