import { loadHighsSolver } from "../../adapters/highs.js";
import { coalitionProblemForScheme, type MilpSolver, solveCoalition } from "../../coalition/index.js";
import {
  analyzeMechanism,
  type ComparisonEvaluators,
  compareSchemes,
  type MechanismReport,
  type SchemeComparison,
} from "../../deterrence/index.js";
import { schemeRequirements } from "../../models/index.js";
import { partyVerdicts } from "../../politics/index.js";
import type { CompiledScenario, Scheme } from "../../scenario/compile.js";
import { CAPABILITIES } from "../../scenario/schema.js";
import { type Command, jsonOut, stringFlag, UsageError } from "../command.js";
import { loadScenarioFile } from "../scenario-file.js";
import { changedSchemeArg, fullSchemeArg } from "../scheme-arg.js";

export const mechanismCommand: Command = {
  name: "mechanism",
  summary: "how a scheme's guarantee would operate: response ladder, timings, deterrence estimate",
  help: `Usage: guarantor mechanism [file] --scheme dim=option,... [--compare dim=option,...] [--coalition] [--json]

Prints the response ladder of a scheme (what triggers the guarantee, each step, who acts and how many hours
after an attack) and the deterrence estimate with its terms (probability and cost of each response, their
contribution to the attacker's expected cost, and what drives it). Model: docs/models/deterrence.md.
  --scheme d=o,...    the scheme: one option for every dimension
  --compare d=o,...   a second scheme to compare with the first: every dimension, or only the dimensions
                      that change (the rest are taken from --scheme); prints the difference with reasons,
                      and each party's acceptance where it differs
  --coalition         name the actors of each step from the coalition model (min-cost allocation of the
                      scheme's requirements, HiGHS) instead of every actor able and willing
  --json              machine-readable output: { ladder, deterrence, … } or { a, b, reasons, … }
With no file, uses the embedded default scenario.
Exit codes: 0 success, 2 bad input or usage.`,
  options: {
    scheme: { type: "string" },
    compare: { type: "string" },
    coalition: { type: "boolean" },
    json: { type: "boolean" },
  },
  maxPositionals: 1,
  async run(ctx) {
    const { values, positionals, io } = ctx;
    const schemeSpec = stringFlag(ctx, "scheme");
    if (schemeSpec === undefined) throw new UsageError("--scheme dim=option,... is required");
    const c = loadScenarioFile(positionals[0], io.cwd);
    const a = fullSchemeArg(c, schemeSpec, "--scheme");
    const compareSpec = stringFlag(ctx, "compare");
    const solver = values.coalition ? await loadHighsSolver() : undefined;
    const allocationFor = (s: Scheme) => (solver ? coalitionAllocation(c, s, solver) : undefined);
    if (compareSpec === undefined) {
      const allocation = allocationFor(a);
      const r = analyzeMechanism(c, a, allocation ? { allocation } : {});
      if (values.json) io.stdout(jsonOut({ file: c.file, ...r }));
      else io.stdout(formatReport(r));
      return 0;
    }
    const b = changedSchemeArg(c, a, compareSpec, "--compare");
    const cmp = compareSchemes(c, a, b, { evaluators: politicsEvaluator(), allocationFor });
    if (values.json) io.stdout(jsonOut({ file: c.file, ...cmp }));
    else io.stdout(formatComparison(cmp));
    return 0;
  },
};

/** The min-cost coalition allocation of a scheme's requirements (requirement model + coalition MILP). */
function coalitionAllocation(
  c: CompiledScenario,
  s: Scheme,
  solver: MilpSolver,
): Record<string, Record<string, number>> {
  const req = schemeRequirements(c, s);
  const requirements = Object.fromEntries(CAPABILITIES.map((k) => [k, req[k]]));
  return solveCoalition(coalitionProblemForScheme(c, s, requirements, { objective: "min-cost" }), solver)
    .allocation;
}

