/**
 * A transparent expected-cost model of renewed aggression (rational deterrence: Huth & Russett 1984; Achen &
 * Snidal 1989). The attacker attacks when its expected gain exceeds the expected cost of the responses:
 *
 *   E[cost] = C_own + Σ_k P_k · C_k,    P_k = T · σ(z_k),
 *   z_k = α_k + β_B·B + β_F·F + β_U·U − β_D·ln(1 + t_k / τ),
 *   P(deterred) = Φ( ln(E[cost] / G) / s ),
 *
 * with B the bindingness, F the forces in place (noisy-OR), U the US involvement (noisy-OR), t_k the hours to
 * step k, T the probability that the attack triggers the guarantee at all (scope), G the attacker's median
 * gain and s the log-spread of the defender's uncertainty about it. Every coefficient is a parameter by id
 * (src/parameters/deterrence.ts), monotone by construction: P_k rises with B, F, U and falls with t_k.
 */

import { param, type ResolvedParameters } from "../parameters/index.js";
import type { CompiledScenario, Scheme } from "../scenario/compile.js";
import type { GroundMission } from "../scenario/reserved.js";
import { type MechanismAttributes, readMechanismAttributes } from "./attributes.js";
import { STEP_WORDS, type StepKind, type StepTiming } from "./ladder.js";

/** The four factors of the response probabilities, and the trigger probability. */
export interface DeterrenceFactors {
  /** Commitment bindingness, 0–1. */
  bindingness: number;
  /** Forces already in place, 0–1 (noisy-OR of ground mission, aircraft and air-defence crews in place). */
  forcesInPlace: number;
  /** US involvement, 0–1 (noisy-OR of the us_* attributes). */
  usInvolvement: number;
  /** Probability that renewed aggression strikes guarantor forces (noisy-OR). */
  exposure: number;
  /** Probability that renewed aggression triggers the guarantee at all, from its scope and, when the attacker is
   *  itself a guarantor with a veto, the chance that it does not block the response. */
  trigger: number;
  /** Probability that the attacker blocks the response as a guarantor (0 unless `adversary_guarantor`). */
  vetoBlock: number;
}

/** One term of the expected cost: one step of the ladder. */
export interface DeterrenceTerm {
  step: StepKind;
  hours: number;
  /** The parts of the log-odds z_k. */
  logit: {
    intercept: number;
    bindingness: number;
    forcesInPlace: number;
    usInvolvement: number;
    delay: number;
  };
  /** σ(z_k): probability the step is carried out once the guarantee is triggered. */
  pCarriedOut: number;
  /** T · σ(z_k). */
  probability: number;
  /** C_k, gain units. */
  cost: number;
  /** P_k · C_k, gain units. */
  contribution: number;
  /** Share of the expected cost (including C_own). */
  share: number;
}

/** The deterrence estimate of a scheme. */
export interface DeterrenceEstimate {
  factors: DeterrenceFactors;
  /** Cost of fighting the protected state's own forces, gain units. */
  ownForcesCost: number;
  terms: DeterrenceTerm[];
  expectedCost: number;
  gain: number;
  /** E[cost] / G: above 1 the attacker is deterred at the median gain. */
  costToGain: number;
  /** P(deterred) = Φ(ln(E/G)/s). */
  probability: number;
  /** The terms and factors that drive the estimate, largest first, in words. */
  drivers: string[];
}

const MISSION_PRESENCE: Record<Exclude<GroundMission, "none">, string> = {
  observation: "deterrence.presence.observation",
  reassurance: "deterrence.presence.reassurance",
  interposition: "deterrence.presence.interposition",
  tripwire: "deterrence.presence.tripwire",
  defence: "deterrence.presence.defence",
};
const MISSION_EXPOSURE: Record<Exclude<GroundMission, "none">, string> = {
  observation: "deterrence.exposure.observation",
  reassurance: "deterrence.exposure.reassurance",
  interposition: "deterrence.exposure.interposition",
  tripwire: "deterrence.exposure.tripwire",
  defence: "deterrence.exposure.defence",
};

/** Noisy-OR of independent contributions in [0, 1]: 1 − Π(1 − w_i) (Pearl, Probabilistic Reasoning, 1988). */
export function noisyOr(weights: readonly number[]): number {
  let q = 1;
  for (const w of weights) q *= 1 - Math.min(1, Math.max(0, w));
  return 1 - q;
}

/** The logistic function σ(z) = 1 / (1 + e^−z). */
export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Standard normal CDF, via erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * The factors of a scheme: bindingness, forces in place, US involvement, exposure and trigger probability.
 * @example deterrenceFactors(attrs, params).forcesInPlace // 0.6 for a reassurance force alone
 */
