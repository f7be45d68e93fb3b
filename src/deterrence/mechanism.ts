/**
 * How the mechanism of one scheme would operate: its ladder and its deterrence, in one call.
 */
import { brokenRule, type CompiledScenario, type Scheme, schemeToObject } from "../scenario/compile.js";
import { type MechanismAttributes, readMechanismAttributes } from "./attributes.js";
import { buildLadder, type MechanismOptions, type ResponseLadder } from "./ladder.js";
import { type DeterrenceEstimate, estimateFromAttributes } from "./model.js";
import { DETERRENCE_PARAMETERS, resolveParameters } from "./params.js";

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
    origin: "scenario" | "default" | "override";
    judgement: boolean;
  }[];
}

/**
 * In-place presence (forces on the protected state's soil in peacetime), over-the-horizon (air support or
 * reinforcement from outside), or none.
 * @example presenceOf(attrs) // "in_place"
 */
export function presenceOf(a: MechanismAttributes): Presence {
  if (
    a.troopsInProtectedState ||
    a.groundMission !== "none" ||
    a.aircraftInProtectedState ||
    a.adCrewsInProtectedState
  )
    return "in_place";
  if (a.capStations > 0 || a.airPolicing || a.bindingness > 0) return "over_the_horizon";
  return "none";
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
  const p = resolveParameters(c.scenario, options.parameters);
  const ladder = buildLadder(c, scheme, options);
  const deterrence = estimateFromAttributes(attributes, ladder.steps, p);
  const broken = brokenRule(c, scheme);
  const judgement = new Map(DETERRENCE_PARAMETERS.map((d) => [d.id, d.judgement]));
  const origin = p.origin;
  return {
    scheme: schemeToObject(c, scheme),
    ...(broken ? { brokenRule: { id: broken.id, reason: broken.reason } } : {}),
    attributes,
    presence: presenceOf(attributes),
    ladder,
    deterrence,
    parameters: Object.entries(p.values).map(([id, value]) => ({
      id,
      value,
      origin: origin[id]!,
      // A value the scenario sets carries the scenario's own source; only code defaults are flagged here.
      judgement: origin[id] === "default" ? (judgement.get(id) ?? true) : false,
    })),
  };
}
