/**
 * The response ladder: what triggers the guarantee, the steps that follow an attack, who acts at each step,
 * and how many hours after the attack each step takes effect.
 */
import { greatCircleKm, lineResponse } from "../models/index.js";
import {
  aircraftFromParameters,
  aircraftType,
  param,
  type ResolvedParameters,
  resolveParameters,
} from "../parameters/index.js";
import type { CompiledScenario, Scheme } from "../scenario/compile.js";
import { InputError } from "../scenario/diagnostics.js";
import type { GroundMission, Scope } from "../scenario/reserved.js";
import { CAPABILITIES, type Capability } from "../scenario/schema.js";
import { type Allocation, allocatedProviders, DEFAULT_US_ACTOR_ID, eligibleProviders } from "./actors.js";
import { type MechanismAttributes, readMechanismAttributes } from "./attributes.js";

/** The steps of a response ladder, in the order they are listed. */
export type StepKind =
  | "consultations"
  | "sanctions"
  | "weapons_surge"
  | "air_support"
  | "airlift_reinforcement"
  | "direct_defence";

export const STEP_KINDS: readonly StepKind[] = [
  "consultations",
  "sanctions",
  "weapons_surge",
  "air_support",
  "airlift_reinforcement",
  "direct_defence",
];

/** Each step in a few words, for reasons and drivers. */
export const STEP_WORDS: Record<StepKind, string> = {
  consultations: "consultations",
  sanctions: "sanctions",
  weapons_surge: "weapons surge",
  air_support: "air support",
  airlift_reinforcement: "airlift reinforcement",
  direct_defence: "direct defence",
};

const STEP_LABELS: Record<StepKind, string> = {
  consultations: "Consultations among the guarantors",
  sanctions: "Coordinated sanctions",
  weapons_surge: "Surge of weapons and ammunition",
  air_support: "Air support",
  airlift_reinforcement: "Reinforcement by airlift",
  direct_defence: "Direct defence",
};

/** Ground missions that are armed forces able to defend themselves and their sites at once. */
export const ARMED_MISSIONS: readonly GroundMission[] = [
  "reassurance",
  "interposition",
  "tripwire",
  "defence",
];

/** Timings computed elsewhere (the air and logistics models) and passed in; each overrides the built-in one. */
export interface MechanismTimings {
  /** Hours from the order to guarantor aircraft reaching the farthest point of the contact line. */
  airResponseHours?: number;
  /** Hours from the order to the lead element of a reinforcement landing in the protected state. */
  airliftHours?: number;
}

/** The timing-relevant skeleton of one step, before actors are attached. */
export interface StepTiming {
  kind: StepKind;
  /** Hours after the attack at which the step takes effect. */
  timeHours: number;
  /** How the time is made up, e.g. "72 h consultations + 48 h sanctions lag". */
  timeBasis: string;
  /** Acts with forces already in place, without waiting for consultations. */
  inPlace: boolean;
  /** For airlift reinforcement: hours until the main body has landed (the model prices the lead element). */
  completeHours?: number;
}

export interface LadderTimelineOptions {
  /** Write how each time is made up (`timeBasis`); false leaves it empty, for sweeps (default true). */
  basis?: boolean;
}

/** Air response time to the line and where it came from. */
export interface AirResponse {
  hours: number;
  origin: "injected" | "computed";
  detail: string;
}

/** One step of the ladder. */
export interface LadderStep extends StepTiming {
  label: string;
  /** What sets this step off. */
  trigger: string;
  /** Actor ids that act at this step. */
  actors: string[];
  /** `allocation`: from the coalition allocation given; `eligible`: every actor able and willing in this scheme. */
  actorsBasis: "allocation" | "eligible";
  note?: string;
}

/** The whole ladder of a scheme. */
export interface ResponseLadder {
  scope: Scope;
  /** What an attack must hit for the guarantee to apply. */
  trigger: string;
  steps: LadderStep[];
  airResponse?: AirResponse;
  /** The guarantor actors (everyone who acts at some step). */
  guarantors: string[];
}

