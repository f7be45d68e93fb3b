/**
 * Air models: 24/7 combat air patrol stations flown from real bases (and, with the same arithmetic, drone,
 * tanker and early-warning orbits), and the response time from a base to a point or to the worst point of a
 * line.
 */
import {
  type AircraftType,
  aircraftType,
  defaultParameters,
  param,
  type ResolvedParameters,
} from "../parameters/index.js";
import { densifyPolyline, greatCircleKm, type LatLon } from "./geo.js";

const HOURS_PER_DAY = 24;
/** Absorbs floating-point noise before rounding a fleet up (68.000000001 aircraft is 68). */
const CEIL_EPSILON = 1e-9;

/** Round a fleet up to whole aircraft. */
function ceilCount(x: number): number {
  return Number.isFinite(x) ? Math.ceil(x - CEIL_EPSILON) : x;
}

/** A point or something located (an `Airbase` of the scenario). */
export type Located = LatLon | { location: LatLon };

function at(p: Located): LatLon {
  return "location" in p ? p.location : p;
}

function resolveAircraft(a: AircraftType | string): AircraftType {
  if (typeof a !== "string") return a;
  const t = aircraftType(a);
  if (!t) throw new RangeError(`unknown aircraft type "${a}"`);
  return t;
}

export interface OrbitOptions {
  /** Aircraft airborne on the station at once (default: `air.aircraft_per_station`, a two-ship). */
  aircraftPerStation?: number;
  /** Fuel reserve at landing, hours (default: `air.reserve_hours`). */
  reserveHours?: number;
  /** Sustainable sorties per aircraft per day (default: `air.max_sorties_per_aircraft_per_day`). */
  maxSortiesPerAircraftPerDay?: number;
  /** Sortie length when refuelled in flight, hours (default: `air.max_tanker_sortie_hours`). */
  maxTankerSortieHours?: number;
  parameters?: ResolvedParameters;
}

export interface CapStationInput {
  base: Located;
  station: Located;
  aircraft: AircraftType | string;
  /** Whether tankers may refuel the patrol (never increases the aircraft needed). */
  tanker?: boolean;
}

/** The sizing of one 24/7 station. */
export interface CapStationSize {
  aircraft: string;
  distanceKm: number;
  transitHours: number;
  /** Time on station per sortie; ≤ 0 when the station is out of reach. */
  onStationHours: number;
  /** Flight time per sortie: transit out and back, time on station, reserve. */
  sortieHours: number;
  /** Whether the chosen plan refuels in flight. */
  refuelled: boolean;
  aircraftPerStation: number;
  /** Sorties needed per day to keep the station manned around the clock. */
  sortiesPerDay: number;
  /** Sorties one mission-capable aircraft flies per day. */
  sortiesPerDayPerAircraft: number;
  missionCapableAircraft: number;
  availability: number;
  /** Fleet to assign: mission-capable aircraft / availability, rounded up. Infinity when out of reach. */
  aircraftRequired: number;
  feasible: boolean;
  /** Flight hours per year of the station (for cost). */
  flightHoursPerYear: number;
}

interface Plan {
  sortieHours: number;
  onStationHours: number;
  sortiesPerDay: number;
  rate: number;
  mc: number;
  aircraft: number;
}

function plan(
  t: AircraftType,
  sortieHours: number,
  transitHours: number,
  reserveHours: number,
  k: number,
  maxRate: number,
): Plan {
  // Time on station = sortie − transit out and back − reserve.
  const onStationHours = sortieHours - 2 * transitHours - reserveHours;
  if (!(onStationHours > 0)) {
    return {
      sortieHours,
      onStationHours,
      sortiesPerDay: Infinity,
      rate: 0,
      mc: Infinity,
      aircraft: Infinity,
    };
  }
  // Sorties to keep k aircraft on station 24 h a day.
  const sortiesPerDay = (HOURS_PER_DAY * k) / onStationHours;
  // Sortie rate = 24 / (flight time + ground time) (RAND MR-1028), capped at a sustainable rate.
  const rate = Math.min(maxRate, HOURS_PER_DAY / (sortieHours + t.turnaroundHours));
  const mc = sortiesPerDay / rate;
  // Fleet = mission-capable aircraft / availability (airforcemag.com: mature fleets 50–60 %).
  return { sortieHours, onStationHours, sortiesPerDay, rate, mc, aircraft: ceilCount(mc / t.availability) };
}

/**
 * Size a 24/7 combat air patrol station (or any orbit) flown from a base: transit at cruise speed, time on
 * station = endurance − 2 × transit − reserve (or the refuelled sortie length when tankers help and that needs
 * fewer aircraft), sorties per day = 24 × aircraft on station / time on station, sortie rate = 24 / (sortie +
 * turnaround) capped, aircraft = sorties / rate / availability.
 * @example sizeCapStation({ base: EPRZ, station: { lat: 50.1, lon: 30.4 }, aircraft: "F-16" }).aircraftRequired
 */
