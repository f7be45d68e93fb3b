/**
 * Ground force sizing: troops deployed by mission type from the line, area or sites the mission covers, plus
 * headquarters and enablers; troops to generate = deployed × rotation factor. The densities are calibrated on
 * real missions (`calibrateGround`).
 */
import { defaultParameters, param, parameterDef, type ResolvedParameters } from "../parameters/index.js";
import type { MissionType, Precedent } from "../scenario/schema.js";

/** What the force covers: exactly one of a line, an area or a number of sites. */
export type GroundGeometry = { lineKm: number } | { areaKm2: number } | { sites: number };

export interface GroundInput {
  mission: MissionType;
  geometry: GroundGeometry;
}

export interface GroundOptions {
  /** Units generated per unit deployed (default: the `ground.rotation_factor` parameter, 3). */
  rotation?: number;
  /** Resolved model parameters (default: the code defaults). */
  parameters?: ResolvedParameters;
}

export interface GroundSize {
  mission: MissionType;
  geometry: "line" | "area" | "sites";
  /** The length, area or site count used. */
  amount: number;
  /** Density parameter used and its value (troops per km, per km² or per site). */
  densityParameter: string;
  density: number;
  /** Line, area or site troops, before headquarters and enablers. */
  coreTroops: number;
  hqEnablerShare: number;
  hqEnablerTroops: number;
  /** Fixed force headquarters, logistics and reserve (0 when the force is empty). */
  hqFixedTroops: number;
  deployedTroops: number;
  rotationFactor: number;
  generatedTroops: number;
}

/** The parameter id of a mission's density for a geometry, or undefined when the model has none. */
export function groundDensityParameter(
  mission: MissionType,
  geometry: "line" | "area" | "sites",
): string | undefined {
  const unit =
    geometry === "line" ? "troops_per_km" : geometry === "area" ? "troops_per_km2" : "troops_per_site";
  const id = `ground.${mission}.${unit}`;
  return parameterDef(id) ? id : undefined;
}

function geometryOf(g: GroundGeometry): { kind: "line" | "area" | "sites"; amount: number } {
  if ("lineKm" in g) return { kind: "line", amount: g.lineKm };
  if ("areaKm2" in g) return { kind: "area", amount: g.areaKm2 };
  return { kind: "sites", amount: g.sites };
}

/**
 * Size a ground force: core = density × (line km | area km² | sites); deployed = fixed HQ + core × (1 + HQ
 * and enabler share); generated = deployed × rotation factor (rule of thirds by default).
 * Throws RangeError when the mission has no density for that geometry (e.g. reassurance by line).
 * @example sizeGroundForce({ mission: "observation", geometry: { lineKm: 1000 } }).generatedTroops
 */