const fmtH = (h: number) => `${Number.isInteger(h) ? h : h.toFixed(1)} h`;

/**
 * The steps a scheme's attributes call for and their times after an attack (pure; no actors).
 * - consultations when `consultation_hours` > 0; every step not taken by forces in place waits for them;
 * - sanctions when bindingness > 0; a weapons surge when `weapons_usd_bn_per_year` > 0;
 * - air support when `cap_stations` > 0 or `air_policing`;
 * - airlift reinforcement when an armed ground force is in place or bindingness ≥ reinforcement threshold;
 * - direct defence when an armed ground force is in place (at once, self-defence under UN Charter art. 51)
 *   or bindingness ≥ the Article-5-like threshold (after reinforcement or air support arrives).
 * @param airResponseHours hours from the order to aircraft over the farthest point of the line (needed only
 *   when the scheme has air support)
 * @example ladderTimeline(attrs, { airResponseHours: 0.9, airliftHours: 52 }, params)
 */
export function ladderTimeline(
  a: MechanismAttributes,
  timings: { airResponseHours?: number | undefined; airliftHours?: number | undefined },
  p: ResolvedParameters,
  options: LadderTimelineOptions = {},
): StepTiming[] {
  const steps: StepTiming[] = [];
  const tc = Math.max(0, a.consultationHours);
  // Sweeps over many schemes need the times only: the words are then left empty.
  const words = options.basis ?? true;
  const after = (h: number, what: string) =>
    tc > 0
      ? { timeHours: tc + h, timeBasis: words ? `${fmtH(tc)} consultations + ${fmtH(h)} ${what}` : "" }
      : { timeHours: h, timeBasis: words ? `${fmtH(h)} ${what}` : "" };
  if (tc > 0)
    steps.push({
      kind: "consultations",
      timeHours: tc,
      timeBasis: words ? `${fmtH(tc)} agreed` : "",
      inPlace: false,
    });
  if (a.bindingness > 0)
    steps.push({
      kind: "sanctions",
      ...after(param(p, "mechanism.sanctions_lag_hours"), "to adopt sanctions"),
      inPlace: false,
    });
  if (a.weaponsUsdBnPerYear > 0)
    steps.push({
      kind: "weapons_surge",
      ...after(param(p, "mechanism.weapons_surge_hours"), "to first surge deliveries"),
      inPlace: false,
    });
  const hasAir = a.capStations > 0 || a.airPolicing;
  let airAt: number | undefined;
  if (hasAir) {
    if (timings.airResponseHours === undefined)
      throw new Error("ladderTimeline: the scheme has air support but no air response time was given");
    const s = {
      kind: "air_support" as const,
      ...after(timings.airResponseHours, "air response to the line"),
    };
    airAt = s.timeHours;
    steps.push({ ...s, inPlace: false });
  }
  const armedInPlace = ARMED_MISSIONS.includes(a.groundMission);
  const airlift = timings.airliftHours ?? airliftHoursFromParameters(p);
  let liftAt: number | undefined;
  if (armedInPlace || a.bindingness >= param(p, "deterrence.reinforcement_min_bindingness")) {
    const s = after(airlift, "lead element by airlift");
    liftAt = s.timeHours;
    // The main body follows at its own notice to move (SHAPE: most VJTF units within seven days).
    const completeHours =
      tc + param(p, "mechanism.airlift_main_body_hours") + param(p, "mechanism.airlift_flight_hours");
    steps.push({
      kind: "airlift_reinforcement",
      timeHours: s.timeHours,
      timeBasis: words ? `${s.timeBasis}; main body landed at ${fmtH(completeHours)}` : "",
      inPlace: false,
      completeHours,
    });
  }
  if (armedInPlace)
    steps.push({
      kind: "direct_defence",
      timeHours: 0,
      timeBasis: words ? `0 h: the ${a.groundMission} force in place defends itself and its sites` : "",
      inPlace: true,
    });
  else if (a.bindingness >= param(p, "deterrence.direct_defence_min_bindingness")) {
    // Without forces in place, direct defence starts when the first guarantor forces arrive.
    const first = Math.min(liftAt ?? Number.POSITIVE_INFINITY, airAt ?? Number.POSITIVE_INFINITY);
    const s = Number.isFinite(first)
      ? { timeHours: first, timeBasis: words ? `${fmtH(first)}: when the first guarantor forces arrive` : "" }
      : after(airlift, "lead element by airlift");
    steps.push({ kind: "direct_defence", ...s, inPlace: false });
  }
  return steps;
}

