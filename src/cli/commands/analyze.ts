import { resolve } from "node:path";
import { loadHighsSolver } from "../../adapters/highs.js";
import { COALITION_OBJECTIVES, type CoalitionObjective } from "../../coalition/index.js";
import { analyzeScenario } from "../../explore/analyze.js";
import { renderMarkdown, renderText } from "../../report/index.js";
import { renderUncertaintyMarkdown, renderUncertaintyText } from "../../report/uncertainty.js";
import { MAX_SCHEMES_FLAG, maxSchemesHelp, schemesWithinBudget } from "../budget.js";
import { type Command, jsonOut, numberFlag, stringFlag, UsageError } from "../command.js";
import { checkOutputPath, OutputPathError, writeFileAtomic } from "../files.js";
import { progressBar } from "../progress.js";
import { loadScenarioFile } from "../scenario-file.js";
import { whereArg } from "../scheme-arg.js";
import { SETTINGS_FLAG, SETTINGS_HELP, settled } from "../settings.js";
import { runUncertainty, UNCERTAINTY_FLAGS, UNCERTAINTY_HELP, uncertaintyFlags } from "../uncertainty.js";

export const analyzeCommand: Command = {
  name: "analyze",
  summary: "the main job: evaluate every consistent scheme and answer the eight questions",
  help: `Usage: guarantor analyze [file] [--where dim=option,...] [--json] [--md FILE] [--top N]
                         [--objective min-cost|fair|fewest] [--samples N [--seed S] [--workers W]] [--quiet]

Runs the whole pipeline over every consistent scheme of a scenario (the embedded default when no file is
given): requirements, coalition, each party's verdict, deterrence and cost; the Pareto front on feasibility,
acceptability, deterrence and cost; and answers to the eight questions of the design brief, with tables.

Options:
  --where d=o,.. analyze only the schemes with these options
  --json         print the analysis as data: scenario, run, counts, frontier, focus, answers
  --md FILE      also write the report as Markdown to FILE (written whole or not at all)
  --top N        rows of the frontier shown in the text report (default 10; the JSON has them all)
  --objective O  coalition objective for the schemes shown: min-cost (default), fair, fewest
  --quiet        no progress bar (none is shown anyway when stderr is not a terminal)
${UNCERTAINTY_HELP}
${SETTINGS_HELP}
${maxSchemesHelp()}
The same input gives byte-identical JSON.`,
  options: {
    json: { type: "boolean" },
    md: { type: "string" },
    top: { type: "string" },
    objective: { type: "string" },
    quiet: { type: "boolean" },
    where: { type: "string" },
    ...UNCERTAINTY_FLAGS,
    ...SETTINGS_FLAG,
    ...MAX_SCHEMES_FLAG,
  },
  maxPositionals: 1,
  async run(ctx) {
    const { values, positionals, io } = ctx;
    const top = numberFlag(ctx, "top", { min: 1, max: 1000, integer: true }) ?? 10;
    const objective = stringFlag(ctx, "objective") ?? "min-cost";
    if (!(COALITION_OBJECTIVES as readonly string[]).includes(objective)) {
      throw new UsageError(
        `--objective: expected one of ${COALITION_OBJECTIVES.join(", ")}, got "${objective}"`,
      );
    }
    const md = stringFlag(ctx, "md");
    if (md !== undefined) mdTarget(resolve(io.cwd, md), md);
    const mc = uncertaintyFlags(ctx);
    const { c, parameters, settings } = settled(ctx, loadScenarioFile(positionals[0], io.cwd));
    const where = stringFlag(ctx, "where");
    const filter = where === undefined ? undefined : whereArg(c, where);
    schemesWithinBudget(ctx, c, filter);
    const solver = await loadHighsSolver();
    const bar = progressBar(io, "analyze", Boolean(values.quiet));
    const analysis = analyzeScenario(c, solver, {
      objective: objective as CoalitionObjective,
      progress: bar.report,
      top,
      parameters,
      settings,
      ...(filter ? { filter } : {}),
    });
    bar.done();
    const uncertainty = mc
      ? await runUncertainty(ctx, c, analysis, mc, {
          ...(filter ? { filter } : {}),
          overrides: Object.fromEntries(
            [...parameters].filter(([, v]) => v.origin === "override").map(([id, v]) => [id, v.value]),
          ),
          objective: objective as CoalitionObjective,
          quiet: Boolean(values.quiet),
        })
      : undefined;
    if (md !== undefined) {
      try {
        writeFileAtomic(
          resolve(io.cwd, md),
          renderMarkdown(analysis, { top }) + (uncertainty ? renderUncertaintyMarkdown(uncertainty) : ""),
        );
      } catch (e) {
        if (e instanceof OutputPathError) throw new UsageError(`--md: cannot write ${md}: ${e.message}`);
        throw new UsageError(`--md: cannot write ${md}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
    }
    io.stdout(
      values.json
        ? jsonOut(uncertainty ? { ...analysis, uncertainty } : analysis)
        : renderText(analysis, { top }) + (uncertainty ? renderUncertaintyText(uncertainty) : ""),
    );
    return 0;
  },
};

/** Check the --md target before the analysis starts, so that a missing folder is not found after it. */
function mdTarget(path: string, given: string): void {
  try {
    checkOutputPath(path);
  } catch (e) {
    if (e instanceof OutputPathError) throw new UsageError(`--md: cannot write ${given}: ${e.message}`);
    throw e;
  }
}
