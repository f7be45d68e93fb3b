/**
 * The ground model's sizing classes: which mission, posture and geometry each density sizes, and how. A class
 * is either *fitted* on the precedent library (deployed = density × reference × (amount / reference)^b, both
 * the density and the exponent b fitted) or *designed* from a unit size (deployed = fixed HQ + unit troops ×
 * amount × (1 + HQ and enabler share): a brigade per site, a brigade per frontage), then checked against the
 * library. docs/models/military.md, section 1.
 */
import type { Posture, SizingMission } from "../precedents/schema.js";

/** What a ground force covers: a line (km), a population (people, with the area it lives on), or sites. */
export type SizingGeometry = "line" | "population" | "sites";

export interface SizingClass {
  /** `mission.posture.geometry`, e.g. `observation.unarmed.line`. */
  id: string;
  /** Missions it sizes; the first names its parameters. */
  missions: readonly SizingMission[];
  posture: Posture;
  geometry: SizingGeometry;
  form: "fit" | "design";
  /** Troops per km, per 1,000 inhabitants or per site (at the reference amount for a fitted class). */
  densityParameter: string;
  /** Fitted classes: the exponent of the amount (1 = proportional, 0 = a fixed size whatever the amount). */
  exponentParameter?: string;
  /** Whether the fit may bend the exponent below 1 (lines and populations); sites are units: always 1. */
  fitExponent: boolean;
}

/** Units of the amount a density multiplies: 1 km, 1,000 inhabitants, 1 site. */
export const GEOMETRY_UNIT: Readonly<Record<SizingGeometry, number>> = {
  line: 1,
  population: 1000,
  sites: 1,
};
/** Reference amounts at which a fitted density is quoted: a 500 km line, 5 million inhabitants, 1 site. They
 *  sit near the middle of the library's lines (80-2,700 km) and populations (0.2-69 million). */
export const GEOMETRY_REFERENCE: Readonly<Record<SizingGeometry, number>> = {
  line: 500,
  population: 5_000_000,
  sites: 1,
};
/** Unit of each geometry's density, for people. */
export const DENSITY_UNIT: Readonly<Record<SizingGeometry, string>> = {
  line: "troops per km",
  population: "troops per 1,000 inhabitants",
  sites: "troops per site",
};

function fitted(missions: SizingMission[], posture: Posture, geometry: SizingGeometry): SizingClass {
  const unit =
    geometry === "line" ? "troops_per_km" : geometry === "population" ? "troops_per_1000" : "troops_per_site";
  const prefix = `ground.${missions[0]}.${posture}`;
  return {
    id: `${missions[0]}.${posture}.${geometry}`,
    missions,
    posture,
    geometry,
    form: "fit",
    densityParameter: `${prefix}.${unit}`,
    ...(geometry !== "sites" ? { exponentParameter: `${prefix}.${geometry}_exponent` } : {}),
    fitExponent: geometry !== "sites",
  };
}

function designed(mission: SizingMission, posture: Posture, geometry: SizingGeometry): SizingClass {
  const unit = geometry === "line" ? "troops_per_km" : "troops_per_site";
  return {
    id: `${mission}.${posture}.${geometry}`,
    missions: [mission],
    posture,
    geometry,
    form: "design",
    densityParameter: `ground.${mission}.${posture}.${unit}`,
    fitExponent: false,
  };
}

/**
 * Every sizing class. A light force watching a line and a light force between two parties are one class: the
 * library's light forces on lines are buffer forces (UNFICYP, UNDOF, UNIKOM, UNMEE) and the one light observer
 * force on a line (UNIKOM 1991) sits among them. An unarmed force cannot interpose, and no precedent has a
 * robust force observing, so those pairs have no class.
 */
export const SIZING_CLASSES: readonly SizingClass[] = [
  fitted(["observation"], "unarmed", "line"),
  fitted(["interposition", "observation"], "light", "line"),
  fitted(["interposition"], "robust", "line"),
  designed("tripwire", "robust", "line"),
  designed("defence", "robust", "line"),
  fitted(["observation"], "unarmed", "population"),
  fitted(["interposition", "observation"], "light", "population"),
  fitted(["interposition"], "robust", "population"),
  fitted(["stabilisation"], "light", "population"),
  fitted(["stabilisation"], "robust", "population"),
  fitted(["reassurance"], "robust", "population"),
  fitted(["observation"], "unarmed", "sites"),
  fitted(["interposition", "observation"], "light", "sites"),
  fitted(["tripwire"], "robust", "sites"),
  designed("reassurance", "robust", "sites"),
];

/** The posture a mission has when a scheme does not say (`ground_posture: default`). */
export const DEFAULT_POSTURE: Readonly<Record<SizingMission, Posture>> = {
  observation: "unarmed",
  interposition: "robust",
  stabilisation: "robust",
  reassurance: "robust",
  tripwire: "robust",
  defence: "robust",
};

/** The class that sizes a mission of that posture by that geometry, or undefined. */
export function sizingClass(
  mission: SizingMission,
  posture: Posture,
  geometry: SizingGeometry,
): SizingClass | undefined {
  return SIZING_CLASSES.find(
    (c) => c.posture === posture && c.geometry === geometry && c.missions.includes(mission),
  );
}

/** The (posture, geometry) pairs a mission can be sized by, for error messages. */
export function sizingOptions(mission: SizingMission): { posture: Posture; geometry: SizingGeometry }[] {
  return SIZING_CLASSES.filter((c) => c.missions.includes(mission)).map((c) => ({
    posture: c.posture,
    geometry: c.geometry,
  }));
}