export function deterrenceFactors(a: MechanismAttributes, p: ResolvedParameters): DeterrenceFactors {
  const mission = a.groundMission === "none" ? undefined : a.groundMission;
  const forcesInPlace = noisyOr([
    mission ? param(p, MISSION_PRESENCE[mission]) : 0,
    a.aircraftInProtectedState ? param(p, "deterrence.presence.aircraft") : 0,
    a.adCrewsInProtectedState ? param(p, "deterrence.presence.ad_crews") : 0,
  ]);
  const usInvolvement = noisyOr([
    a.usGroundTroops ? param(p, "deterrence.us.ground_troops") : 0,
    a.usAirSupport ? param(p, "deterrence.us.air_support") : 0,
    a.usEnablers ? param(p, "deterrence.us.enablers") : 0,
    a.usCommand ? param(p, "deterrence.us.command") : 0,
    a.usIsr ? param(p, "deterrence.us.isr") : 0,
  ]);
  const exposure = noisyOr([
    mission ? param(p, MISSION_EXPOSURE[mission]) : 0,
    a.aircraftInProtectedState ? param(p, "deterrence.exposure.aircraft") : 0,
    a.adCrewsInProtectedState ? param(p, "deterrence.exposure.ad_crews") : 0,
  ]);
  const scopeTrigger =
    a.scope === "recognised_territory"
      ? param(p, "deterrence.trigger.recognised_territory")
      : a.scope === "controlled_territory"
        ? param(p, "deterrence.trigger.controlled_territory")
        : exposure;
  // An attacker that is itself a guarantor deciding with the others can veto the response to its own attack
  // (the Istanbul 2022 model as Kyiv read it): the guarantee then applies only when it does not.
  const vetoBlock = a.adversaryGuarantor ? param(p, "deterrence.adversary_veto_block") : 0;
  const trigger = scopeTrigger * (1 - vetoBlock);
  return { bindingness: a.bindingness, forcesInPlace, usInvolvement, exposure, trigger, vetoBlock };
}

/** Cost C_k of a step to the attacker, gain units. */
export function stepCost(
  kind: StepKind,
  a: MechanismAttributes,
  f: DeterrenceFactors,
  p: ResolvedParameters,
): number {
  switch (kind) {
    case "consultations":
      return 0;
    case "sanctions":
      return param(p, "deterrence.cost.sanctions");
    case "weapons_surge":
      return param(p, "deterrence.cost.weapons_per_usd_bn") * Math.max(0, a.weaponsUsdBnPerYear);
    case "air_support": {
      // Air weight saturates with the number of stations: 1 − exp(−stations / reference).
      const stations =
        Math.max(0, a.capStations) + (a.airPolicing ? param(p, "deterrence.air_qra_equivalent_stations") : 0);
      const weight = 1 - Math.exp(-stations / param(p, "deterrence.air_reference_stations"));
      return param(p, "deterrence.cost.air_support") * weight;
    }
    case "airlift_reinforcement":
      return param(p, "deterrence.cost.airlift_reinforcement");
    case "direct_defence":
      return (
        param(p, "deterrence.cost.direct_defence") +
        param(p, "deterrence.cost.direct_defence_us_extra") * f.usInvolvement
      );
  }
}

const STEP_INTERCEPT: Record<Exclude<StepKind, "consultations">, string> = {
  sanctions: "deterrence.intercept.sanctions",
  weapons_surge: "deterrence.intercept.weapons_surge",
  air_support: "deterrence.intercept.air_support",
  airlift_reinforcement: "deterrence.intercept.airlift_reinforcement",
  direct_defence: "deterrence.intercept.direct_defence",
};

/** The parts of z_k for one step: intercept, the three factors' terms and the delay penalty. */
function logitParts(
  kind: Exclude<StepKind, "consultations">,
  hours: number,
  f: DeterrenceFactors,
  p: ResolvedParameters,
  tau: number,
): DeterrenceTerm["logit"] {
  return {
    intercept: param(p, STEP_INTERCEPT[kind]),
    bindingness: param(p, "deterrence.beta.bindingness") * f.bindingness,
    forcesInPlace: param(p, "deterrence.beta.forces_in_place") * f.forcesInPlace,
    usInvolvement: param(p, "deterrence.beta.us_involvement") * f.usInvolvement,
    // Delay penalty grows with the log of the hours: the first day matters most (fait accompli).
    delay: -param(p, "deterrence.beta.delay") * Math.log1p(Math.max(0, hours) / tau),
  };
}

/** Lognormal uncertainty about the gain: P(G < E) = Φ(ln(E / G_median) / s). */
function deterredProbability(costToGain: number, p: ResolvedParameters): number {
  return costToGain > 0 ? normalCdf(Math.log(costToGain) / param(p, "deterrence.gain_sigma")) : 0;
}

/**
 * P(deterred) alone, for sweeps (Monte Carlo draws over thousands of attribute vectors): the same formula as
 * `estimateFromAttributes`, in the same order of operations, without the terms, shares and drivers.
 * @example deterrenceProbability(attrs, ladderTimeline(attrs, timings, p, { basis: false }), p) // 0.71
 */