/** Acceptability from the politics model: each party's verdict, with its red lines or utility shortfall. */
function politicsEvaluator(): ComparisonEvaluators {
  return {
    acceptability: (c, scheme) =>
      Object.fromEntries(
        partyVerdicts(c, scheme).map((v) => [
          v.party,
          {
            accepts: v.accepts,
            reasons: [
              ...v.redLines.map((r) => `red line ${r.id}: ${r.description} (${r.source})`),
              ...(v.utility < v.reservation && v.redLines.length === 0
                ? [`utility ${v.utility.toFixed(2)} below reservation ${v.reservation.toFixed(2)}`]
                : []),
            ],
          },
        ]),
      ),
  };
}

const f2 = (x: number) => x.toFixed(2);
const hours = (h: number) => (h < 10 ? `${h.toFixed(1)} h` : `${Math.round(h)} h`);
const PRESENCE_WORDS = {
  in_place: "in place (guarantor forces on the protected state's soil in peacetime)",
  over_the_horizon: "over the horizon (nothing on the protected state's soil; help comes from outside)",
  none: "none",
};

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map(
      (r) =>
        `  ${r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join("  ")
          .trimEnd()}`,
    )
    .join("\n");
}

function formatReport(r: MechanismReport): string {
  const out: string[] = [];
  out.push(
    `Scheme: ${Object.entries(r.scheme)
      .map(([d, o]) => `${d}=${o}`)
      .join(", ")}`,
  );
  if (r.brokenRule) out.push(`Note: the scheme breaks rule ${r.brokenRule.id}: ${r.brokenRule.reason}`);
  out.push(`Presence: ${PRESENCE_WORDS[r.presence]}`);
  out.push(`Trigger (scope ${r.ladder.scope}): ${r.ladder.trigger}`);
  out.push("", "Response ladder (hours after an attack)");
  const steps = [...r.ladder.steps].sort((x, y) => x.timeHours - y.timeHours);
  out.push(
    table([
      ["time", "step", "actors", "how the time is made up"],
      ...steps.map((s) => [
        hours(s.timeHours),
        `${s.label}${s.inPlace ? " (forces in place)" : ""}`,
        s.actors.length ? s.actors.join(", ") : "none",
        s.timeBasis,
      ]),
    ]),
  );
  for (const s of steps)
    if (s.note && s.kind !== "air_support") out.push(`  note, ${s.label.toLowerCase()}: ${s.note}`);
  if (r.ladder.airResponse) out.push(`  air response: ${r.ladder.airResponse.detail}`);
  out.push(
    `  actors: ${r.ladder.steps[0]?.actorsBasis === "allocation" ? "from the coalition allocation" : "every actor able and willing in this scheme (no coalition allocation given)"}`,
  );
  const d = r.deterrence;
  const fa = d.factors;
  out.push("", "Deterrence (expected cost of renewed aggression, in units of the attacker's expected gain)");
  out.push(
    `  factors: bindingness ${f2(fa.bindingness)}, forces in place ${f2(fa.forcesInPlace)}, US involvement ${f2(fa.usInvolvement)}, trigger probability ${f2(fa.trigger)}`,
  );
  out.push(
    table([
      ["term", "time", "P(carried out)", "P", "cost", "contribution", "share"],
      ...d.terms.map((t) => [
        t.step,
        hours(t.hours),
        f2(t.pCarriedOut),
        f2(t.probability),
        f2(t.cost),
        f2(t.contribution),
        `${Math.round(t.share * 100)}%`,
      ]),
      [
        "own forces",
        "",
        "",
        "1.00",
        f2(d.ownForcesCost),
        f2(d.ownForcesCost),
        `${Math.round((d.ownForcesCost / d.expectedCost) * 100)}%`,
      ],
    ]),
  );
  out.push(
    `  expected cost ${f2(d.expectedCost)} against gain ${f2(d.gain)}: cost/gain ${f2(d.costToGain)}; P(deterred) ${f2(d.probability)}`,
  );
  out.push("  drivers:");
  for (const x of d.drivers) out.push(`    - ${x}`);
  const fromScenario = r.parameters.filter((p) => p.origin === "scenario").length;
  const judgements = r.parameters.filter((p) => p.judgement).length;
  out.push(
    "",
    `Parameters: ${r.parameters.length} (${fromScenario} from the scenario, ${r.parameters.length - fromScenario} code defaults of which ${judgements} are judgements); --json lists them, docs/models/deterrence.md gives their sources.`,
  );
  return `${out.join("\n")}\n`;
}

