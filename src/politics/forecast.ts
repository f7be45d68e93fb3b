/**
 * The capability × salience weighted-mean forecast: the baseline any fancier bargaining model must beat.
 *
 * On each numeric attribute that parties state a preference on, the forecast position is the mean of their
 * ideal points weighted by power × salience: the "compromise model" of Thomson, Stokman, Achen & König
 * (eds.), "The European Union Decides", Cambridge UP 2006, ch. 10 (Achen), where this weighted mean predicted
 * EU outcomes as well as the elaborate bargaining models; also the benchmark in Bueno de Mesquita, "A New
 * Model for Predicting Policy Choices", Conflict Management and Peace Science 28(1), 2011:
 *
 *   f_a = Σ_p power_p · salience_p · ideal_{p,a} / Σ_p power_p · salience_p
 *
 * where ideal_{p,a} is the end of the preference's range the party prefers (hi when higher is better, lo
 * when lower is better: the least extreme value that gives it the full score). The forecast scheme is the
 * consistent scheme nearest to the forecast positions in normalised squared distance
 *
 *   D(s) = Σ_a ((a(s) − f_a) / width_a)²,   width_a = max − min of a over its dimension's options.
 */
import { type CompiledScenario, numericAttribute } from "../scenario/compile.js";
import type { Party } from "./stances.js";

/** The forecast position on one attribute. */
export interface ForecastPosition {
  attr: string;
  /** Dimension id that sets the attribute. */
  dim: string;
  position: number;
  /** The parties whose preferences enter the mean, with their ideal points and weights power·salience. */
  parties: { party: string; ideal: number; weight: number; source: string }[];
}

/** Forecast positions plus a per-option table of squared normalised distances for fast scheme scoring. */
export interface ForecastTables {
  positions: ForecastPosition[];
  /** `distance[optionOffset[d] + o]`: Σ over attributes of dimension d of ((a(o) − f_a)/width_a)². */
  distance: Float64Array;
}

/**
 * The weighted-mean forecast positions of a scenario's parties, and the distance table.
 * @example forecastPositions(c, stanceParties(c), offsets).positions[0] // { attr: "ukraine_force_k", position: 410, … }
 */
export function forecastPositions(
  c: CompiledScenario,
  parties: readonly Party[],
  optionOffset: Int32Array,
): ForecastTables {
  const byAttr = new Map<string, ForecastPosition["parties"]>();
  for (const p of parties) {
    for (const pref of p.preferences) {
      if ("when" in pref || pref.weight === 0) continue;
      const list = byAttr.get(pref.attr) ?? [];
      list.push({
        party: p.id,
        ideal: pref.better === "higher" ? pref.range[1] : pref.range[0],
        weight: p.power * p.salience,
        source: pref.source,
      });
      byAttr.set(pref.attr, list);
    }
  }
  const positions: ForecastPosition[] = [];
  const distance = new Float64Array(optionOffset[c.dims.length]!);
  const one = new Int32Array(c.dims.length);
  for (const [attr, list] of byAttr) {
    const total = list.reduce((s, x) => s + x.weight, 0);
    if (total <= 0) continue;
    // f_a = Σ power·salience·ideal / Σ power·salience (file header).
    const position = list.reduce((s, x) => s + x.weight * x.ideal, 0) / total;
    const a = c.attributes[c.attrIndex.get(attr)!]!;
    const values = c.dims[a.dim]!.options.map((_, o) => {
      one[a.dim] = o;
      return numericAttribute(c, one, attr);
    });
    one[a.dim] = 0;
    const width = Math.max(...values) - Math.min(...values);
    positions.push({ attr, dim: c.dims[a.dim]!.id, position, parties: list });
    if (!(width > 0)) continue;
    values.forEach((v, o) => {
      distance[optionOffset[a.dim]! + o]! += ((v - position) / width) ** 2;
    });
  }
  return { positions, distance };
}
