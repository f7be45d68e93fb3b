import { loadHighsSolver } from "../../adapters/highs.js";
import { inputLimits, readInputFile } from "../../adapters/read-input.js";
import {
  COALITION_OBJECTIVES,
  type CoalitionObjective,
  type CoalitionProblem,
  coalitionProblemForScheme,
  parseCoalitionProblem,
  solveCoalition,
} from "../../coalition/index.js";
import { schemeRequirements } from "../../models/requirements/index.js";
import { renderCoalition } from "../../report/coalition.js";
import { CAPABILITIES } from "../../scenario/bounds.js";
import { InputError } from "../../scenario/diagnostics.js";
import { type Command, type CommandContext, jsonOut, stringFlag, UsageError } from "../command.js";
import { loadScenarioFile } from "../scenario-file.js";
import { lazyAnalysis, schemeArg } from "../scheme-arg.js";

export const coalitionCommand: Command = {
  name: "coalition",
  help: `Usage: guarantor coalition --problem p.json [--objective min-cost|fair|fewest] [--json]
       guarantor coalition [file] --scheme dim=option,... [--objective min-cost|fair|fewest] [--json]

Finds who provides how many units of each capability (a mixed-integer program solved by HiGHS), within the
contributors' capacities and willingness conditions. A requirement that cannot be met comes back as a gap,
as few units as possible, with the conditions that block it. Model: docs/models/coalition.md.

  --problem p.json   a standalone problem: {"requirements": {...}, "contributors": [...], "objective": ...}
  --scheme d=o,...   a scheme of the scenario: one option per dimension, or focus, nash, maximin or
                     frontier:N (the schemes analyze names), optionally with ,dim=option,... completed
                     to the nearest consistent scheme; its requirements come from the military models,
                     its contributors from the scenario's actors
  --objective o      min-cost (default for --scheme): cheapest; fair: cost shares closest to GDP shares;
                     fewest: fewest contributors. Overrides the problem file's objective.
  --json             machine-readable output: { status, totalCost, allocation, gaps, blocking, … }
With --scheme and no file, uses the embedded default scenario.
Exit codes: 0 success (gaps included), 2 bad input or usage.`,
  options: {
    problem: { type: "string" },
    scheme: { type: "string" },
    objective: { type: "string" },
    json: { type: "boolean" },
  },
  maxPositionals: 1,
  async run(ctx) {
    const { values, positionals, io } = ctx;
    const objective = objectiveFlag(ctx);
    const problemPath = stringFlag(ctx, "problem");
    const schemeSpec = stringFlag(ctx, "scheme");
    if ((problemPath === undefined) === (schemeSpec === undefined))
      throw new UsageError("give either --problem p.json or --scheme dim=option,...");
    let problem: CoalitionProblem;
    let title: string;
    if (problemPath !== undefined) {
      if (positionals.length > 0)
        throw new UsageError(`unexpected argument "${positionals[0]}" with --problem`);
      const limits = inputLimits();
      const { text, name } = readInputFile(problemPath, io.cwd, limits);
      const parsed = parseCoalitionProblem(text, name, { limits });
      if (!parsed.ok) throw new InputError(parsed.errors);
      problem = parsed.value;
      title = name;
    } else {
      const c = await loadScenarioFile(positionals[0], io.cwd);
      const { scheme, note } = await schemeArg(c, schemeSpec!, lazyAnalysis(c));
      if (note) io.stderr(`--scheme ${note}\n`);
      const req = schemeRequirements(c, scheme);
      const requirements = Object.fromEntries(CAPABILITIES.map((k) => [k, req[k]]));
      problem = coalitionProblemForScheme(c, scheme, requirements, { objective: objective ?? "min-cost" });
      title = `${c.file}, scheme ${schemeSpec}`;
    }
    const chosen = objective ?? problem.objective;
    if (chosen === "fair") {
      const missing = problem.contributors.filter((x) => x.gdp === undefined).map((x) => x.id);
      if (missing.length > 0)
        throw new UsageError(
          `--objective fair needs a GDP for every contributor; missing: ${missing.join(", ")}`,
        );
    }
    const result = solveCoalition(problem, await loadHighsSolver(), { objective: chosen });
    if (values.json) io.stdout(jsonOut({ source: title, costUnit: problem.costUnit, ...result }));
    else io.stdout(renderCoalition(title, problem, result));
    return 0;
  },
};

function objectiveFlag(ctx: CommandContext): CoalitionObjective | undefined {
  const raw = stringFlag(ctx, "objective");
  if (raw === undefined) return undefined;
  if (!(COALITION_OBJECTIVES as readonly string[]).includes(raw))
    throw new UsageError(`--objective: expected one of ${COALITION_OBJECTIVES.join(", ")}, got "${raw}"`);
  return raw as CoalitionObjective;
}
