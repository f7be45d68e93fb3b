/**
 * Aircraft types the air and ISR models size: a small table of constants, each with where it comes from.
 * Figures are round planning values for a combat air patrol load, not brochure maxima. Each figure is also a
 * model parameter (`aircraft.<type>.<field>`), so a scenario, an override or a Monte-Carlo draw can set it.
 */
import { isJudgementSource, type ParameterDef } from "./definition.js";
import type { ResolvedParameters } from "./resolve.js";

export type AircraftRole = "fighter" | "tanker" | "aew" | "drone";

/** Planning constants of one aircraft type. */
export interface AircraftType {
  id: string;
  name: string;
  role: AircraftRole;
  /** Transit speed to and from the station, km/h. */
  cruiseKmh: number;
  /** Speed flown when scrambled to an incident, km/h. */
  dashKmh: number;
  /** Flight time on internal fuel with a patrol load, hours. */
  enduranceHours: number;
  /** Mission-capable share of the fleet. */
  availability: number;
  /** Ground time between sorties: refuel, re-arm, inspect, hours. */
  turnaroundHours: number;
  /** Time from alert to airborne for quick-reaction alert, hours. */
  alertLaunchHours: number;
  /** Cost per flight hour, USD (year as in the source). */
  costUsdPerFlightHour: number;
  /** Where each figure comes from. */
  source: string;
}

/** Quick-reaction alert: airborne within 15 minutes (NATO air policing readiness, nato.int "Air policing"). */
const QRA_LAUNCH_HOURS = 0.25;
/** Mature USAF fleets are 50–60 % mission capable (airforcemag.com, "F-35 by the numbers"). */
const MATURE_FLEET_AVAILABILITY = 0.6;
/** Fighter turnaround about 3 h for F-15/F-16 (RAND MR-1028 sortie-rate model). */
const FIGHTER_TURNAROUND_HOURS = 3;
/** Subsonic transit at about Mach 0.8 at altitude, km/h (judgement, common to the fighters listed). */
const FIGHTER_CRUISE_KMH = 850;
/** Dash to an incident at about Mach 0.95 at altitude: supersonic legs are short (judgement). */
const FIGHTER_DASH_KMH = 1000;

/** A fighter: the shared transit, dash, turnaround and alert figures above, with its own endurance, availability and cost. */
function fighter(
  id: string,
  name: string,
  enduranceHours: number,
  availability: number,
  costUsdPerFlightHour: number,
  source: string,
): AircraftType {
  return {
    id,
    name,
    role: "fighter",
    cruiseKmh: FIGHTER_CRUISE_KMH,
    dashKmh: FIGHTER_DASH_KMH,
    enduranceHours,
    availability,
    turnaroundHours: FIGHTER_TURNAROUND_HOURS,
    alertLaunchHours: QRA_LAUNCH_HOURS,
    costUsdPerFlightHour,
    source,
  };
}

