/**
 * What every group of the requirement model reads: the scenario's theater, the resolved parameters, the
 * aircraft types (with the parameters' values), and readers of a scheme's reserved attributes.
 */
import {
  AIRCRAFT,
  type AircraftType,
  aircraftFromParameters,
  type ResolvedParameters,
  resolveParameters,
} from "../../parameters/index.js";
import type { CompiledScenario, Scheme } from "../../scenario/compile.js";
import { reservedDefault } from "../../scenario/reserved.js";
import type { Place } from "../../scenario/schema.js";
import { type LatLon, polylineLengthKm } from "../geo.js";
import type { BreakdownInput, RequirementOptions } from "./layout.js";

/** The reserved attributes the requirement model reads (defaults: src/scenario/reserved.ts). */
export const REQUIREMENT_ATTRIBUTES = [
  "ground_mission",
  "ground_line_share",
  "ground_sites",
  "ground_posture",
  "training_troops",
  "cap_stations",
  "air_policing",
  "qra_bases",
  "isr_line_share",
  "ad_cities",
  "weapons_usd_bn_per_year",
] as const;
export type ReqAttr = (typeof REQUIREMENT_ATTRIBUTES)[number];

/** The groups of the model: each reads a few attributes and adds to some outputs. */
export const GROUPS: readonly { id: string; attrs: readonly ReqAttr[] }[] = [
  {
    id: "ground",
    attrs: ["ground_mission", "ground_line_share", "ground_sites", "ground_posture", "training_troops"],
  },
  { id: "air", attrs: ["cap_stations", "air_policing", "qra_bases"] },
  { id: "isr", attrs: ["isr_line_share"] },
  { id: "ad", attrs: ["ad_cities"] },
  { id: "weapons", attrs: ["weapons_usd_bn_per_year"] },
];

// ---------------------------------------------------------------------------------------------------------
// Context shared by both evaluators

export interface Context {
  c: CompiledScenario;
  params: ResolvedParameters;
  fighter: AircraftType;
  tanker: AircraftType;
  aew: AircraftType;
  drone: AircraftType;
  useTankers: boolean;
  lineKm: number;
  lineSource: string;
  polyline: readonly LatLon[];
  polylineKm: number;
  bases: readonly { id: string; location: LatLon }[];
  /** Places with a population, largest first. */
  cities: readonly Place[];
  citiesPopulation: number;
}

function aircraftOption(id: string | undefined, fallback: string, role: AircraftType["role"]): AircraftType {
  const t = AIRCRAFT[id ?? fallback];
  if (!t) throw new RangeError(`unknown aircraft type "${id}"; types: ${Object.keys(AIRCRAFT).join(", ")}`);
  if (t.role !== role) throw new RangeError(`aircraft type "${id}" is a ${t.role}, not a ${role}`);
  return t;
}

export function makeContext(c: CompiledScenario, options: RequirementOptions): Context {
  const s = c.scenario;
  const params = options.parameters ?? resolveParameters(s);
  const plane = (id: string | undefined, fallback: string, role: AircraftType["role"]) =>
    aircraftFromParameters(aircraftOption(id, fallback, role), params);
  const cities = s.theater.places
    .filter((p) => p.population !== undefined && p.population.value > 0)
    .sort((a, b) => b.population!.value - a.population!.value);
  return {
    c,
    params,
    fighter: plane(options.fighter, "F-16", "fighter"),
    tanker: plane(options.tanker, "KC-135", "tanker"),
    aew: plane(options.aew, "E-3", "aew"),
    drone: plane(options.drone, "MQ-9", "drone"),
    useTankers: options.useTankers ?? true,
    lineKm: s.theater.contactLine.lengthKm.value,
    lineSource: s.theater.contactLine.lengthKm.source,
    polyline: s.theater.contactLine.polyline,
    polylineKm: polylineLengthKm(s.theater.contactLine.polyline),
    bases: s.theater.airbases,
    cities,
    citiesPopulation: cities.reduce((sum, p) => sum + p.population!.value, 0),
  };
}

/** Reads a requirement attribute: from the scheme when the scenario declares it, else its reserved default. */
export type AttrReader = (name: ReqAttr) => number | string | boolean;
/** Where an attribute's value came from, for the breakdown. */
export type AttrSourcer = (name: ReqAttr) => string;

export function num(v: number | string | boolean): number {
  return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : Number.NaN;
}

export function paramInput(ctx: Context, id: string): BreakdownInput {
  const p = ctx.params.get(id)!;
  return { name: id, value: p.value, source: p.source };
}

/** Readers of a scheme's requirement attributes and of where each value comes from. */
export function schemeReaders(c: CompiledScenario, scheme: Scheme): { get: AttrReader; src: AttrSourcer } {
  const get: AttrReader = (name) => {
    const a = c.attributes[c.attrIndex.get(name) ?? -1];
    return a ? a.values[scheme[a.dim]!]! : reservedDefault(name);
  };
  const src: AttrSourcer = (name) => {
    const a = c.attributes[c.attrIndex.get(name) ?? -1];
    if (!a) return "default (docs/attributes.md)";
    const dim = c.dims[a.dim]!;
    const opt = c.scenario.dimensions[a.dim]!.options[scheme[a.dim]!]!;
    return `scheme ${dim.id}=${opt.id}${opt.source ? ` (source ${opt.source})` : ""}`;
  };
  return { get, src };
}
