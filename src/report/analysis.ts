/**
 * The analysis as a report for people: its words written once, as a document (`analysisDocument`), rendered as
 * plain text for the terminal and Markdown for files. Assumptions come before conclusions; nothing is computed
 * here that the analysis does not hold.
 */
import type { Analysis } from "../explore/analyze.js";
import { acceptabilitySection } from "./answers/acceptability.js";
import { burdenSection } from "./answers/burden.js";
import { distanceSection } from "./answers/distance.js";
import { feasibilitySection } from "./answers/feasibility.js";
import { mechanismSection } from "./answers/mechanism.js";
import { participationSection } from "./answers/participation.js";
import { presenceSection } from "./answers/presence.js";
import { scopeSection } from "./answers/scope.js";
import type { ReportSection, ReportTable } from "./document.js";
import { count, r3, schemeText, unitsText } from "./format.js";
import { type Cell, markdownTable, textTable } from "./table.js";

export interface ReportOptions {
  /** Frontier rows shown (the JSON has them all). Default 10. */
  top?: number;
}

/** The analysis in words: title, assumptions, overview, the frontier, and one section per question. */
export interface AnalysisDocument {
  title: string;
  assumptions: string[];
  overview: string[];
  frontier: { table: ReportTable; shared: string };
  sections: ReportSection[];
}

const FOCUS_WHY = [
  "no scheme is feasible: the scheme with the smallest shortfall of forces, then nearest to consensus",
  "no feasible scheme is accepted by every party: the feasible scheme nearest to consensus (highest least margin)",
  "the feasible scheme that every party accepts with the highest deterrence (then the lowest cost)",
];

/** What the figures rest on, stated before any conclusion. */
function assumptions(a: Analysis): string[] {
  const s = a.scenario;
  const restricted = Object.entries(s.restrictedTo);
  const judgements = s.judgementSources;
  const overrides = Object.entries(a.run.overrides);
  return [
    ...(restricted.length
      ? [`Only schemes with ${restricted.map(([d, o]) => `${d}=${o.join("|")}`).join(", ")} are analysed.`]
      : []),
    `Scenario ${s.id} as of ${s.asOf}: ${s.sources} sources, ${s.actors} actors, ${s.dimensions} dimensions, ${s.rules} consistency rules; money in ${s.currency.code} of ${s.currency.year}.`,
    `Judgements (not published figures) carry the source${judgements.length === 1 ? "" : "s"} ${judgements.join(", ") || "(none)"}; figures are point estimates (the mode or median of each parameter's distribution).`,
    ...(a.run.settings.length
      ? [`Set for this run (--set): ${a.run.settings.map((x) => `${x.path} = ${x.value}`).join(", ")}.`]
      : overrides.length
        ? [`Parameters set for this run: ${overrides.map(([id, v]) => `${id} = ${v}`).join(", ")}.`]
        : []),
    "Feasible: willing contributors, under their capacities, willingness conditions and the scheme's provider restrictions, can provide every requirement (exact, from the coalition model's eligibility).",
    "Acceptability: each party accepts a scheme that crosses none of its red lines and gives it at least its reservation utility; the least satisfied party's margin is the scheme's acceptability.",
    "Deterrence: probability that renewed aggression is deterred, from the expected-cost model (docs/models.md); cost: the requirement model's yearly cost of the scheme, weapons included.",
    `Coalitions (who provides what at least ${a.run.objective === "min-cost" ? "cost" : a.run.objective}) are solved with ${a.run.solver.split(" ")[0]} for the schemes shown.`,
  ];
}

/** The frontier's first rows, with a column for each dimension that varies among them; the options they all
 *  share are stated once, in `shared`. */
function frontierTable(a: Analysis, top: number): { table: ReportTable; shared: string } {
  const rows = a.frontier.slice(0, top);
  const dims = Object.keys(rows[0]?.scheme ?? {});
  const varying = dims.filter((d) => rows.some((r) => r.scheme[d] !== rows[0]!.scheme[d]));
  const shared = dims
    .filter((d) => !varying.includes(d))
    .map((d) => `${d}=${rows[0]!.scheme[d]}`)
    .join(", ");
  return {
    shared,
    table: {
      title: `Pareto front on feasibility, acceptability, deterrence and cost: ${a.frontier.length} schemes, best first (${rows.length} shown)`,
      columns: [
        { header: "#", right: true },
        { header: "feasible" },
        { header: "accepted by all" },
        { header: "least margin", right: true },
        { header: "deterrence", right: true },
        { header: "cost USD m/yr", right: true },
        ...varying.map((d) => ({ header: d })),
      ],
      rows: rows.map((f, i) => [
        i + 1,
        f.feasible ? "yes" : `no: ${unitsText(f.gaps)}`,
        f.rejectedBy.length === 0 ? "yes" : `no: ${f.rejectedBy.join(", ")}`,
        r3(f.acceptability),
        r3(f.deterrence),
        Math.round(f.costUsdMPerYear),
        ...varying.map((d) => f.scheme[d]!),
      ]),
    },
  };
}

