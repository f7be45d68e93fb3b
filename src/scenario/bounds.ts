/**
 * The scenario format's bounds and fixed lists, as plain constants: the zod schemas (schema.ts) use them, and
 * code that needs only these (the CLI's flags, the models' capability order) imports them from here without
 * loading zod.
 */

/** The names every JavaScript object has (`constructor`, `toString`, `hasOwnProperty`, …). An id, attribute or
 *  key with one of these names would be looked up on the prototype by code that forgets an own-property
 *  check, so they are refused everywhere, with a located error, rather than half-handled. */
export const BUILT_IN_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Numbers closer to 0 than this (but not 0), such as the denormal 1e-320, are refused: the solver and the
 *  models lose all precision on them (HiGHS returned "Unknown" on a feasible model with a cost of 1e-320). */
export const MIN_MAGNITUDE = 1e-9;
/** Numbers larger in size than this are refused: no quantity, cost or judgement of a scenario comes near it,
 *  and above it counts overflow the solver's tolerances and loop bounds. */
export const MAX_MAGNITUDE = 1e12;

/** The complaint about a number outside `Num`'s sizes; `schemaDiagnostics` drops it when a range says more. */
export const MAGNITUDE_MESSAGE = "expected 0 or a number of size 1e-9 to 1e12";

/** Most options a dimension may have (option indexes are 16-bit in the scheme tables). */
export const MAX_OPTIONS_PER_DIMENSION = 65_535;

/** Largest count of units (troops, aircraft, sites) a scenario may give: ten million. */
export const MAX_COUNT = 1e7;
/** Largest money amount, in millions of USD (per year for costs): a hundred trillion dollars. */
export const MAX_USD_M = 1e8;
/** Longest length on Earth, in km (its circumference). */
export const MAX_LENGTH_KM = 40_075;
/** Largest area on Earth, in km². */
export const MAX_AREA_KM2 = 510_100_000;
/** Largest population. */
export const MAX_POPULATION = 1e10;

/** The capability ledger's keys: units each contributor can provide for a guarantee. */
export const CAPABILITIES = [
  "troops",
  "fighters",
  "tankers",
  "aew",
  "droneOrbits",
  "airDefenceBatteries",
  "airlift",
] as const;