/** The aircraft types, by id (the `--aircraft` values of `guarantor size air`). */
export const AIRCRAFT: Readonly<Record<string, AircraftType>> = {
  "F-16": fighter(
    "F-16",
    "F-16C/D Fighting Falcon",
    2.5,
    MATURE_FLEET_AVAILABILITY,
    25_000,
    "endurance ~2.5 h (twinandturbine.com); $25k per flight hour (USAF via flightglobal.com); turnaround 3 h " +
      "(RAND MR-1028); availability 60 % (airforcemag.com)",
  ),
  // 1,350 miles = 2,173 km on internal fuel (USAF fact sheet) at 850 km/h ≈ 2.5 h.
  "F-35A": fighter(
    "F-35A",
    "F-35A Lightning II",
    2.5,
    0.55,
    36_000,
    "range >1,350 miles internal fuel (USAF fact sheet) → 2.5 h at 850 km/h; $36k per flight hour (2021, " +
      "acquisitiontalk.com); mission-capable ≈55 % (airforcemag.com, F-35 by the numbers)",
  ),
  Rafale: fighter(
    "Rafale",
    "Dassault Rafale",
    2.5,
    MATURE_FLEET_AVAILABILITY,
    20_000,
    "judgement: endurance as F-16 (Libya 2011: 4 h sorties with 2 refuellings, zona-militar.com); cost per " +
      "flight hour between Gripen and F-16",
  ),
  Eurofighter: fighter(
    "Eurofighter",
    "Eurofighter Typhoon",
    2.5,
    MATURE_FLEET_AVAILABILITY,
    20_000,
    "judgement: endurance and availability as F-16; cost per flight hour between Gripen and F-16",
  ),
  Gripen: fighter(
    "Gripen",
    "Saab JAS 39 Gripen",
    2.0,
    MATURE_FLEET_AVAILABILITY,
    4_700,
    "$4,700 per flight hour (IHS Jane's 2012 study for Saab, reported by stratpost.com); endurance judgement " +
      "(smaller fuel load than F-16)",
  ),
  "KC-135": {
    id: "KC-135",
    name: "KC-135R Stratotanker",
    role: "tanker",
    cruiseKmh: 850,
    dashKmh: 850,
    enduranceHours: 8,
    availability: MATURE_FLEET_AVAILABILITY,
    turnaroundHours: 4,
    alertLaunchHours: 1,
    costUsdPerFlightHour: 10_000,
    source:
      "judgement: 8 h tanking sorties with fuel to offload; cruise 530 mph (USAF fact sheet); cost per flight hour " +
      "order of magnitude",
  },
  "A330-MRTT": {
    id: "A330-MRTT",
    name: "Airbus A330 MRTT",
    role: "tanker",
    cruiseKmh: 860,
    dashKmh: 860,
    enduranceHours: 10,
    availability: MATURE_FLEET_AVAILABILITY,
    turnaroundHours: 4,
    alertLaunchHours: 1,
    costUsdPerFlightHour: 12_000,
    source:
      "judgement: larger fuel load than KC-135 (111 t, Airbus); cost per flight hour order of magnitude",
  },
  "E-3": {
    id: "E-3",
    name: "E-3 Sentry AWACS",
    role: "aew",
    cruiseKmh: 580,
    dashKmh: 580,
    enduranceHours: 8,
    availability: MATURE_FLEET_AVAILABILITY,
    turnaroundHours: 6,
    alertLaunchHours: 1,
    costUsdPerFlightHour: 40_000,
    source:
      "more than 8 h unrefuelled, optimum cruise 360 mph (USAF fact sheet); radar ~400 km (sourced-facts); cost " +
      "per flight hour judgement",
  },
  "E-7": {
    id: "E-7",
    name: "E-7 Wedgetail",
    role: "aew",
    cruiseKmh: 760,
    dashKmh: 760,
    enduranceHours: 10,
    availability: MATURE_FLEET_AVAILABILITY,
    turnaroundHours: 6,
    alertLaunchHours: 1,
    costUsdPerFlightHour: 30_000,
    source: "judgement: 737-based, ~10 h unrefuelled (RAAF); radar 370–650 km (sources disagree)",
  },
  "MQ-9": {
    id: "MQ-9",
    name: "MQ-9 Reaper",
    role: "drone",
    cruiseKmh: 370,
    dashKmh: 370,
    enduranceHours: 14,
    availability: 0.8,
    turnaroundHours: 4,
    alertLaunchHours: 1,
    costUsdPerFlightHour: 3_000,
    source:
      "cruise 230 mph, 14 h loaded (USAF fact sheet); $3k per flight hour (2008 dollars, low); about 4 aircraft " +
      "per 24/7 orbit (independent.org); availability judgement",
  },
  "RQ-4": {
    id: "RQ-4",
    name: "RQ-4 Global Hawk",
    role: "drone",
    cruiseKmh: 575,
    dashKmh: 575,
    enduranceHours: 32,
    availability: 0.7,
    turnaroundHours: 8,
    alertLaunchHours: 2,
    costUsdPerFlightHour: 31_000,
    source:
      "33 h flown, >35 h designed (USAF); cruise 310 kt; $31k per flight hour (sourced-facts); availability judgement",
  },
};

/**
 * The ids of the aircraft types with one of the given roles, in table order.
 * @example aircraftIds("fighter") // ["F-16", "F-35A", "Rafale", "Eurofighter", "Gripen"]
 */
export function aircraftIds(...roles: AircraftRole[]): string[] {
  return Object.values(AIRCRAFT)
    .filter((a) => roles.includes(a.role))
    .map((a) => a.id);
}

/**
 * Look up an aircraft type by id, case-insensitive.
 * @example aircraftType("f-16")?.enduranceHours // 2.5
 */
export function aircraftType(id: string): AircraftType | undefined {
  const key = Object.keys(AIRCRAFT).find((k) => k.toLowerCase() === id.toLowerCase());
  return key === undefined ? undefined : AIRCRAFT[key];
}

