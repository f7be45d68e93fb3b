/**
 * `guarantor sensitivity`: which uncertain inputs move a scheme's verdicts most, and how far each party would
 * have to move for its verdict, or the focus scheme, to change.
 */
import { renderSensitivity } from "../../report/sensitivity.js";
import { brokenRule } from "../../scenario/compile.js";
import {
  MonteCarloKernel,
  pointFocus,
  SENSITIVITY_METRICS,
  type SensitivityMetric,
  sensitivity,
} from "../../uncertainty/index.js";
import {
  DEFAULT_MAX_SCHEMES_KERNEL,
  MAX_SCHEMES_FLAG,
  maxSchemesHelp,
  schemesWithinBudget,
} from "../budget.js";
import { type Command, jsonOut, numberFlag, stringFlag, UsageError } from "../command.js";
import { loadScenarioFile } from "../scenario-file.js";
import { lazyAnalysis, SCHEME_SHORTCUTS_HELP, schemeArg } from "../scheme-arg.js";
import { SETTINGS_FLAG, SETTINGS_HELP, settled } from "../settings.js";

export const sensitivityCommand: Command = {
  name: "sensitivity",
  help: `Usage: guarantor sensitivity [file] [--scheme focus|nash|maximin|frontier:N|dim=option,...] [--metric margin|deterrence|zone|feasible]
                             [--top K] [--samples N] [--seed S] [--set id=value ...] [--json]

For one scheme (the focus scheme by default), swings every uncertain input of the scenario from its 5th to its
95th percentile (a red line or willingness condition with a confidence: from off to on), the others at their
stated values, and ranks them by how much they move the metric (a tornado; with --metric margin, also one per
party, on its own margin). Then ranks them over Monte-Carlo draws by Spearman's rank correlation with the
metric, and gives switching values: how far each party's reservation, and each of its heaviest preference
weights, must move for its verdict on the scheme to flip, and how far its reservation must move for the focus
scheme to change. Model: docs/models/uncertainty.md.

Options:
  --scheme S     one option for every dimension, or
                 ${SCHEME_SHORTCUTS_HELP}
                 (default focus)
  --metric M     margin (default): the least party margin; deterrence: P(deterred); zone: schemes every party
                 accepts; feasible: the feasibility score
  --top K        inputs listed (default 10)
  --samples N    Monte-Carlo draws for the global ranking (default 200; 0: none)
  --seed S       seed of the draws (default 20250820)
${SETTINGS_HELP}
${maxSchemesHelp(DEFAULT_MAX_SCHEMES_KERNEL)}
  --json         print the result as JSON
Exit codes: 0 success, 2 bad input or usage.`,
  options: {
    scheme: { type: "string" },
    metric: { type: "string" },
    top: { type: "string" },
    samples: { type: "string" },
    seed: { type: "string" },
    json: { type: "boolean" },
    ...SETTINGS_FLAG,
    ...MAX_SCHEMES_FLAG,
  },
  maxPositionals: 1,
  async run(ctx) {
    const metric = (stringFlag(ctx, "metric") ?? "margin") as SensitivityMetric;
    if (!(SENSITIVITY_METRICS as readonly string[]).includes(metric))
      throw new UsageError(`--metric: expected one of ${SENSITIVITY_METRICS.join(", ")}, got "${metric}"`);
    const top = numberFlag(ctx, "top", { min: 1, max: 1000, integer: true }) ?? 10;
    const samples = numberFlag(ctx, "samples", { min: 0, max: 100_000, integer: true }) ?? 200;
    const seed = numberFlag(ctx, "seed", { min: 0, max: 2 ** 32 - 1, integer: true });
    const { c, parameters } = settled(ctx, await loadScenarioFile(ctx.positionals[0], ctx.io.cwd));
    schemesWithinBudget(ctx, c, undefined, DEFAULT_MAX_SCHEMES_KERNEL);
    const kernel = new MonteCarloKernel(c);
    if (kernel.n === 0) throw new UsageError("the scenario has no consistent scheme");
    const overrides = Object.fromEntries(
      [...parameters].filter(([, v]) => v.origin === "override").map(([id, v]) => [id, v.value]),
    );
    const spec = stringFlag(ctx, "scheme") ?? "focus";
    let index: number;
    // The focus alone is found by the kernel (the point-estimate focus, as analyze finds it); the other
    // shortcuts, and a focus with options changed, by analyze.
    if (spec === "focus") index = pointFocus(c, kernel, overrides);
    else {
      const { scheme, note } = await schemeArg(c, spec, lazyAnalysis(c, parameters));
      if (note) ctx.io.stderr(`--scheme ${note}\n`);
      const broken = brokenRule(c, scheme);
      if (broken) throw new UsageError(`--scheme breaks rule "${broken.id}": ${broken.reason}`);
      index = kernel.indexOf(scheme);
    }
    const result = sensitivity(c, kernel, index, {
      metric,
      top,
      samples,
      overrides,
      ...(seed !== undefined ? { seed } : {}),
    });
    ctx.io.stdout(ctx.values.json ? jsonOut({ file: c.file, ...result }) : renderSensitivity(result));
    return 0;
  },
};
