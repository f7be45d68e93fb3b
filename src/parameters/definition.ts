/**
 * What a model parameter is: an id, a code default with its unit and source, and whether that default is a
 * judgement. Every model's table of definitions (military, aircraft, deterrence) is made of these, and the
 * registry (`registry.ts`) holds them all.
 */

import type { Distribution } from "../scenario/schema.js";

/** Which model reads a parameter. */
export type ParameterModel = "military" | "aircraft" | "deterrence";

/** One parameter of a model: its code default and where that default comes from. */
export interface ParameterDef {
  id: string;
  /** The code default, used when the scenario does not set the parameter. */
  value: number;
  unit: string;
  description: string;
  /** Where the default comes from; starts with `judgement` when no published figure supports it. */
  source: string;
  /** True when the default is a judgement rather than a published figure. */
  judgement: boolean;
  model: ParameterModel;
  /** The spread of the default when it is known (for instance from a calibration's residuals): Monte Carlo
   *  draws from it when the scenario does not set the parameter. Its point estimate is `value`. */
  distribution?: Distribution;
  /** Other ids a scenario may use for the same quantity (the flagship's own names). One alias may stand for
   *  several parameters (`fleet_availability` sets the availability of every fighter type). */
  aliases?: readonly string[];
}

/** The arguments of a table's `def(...)` builder: the common fields, then one table-specific extra. */
export type ParameterDefArgs<Extra> = [
  id: string,
  value: number,
  unit: string,
  description: string,
  source: string,
  extra?: Extra,
];

/** True when a source text marks its figure as a judgement. */
export function isJudgementSource(source: string): boolean {
  return source.startsWith("judgement");
}

/**
 * Build a parameter definition; `judgement` follows from the source text.
 * @example defineParameter("military", "air.standoff_km", 100, "km", "how far behind the line", "judgement")
 */
export function defineParameter(
  model: ParameterModel,
  ...[id, value, unit, description, source, extra]: ParameterDefArgs<Partial<ParameterDef>>
): ParameterDef {
  return { id, value, unit, description, source, judgement: isJudgementSource(source), model, ...extra };
}

/** How far a parameter may be set from its code default, as a factor either way: beyond it a model divides by
 *  next to nothing (an availability of 1e-9 gives a billion aircraft) or multiplies past any force. */
export const PARAMETER_FACTOR = 1000;
/** The range of an exponent: above it a power of a line length or a population overflows. */
export const MAX_EXPONENT = 3;

/**
 * The values a parameter may be set to (by a scenario or `--set`): an exponent within [0, MAX_EXPONENT], any
 * other parameter of its default's sign within a factor of PARAMETER_FACTOR of it.
 * @example parameterRange(parameterDef("ground.rotation_factor")!) // { min: 0.003, max: 3000 }
 */
export function parameterRange(def: ParameterDef): { min: number; max: number } {
  if (def.unit === "exponent") return { min: 0, max: MAX_EXPONENT };
  const a = Math.abs(def.value);
  if (a === 0) return { min: 0, max: PARAMETER_FACTOR };
  const [lo, hi] = [a / PARAMETER_FACTOR, a * PARAMETER_FACTOR];
  return def.value > 0 ? { min: lo, max: hi } : { min: -hi, max: -lo };
}

/** Why `value` cannot be `def`'s value, or undefined when it can. */
export function parameterValueProblem(def: ParameterDef, value: number): string | undefined {
  const { min, max } = parameterRange(def);
  if (Number.isFinite(value) && value >= min && value <= max) return undefined;
  return `expected a number from ${min} to ${max} for ${def.id} (${def.unit}; its default is ${def.value}), got ${value}`;
}