/** Airlift time from the parameters: lead-element notice to move + flight (SHAPE VJTF readiness). */
export function airliftHoursFromParameters(p: ResolvedParameters): number {
  return param(p, "mechanism.airlift_readiness_hours") + param(p, "mechanism.airlift_flight_hours");
}

/** Fighter type whose alert launch time and dash speed set the air response (as in the requirement model). */
export const DEFAULT_RESPONSE_FIGHTER = "F-16";

/**
 * Air response time from the scenario's airbases to the worst-served point of the contact line, from the air
 * model (`lineResponse`: quick-reaction-alert launch + great-circle distance from the nearest base at dash
 * speed). With a standing patrol (`cap_stations` > 0) the aircraft are already airborne, so the alert launch
 * time is taken off. Bases in the protected state count only when the scheme bases aircraft there.
 * @example airResponseFromBases(c, attrs) // { hours: 1.18, origin: "computed", detail: "…" }
 */
export function airResponseFromBases(
  c: CompiledScenario,
  a: MechanismAttributes,
  fighter: string = DEFAULT_RESPONSE_FIGHTER,
  params: ResolvedParameters = resolveParameters(c.scenario),
): AirResponse {
  const t = c.scenario.theater;
  const bases = t.airbases.filter((b) => a.aircraftInProtectedState || b.country !== t.protectedState);
  if (bases.length === 0)
    throw new InputError([
      {
        file: c.scenario.id,
        path: ["theater", "airbases"],
        message:
          "the scheme has air support but the scenario has no airbase outside the protected state to fly it from",
      },
    ]);
  const known = aircraftType(fighter);
  if (!known) throw new Error(`airResponseFromBases: unknown aircraft type ${fighter}`);
  const type = aircraftFromParameters(known, params);
  const r = lineResponse(bases, t.contactLine.polyline, type);
  const base = bases[r.baseIndex]!;
  const standing = a.capStations > 0;
  const hours = r.worstHours - (standing ? type.alertLaunchHours : 0);
  const km = greatCircleKm(base.location, r.worstPoint);
  return {
    hours,
    origin: "computed",
    detail: `${standing ? "standing patrol" : `${fmtH(type.alertLaunchHours)} alert launch`} + ${Math.round(km)} km from ${base.id} (${base.name}) to the worst-served point of the line at the ${type.name} dash speed of ${type.dashKmh} km/h (air model)`,
  };
}

/** Options of `buildLadder`. */
export interface MechanismOptions {
  /** Coalition allocation (actor → capability → units), when the caller has computed one. */
  allocation?: Allocation;
  /** Timings from the air and logistics models; the built-in estimates are used for those not given. */
  timings?: MechanismTimings;
  /** Resolved parameters (`resolveParameters`, `sampleParameters`); default: the scenario's point values. */
  parameters?: ResolvedParameters;
  /** The actor id of the United States (default "USA"). */
  usActorId?: string;
  /** Fighter type for the air response time (default F-16, an id of the air model's aircraft table). */
  fighter?: string;
}

const TRIGGERS: Record<Scope, string> = {
  recognised_territory:
    "an armed attack anywhere on the protected state's internationally recognised territory",
  controlled_territory: "an armed attack on the territory the protected state's government controls",
  guarantor_forces:
    "an armed attack on the guarantors' own forces (an attack on the protected state alone does not trigger it)",
};

