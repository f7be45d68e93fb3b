/**
 * Sensitivity of a scheme's verdicts to the uncertain inputs:
 * - a tornado: each input swung from its 5th to its 95th percentile (a yes/no input: from no to yes), the
 *   others at their stated values, sorted by the swing of the metric;
 * - a global ranking from Monte-Carlo draws: Spearman's rank correlation between each input and the metric
 *   (docs/models/uncertainty.md says why this index);
 * - switching values: for each party, how far its reservation and each of its heaviest preference weights must
 *   move for its verdict on the scheme to flip (closed form), and how far its reservation must move for the
 *   focus scheme to change (bisection).
 */

import { preferenceScore } from "../politics/index.js";
import type { CompiledScenario } from "../scenario/compile.js";
import { distributionQuantile } from "../scenario/distributions.js";
import type { Scenario } from "../scenario/schema.js";
import { applyDraw, type DrawValues, drawValues, pointValues } from "./draw.js";
import { type UncertainInput, uncertainInputs } from "./inputs.js";
import type { MonteCarloKernel, SchemeDraw } from "./kernel.js";
import { DEFAULT_SEED } from "./montecarlo.js";

/** What a sensitivity is measured on. */
export const SENSITIVITY_METRICS = ["margin", "deterrence", "zone", "feasible"] as const;
export type SensitivityMetric = (typeof SENSITIVITY_METRICS)[number];

export interface SensitivityOptions {
  metric?: SensitivityMetric;
  /** Inputs listed in the tornado and the ranking (default 10). */
  top?: number;
  /** Monte-Carlo draws for the global ranking (default 200; 0: no ranking). */
  samples?: number;
  seed?: number;
  /** Parameter overrides in every evaluation (`--set`). */
  overrides?: Readonly<Record<string, number>>;
}

/** One bar of a tornado: the metric with the input at its low and high value. */
export interface TornadoBar {
  input: string;
  source: string;
  low: { input: number; metric: number };
  high: { input: number; metric: number };
  /** |high − low| of the metric. */
  swing: number;
}

export interface SwitchingValue {
  /** The value the quantity must reach for the verdict to flip (undefined: it cannot flip it alone). */
  to: number | undefined;
  from: number;
  /** Why it cannot, when `to` is undefined. */
  note?: string;
}

export interface PartySwitching {
  party: string;
  accepts: boolean;
  utility: number;
  reservation: SwitchingValue;
  /** The heaviest preferences' weights (up to three). */
  weights: (SwitchingValue & { preference: string })[];
  /** The nearest reservations, below and above the stated one, at which the focus scheme changes (undefined:
   *  no change anywhere in that direction at the bisection's resolution). */
  focusChange: { down: number | undefined; up: number | undefined };
}

export interface SensitivityResult {
  metric: SensitivityMetric;
  scheme: Record<string, string>;
  /** The metric at the stated values (for `margin`: the least party margin), and per party for `margin`. */
  point: { value: number; byParty?: Record<string, number> };
  tornado: TornadoBar[];
  /** For `margin`: a tornado per party, on its own margin. */
  tornadoByParty?: Record<string, TornadoBar[]>;
  ranking:
    | {
        method: "spearman";
        samples: number;
        seed: number;
        inputs: { input: string; source: string; rho: number }[];
      }
    | undefined;
  switching: PartySwitching[];
}

/** The metric of a scheme under a draw (whole-space metrics run the whole kernel). */
function metricOf(
  kernel: MonteCarloKernel,
  scenario: Scenario,
  inputs: readonly UncertainInput[],
  values: DrawValues,
  s: number,
  metric: SensitivityMetric,
  overrides: Readonly<Record<string, number>>,
): { value: number; one?: SchemeDraw } {
  const draw = applyDraw(scenario, inputs, values, overrides);
  if (metric === "zone") return { value: kernel.run(draw, kernel.counts()).acceptedByAll };
  const one = kernel.scoreOne(draw, s);
  const value =
    metric === "margin"
      ? Math.min(...one.margin)
      : metric === "deterrence"
        ? one.deterrence
        : one.feasibility;
  return { value, one };
}