function formatComparison(cmp: SchemeComparison): string {
  const out: string[] = [];
  const fmt = (s: Record<string, string>) =>
    Object.entries(s)
      .map(([d, o]) => `${d}=${o}`)
      .join(", ");
  out.push(`A: ${fmt(cmp.a.scheme)}`, `B: ${fmt(cmp.b.scheme)}`);
  out.push(`Changed: ${cmp.changed.map((x) => `${x.dim} ${x.a} → ${x.b}`).join("; ") || "nothing"}`);
  for (const [k, r] of [
    ["A", cmp.a],
    ["B", cmp.b],
  ] as const)
    if (r.brokenRule) out.push(`Note: ${k} breaks rule ${r.brokenRule.id}: ${r.brokenRule.reason}`);
  out.push(`Presence: A ${cmp.a.presence}, B ${cmp.b.presence}`);
  out.push("", "Deterrence");
  out.push(
    table([
      ["", "A", "B"],
      ["P(deterred)", f2(cmp.deterrence.a), f2(cmp.deterrence.b)],
      ["expected cost", f2(cmp.expectedCost.a), f2(cmp.expectedCost.b)],
      ...cmp.factors.map((x) => [x.factor, f2(x.a), f2(x.b)]),
    ]),
  );
  out.push("", "Timings (hours after an attack)");
  const kinds = [...new Set([...cmp.a.ladder.steps, ...cmp.b.ladder.steps].map((s) => s.kind))];
  out.push(
    table([
      ["step", "A", "B"],
      ...kinds.map((k) => {
        const sa = cmp.a.ladder.steps.find((s) => s.kind === k);
        const sb = cmp.b.ladder.steps.find((s) => s.kind === k);
        return [k, sa ? hours(sa.timeHours) : "-", sb ? hours(sb.timeHours) : "-"];
      }),
    ]),
  );
  out.push("", "Reasons");
  for (const r of cmp.reasons) out.push(`  - ${r}`);
  if (cmp.acceptability) {
    out.push("", "Acceptability");
    if (cmp.acceptability.differences.length === 0) {
      const acc = Object.entries(cmp.acceptability.a)
        .map(([p, v]) => `${p} ${v.accepts ? "accepts" : "rejects"}`)
        .join(", ");
      out.push(acc ? `  the same for every party: ${acc}` : "  no party in the scenario has a stance");
      for (const [p, v] of Object.entries(cmp.acceptability.a))
        if (!v.accepts) {
          const rb = cmp.acceptability.b[p]?.reasons ?? [];
          out.push(`  ${p} rejects A: ${v.reasons.join("; ") || "see guarantor consensus"}`);
          out.push(`  ${p} rejects B: ${rb.join("; ") || "see guarantor consensus"}`);
        }
    } else for (const x of cmp.acceptability.differences) out.push(`  - ${x}`);
  }
  if (cmp.cost) {
    const usd = (x: number) => Math.round(x).toLocaleString("en-US");
    out.push("", `Cost (${cmp.cost.unit}, requirement model): A ${usd(cmp.cost.a)}, B ${usd(cmp.cost.b)}`);
    if (cmp.cost.detail?.a) out.push(`  A: ${cmp.cost.detail.a}`);
    if (cmp.cost.detail?.b) out.push(`  B: ${cmp.cost.detail.b}`);
  }
  if (cmp.notCompared.length) out.push("", `Not compared: ${cmp.notCompared.join("; ")}`);
  return `${out.join("\n")}\n`;
}
