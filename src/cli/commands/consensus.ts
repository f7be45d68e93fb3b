/**
 * `guarantor consensus`: the zone of possible agreement, the distance to consensus, each party's verdict on
 * the best schemes, the Nash and maximin schemes, the weighted-mean forecast and the smallest concessions.
 */
import { analyzeConsensus, compileStances, partyVerdicts, type ScoredScheme } from "../../politics/index.js";
import { type ConsensusViewInput, consensusJson, renderConsensus } from "../../report/consensus.js";
import { enumerateSchemes, optionFilter } from "../../space/index.js";
import { MAX_SCHEMES_FLAG, maxSchemesHelp, schemesWithinBudget } from "../budget.js";
import { type Command, jsonOut, numberFlag, stringFlag } from "../command.js";
import { loadScenarioFile } from "../scenario-file.js";
import { assignmentArg } from "../scheme-arg.js";
import { SETTINGS_FLAG, SETTINGS_HELP, settled } from "../settings.js";

export const consensusCommand: Command = {
  name: "consensus",
  help: `Usage: guarantor consensus [file] [--where dim=option,...] [--json] [--top N] [--sets N]

Evaluates every consistent scheme for every party with a stance (red lines, weighted preferences,
reservation) and prints:
  - the zone of possible agreement (schemes every party accepts): its size and best schemes by maximin,
    with each party's verdict and reasons;
  - the distance to consensus: the smallest, over schemes, of the largest party gap
    gap_p = max(0, reservation − utility) + costs of the red lines crossed;
  - the Nash bargaining scheme (none when the zone is empty), the maximin scheme and the
    power × salience weighted-mean forecast (the baseline);
  - the Pareto front over the parties' utilities;
  - the smallest sets of concessions (red lines dropped, reservations lowered) that make a scheme
    acceptable to all, with the scheme each unlocks.
Model and definitions: docs/models/politics.md. With no file, uses the embedded default scenario.

Options:
  --where dim=option,...  only the schemes with these options (for example, what would it take for a
              scheme with European troops in Ukraine: --where ground_providers=european_coalition)
  --json      print the analysis as JSON (keys: zone, distance, nash, maximin, forecast, pareto,
              acceptance, concessions)
  --top N     best schemes shown (default 3)
  --sets N    concession sets shown (default 5)
${SETTINGS_HELP}
${maxSchemesHelp()}
Exit codes: 0 success, 2 bad input.`,
  options: {
    where: { type: "string" },
    json: { type: "boolean" },
    top: { type: "string" },
    sets: { type: "string" },
    ...SETTINGS_FLAG,
    ...MAX_SCHEMES_FLAG,
  },
  maxPositionals: 1,
  async run(ctx) {
    const top = numberFlag(ctx, "top", { min: 1, max: 1000, integer: true }) ?? 3;
    const setsWanted = numberFlag(ctx, "sets", { min: 1, max: 1000, integer: true }) ?? 5;
    const { c } = settled(ctx, await loadScenarioFile(ctx.positionals[0], ctx.io.cwd));
    const whereSpec = stringFlag(ctx, "where");
    const fixed = whereSpec === undefined ? undefined : assignmentArg(c, whereSpec, "--where");
    const filter = optionFilter(c, fixed);
    schemesWithinBudget(ctx, c, filter);
    const t = compileStances(c);
    const a = analyzeConsensus(t, enumerateSchemes(c, { filter }), { top, concessionSets: setsWanted });
    const view: ConsensusViewInput = {
      c,
      file: c.file,
      where: fixed
        ? Object.fromEntries([...fixed].map(([d, o]) => [c.dims[d]!.id, c.dims[d]!.options[o]!]))
        : {},
      analysis: a,
      verdictsOf: (s: ScoredScheme) => partyVerdicts(c, s.scheme),
    };
    if (ctx.values.json) {
      ctx.io.stdout(jsonOut(consensusJson(view)));
      return 0;
    }
    ctx.io.stdout(renderConsensus(view, whereSpec));
    return 0;
  },
};
