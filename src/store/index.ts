/** The store of scenarios and runs (SQLite), and the comparison of two runs; names listed explicitly. */
export { canonicalJson, sha256 } from "./canonical.js";
export { type Change, diffRuns, leafChanges, type PartDiff, type RunDiff } from "./diff.js";
export { MIGRATIONS, migrate } from "./migrations.js";
export {
  CorruptRunError,
  DEFAULT_DB_FILE,
  type NewRun,
  openStore,
  type RunRecord,
  type RunStatus,
  type RunWithResult,
  type ScenarioRecord,
  type ScenarioSummary,
  type ScenarioWithText,
  Store,
} from "./store.js";
