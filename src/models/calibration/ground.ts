/**
 * Fitting and cross-validating the ground model on the precedent library. Each fitted class gets an exponent
 * (least squares of log troops on log amount, kept within [0, 1]) and a density (the geometric mean of the
 * densities that would have sized each case exactly). Every case is then predicted from the others only
 * (leave one out, refitting both), and the spread of those log errors sets the class's 90% interval:
 * t(95%, n − 1) × RMS of the errors, or the pooled spread of every class when a class has fewer than 3 cases.
 * Designed classes are not fitted: they are checked against their cases the same way. Pure: the library
 * comes in as data. docs/models/military.md, section 1.
 */
import { defaultParameters, param, type ResolvedParameters } from "../../parameters/index.js";
import type { GroundPrecedent, Posture, PrecedentLibrary, SizingMission } from "../../precedents/schema.js";
import { classTroops, Z90 } from "../ground.js";
import {
  GEOMETRY_REFERENCE,
  GEOMETRY_UNIT,
  SIZING_CLASSES,
  type SizingClass,
  type SizingGeometry,
  sizingClass,
} from "../ground-classes.js";
import { geometricMean, type LooSummary, logLogSlope, median, rms, t95 } from "./stats.js";

/** A precedent the ground model can be checked on, in one geometry. */
export interface GroundCase {
  id: string;
  name: string;
  mission: SizingMission;
  posture: Posture;
  classId: string;
  geometry: SizingGeometry;
  amount: number;
  actualTroops: number;
  /** Lowest confidence of the figures used (1 when none is marked weak). */
  confidence: number;
}

/** Fewest cases from which a class's own spread is used; below it, the pooled spread of all classes. */
export const MIN_CASES_OWN_SPREAD = 3;
/** Fewest cases, spanning at least a factor 3, from which a class's exponent is fitted rather than 1. */
export const MIN_CASES_EXPONENT = 4;
const MIN_LOG_RANGE_EXPONENT = Math.log(3);

const AMOUNT_OF: Readonly<Record<SizingGeometry, (p: GroundPrecedent) => GroundPrecedent["lineKm"]>> = {
  line: (p) => p.lineKm,
  population: (p) => p.population,
  sites: (p) => p.sites,
};

/**
 * The cases of a library: one per precedent and geometry that has a class, leaving out excluded precedents.
 * A precedent with a line and a population gives two cases (each checks a different density).
 * @example groundCases(library).filter((c) => c.classId === "observation.unarmed.line")
 */
export function groundCases(library: Pick<PrecedentLibrary, "ground">): GroundCase[] {
  const out: GroundCase[] = [];
  for (const p of library.ground) {
    if (p.excluded) continue;
    for (const geometry of ["line", "population", "sites"] as const) {
      const f = AMOUNT_OF[geometry](p);
      const c = f && sizingClass(p.mission, p.posture, geometry);
      if (!f || !c) continue;
      out.push({
        id: p.id,
        name: p.name,
        mission: p.mission,
        posture: p.posture,
        classId: c.id,
        geometry,
        amount: f.value,
        actualTroops: p.strength.value,
        confidence: Math.min(f.confidence ?? 1, p.strength.confidence ?? 1),
      });
    }
  }
  return out;
}

/** A class's fit: what it would be parameterised with, and the spread that sets its interval. */
export interface GroundClassFit extends LooSummary {
  classId: string;
  form: "fit" | "design";
  densityParameter: string;
  exponentParameter?: string;
  n: number;
  /** Fitted density (designed classes: the parameter's value, unfitted). */
  density: number;
  exponent: number;
  /** RMS of the leave-one-out log errors of this class (null with fewer than 2 cases). */
  ownSigmaLog: number | null;
  /** Whether the interval uses the pooled spread (fewer than MIN_CASES_OWN_SPREAD cases). */
  pooled: boolean;
  /** Held-out predictions within a factor 3 of the actual. */
  withinFactor3: number;
}

