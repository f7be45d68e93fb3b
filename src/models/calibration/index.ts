/** Fitting the sizing models on the precedent library and cross-validating them: public names, listed. */
export { calibrateQra, type QraCalibration, type QraCvRow } from "./air.js";
export {
  calibrateGround,
  type GroundCalibration,
  type GroundCase,
  type GroundClassFit,
  type GroundCvRow,
  groundCases,
  MIN_CASES_EXPONENT,
  MIN_CASES_OWN_SPREAD,
} from "./ground.js";
export { geometricMean, type LooSummary, logLogSlope, median, rms, t95 } from "./stats.js";
export { calibrationTables } from "./table.js";