/** Ranks of values (average ranks for ties). */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's ρ: Pearson's correlation of the ranks (0 when either side does not vary). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = x.length;
  const mx = rx.reduce((a, b) => a + b, 0) / n;
  const my = ry.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/**
 * The sensitivity of scheme `s` (an index in the kernel's enumeration order).
 * @example sensitivity(c, kernel, kernel.indexOf(scheme), { metric: "margin" }).tornado[0].input
 */
export function sensitivity(
  c: CompiledScenario,
  kernel: MonteCarloKernel,
  s: number,
  options: SensitivityOptions = {},
): SensitivityResult {
  const metric = options.metric ?? "margin";
  const top = options.top ?? 10;
  const overrides = options.overrides ?? {};
  const scenario = c.scenario;
  const inputs = uncertainInputs(scenario);
  const point = pointValues(inputs);
  const at = (values: DrawValues) => metricOf(kernel, scenario, inputs, values, s, metric, overrides);
  const base = at(point);
  const parties = kernel.parties;

  // The tornado: one input at a time at its 5th and 95th percentile (no / yes for a yes/no input).
  const bars: (TornadoBar & { byParty?: number[][] })[] = inputs.map((x, i) => {
    const lo = x.kind === "bernoulli" ? 0 : distributionQuantile(x.distribution!, 0.05);
    const hi = x.kind === "bernoulli" ? 1 : distributionQuantile(x.distribution!, 0.95);
    const v = Float64Array.from(point);
    v[i] = lo;
    const low = at(v);
    v[i] = hi;
    const high = at(v);
    return {
      input: x.id,
      source: x.source,
      low: { input: lo, metric: low.value },
      high: { input: hi, metric: high.value },
      swing: Math.abs(high.value - low.value),
      ...(low.one && high.one ? { byParty: [Array.from(low.one.margin), Array.from(high.one.margin)] } : {}),
    };
  });
  const sortBars = (list: TornadoBar[]) =>
    [...list].sort((a, b) => b.swing - a.swing || (a.input < b.input ? -1 : 1));
  const strip = ({ byParty: _b, ...bar }: TornadoBar & { byParty?: number[][] }): TornadoBar => bar;
  const tornado = sortBars(bars.map(strip)).slice(0, top);
  let tornadoByParty: Record<string, TornadoBar[]> | undefined;
  if (metric === "margin") {
    tornadoByParty = Object.fromEntries(
      parties.map((p, k) => [
        p.id,
        sortBars(
          bars.map((b) => {
            const lo = b.byParty?.[0]?.[k] ?? Number.NaN;
            const hi = b.byParty?.[1]?.[k] ?? Number.NaN;
            return {
              ...strip(b),
              low: { ...b.low, metric: lo },
              high: { ...b.high, metric: hi },
              swing: Math.abs(hi - lo),
            };
          }),
        ).slice(0, top),
      ]),
    );
  }

  // The global ranking: Spearman's ρ between each input and the metric over Monte-Carlo draws.
  const samples = options.samples ?? 200;
  const seed = options.seed ?? DEFAULT_SEED;
  let ranking: SensitivityResult["ranking"];
  if (samples > 0) {
    const draws = Array.from({ length: samples }, (_, k) => drawValues(inputs, seed, k));
    const y = draws.map((v) => at(v).value);
    ranking = {
      method: "spearman",
      samples,
      seed,
      inputs: inputs
        .map((x, i) => ({
          input: x.id,
          source: x.source,
          rho: spearman(
            draws.map((v) => v[i]!),
            y,
          ),
        }))
        .sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho) || (a.input < b.input ? -1 : 1))
        .slice(0, top),
    };
  }

  // Switching values, from the scheme's scores at the stated values.
  const one = base.one ?? kernel.scoreOne(applyDraw(scenario, inputs, point, overrides), s);
  const schemeOptions = kernel.schemeAt(s);
  const focusAt = (actor: number, reservation: number) => {
    const draw = applyDraw(scenario, inputs, point, overrides);
    draw.stances[actor]!.reservation = reservation;
    return kernel.run(draw, kernel.counts()).focus;
  };
  const actorIndex = new Map(scenario.actors.map((a, i) => [a.id, i]));
  const pointFocus = kernel.run(applyDraw(scenario, inputs, point, overrides), kernel.counts()).focus;
  const switching = parties.map((party, k): PartySwitching => {
    const u = one.utility[k]!;
    const r = party.reservation;
    const accepts = one.accepts[k] === 1;
    // A red line binding at the stated values is not lifted by any reservation or weight.
    const crossed = one.violated[k]! > 0;
    const reservation: SwitchingValue = crossed
      ? { from: r, to: undefined, note: "a red line is crossed: no reservation alone flips the verdict" }
      : { from: r, to: u };
    const W = party.totalWeight;
    const sigma = party.preferences.map((pref) => preferenceScore(c, pref, schemeOptions));
    const A = party.preferences.reduce((sum, pref, i) => sum + pref.weight * sigma[i]!, 0);
    const weights = party.preferences
      .map((pref, i) => ({ pref, i }))
      .sort((a, b) => b.pref.weight - a.pref.weight)
      .slice(0, 3)
      .map(({ pref, i }) => {
        // u(w_i + δ) = (A + δσ_i) / (W + δ) = r  ⇒  δ = (rW − A) / (σ_i − r).
        const denominator = sigma[i]! - r;
        const delta = denominator === 0 ? Number.NaN : (r * W - A) / denominator;
        const to = pref.weight + delta;
        const ok = !crossed && Number.isFinite(to) && to >= 0;
        return {
          preference: pref.id,
          from: pref.weight,
          to: ok ? to : undefined,
          ...(ok
            ? {}
            : {
                note: crossed
                  ? "a red line is crossed"
                  : "no weight of this preference alone reaches the reservation",
              }),
        };
      });
    // The focus: bisection on the reservation toward each end, when the end itself changes the focus.
    const actor = actorIndex.get(party.id)!;
    const search = (end: number): number | undefined => {
      if (focusAt(actor, end) === pointFocus) return undefined;
      let same = r;
      let other = end;
      for (let it = 0; it < 12; it++) {
        const mid = (same + other) / 2;
        if (focusAt(actor, mid) === pointFocus) same = mid;
        else other = mid;
      }
      return other;
    };
    return {
      party: party.id,
      accepts,
      utility: u,
      reservation,
      weights,
      focusChange: { down: r > 0 ? search(0) : undefined, up: r < 1 ? search(1) : undefined },
    };
  });

  return {
    metric,
    scheme: Object.fromEntries(c.dims.map((d, j) => [d.id, d.options[schemeOptions[j]!]!])),
    point: {
      value: base.value,
      ...(metric === "margin" && base.one
        ? { byParty: Object.fromEntries(parties.map((p, k) => [p.id, base.one!.margin[k]!])) }
        : {}),
    },
    tornado,
    ...(tornadoByParty ? { tornadoByParty } : {}),
    ranking,
    switching,
  };
}

/**
 * The focus scheme at the stated values (an index in the kernel's enumeration order; -1 without schemes): the
 * same order as analyze's focus.
 * @example const s = pointFocus(c, kernel); sensitivity(c, kernel, s)
 */
export function pointFocus(
  c: CompiledScenario,
  kernel: MonteCarloKernel,
  overrides: Readonly<Record<string, number>> = {},
): number {
  const inputs = uncertainInputs(c.scenario);
  return kernel.run(applyDraw(c.scenario, inputs, pointValues(inputs), overrides), kernel.counts()).focus;
}