const STEP_CAPABILITIES: Record<StepKind, readonly Capability[]> = {
  consultations: [],
  sanctions: [],
  weapons_surge: [],
  air_support: ["fighters", "tankers", "aew"],
  airlift_reinforcement: ["airlift"],
  direct_defence: ["troops", "fighters"],
};

/**
 * Build the response ladder of a scheme: trigger, steps, actors and times.
 * @param c the compiled scenario
 * @param scheme option index per dimension
 * @param options allocation, injected timings, parameter overrides
 * @example buildLadder(c, scheme).steps.map((s) => `${s.kind} at ${s.timeHours} h`)
 */
export function buildLadder(
  c: CompiledScenario,
  scheme: Scheme,
  options: MechanismOptions = {},
): ResponseLadder {
  const a = readMechanismAttributes(c, scheme);
  const p = options.parameters ?? resolveParameters(c.scenario);
  const usId = options.usActorId ?? DEFAULT_US_ACTOR_ID;
  const hasAir = a.capStations > 0 || a.airPolicing;
  let airResponse: AirResponse | undefined;
  if (hasAir) {
    const injected = options.timings?.airResponseHours;
    airResponse =
      injected !== undefined
        ? { hours: injected, origin: "injected", detail: "given by the caller (air model)" }
        : airResponseFromBases(c, a, options.fighter, p);
  }
  const timeline = ladderTimeline(
    a,
    { airResponseHours: airResponse?.hours, airliftHours: options.timings?.airliftHours },
    p,
  );
  const providers = (caps: readonly Capability[]): { ids: string[]; basis: "allocation" | "eligible" } => {
    if (options.allocation) return { ids: allocatedProviders(options.allocation, caps), basis: "allocation" };
    const ids = new Set<string>();
    for (const cap of caps) for (const id of eligibleProviders(c, scheme, a, cap, usId)) ids.add(id);
    return { ids: [...ids], basis: "eligible" };
  };
  // Guarantors for the steps every guarantor takes (consultations, sanctions, weapons): whoever is allocated
  // anything, or without an allocation whoever is able and willing to provide any capability.
  const guarantorIds = options.allocation
    ? Object.entries(options.allocation)
        .filter(([, row]) => Object.values(row).some((v) => (v ?? 0) > 0))
        .map(([id]) => id)
    : providers(CAPABILITIES).ids;
  const steps: LadderStep[] = timeline.map((s) => {
    const caps = STEP_CAPABILITIES[s.kind];
    const who =
      caps.length > 0
        ? providers(
            s.kind === "direct_defence" && !s.inPlace
              ? (["troops", "fighters"] as const)
              : s.kind === "direct_defence"
                ? (["troops"] as const)
                : caps,
          )
        : { ids: guarantorIds, basis: options.allocation ? ("allocation" as const) : ("eligible" as const) };
    const step: LadderStep = {
      ...s,
      label: STEP_LABELS[s.kind],
      trigger: s.kind === "consultations" || s.inPlace ? TRIGGERS[a.scope] : stepTrigger(s.kind, a),
      actors: who.ids,
      actorsBasis: who.basis,
    };
    if (who.ids.length === 0 && caps.length > 0)
      step.note = `no actor ${who.basis === "allocation" ? "is allocated" : "is able and willing to provide"} ${caps.join(" or ")} in this scheme`;
    if (s.kind === "air_support" && airResponse) step.note = airResponse.detail;
    return step;
  });
  const guarantors = [...new Set(steps.flatMap((s) => s.actors))];
  return {
    scope: a.scope,
    trigger: TRIGGERS[a.scope],
    steps,
    ...(airResponse ? { airResponse } : {}),
    guarantors,
  };
}

function stepTrigger(kind: StepKind, a: MechanismAttributes): string {
  const base = TRIGGERS[a.scope];
  const after = a.consultationHours > 0 ? "the guarantors' decision after consultations on" : "";
  switch (kind) {
    case "direct_defence":
      return `${after ? `${after} ` : ""}${base}, under the Article-5-like clause`;
    default:
      return after ? `${after} ${base}` : base;
  }
}
