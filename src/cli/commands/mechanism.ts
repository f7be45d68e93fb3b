import { loadHighsSolver } from "../../adapters/highs.js";
import { analyzeMechanism, compareSchemes } from "../../deterrence/index.js";
import { coalitionAllocation, politicsEvaluator } from "../../explore/compare.js";
import { renderComparison, renderMechanism } from "../../report/mechanism.js";
import type { Scheme } from "../../scenario/compile.js";
import { type Command, jsonOut, stringFlag, UsageError } from "../command.js";
import { loadScenarioFile } from "../scenario-file.js";
import { changedSchemeArg, lazyAnalysis, SCHEME_SHORTCUTS_HELP, schemeArg } from "../scheme-arg.js";
import { SETTINGS_FLAG, SETTINGS_HELP, settled } from "../settings.js";

export const mechanismCommand: Command = {
  name: "mechanism",
  help: `Usage: guarantor mechanism [file] --scheme dim=option,...|focus|nash|maximin|frontier:N [--compare dim=option,...]
                                 [--all-willing] [--json]

Prints the response ladder of a scheme (what triggers the guarantee, each step, who acts and how many hours
after an attack) and the deterrence estimate with its terms (probability and cost of each response, their
contribution to the attacker's expected cost, and what drives it). Model: docs/models/deterrence.md.
  --scheme d=o,...    the scheme: one option for every dimension, or ${SCHEME_SHORTCUTS_HELP}
  --compare d=o,...   a second scheme to compare with the first: every dimension, or only the dimensions
                      that change (the rest are taken from --scheme); prints the difference with reasons,
                      and each party's acceptance where it differs
  --all-willing       name every actor able and willing at each step, instead of the coalition analyze
                      finds (the default: min-cost allocation of the scheme's requirements, HiGHS)
  --coalition         the default, kept for scripts that pass it
  --json              machine-readable output: { ladder, deterrence, … } or { a, b, reasons, … }
${SETTINGS_HELP}
With no file, uses the embedded default scenario.
Exit codes: 0 success, 2 bad input or usage.`,
  options: {
    scheme: { type: "string" },
    compare: { type: "string" },
    coalition: { type: "boolean" },
    "all-willing": { type: "boolean" },
    json: { type: "boolean" },
    ...SETTINGS_FLAG,
  },
  maxPositionals: 1,
  async run(ctx) {
    const { values, positionals, io } = ctx;
    const schemeSpec = stringFlag(ctx, "scheme");
    if (schemeSpec === undefined) throw new UsageError("--scheme dim=option,... is required");
    const { c, parameters } = settled(ctx, await loadScenarioFile(positionals[0], io.cwd));
    const { scheme: a, note } = await schemeArg(c, schemeSpec, lazyAnalysis(c, parameters));
    if (note) io.stderr(`--scheme ${note}\n`);
    const compareSpec = stringFlag(ctx, "compare");
    // By default the actors of each step are the coalition analyze finds (min-cost allocation of the scheme's
    // requirements under the run's parameters); --all-willing names every actor able and willing instead.
    const solver = values["all-willing"] ? undefined : await loadHighsSolver();
    const allocationFor = (s: Scheme) => (solver ? coalitionAllocation(c, s, solver, parameters) : undefined);
    if (compareSpec === undefined) {
      const allocation = allocationFor(a);
      const r = analyzeMechanism(c, a, allocation ? { allocation, parameters } : { parameters });
      if (values.json) io.stdout(jsonOut({ file: c.file, ...r }));
      else io.stdout(renderMechanism(r));
      return 0;
    }
    const b = changedSchemeArg(c, a, compareSpec, "--compare");
    const cmp = compareSchemes(c, a, b, { evaluators: politicsEvaluator(), allocationFor, parameters });
    if (values.json) io.stdout(jsonOut({ file: c.file, ...cmp }));
    else io.stdout(renderComparison(cmp));
    return 0;
  },
};
