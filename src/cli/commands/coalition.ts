import { loadHighsSolver } from "../../adapters/highs.js";
import {
  COALITION_OBJECTIVES,
  type CoalitionObjective,
  type CoalitionProblem,
  type CoalitionResult,
  coalitionProblemForScheme,
  parseCoalitionProblem,
  solveCoalition,
} from "../../coalition/index.js";
import { schemeRequirements } from "../../models/requirements/index.js";
import { formatNumber, textTable } from "../../report/table.js";
import { InputError } from "../../scenario/diagnostics.js";
import { CAPABILITIES } from "../../scenario/schema.js";
import { type Command, type CommandContext, jsonOut, stringFlag, UsageError } from "../command.js";
import { loadScenarioFile, readInputFile } from "../scenario-file.js";
import { fullSchemeArg } from "../scheme-arg.js";

export const coalitionCommand: Command = {
  name: "coalition",
  summary: "who provides what: the coalition that meets a scheme's requirements, its costs and its gaps",
  help: `Usage: guarantor coalition --problem p.json [--objective min-cost|fair|fewest] [--json]
       guarantor coalition [file] --scheme dim=option,... [--objective min-cost|fair|fewest] [--json]

Finds who provides how many units of each capability (a mixed-integer program solved by HiGHS), within the
contributors' capacities and willingness conditions. A requirement that cannot be met comes back as a gap,
as few units as possible, with the conditions that block it. Model: docs/models/coalition.md.

  --problem p.json   a standalone problem: {"requirements": {...}, "contributors": [...], "objective": ...}
  --scheme d=o,...   a scheme of the scenario (one option per dimension); its requirements come from the
                     military models, its contributors from the scenario's actors
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
      const { text, name } = readInputFile(problemPath, io.cwd);
      const parsed = parseCoalitionProblem(text, name);
      if (!parsed.ok) throw new InputError(parsed.errors);
      problem = parsed.value;
      title = name;
    } else {
      const c = loadScenarioFile(positionals[0], io.cwd);
      const scheme = fullSchemeArg(c, schemeSpec!, "--scheme");
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
    else io.stdout(formatCoalition(title, problem, result));
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

/** A complete scheme from `dim=option,...`; a dimension left out is a usage error naming its options. */
const percent = (x: number | undefined) => (x === undefined ? "–" : `${formatNumber(100 * x, 1)}%`);
const units = (x: number | undefined) => (x === undefined || x === 0 ? "–" : x);

/** The answer for people: who provides what, cost shares against GDP shares, and the gaps with reasons. */
export function formatCoalition(title: string, problem: CoalitionProblem, r: CoalitionResult): string {
  const caps = Object.keys(r.provided).filter((k) => (r.required[k] ?? 0) > 0 || (r.provided[k] ?? 0) > 0);
  const unit = problem.costUnit ? ` (${problem.costUnit})` : "";
  const rows: (string | number)[][] = [];
  const shown = [...r.participants, ...r.eligible.filter((id) => !r.participants.includes(id))];
  for (const id of shown)
    rows.push([
      id,
      ...caps.map((k) => units(r.allocation[id]?.[k])),
      r.costByContributor[id] ?? "–",
      r.participants.includes(id) ? percent(r.costShare[id]) : "–",
      percent(r.gdpShare[id]),
    ]);
  rows.push(["provided (total)", ...caps.map((k) => units(r.provided[k])), r.totalCost, "", ""]);
  rows.push(["required", ...caps.map((k) => units(r.required[k])), "", "", ""]);
  rows.push(["missing", ...caps.map((k) => units(r.gaps[k])), "", "", ""]);
  const table = textTable(
    [
      { header: "contributor" },
      ...caps.map((k) => ({ header: k, right: true })),
      { header: `cost${unit}`, right: true },
      { header: "cost share", right: true },
      { header: "GDP share", right: true },
    ],
    rows,
  );
  const out = [
    `Coalition for ${title}`,
    `objective ${r.objective}: ${r.participants.length} of ${r.eligible.length} willing contributors take part, total cost ${formatNumber(r.totalCost)}${unit}` +
      (r.unfairness !== undefined
        ? `, largest gap between cost share and GDP share ${formatNumber(100 * r.unfairness, 1)} points`
        : ""),
    "",
    table,
  ];
  if (r.status === "optimal") out.push("Every requirement is met.");
  else {
    out.push("Gaps and what blocks them:");
    for (const [cap, g] of Object.entries(r.blocking)) {
      out.push(
        `  ${cap}: ${formatNumber(g.missing)} of ${formatNumber(g.required)} missing (willing contributors can provide ${formatNumber(g.willingUnits)}, all contributors hold ${formatNumber(g.capacityUnits)})`,
      );
      for (const reason of g.reasons.slice(0, 6)) out.push(`    - ${reason.text}`);
      if (g.reasons.length > 6) out.push(`    … and ${g.reasons.length - 6} more (--json lists them all)`);
    }
  }
  return `${out.join("\n")}\n`;
}