export function sizeGroundForce(input: GroundInput, options: GroundOptions = {}): GroundSize {
  const params = options.parameters ?? defaultParameters();
  const { kind, amount } = geometryOf(input.geometry);
  if (!(amount >= 0) || !Number.isFinite(amount)) {
    throw new RangeError(`sizeGroundForce: the ${kind} must be a finite number ≥ 0, got ${amount}`);
  }
  const densityParameter = groundDensityParameter(input.mission, kind);
  if (densityParameter === undefined) {
    const has = (["line", "area", "sites"] as const).filter((k) => groundDensityParameter(input.mission, k));
    throw new RangeError(
      `sizeGroundForce: a ${input.mission} mission is sized by ${has.join(" or ")}, not by ${kind}`,
    );
  }
  const density = param(params, densityParameter);
  const hqEnablerShare = param(params, "ground.hq_enabler_share");
  const rotationFactor = options.rotation ?? param(params, "ground.rotation_factor");
  const coreTroops = density * amount;
  // Headquarters and enablers on top of line units (judgement, see ground.hq_enabler_share).
  const hqEnablerTroops = coreTroops * hqEnablerShare;
  // A force needs a headquarters, a logistics company and a reserve whatever its size (judgement, UNDOF 1974).
  const hqFixedTroops = amount > 0 ? param(params, "ground.hq_fixed_troops") : 0;
  const deployedTroops = Math.ceil(hqFixedTroops + coreTroops + hqEnablerTroops);
  // Rule of thirds: deployed, preparing, recovering (en.wikipedia.org/wiki/Rule_of_thirds_(military)).
  const generatedTroops = Math.ceil(deployedTroops * rotationFactor);
  return {
    mission: input.mission,
    geometry: kind,
    amount,
    densityParameter,
    density,
    coreTroops,
    hqEnablerShare,
    hqEnablerTroops,
    hqFixedTroops,
    deployedTroops,
    rotationFactor,
    generatedTroops,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Calibration on precedents

/** A precedent the ground model can be checked against: mission, real size and one geometry. */
export interface GroundCase {
  id: string;
  name: string;
  mission: MissionType;
  geometry: "line" | "area" | "sites";
  amount: number;
  actualTroops: number;
}

/**
 * The precedents of a scenario that the ground model can be checked on: those with a mission type, personnel
 * and a geometry the model sizes that mission by. A precedent with both a line and an area gives two cases, one
 * per geometry (each checks a different density).
 */
export function groundCases(precedents: readonly Precedent[]): GroundCase[] {
  const out: GroundCase[] = [];
  for (const p of precedents) {
    if (!p.mission || !p.personnel) continue;
    const options: ["line" | "area" | "sites", number | undefined][] = [
      ["line", p.lineKm?.value],
      ["area", p.areaKm2?.value],
      ["sites", p.sites?.value],
    ];
    for (const [geometry, amount] of options) {
      if (amount === undefined || !(amount > 0) || !groundDensityParameter(p.mission, geometry)) continue;
      out.push({
        id: p.id,
        name: p.name,
        mission: p.mission,
        geometry,
        amount,
        actualTroops: p.personnel.value,
      });
    }
  }
  return out;
}

/** One row of the calibration table. */
export interface CalibrationRow extends GroundCase {
  /** Core density fitted on every case of the same mission and geometry. */
  fittedDensity: number;
  /** Prediction with the density fitted on all cases of the class. */
  predictedTroops: number;
  /** Prediction with the density fitted on the others only (leave one out); NaN when it is alone. */
  leaveOneOutTroops: number;
  /** predicted / actual, and leave-one-out / actual. */
  ratio: number;
  leaveOneOutRatio: number;
  /** Prediction of the model as parameterised (code defaults or the scenario's parameters), and / actual. */
  modelTroops: number;
  modelRatio: number;
}

function geometricMean(xs: readonly number[]): number {
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}

/**
 * Fit the ground densities on precedents, one per mission and geometry: the geometric mean of the core
 * densities (personnel − fixed HQ) / (amount × (1 + HQ share)) that would have sized each case exactly. Also predicts each
 * case from the others only (leave one out), the honest test of generalisation.
 * @example calibrateGround(groundCases(scenario.precedents)).rows.map((r) => r.leaveOneOutRatio)
 */
export function calibrateGround(
  cases: readonly GroundCase[],
  params: ResolvedParameters = defaultParameters(),
): { densities: Map<string, number>; rows: CalibrationRow[] } {
  const share = param(params, "ground.hq_enabler_share");
  const fixed = param(params, "ground.hq_fixed_troops");
  // The core density that would have sized this case exactly (floored: a case smaller than the fixed HQ).
  const core = (c: GroundCase) => Math.max(1, c.actualTroops - fixed) / (c.amount * (1 + share));
  const predict = (density: number, c: GroundCase) => fixed + density * c.amount * (1 + share);
  const classOf = (c: GroundCase) => groundDensityParameter(c.mission, c.geometry)!;
  const byClass = new Map<string, GroundCase[]>();
  for (const c of cases) byClass.set(classOf(c), [...(byClass.get(classOf(c)) ?? []), c]);
  const densities = new Map<string, number>();
  for (const [k, cs] of byClass) densities.set(k, geometricMean(cs.map(core)));
  const rows = cases.map((c) => {
    const fittedDensity = densities.get(classOf(c))!;
    const others = byClass.get(classOf(c))!.filter((o) => o !== c);
    const predictedTroops = predict(fittedDensity, c);
    const leaveOneOutTroops = others.length ? predict(geometricMean(others.map(core)), c) : Number.NaN;
    const modelTroops = sizeGroundForce(
      {
        mission: c.mission,
        geometry:
          c.geometry === "line"
            ? { lineKm: c.amount }
            : c.geometry === "area"
              ? { areaKm2: c.amount }
              : { sites: c.amount },
      },
      { parameters: params },
    ).deployedTroops;
    return {
      ...c,
      modelTroops,
      modelRatio: modelTroops / c.actualTroops,
      fittedDensity,
      predictedTroops,
      leaveOneOutTroops,
      ratio: predictedTroops / c.actualTroops,
      leaveOneOutRatio: leaveOneOutTroops / c.actualTroops,
    };
  });
  return { densities, rows };
}