/** One case of the cross-validation table. */
export interface GroundCvRow extends GroundCase {
  /** Prediction with the class fitted on every case, and with the class fitted on the others only. */
  fittedTroops: number;
  looTroops: number;
  looRatio: number;
  /** 90% interval of the leave-one-out prediction, with the spread of the other cases only. */
  loo90: [number, number];
  inside90: boolean;
}

export interface GroundCalibration {
  classes: GroundClassFit[];
  rows: GroundCvRow[];
  /** RMS of every leave-one-out log error, and its count (the fallback of the fallback). */
  pooledSigmaLog: number;
  pooledN: number;
  /** The fallback spread of each geometry: RMS of its classes' leave-one-out log errors, and their count. */
  geometryPools: Record<SizingGeometry, { sigma: number; n: number }>;
}

interface ClassModel {
  density: number;
  exponent: number;
}

/** The density that would have sized a case exactly, at an exponent. */
function impliedDensity(c: SizingClass, k: GroundCase, exponent: number, params: ResolvedParameters): number {
  if (c.form === "fit") {
    const ref = GEOMETRY_REFERENCE[c.geometry];
    return k.actualTroops / ((ref / GEOMETRY_UNIT[c.geometry]) * (k.amount / ref) ** exponent);
  }
  // Designed: (actual − fixed HQ) / (amount × (1 + share)), floored at one troop for a case below the HQ.
  const share = param(params, "ground.hq_enabler_share");
  const fixed = param(params, "ground.hq_fixed_troops");
  return (Math.max(1, k.actualTroops - fixed) * GEOMETRY_UNIT[c.geometry]) / (k.amount * (1 + share));
}

function fitClass(c: SizingClass, cases: readonly GroundCase[], params: ResolvedParameters): ClassModel {
  if (c.form === "design") return { density: param(params, c.densityParameter), exponent: 1 };
  let exponent = 1;
  const amounts = cases.map((k) => k.amount);
  const spread = Math.log(Math.max(...amounts) / Math.min(...amounts));
  if (c.fitExponent && cases.length >= MIN_CASES_EXPONENT && spread >= MIN_LOG_RANGE_EXPONENT) {
    const b = logLogSlope(
      amounts,
      cases.map((k) => k.actualTroops),
    );
    // A longer line never needs fewer troops (b ≥ 0), nor more than in proportion (b ≤ 1: overheads are shared).
    exponent = Number.isFinite(b) ? Math.min(1, Math.max(0, b)) : 1;
  }
  return { density: geometricMean(cases.map((k) => impliedDensity(c, k, exponent, params))), exponent };
}

const classById = new Map(SIZING_CLASSES.map((c) => [c.id, c]));

function predict(c: SizingClass, k: GroundCase, m: ClassModel, params: ResolvedParameters): number {
  return classTroops(c, k.amount, m.density, m.exponent, params).deployed;
}

/**
 * Fit every class on a library and cross-validate it (leave one out), with the interval each class gets.
 * `params` supplies the designed classes' unit sizes and HQ figures (default: the code defaults).
 * @example calibrateGround(library).classes.find((c) => c.classId === "interposition.robust.line")?.density
 */
