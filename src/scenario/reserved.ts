/**
 * The reserved scheme attributes: the names the models, the coalition and the deterrence model read, each with
 * its type, its default for scenarios that do not declare it, and the values it may take. The one place they
 * are defined; docs/attributes.md describes them for people (a test keeps the two in step).
 */
import type { AttrValue, Dimension } from "./schema.js";

/** Ground mission kinds a force can have, in order of intensity (docs/attributes.md `ground_mission`). */
export const GROUND_MISSIONS = [
  "observation",
  "interposition",
  "reassurance",
  "tripwire",
  "defence",
] as const;
export type GroundMissionKind = (typeof GROUND_MISSIONS)[number];
/** `ground_mission` values: a mission kind, or `none`. */
export type GroundMission = "none" | GroundMissionKind;
export const GROUND_MISSION_VALUES: readonly GroundMission[] = ["none", ...GROUND_MISSIONS];

/** `ground_posture` values: a posture, or `default` (the mission's usual posture; docs/attributes.md). */
export const GROUND_POSTURE_VALUES = ["default", "unarmed", "light", "robust"] as const;

/** What an attack must hit for the guarantee to apply (docs/attributes.md `scope`). */
export type Scope = "recognised_territory" | "controlled_territory" | "guarantor_forces";
export const SCOPES: readonly Scope[] = ["recognised_territory", "controlled_territory", "guarantor_forces"];

/** A reserved attribute: its type, its default, (for strings) the values it may take and (for numbers) the
 *  range the models accept: a count becomes a loop bound, a share multiplies a requirement. */
export interface ReservedAttribute {
  type: "number" | "boolean" | "string";
  default: AttrValue;
  values?: readonly string[];
  min?: number;
  max?: number;
}

const n = (value: number, max: number): ReservedAttribute => ({
  type: "number",
  default: value,
  min: 0,
  max,
});
const b = (value: boolean): ReservedAttribute => ({ type: "boolean", default: value });

/** Every reserved attribute, in the order of docs/attributes.md. */
export const RESERVED_ATTRIBUTES: Readonly<Record<string, ReservedAttribute>> = Object.freeze({
  bindingness: n(0, 1),
  consultation_hours: n(0, 8760),
  ground_mission: { type: "string", default: "none", values: GROUND_MISSION_VALUES },
  ground_line_share: n(0, 1),
  ground_sites: n(0, 10_000),
  ground_posture: { type: "string", default: "default", values: GROUND_POSTURE_VALUES },
  troops_in_protected_state: b(false),
  troops_from_nato: b(true),
  us_ground_troops: b(false),
  us_command: b(false),
  nato_flag: b(false),
  cap_stations: n(0, 1000),
  air_policing: b(false),
  qra_bases: n(0, 1000),
  aircraft_in_protected_state: b(false),
  us_air_support: b(false),
  isr_line_share: n(0, 1),
  us_isr: b(false),
  ad_cities: n(0, 10_000),
  ad_crews_in_protected_state: b(false),
  us_enablers: b(false),
  weapons_usd_bn_per_year: n(0, 10_000),
  training_troops: n(0, 10_000_000),
  europe_cost_share: n(1, 1),
  ukraine_force_k: n(900, 100_000),
  in_nato: b(false),
  nato_facilities_in_protected_state: b(false),
  ceasefire_first: b(false),
  peace_agreement_first: b(false),
  scope: { type: "string", default: "guarantor_forces", values: SCOPES },
  adversary_guarantor: b(false),
  foreign_bases: b(false),
});

/** The reserved attribute of that name, or undefined (an own property only: `toString` is not reserved). */
export function reservedAttribute(name: string): ReservedAttribute | undefined {
  return Object.hasOwn(RESERVED_ATTRIBUTES, name) ? RESERVED_ATTRIBUTES[name] : undefined;
}

/** The default of a reserved attribute (throws on a name that is not reserved: a bug in the caller). */
export function reservedDefault(name: string): AttrValue {
  const r = reservedAttribute(name);
  if (!r) throw new RangeError(`reservedDefault: "${name}" is not a reserved attribute`);
  return r.default;
}

/** A scenario's misuses of reserved attributes: a declaration of the wrong type, or a string value that is not
 *  one of those allowed. Paths point at the declaration's `type`, the option's value or the default. */
export function reservedAttributeProblems(dimensions: readonly Dimension[]): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  dimensions.forEach((d, di) => {
    for (const [name, decl] of Object.entries(d.attributes)) {
      const r = reservedAttribute(name);
      if (!r) continue;
      if (decl.type !== r.type) {
        out.push([
          ["dimensions", di, "attributes", name, "type"],
          `reserved attribute "${name}" must be a ${r.type} (docs/attributes.md), got ${decl.type}`,
        ]);
        continue;
      }
      if (!r.values && r.max === undefined) continue;
      const check = (v: AttrValue, path: (string | number)[]) => {
        if (r.values && !(r.values as readonly AttrValue[]).includes(v))
          out.push([path, `expected one of ${r.values.join(", ")} for "${name}", got ${JSON.stringify(v)}`]);
        else if (typeof v === "number" && (v < (r.min ?? -Infinity) || v > (r.max ?? Infinity)))
          out.push([
            path,
            `expected a number from ${r.min} to ${r.max} for "${name}" (docs/attributes.md), got ${v}`,
          ]);
      };
      if (typeof decl.default === r.type)
        check(decl.default, ["dimensions", di, "attributes", name, "default"]);
      d.options.forEach((o, oi) => {
        if (!Object.hasOwn(o.attributes, name)) return;
        const v = o.attributes[name]!;
        if (typeof v === r.type) check(v, ["dimensions", di, "options", oi, "attributes", name]);
      });
    }
  });
  return out;
}