export function deterrenceProbability(
  a: MechanismAttributes,
  timeline: readonly StepTiming[],
  p: ResolvedParameters,
): number {
  const f = deterrenceFactors(a, p);
  const ownForcesCost =
    (param(p, "deterrence.cost.protected_state_per_100k") * Math.max(0, a.ukraineForceK)) / 100;
  const tau = param(p, "deterrence.delay_reference_hours");
  let sum = 0;
  for (const s of timeline) {
    if (s.kind === "consultations") continue;
    const l = logitParts(s.kind, s.timeHours, f, p, tau);
    const z = l.intercept + l.bindingness + l.forcesInPlace + l.usInvolvement + l.delay;
    sum += f.trigger * logistic(z) * stepCost(s.kind, a, f, p);
  }
  return deterredProbability((ownForcesCost + sum) / param(p, "deterrence.attacker_gain"), p);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const r2 = (x: number) => x.toFixed(2);

/**
 * Deterrence from a scheme's attributes and its ladder timeline (pure: the model itself).
 * @param a the scheme's reserved attributes
 * @param timeline the ladder's steps and times (see `ladderTimeline`)
 * @param p resolved parameters
 * @param options `drivers: false` leaves the drivers' text out (sweeps over many schemes)
 * @example estimateFromAttributes(attrs, ladderTimeline(attrs, timings, p), p).probability // 0.71
 */
export function estimateFromAttributes(
  a: MechanismAttributes,
  timeline: readonly StepTiming[],
  p: ResolvedParameters,
  options: { drivers?: boolean } = {},
): DeterrenceEstimate {
  const f = deterrenceFactors(a, p);
  const ownForcesCost =
    (param(p, "deterrence.cost.protected_state_per_100k") * Math.max(0, a.ukraineForceK)) / 100;
  const tau = param(p, "deterrence.delay_reference_hours");
  const raw = timeline
    .filter((s) => s.kind !== "consultations")
    .map((s) => {
      const kind = s.kind as Exclude<StepKind, "consultations">;
      const logit = logitParts(kind, s.timeHours, f, p, tau);
      const z = logit.intercept + logit.bindingness + logit.forcesInPlace + logit.usInvolvement + logit.delay;
      const pCarriedOut = logistic(z);
      const probability = f.trigger * pCarriedOut;
      const cost = stepCost(kind, a, f, p);
      return {
        step: kind,
        hours: s.timeHours,
        logit,
        pCarriedOut,
        probability,
        cost,
        contribution: probability * cost,
      };
    });
  const expectedCost = ownForcesCost + raw.reduce((sum, t) => sum + t.contribution, 0);
  const terms: DeterrenceTerm[] = raw.map((t) => ({
    ...t,
    share: expectedCost > 0 ? t.contribution / expectedCost : 0,
  }));
  const gain = param(p, "deterrence.attacker_gain");
  const costToGain = expectedCost / gain;
  const probability = deterredProbability(costToGain, p);
  return {
    factors: f,
    ownForcesCost,
    terms,
    expectedCost,
    gain,
    costToGain,
    probability,
    drivers: options.drivers === false ? [] : drivers(f, ownForcesCost, terms, expectedCost),
  };
}

function drivers(f: DeterrenceFactors, own: number, terms: DeterrenceTerm[], total: number): string[] {
  const out: string[] = [];
  if (f.vetoBlock > 0)
    out.push(
      `veto: the attacker is itself a guarantor and blocks the collective response with probability ${r2(f.vetoBlock)}`,
    );
  else if (f.trigger < 1)
    out.push(
      `trigger: the guarantee applies to ${pct(f.trigger)} of renewed attacks (only when guarantor forces are hit; exposure ${r2(f.exposure)})`,
    );
  const items = [
    ...terms.map((t) => ({
      share: t.share,
      text: `${STEP_WORDS[t.step]}: P ${r2(t.probability)} × cost ${r2(t.cost)} = ${r2(t.contribution)} (${pct(t.share)} of expected cost) at ${t.hours.toFixed(1)} h`,
    })),
    {
      share: total > 0 ? own / total : 0,
      text: `the protected state's own forces: cost ${r2(own)} (${pct(total > 0 ? own / total : 0)} of expected cost)`,
    },
  ].sort((x, y) => y.share - x.share);
  for (const i of items) if (i.share > 0) out.push(i.text);
  return out;
}

/**
 * Deterrence of a scheme, from its attributes and a ladder timeline already computed.
 * @example estimateDeterrence(c, scheme, ladder.steps, resolveParameters(c.scenario))
 */
export function estimateDeterrence(
  c: CompiledScenario,
  scheme: Scheme,
  timeline: readonly StepTiming[],
  p: ResolvedParameters,
): DeterrenceEstimate {
  return estimateFromAttributes(readMechanismAttributes(c, scheme), timeline, p);
}