/** The fields of an aircraft type that are model parameters, in the order a breakdown names them. */
const AIRCRAFT_FIELDS = [
  ["availability", "availability", "share", "mission-capable share of the fleet"],
  ["turnaroundHours", "turnaround_hours", "hours", "ground time between sorties"],
  ["enduranceHours", "endurance_hours", "hours", "flight time on internal fuel with a patrol load"],
  ["costUsdPerFlightHour", "cost_usd_per_flight_hour", "USD/flight hour", "cost per flight hour"],
  ["cruiseKmh", "cruise_kmh", "km/h", "transit speed to and from the station"],
  ["dashKmh", "dash_kmh", "km/h", "speed flown when scrambled to an incident"],
  ["alertLaunchHours", "alert_launch_hours", "hours", "time from alert to airborne"],
] as const;
type AircraftField = (typeof AIRCRAFT_FIELDS)[number][0];

/** Scenario parameter ids (the flagship's names) that set a field of some aircraft types. */
const SCENARIO_ALIASES: readonly {
  alias: string;
  field: AircraftField;
  applies: (t: AircraftType) => boolean;
}[] = [
  { alias: "fleet_availability", field: "availability", applies: (t) => t.role === "fighter" },
  { alias: "fighter_turnaround_hours", field: "turnaroundHours", applies: (t) => t.role === "fighter" },
  { alias: "fighter_endurance_hours", field: "enduranceHours", applies: (t) => t.id === "F-16" },
  { alias: "f16_cost_per_flight_hour_usd", field: "costUsdPerFlightHour", applies: (t) => t.id === "F-16" },
  { alias: "f35a_cost_per_flight_hour_usd", field: "costUsdPerFlightHour", applies: (t) => t.id === "F-35A" },
  { alias: "mq9_endurance_hours", field: "enduranceHours", applies: (t) => t.id === "MQ-9" },
  { alias: "mq9_cost_per_flight_hour_usd", field: "costUsdPerFlightHour", applies: (t) => t.id === "MQ-9" },
  { alias: "rq4_endurance_hours", field: "enduranceHours", applies: (t) => t.id === "RQ-4" },
  { alias: "rq4_cost_per_flight_hour_usd", field: "costUsdPerFlightHour", applies: (t) => t.id === "RQ-4" },
  {
    alias: "tanker_cost_per_flight_hour_usd",
    field: "costUsdPerFlightHour",
    applies: (t) => t.role === "tanker",
  },
];

/** The parameter id of one field of an aircraft type: `aircraft.F-16.endurance_hours`. */
export function aircraftParameterId(type: string, field: AircraftField): string {
  const snake = AIRCRAFT_FIELDS.find((f) => f[0] === field)![1];
  return `aircraft.${type}.${snake}`;
}

/** Every aircraft figure as a model parameter, with the table's value as its default. */
export const AIRCRAFT_PARAMETERS: readonly ParameterDef[] = Object.values(AIRCRAFT).flatMap((t) =>
  AIRCRAFT_FIELDS.map(([field, , unit, description]) => {
    const aliases = SCENARIO_ALIASES.filter((a) => a.field === field && a.applies(t)).map((a) => a.alias);
    return {
      id: aircraftParameterId(t.id, field),
      value: t[field],
      unit,
      description: `${t.name}: ${description}`,
      source: t.source,
      judgement: isJudgementSource(t.source),
      model: "aircraft" as const,
      ...(aliases.length ? { aliases } : {}),
    };
  }),
);

/**
 * An aircraft type with its figures taken from resolved parameters (the scenario's values, a Monte-Carlo draw or
 * an override); the source string says which fields were replaced and by what.
 * @example aircraftFromParameters(AIRCRAFT["F-16"], resolveParameters(scenario)).availability
 */
export function aircraftFromParameters(t: AircraftType, params: ResolvedParameters): AircraftType {
  const out: AircraftType = { ...t };
  const used: string[] = [];
  for (const [field] of AIRCRAFT_FIELDS) {
    const p = params.get(aircraftParameterId(t.id, field));
    if (!p || p.origin === "default") continue;
    out[field] = p.value;
    used.push(
      p.scenarioId !== undefined
        ? `${field} from scenario parameter ${p.scenarioId}`
        : `${field} from ${p.origin === "override" ? "an override" : "a Monte-Carlo draw"}`,
    );
  }
  if (used.length) out.source = `${t.source}; ${used.join(", ")}`;
  return out;
}
