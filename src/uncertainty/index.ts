/** Uncertainty: the uncertain inputs, Monte Carlo over them, and what it says; names listed explicitly. */
export {
  analyzeUncertainty,
  pointFigures,
  type UncertainAnalysis,
  type UncertaintyRunOptions,
} from "./analysis.js";
export {
  type AppliedDraw,
  applyDraw,
  type DrawValues,
  drawValues,
  pointValues,
  type StanceDraw,
} from "./draw.js";
export {
  confidenceDistribution,
  type InputTarget,
  JUDGEMENT_DEFAULT_CONFIDENCE,
  type UncertainInput,
  uncertainInputs,
} from "./inputs.js";
export {
  COST_BINS,
  costBin,
  costOfBin,
  DETERRENCE_BINS,
  type DrawFigures,
  type KernelCounts,
  type KernelOptions,
  MonteCarloKernel,
  type SchemeDraw,
} from "./kernel.js";
export {
  BLOCK_DRAWS,
  type BlockExecutor,
  type BlockResult,
  blockCount,
  DEFAULT_SEED,
  type IndexedFigures,
  inProcessExecutor,
  type MonteCarloOptions,
  mergeBlocks,
  planTasks,
  runBlocks,
  runMonteCarlo,
} from "./montecarlo.js";
export {
  type PartySwitching,
  pointFocus,
  SENSITIVITY_METRICS,
  type SensitivityMetric,
  type SensitivityOptions,
  type SensitivityResult,
  type SwitchingValue,
  sensitivity,
  spearman,
  type TornadoBar,
} from "./sensitivity.js";
export {
  type Interval,
  type PointFigures,
  quantileSorted,
  type SchemeProbabilities,
  summarizeMonteCarlo,
  type UncertaintyAnswer,
} from "./summary.js";