export function sizeCapStation(input: CapStationInput, options: OrbitOptions = {}): CapStationSize {
  const params = options.parameters ?? defaultParameters();
  const t = resolveAircraft(input.aircraft);
  const k = options.aircraftPerStation ?? param(params, "air.aircraft_per_station");
  const reserveHours = options.reserveHours ?? param(params, "air.reserve_hours");
  const maxRate =
    options.maxSortiesPerAircraftPerDay ?? param(params, "air.max_sorties_per_aircraft_per_day");
  const tankerSortie = options.maxTankerSortieHours ?? param(params, "air.max_tanker_sortie_hours");
  const distanceKm = greatCircleKm(at(input.base), at(input.station));
  const transitHours = distanceKm / t.cruiseKmh;
  const plain = plan(t, t.enduranceHours, transitHours, reserveHours, k, maxRate);
  let best = plain;
  let refuelled = false;
  if (input.tanker && tankerSortie > t.enduranceHours) {
    const withTanker = plan(t, tankerSortie, transitHours, reserveHours, k, maxRate);
    // Refuel only when it saves aircraft: a tanker never increases the fleet needed.
    if (withTanker.aircraft < plain.aircraft) {
      best = withTanker;
      refuelled = true;
    }
  }
  const feasible = Number.isFinite(best.aircraft);
  return {
    aircraft: t.id,
    distanceKm,
    transitHours,
    onStationHours: best.onStationHours,
    sortieHours: best.sortieHours,
    refuelled,
    aircraftPerStation: k,
    sortiesPerDay: best.sortiesPerDay,
    sortiesPerDayPerAircraft: best.rate,
    missionCapableAircraft: best.mc,
    availability: t.availability,
    aircraftRequired: best.aircraft,
    feasible,
    flightHoursPerYear: feasible ? best.sortiesPerDay * best.sortieHours * 365 : Infinity,
  };
}

/**
 * Time for an aircraft on quick-reaction alert at a base to reach a target: alert launch time + great-circle
 * distance at dash speed, hours.
 * @example responseTimeHours(EPRZ, { lat: 50.45, lon: 30.52 }, "F-16") // 0.25 + 607/1000 ≈ 0.86
 */
export function responseTimeHours(base: Located, target: Located, aircraft: AircraftType | string): number {
  const t = resolveAircraft(aircraft);
  return t.alertLaunchHours + greatCircleKm(at(base), at(target)) / t.dashKmh;
}

/** The worst point of a line for air response, and the base that serves it. */
export interface LineResponse {
  /** Response time to the worst-served point of the line, hours. */
  worstHours: number;
  worstPoint: LatLon;
  /** Index (in the bases given) of the nearest base to that point. */
  baseIndex: number;
  /** Mean response time over the line (points sampled every `stepKm`), hours. */
  meanHours: number;
}

/**
 * Response time to every point of a line (sampled every `stepKm`, default 10 km) from the nearest base: the
 * worst and the mean.
 * @example lineResponse(scenario.theater.airbases, scenario.theater.contactLine.polyline, "F-16").worstHours
 */
export function lineResponse(
  bases: readonly Located[],
  polyline: readonly LatLon[],
  aircraft: AircraftType | string,
  stepKm = 10,
): LineResponse {
  if (bases.length === 0) throw new RangeError("lineResponse: no bases");
  const t = resolveAircraft(aircraft);
  const points = densifyPolyline(polyline, stepKm);
  let worst = { worstHours: -Infinity, worstPoint: points[0]!, baseIndex: 0 };
  let sum = 0;
  for (const p of points) {
    let best = Infinity;
    let bi = 0;
    bases.forEach((b, i) => {
      const h = responseTimeHours(b, p, t);
      if (h < best) {
        best = h;
        bi = i;
      }
    });
    sum += best;
    if (best > worst.worstHours) worst = { worstHours: best, worstPoint: p, baseIndex: bi };
  }
  return { ...worst, meanHours: sum / points.length };
}

/**
 * Response time to the worst point of a line from its nearest base, hours (see `lineResponse`).
 * @example lineResponseTimeHours([EPRZ, LRCK], contactLine, "F-16")
 */
export function lineResponseTimeHours(
  bases: readonly Located[],
  polyline: readonly LatLon[],
  aircraft: AircraftType | string,
): number {
  return lineResponse(bases, polyline, aircraft).worstHours;
}

/**
 * The base nearest a point, with its distance.
 * @example nearestBase(scenario.theater.airbases, { lat: 50, lon: 30 }).index
 */
export function nearestBase(bases: readonly Located[], p: LatLon): { index: number; distanceKm: number } {
  let index = -1;
  let distanceKm = Infinity;
  bases.forEach((b, i) => {
    const d = greatCircleKm(at(b), p);
    if (d < distanceKm) {
      distanceKm = d;
      index = i;
    }
  });
  return { index, distanceKm };
}