export function calibrateGround(
  library: Pick<PrecedentLibrary, "ground">,
  params: ResolvedParameters = defaultParameters(),
): GroundCalibration {
  const cases = groundCases(library);
  const byClass = new Map<string, GroundCase[]>();
  for (const k of cases) byClass.set(k.classId, [...(byClass.get(k.classId) ?? []), k]);
  // Leave one out: refit the class (exponent and density) without the case, then predict it.
  const loo = new Map<GroundCase, number>();
  const full = new Map<string, ClassModel>();
  for (const [id, cs] of byClass) {
    const c = classById.get(id)!;
    full.set(id, fitClass(c, cs, params));
    if (cs.length < 2 && c.form === "fit") continue;
    for (const k of cs) {
      const m =
        c.form === "fit"
          ? fitClass(
              c,
              cs.filter((o) => o !== k),
              params,
            )
          : full.get(id)!;
      loo.set(k, predict(c, k, m, params));
    }
  }
  const logErr = (k: GroundCase) => Math.log(loo.get(k)! / k.actualTroops);
  const checked = cases.filter((k) => loo.has(k));
  const pooledSigmaLog = rms(checked.map(logErr));
  const pooledN = checked.length;
  // The fallback for a class with few cases: the spread of every class of the same geometry (lines vary less
  // than populations), or of all classes when that geometry has fewer than 3 checked cases.
  const pools = new Map<SizingGeometry, { sigma: number; n: number }>();
  for (const g of ["line", "population", "sites"] as const) {
    const errs = checked.filter((k) => k.geometry === g).map(logErr);
    pools.set(
      g,
      errs.length >= MIN_CASES_OWN_SPREAD
        ? { sigma: rms(errs), n: errs.length }
        : { sigma: pooledSigmaLog, n: pooledN },
    );
  }
  // The interval half-width from a set of log errors: own spread with 3 or more, else the pooled one.
  const halfWidth = (errs: readonly number[], g: SizingGeometry) => {
    if (errs.length >= MIN_CASES_OWN_SPREAD) return { sigma: rms(errs), df: errs.length - 1, pooled: false };
    const pool = pools.get(g)!;
    return { sigma: pool.sigma, df: pool.n - 1, pooled: true };
  };
  const rows: GroundCvRow[] = checked.map((k) => {
    const c = classById.get(k.classId)!;
    const others = byClass.get(k.classId)!.filter((o) => o !== k && loo.has(o));
    const h = halfWidth(others.map(logErr), k.geometry);
    const w = t95(h.df) * h.sigma;
    const looTroops = loo.get(k)!;
    const loo90: [number, number] = [looTroops * Math.exp(-w), looTroops * Math.exp(w)];
    return {
      ...k,
      fittedTroops: predict(c, k, full.get(k.classId)!, params),
      looTroops,
      looRatio: looTroops / k.actualTroops,
      loo90,
      inside90: k.actualTroops >= loo90[0] && k.actualTroops <= loo90[1],
    };
  });
  const classes: GroundClassFit[] = [];
  for (const c of SIZING_CLASSES) {
    const cs = byClass.get(c.id) ?? [];
    const rs = rows.filter((r) => r.classId === c.id);
    const errs = rs.map((r) => Math.log(r.looRatio));
    const h = halfWidth(errs, c.geometry);
    const halfWidthLog = t95(h.df) * h.sigma;
    const m = cs.length ? full.get(c.id)! : { density: param(params, c.densityParameter), exponent: 1 };
    const worst = errs.length ? errs.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a)) : Number.NaN;
    classes.push({
      classId: c.id,
      form: c.form,
      densityParameter: c.densityParameter,
      ...(c.exponentParameter ? { exponentParameter: c.exponentParameter } : {}),
      n: cs.length,
      density: m.density,
      exponent: m.exponent,
      ownSigmaLog: errs.length >= 2 ? rms(errs) : null,
      pooled: h.pooled,
      sigmaLog: h.sigma,
      df: h.df,
      halfWidthLog,
      distributionSigma: halfWidthLog / Z90,
      medianRatio: errs.length ? Math.exp(median(errs)) : Number.NaN,
      worstRatio: Math.exp(worst),
      withinFactor3: errs.filter((e) => Math.abs(e) <= Math.log(3)).length,
      inside90: rs.filter((r) => r.inside90).length,
    });
  }
  return {
    classes,
    rows,
    pooledSigmaLog,
    pooledN,
    geometryPools: Object.fromEntries(pools) as GroundCalibration["geometryPools"],
  };
}
