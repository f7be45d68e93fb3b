/**
 * Ground force sizing: troops deployed by mission, posture and geometry (a line, a population, sites), from
 * the densities fitted on the precedent library (or designed from a unit size), with a 90% interval from the
 * leave-one-out spread of that calibration; troops to generate = deployed × rotation factor.
 * docs/models/military.md, section 1.
 */
import { defaultParameters, param, parameterDef, type ResolvedParameters } from "../parameters/index.js";
import type { Posture, SizingMission } from "../precedents/schema.js";
import {
  DEFAULT_POSTURE,
  DENSITY_UNIT,
  GEOMETRY_REFERENCE,
  GEOMETRY_UNIT,
  type SizingClass,
  type SizingGeometry,
  sizingClass,
  sizingOptions,
} from "./ground-classes.js";

/** What the force covers: a line, a population (the area it lives on is context only), or sites. */
export type GroundGeometry =
  | { lineKm: number }
  | { population: number; areaKm2?: number }
  | { sites: number };

export interface GroundInput {
  mission: SizingMission;
  /** Default: the mission's usual posture (`DEFAULT_POSTURE`). */
  posture?: Posture;
  geometry: GroundGeometry;
}

export interface GroundOptions {
  /** Units generated per unit deployed (default: the `ground.rotation_factor` parameter, 3). */
  rotation?: number;
  /** Resolved model parameters (default: the code defaults). */
  parameters?: ResolvedParameters;
}

/** Two-sided 90% z of a normal: the 5th and 95th percentiles are ±1.645 σ. */
export const Z90 = 1.6448536269514722;

export interface GroundSize {
  mission: SizingMission;
  posture: Posture;
  geometry: SizingGeometry;
  /** The length (km), population (people) or site count used. */
  amount: number;
  /** The area given with a population (context only: the model sizes on people, not km²). */
  areaKm2?: number;
  classId: string;
  form: "fit" | "design";
  densityParameter: string;
  density: number;
  densityUnit: string;
  /** Fitted classes: the exponent and the reference amount the density is quoted at. */
  exponentParameter?: string;
  exponent: number;
  referenceAmount: number;
  /** Line, population or site troops before headquarters and enablers (fitted classes: all of them). */
  coreTroops: number;
  hqEnablerShare: number;
  hqEnablerTroops: number;
  /** Designed classes: force headquarters, logistics company and reserve (0 when the force is empty). */
  hqFixedTroops: number;
  deployedTroops: number;
  /** 90% interval of the deployed troops: the calibration's leave-one-out spread around the point. */
  deployedTroops90: [number, number];
  rotationFactor: number;
  generatedTroops: number;
  generatedTroops90: [number, number];
  /** σ of the log density the interval comes from, and where it comes from. */
  interval: { sigmaLog: number; source: string };
}

function geometryOf(g: GroundGeometry): { kind: SizingGeometry; amount: number; areaKm2?: number } {
  if ("lineKm" in g) return { kind: "line", amount: g.lineKm };
  if ("population" in g)
    return {
      kind: "population",
      amount: g.population,
      ...(g.areaKm2 !== undefined ? { areaKm2: g.areaKm2 } : {}),
    };
  return { kind: "sites", amount: g.sites };
}

const GEOMETRY_WORD: Readonly<Record<SizingGeometry, string>> = {
  line: "line",
  population: "population",
  sites: "sites",
};

/** The class for a mission, posture and geometry, or a RangeError that lists what the mission can take. */
export function groundClass(mission: SizingMission, posture: Posture, geometry: SizingGeometry): SizingClass {
  const c = sizingClass(mission, posture, geometry);
  if (c) return c;
  const options = sizingOptions(mission)
    .map((o) => `${o.posture} by ${GEOMETRY_WORD[o.geometry]}`)
    .join(", ");
  throw new RangeError(
    `a ${posture} ${mission} mission has no density by ${GEOMETRY_WORD[geometry]}; ${mission} is sized as ${options || "nothing"}`,
  );
}

