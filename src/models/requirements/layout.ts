/**
 * The requirement model's outputs: the layout of the fast evaluator's array (capabilities first, in
 * `CAPABILITIES` order, then money and deployed troops), and the types of the readable result and breakdown.
 */
import type { ResolvedParameters } from "../../parameters/index.js";
import { CAPABILITIES, type Capability } from "../../scenario/schema.js";

/** Index of each output in the evaluator's Float64Array: the capabilities in `CAPABILITIES` order first. */
export const REQ_TROOPS = 0;
export const REQ_FIGHTERS = 1;
export const REQ_TANKERS = 2;
export const REQ_AEW = 3;
export const REQ_DRONE_ORBITS = 4;
export const REQ_AIR_DEFENCE_BATTERIES = 5;
export const REQ_AIRLIFT = 6;
/** Money per year, millions of USD of the scenario's currency year. */
export const REQ_COST_USD_M_PER_YEAR = 7;
/** Troops deployed at a time (ground force and trainers), before rotation. */
export const REQ_DEPLOYED_TROOPS = 8;
/** Length of the evaluator's output array. */
export const REQ_LENGTH = 9;

/** Names of the outputs, by index. */
export const REQ_NAMES: readonly string[] = [...CAPABILITIES, "costUsdMPerYear", "deployedTroops"];

/** One input of a breakdown line and where it comes from. */
export interface BreakdownInput {
  name: string;
  value: number | string | boolean;
  source: string;
}

/** One traceable figure. */
export interface BreakdownLine {
  id: string;
  label: string;
  value: number;
  unit: string;
  formula: string;
  inputs: BreakdownInput[];
  /** 90% interval of the value from its calibration's leave-one-out spread, where the model has one. */
  interval90?: [number, number];
}

export type CapabilityRequirements = Record<Capability, number>;

export interface SchemeRequirements extends CapabilityRequirements {
  costUsdMPerYear: number;
  deployedTroops: number;
  /** Currency of the costs: USD of the scenario's currency year. */
  currency: { code: "USD"; year: number };
  breakdown: BreakdownLine[];
}

export interface RequirementOptions {
  /** Resolved parameters (`resolveParameters`, `sampleParameters`); default: the scenario's point values. */
  parameters?: ResolvedParameters;
  /** Fighter type flying CAP and air policing (default F-16). */
  fighter?: string;
  /** Tanker type (default KC-135). */
  tanker?: string;
  /** Airborne early-warning type (default E-3). */
  aew?: string;
  /** Drone type for ISR orbits (default MQ-9). */
  drone?: string;
  /** Whether CAP stations may be refuelled in flight (default true). */
  useTankers?: boolean;
}
