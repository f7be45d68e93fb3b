/**
 * Fitting and cross-validating the QRA model on the library's air-policing detachments: the aircraft held per
 * aircraft on alert is the geometric mean over the detachments (aircraft / bases / alert aircraft per base),
 * each detachment predicted from the others only. Pure: the library comes in as data.
 */
import { aircraftType, defaultParameters, param, type ResolvedParameters } from "../../parameters/index.js";
import type { PrecedentLibrary } from "../../precedents/schema.js";
import { Z90 } from "../ground.js";
import { geometricMean, type LooSummary, median, rms, t95 } from "./stats.js";

export interface QraCvRow {
  id: string;
  name: string;
  areaKm2: number;
  bases: number;
  actualAircraft: number;
  /** Bases the model says the area needs for the response target (F-16, 15 min launch, 30 min target). */
  basesNeeded: number;
  fittedAircraft: number;
  looAircraft: number;
  looRatio: number;
  loo90: [number, number];
  inside90: boolean;
}

export interface QraCalibration extends LooSummary {
  n: number;
  aircraftPerAlertAircraft: number;
  rows: QraCvRow[];
}

/**
 * Fit and cross-validate the QRA model (see the file header).
 * @example calibrateQra(library).aircraftPerAlertAircraft // ≈ 2.4
 */
export function calibrateQra(
  library: Pick<PrecedentLibrary, "air">,
  params: ResolvedParameters = defaultParameters(),
): QraCalibration {
  const alert = param(params, "air.qra.alert_aircraft_per_base");
  // Bases needed, as sizeQra computes them for an F-16 on alert (the check column of the table).
  const f16 = aircraftType("F-16")!;
  const reachKm = f16.dashKmh * (param(params, "air.response_budget_hours") - f16.alertLaunchHours);
  const cases = library.air.filter((a) => !a.excluded && a.aircraft);
  const ratio = (a: (typeof cases)[number]) => a.aircraft!.value / a.bases.value / alert;
  const fitted = geometricMean(cases.map(ratio));
  const looK = cases.map((a) => geometricMean(cases.filter((o) => o !== a).map(ratio)));
  const errs = cases.map((a, i) => Math.log((a.bases.value * alert * looK[i]!) / a.aircraft!.value));
  const sigmaLog = rms(errs);
  const df = cases.length - 1;
  const halfWidthLog = t95(df) * sigmaLog;
  const rows = cases.map((a, i) => {
    const others = errs.filter((_, j) => j !== i);
    const w = t95(others.length - 1) * rms(others);
    const looAircraft = a.bases.value * alert * looK[i]!;
    const loo90: [number, number] = [looAircraft * Math.exp(-w), looAircraft * Math.exp(w)];
    return {
      id: a.id,
      name: a.name,
      areaKm2: a.areaKm2.value,
      bases: a.bases.value,
      actualAircraft: a.aircraft!.value,
      basesNeeded: Math.ceil(a.areaKm2.value / (Math.PI * reachKm * reachKm) - 1e-9),
      fittedAircraft: a.bases.value * alert * fitted,
      looAircraft,
      looRatio: looAircraft / a.aircraft!.value,
      loo90,
      inside90: a.aircraft!.value >= loo90[0] && a.aircraft!.value <= loo90[1],
    };
  });
  const worst = errs.reduce((x, y) => (Math.abs(y) > Math.abs(x) ? y : x));
  return {
    n: cases.length,
    aircraftPerAlertAircraft: fitted,
    sigmaLog,
    df,
    halfWidthLog,
    distributionSigma: halfWidthLog / Z90,
    medianRatio: Math.exp(median(errs)),
    worstRatio: Math.exp(worst),
    inside90: rows.filter((r) => r.inside90).length,
    rows,
  };
}