/** Troops a class deploys for an amount at a density (the model's one formula, used for points and bounds). */
export function classTroops(
  c: SizingClass,
  amount: number,
  density: number,
  exponent: number,
  params: ResolvedParameters,
): { core: number; hqEnabler: number; hqFixed: number; deployed: number } {
  if (!(amount > 0)) return { core: 0, hqEnabler: 0, hqFixed: 0, deployed: 0 };
  if (c.form === "fit") {
    // Power law fitted on the library: density at the reference amount, scaled by (amount / reference)^b.
    const ref = GEOMETRY_REFERENCE[c.geometry];
    const core = density * (ref / GEOMETRY_UNIT[c.geometry]) * (amount / ref) ** exponent;
    return { core, hqEnabler: 0, hqFixed: 0, deployed: core };
  }
  // Designed: fixed HQ + unit troops × amount × (1 + HQ and enabler share) (judgements, see the parameters).
  const core = (density * amount) / GEOMETRY_UNIT[c.geometry];
  const hqEnabler = core * param(params, "ground.hq_enabler_share");
  const hqFixed = param(params, "ground.hq_fixed_troops");
  return { core, hqEnabler, hqFixed, deployed: core + hqEnabler + hqFixed };
}

/** σ of the log density from the calibration, read from the density parameter's code distribution. */
export function densitySigmaLog(c: SizingClass): number {
  const d = parameterDef(c.densityParameter)?.distribution;
  return d?.kind === "lognormal" ? d.sigma : 0;
}

/**
 * Size a ground force: the class for its mission, posture and geometry gives the troops deployed (fitted:
 * density × reference × (amount / reference)^b; designed: fixed HQ + unit troops × amount × (1 + HQ share)),
 * and the 90% interval from the density's calibration spread; generated = deployed × rotation factor.
 * Throws RangeError for a combination with no class, a negative amount, or a population-less area.
 * @example sizeGroundForce({ mission: "interposition", posture: "robust", geometry: { lineKm: 1000 } }).deployedTroops90
 */
export function sizeGroundForce(input: GroundInput, options: GroundOptions = {}): GroundSize {
  const params = options.parameters ?? defaultParameters();
  if ("areaKm2" in input.geometry && !("population" in input.geometry))
    throw new RangeError(
      "sizeGroundForce: an area is sized on the people living in it, not on km² (Quinlivan): give a population",
    );
  const { kind, amount, areaKm2 } = geometryOf(input.geometry);
  if (!(amount >= 0) || !Number.isFinite(amount))
    throw new RangeError(`sizeGroundForce: the ${kind} must be a finite number ≥ 0, got ${amount}`);
  const posture = input.posture ?? DEFAULT_POSTURE[input.mission];
  const c = groundClass(input.mission, posture, kind);
  const density = param(params, c.densityParameter);
  const exponent = c.exponentParameter ? param(params, c.exponentParameter) : 1;
  const point = classTroops(c, amount, density, exponent, params);
  const sigmaLog = densitySigmaLog(c);
  // The interval: the same formula at the density's 5th and 95th percentiles (lognormal around the point).
  const low = classTroops(c, amount, density * Math.exp(-Z90 * sigmaLog), exponent, params).deployed;
  const high = classTroops(c, amount, density * Math.exp(Z90 * sigmaLog), exponent, params).deployed;
  const deployedTroops = Math.max(0, Math.ceil(point.deployed - 1e-9));
  const rotationFactor = options.rotation ?? param(params, "ground.rotation_factor");
  // Rule of thirds: deployed, preparing, recovering (en.wikipedia.org/wiki/Rule_of_thirds_(military)).
  const generatedTroops = Math.max(0, Math.ceil(deployedTroops * rotationFactor - 1e-9));
  const deployedTroops90: [number, number] = [Math.floor(low), Math.ceil(high - 1e-9)];
  return {
    mission: input.mission,
    posture,
    geometry: kind,
    amount,
    ...(areaKm2 !== undefined ? { areaKm2 } : {}),
    classId: c.id,
    form: c.form,
    densityParameter: c.densityParameter,
    density,
    densityUnit: DENSITY_UNIT[kind],
    ...(c.exponentParameter ? { exponentParameter: c.exponentParameter } : {}),
    exponent,
    referenceAmount: GEOMETRY_REFERENCE[kind],
    coreTroops: point.core,
    hqEnablerShare: c.form === "design" ? param(params, "ground.hq_enabler_share") : 0,
    hqEnablerTroops: point.hqEnabler,
    hqFixedTroops: point.hqFixed,
    deployedTroops,
    deployedTroops90,
    rotationFactor,
    generatedTroops,
    generatedTroops90: [
      Math.floor(deployedTroops90[0] * rotationFactor),
      Math.ceil(deployedTroops90[1] * rotationFactor - 1e-9),
    ],
    interval: {
      sigmaLog,
      source: `leave-one-out spread of ${c.densityParameter} on the precedent library (docs/models/military.md)`,
    },
  };
}
