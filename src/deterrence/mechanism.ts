/**
 * How the mechanism of one scheme would operate: its ladder and its deterrence, in one call.
 */
import type { ParameterOrigin } from "../parameters/index.js";
import { PARAMETERS, resolveParameters } from "../parameters/index.js";
import { brokenRule, type CompiledScenario, type Scheme, schemeToObject } from "../scenario/compile.js";
import { type MechanismAttributes, readMechanismAttributes } from "./attributes.js";
import {
  buildLadder,
  type MechanismOptions,
  type ResponseLadder,
  type StepKind,
  type StepTiming,
} from "./ladder.js";
import { type DeterrenceEstimate, estimateFromAttributes } from "./model.js";

/** Where the guarantors' forces are in peacetime. */
export type Presence = "in_place" | "over_the_horizon" | "none";

/** The mechanism of one scheme. */
export interface MechanismReport {
  scheme: Record<string, string>;
  /** The consistency rule the scheme breaks, if any. */
  brokenRule?: { id: string; reason: string };
  attributes: MechanismAttributes;
  presence: Presence;
  ladder: ResponseLadder;
  deterrence: DeterrenceEstimate;
  /** Every parameter used, with its value, where the value came from and whether it is a judgement. */
  parameters: {
    id: string;
    value: number;
    origin: ParameterOrigin;
    judgement: boolean;
  }[];
}

/**
 * In-place presence (forces on the protected state's soil in peacetime), over-the-horizon (no forces there,
 * but the ladder brings military help from outside: air support, airlift reinforcement or direct defence), or
 * none (sanctions, weapons and consultations at most).
 * @param steps the scheme's ladder (see `ladderTimeline`)
 * @example presenceOf(attrs, ladder.steps) // "in_place"
 */
export function presenceOf(a: MechanismAttributes, steps: readonly StepTiming[]): Presence {
  if (
    a.troopsInProtectedState ||
    a.groundMission !== "none" ||
    a.aircraftInProtectedState ||
    a.adCrewsInProtectedState
  )
    return "in_place";
  const military: readonly StepKind[] = ["air_support", "airlift_reinforcement", "direct_defence"];
  return steps.some((s) => military.includes(s.kind)) ? "over_the_horizon" : "none";
}

/**
 * The ladder and the deterrence estimate of a scheme.
 * @param c the compiled scenario
 * @param scheme option index per dimension
 * @param options coalition allocation, injected timings (air model), parameter overrides
 * @example const r = analyzeMechanism(c, scheme); r.deterrence.probability; r.ladder.steps[0].timeHours
 */
export function analyzeMechanism(
  c: CompiledScenario,
  scheme: Scheme,
  options: MechanismOptions = {},
): MechanismReport {
  const attributes = readMechanismAttributes(c, scheme);
  const p = options.parameters ?? resolveParameters(c.scenario);
  const ladder = buildLadder(c, scheme, { ...options, parameters: p });
  const deterrence = estimateFromAttributes(attributes, ladder.steps, p);
  const broken = brokenRule(c, scheme);
  return {
    scheme: schemeToObject(c, scheme),
    ...(broken ? { brokenRule: { id: broken.id, reason: broken.reason } } : {}),
    attributes,
    presence: presenceOf(attributes, ladder.steps),
    ladder,
    deterrence,
    parameters: PARAMETERS.filter((d) => d.model === "deterrence").map((d) => {
      const r = p.get(d.id)!;
      // A value the scenario sets carries the scenario's own source; only code defaults are flagged here.
      return { id: d.id, value: r.value, origin: r.origin, judgement: r.origin === "default" && d.judgement };
    }),
  };
}