/**
 * The analysis in words (every sentence of the reports is written here and in ./answers/).
 * @example analysisDocument(analysis).sections[1].summary[0] // "5,037 consistent schemes (2.6%) are accepted…"
 */
export function analysisDocument(a: Analysis, options: ReportOptions = {}): AnalysisDocument {
  const top = options.top ?? 10;
  const c = a.counts;
  const [q1, q2, q3, q4, q5, q6, q7, q8] = a.answers;
  return {
    title: `Guarantor analysis: ${a.scenario.title}`,
    assumptions: assumptions(a),
    overview: [
      `Schemes: ${count(BigInt(c.raw))} raw, ${count(c.consistent)} consistent, ${count(c.feasible)} feasible, ${count(c.acceptableToAll)} accepted by every party, ${count(c.feasibleAndAcceptable)} both.`,
      `Coalition problems: ${count(c.coalitionProblems)} distinct; solver calls: ${c.solverCalls}.`,
      a.focus
        ? `Focus scheme (${FOCUS_WHY[a.focus.tier]}): ${schemeText(a.focus.scheme)}.`
        : "There is no consistent scheme: the rules exclude every combination of options.",
    ],
    frontier: frontierTable(a, top),
    sections: [
      feasibilitySection(q1),
      acceptabilitySection(q2),
      mechanismSection(q3),
      participationSection(q4),
      scopeSection(q5),
      presenceSection(q6),
      burdenSection(q7),
      distanceSection(q8, a.focus?.scheme ?? {}),
    ],
  };
}

/**
 * The terminal report.
 * @example io.stdout(renderText(analysis))
 */
export function renderText(a: Analysis, options: ReportOptions = {}): string {
  const d = analysisDocument(a, options);
  const out: string[] = [];
  const table = (t: ReportTable) => `${t.title}\n${textTable(t.columns, t.rows as Cell[][])}`;
  out.push(`${d.title}\n${"═".repeat(Math.min(100, d.title.length))}\n`);
  out.push(`Assumptions\n${d.assumptions.map((x) => `  - ${x}`).join("\n")}\n`);
  out.push(`${d.overview.join("\n")}\n`);
  out.push(table(d.frontier.table));
  if (d.frontier.shared) out.push(`  All shown share: ${d.frontier.shared}.\n`);
  for (const s of d.sections) {
    out.push(`${s.id}. ${s.question}\n${"─".repeat(Math.min(100, s.question.length + 3))}`);
    out.push(s.summary.map((x) => `  ${x}`).join("\n") + "\n");
    for (const t of s.tables) out.push(table(t));
  }
  return `${out.join("\n")}`;
}

/**
 * The Markdown report.
 * @example writeFileAtomic("report.md", renderMarkdown(analysis))
 */
export function renderMarkdown(a: Analysis, options: ReportOptions = {}): string {
  const d = analysisDocument(a, options);
  const out: string[] = [];
  const table = (t: ReportTable) => `**${t.title}**\n\n${markdownTable(t.columns, t.rows as Cell[][])}`;
  out.push(`# ${d.title}\n`);
  out.push(`## Assumptions\n\n${d.assumptions.map((x) => `- ${x}`).join("\n")}\n`);
  out.push(`## Overview\n\n${d.overview.map((x) => `- ${x}`).join("\n")}\n`);
  out.push(table(d.frontier.table));
  if (d.frontier.shared) out.push(`All shown share: ${d.frontier.shared}.\n`);
  for (const s of d.sections) {
    out.push(`## ${s.id}. ${s.question}\n`);
    out.push(`${s.summary.map((x) => `- ${x}`).join("\n")}\n`);
    for (const t of s.tables) out.push(table(t));
  }
  return out.join("\n");
}
