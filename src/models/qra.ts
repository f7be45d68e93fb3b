/**
 * Air policing on quick-reaction alert (QRA): how many bases an area needs for a response-time target, and the
 * aircraft each base holds to keep its alert pair ready around the clock, with a 90% interval from the
 * leave-one-out spread of the fit on real detachments (Baltic, Icelandic and Romanian air policing).
 * docs/models/military.md, section 2.
 */
import {
  type AircraftType,
  aircraftType,
  defaultParameters,
  param,
  parameterDef,
  type ResolvedParameters,
} from "../parameters/index.js";
import { Z90 } from "./ground.js";

export interface QraInput {
  /** Area policed, km². */
  areaKm2: number;
  /** Bases holding aircraft on alert; default: as many as the area needs for the response target. */
  bases?: number;
  /** Fighter type: its alert launch time and dash speed (default F-16). */
  aircraft?: AircraftType | string;
}

export interface QraOptions {
  /** Order to launch, hours (default: the aircraft's alert launch, 0.25 h = NATO Readiness State RS-15). */
  launchHours?: number;
  /** Order to reaching any point of the area, hours (default: `air.response_budget_hours`, 0.5). */
  responseHours?: number;
  parameters?: ResolvedParameters;
}

export interface QraSize {
  aircraft: string;
  areaKm2: number;
  launchHours: number;
  responseTargetHours: number;
  dashKmh: number;
  /** Distance an alert aircraft covers within the target: dash × (target − launch). */
  reachKm: number;
  /** Bases the area needs: ⌈area / (π reach²)⌉, each covering an equal disc with the base at its centre. */
  basesNeeded: number;
  bases: number;
  /** Launch + the equivalent disc's radius at dash speed, from the bases used. */
  worstResponseHours: number;
  responseTargetMet: boolean;
  alertAircraftPerBase: number;
  aircraftPerAlertAircraft: number;
  /** Aircraft held at the bases: ⌈bases × alert × aircraft per alert aircraft⌉, and its 90% interval. */
  aircraftDeployed: number;
  aircraftDeployed90: [number, number];
  rotationFactor: number;
  aircraftGenerated: number;
  aircraftGenerated90: [number, number];
}

function resolveAircraft(a: AircraftType | string | undefined): AircraftType {
  const t = typeof a === "string" || a === undefined ? aircraftType(a ?? "F-16") : a;
  if (!t) throw new RangeError(`unknown aircraft type "${String(a)}"`);
  return t;
}

/**
 * Size air policing on QRA over an area: reach = dash × (response target − launch); bases needed = ⌈area /
 * (π reach²)⌉; aircraft = ⌈bases × aircraft on alert × aircraft per alert aircraft⌉ (fitted on detachments);
 * generated = deployed × rotation factor.
 * @example sizeQra({ areaKm2: 175_086, bases: 1 }).aircraftDeployed // a Baltic-size detachment
 */
export function sizeQra(input: QraInput, options: QraOptions = {}): QraSize {
  const params = options.parameters ?? defaultParameters();
  const t = resolveAircraft(input.aircraft);
  if (!(input.areaKm2 > 0) || !Number.isFinite(input.areaKm2))
    throw new RangeError(`sizeQra: the area must be a finite number of km² > 0, got ${input.areaKm2}`);
  const launchHours = options.launchHours ?? t.alertLaunchHours;
  const responseTargetHours = options.responseHours ?? param(params, "air.response_budget_hours");
  const reachKm = Math.max(0, t.dashKmh * (responseTargetHours - launchHours));
  // Equal discs, each base at the centre of its own (the best case: a base at the edge covers less).
  const basesNeeded =
    reachKm > 0 ? Math.ceil(input.areaKm2 / (Math.PI * reachKm * reachKm) - 1e-9) : Infinity;
  const bases = input.bases ?? basesNeeded;
  if (!(bases >= 1) || !Number.isFinite(bases))
    throw new RangeError(`sizeQra: bases must be a whole number ≥ 1, got ${bases}`);
  const worstResponseHours = launchHours + Math.sqrt(input.areaKm2 / (Math.PI * bases)) / t.dashKmh;
  const fleet = qraFleet(bases, params);
  return {
    aircraft: t.id,
    areaKm2: input.areaKm2,
    launchHours,
    responseTargetHours,
    dashKmh: t.dashKmh,
    reachKm,
    basesNeeded,
    bases,
    worstResponseHours,
    responseTargetMet: worstResponseHours <= responseTargetHours + 1e-9,
    ...fleet,
  };
}

/** The aircraft QRA bases hold, with 90% intervals (the part of `sizeQra` that does not depend on the area). */
export type QraFleet = Pick<
  QraSize,
  | "alertAircraftPerBase"
  | "aircraftPerAlertAircraft"
  | "aircraftDeployed"
  | "aircraftDeployed90"
  | "rotationFactor"
  | "aircraftGenerated"
  | "aircraftGenerated90"
>;

/**
 * Aircraft held at `bases` QRA bases: ⌈bases × alert aircraft × aircraft per alert aircraft⌉, the 90% interval
 * from that ratio's leave-one-out spread (never below the aircraft on alert), and generated = × rotation.
 * @example qraFleet(2).aircraftDeployed // 10: two bases of five
 */
export function qraFleet(bases: number, params: ResolvedParameters = defaultParameters()): QraFleet {
  const alert = param(params, "air.qra.alert_aircraft_per_base");
  const perAlert = param(params, "air.qra.aircraft_per_alert_aircraft");
  const d = parameterDef("air.qra.aircraft_per_alert_aircraft")?.distribution;
  const sigma = d?.kind === "lognormal" ? d.sigma : 0;
  const fleet = (k: number) => bases * alert * k;
  const aircraftDeployed = Math.ceil(fleet(perAlert) - 1e-9);
  const aircraftDeployed90: [number, number] = [
    Math.max(Math.ceil(bases * alert), Math.floor(fleet(perAlert * Math.exp(-Z90 * sigma)))),
    Math.ceil(fleet(perAlert * Math.exp(Z90 * sigma)) - 1e-9),
  ];
  const rotationFactor = param(params, "air.qra.rotation_factor");
  return {
    alertAircraftPerBase: alert,
    aircraftPerAlertAircraft: perAlert,
    aircraftDeployed,
    aircraftDeployed90,
    rotationFactor,
    aircraftGenerated: Math.ceil(aircraftDeployed * rotationFactor - 1e-9),
    aircraftGenerated90: [
      Math.floor(aircraftDeployed90[0] * rotationFactor),
      Math.ceil(aircraftDeployed90[1] * rotationFactor - 1e-9),
    ],
  };
}
