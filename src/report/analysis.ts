/**
 * The analysis as a report for people: plain text for the terminal, Markdown for files. Assumptions come
 * before conclusions; every table of the JSON appears, nothing is computed here.
 */
import type { Analysis, AnswerTable } from "../explore/analyze.js";
import { type Cell, markdownTable, textTable } from "./table.js";

export interface ReportOptions {
  /** Frontier rows shown (the JSON has them all). Default 10. */
  top?: number;
}

const schemeText = (s: Record<string, string>) =>
  Object.entries(s)
    .map(([d, o]) => `${d}=${o}`)
    .join(", ");

/** The frontier's first rows, with a column for each dimension that varies among them; the options they all
 *  share are stated once, in `shared`. */
function frontierTable(a: Analysis, top: number): { table: AnswerTable; shared: string } {
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
        f.feasible
          ? "yes"
          : `no: ${Object.entries(f.gaps)
              .map(([k, v]) => `${v} ${k}`)
              .join(", ")}`,
        f.rejectedBy.length === 0 ? "yes" : `no: ${f.rejectedBy.join(", ")}`,
        f.acceptability,
        f.deterrence,
        f.costUsdMPerYear,
        ...varying.map((d) => f.scheme[d]!),
      ]),
    },
  };
}

function sections(a: Analysis, top: number) {
  const c = a.counts;
  return {
    title: `Guarantor analysis: ${a.scenario.title}`,
    assumptions: a.assumptions,
    counts: [
      `Schemes: ${BigInt(c.raw).toLocaleString("en-US")} raw, ${c.consistent.toLocaleString("en-US")} consistent, ${c.feasible.toLocaleString("en-US")} feasible, ${c.acceptableToAll.toLocaleString("en-US")} accepted by every party, ${c.feasibleAndAcceptable.toLocaleString("en-US")} both.`,
      `Coalition problems: ${c.coalitionProblems.toLocaleString("en-US")} distinct; solver calls: ${c.solverCalls}.`,
      `Focus scheme (${a.focus.why}): ${schemeText(a.focus.scheme)}.`,
    ],
    frontier: frontierTable(a, top),
  };
}

/**
 * The terminal report.
 * @example io.stdout(renderText(analysis))
 */
export function renderText(a: Analysis, options: ReportOptions = {}): string {
  const top = options.top ?? 10;
  const s = sections(a, top);
  const out: string[] = [];
  const table = (t: AnswerTable) => `${t.title}\n${textTable(t.columns, t.rows as Cell[][])}`;
  out.push(`${s.title}\n${"═".repeat(Math.min(100, s.title.length))}\n`);
  out.push(`Assumptions\n${s.assumptions.map((x) => `  - ${x}`).join("\n")}\n`);
  out.push(`${s.counts.join("\n")}\n`);
  out.push(table(s.frontier.table));
  if (s.frontier.shared) out.push(`  All shown share: ${s.frontier.shared}.\n`);
  for (const ans of a.answers) {
    out.push(`${ans.id}. ${ans.question}\n${"─".repeat(Math.min(100, ans.question.length + 3))}`);
    out.push(ans.summary.map((x) => `  ${x}`).join("\n") + "\n");
    for (const t of ans.tables) out.push(table(t));
  }
  return `${out.join("\n")}`;
}

/**
 * The Markdown report.
 * @example writeFileAtomic("report.md", renderMarkdown(analysis))
 */
export function renderMarkdown(a: Analysis, options: ReportOptions = {}): string {
  const top = options.top ?? 10;
  const s = sections(a, top);
  const out: string[] = [];
  const table = (t: AnswerTable) => `**${t.title}**\n\n${markdownTable(t.columns, t.rows as Cell[][])}`;
  out.push(`# ${s.title}\n`);
  out.push(`## Assumptions\n\n${s.assumptions.map((x) => `- ${x}`).join("\n")}\n`);
  out.push(`## Overview\n\n${s.counts.map((x) => `- ${x}`).join("\n")}\n`);
  out.push(table(s.frontier.table));
  if (s.frontier.shared) out.push(`All shown share: ${s.frontier.shared}.\n`);
  for (const ans of a.answers) {
    out.push(`## ${ans.id}. ${ans.question}\n`);
    out.push(`${ans.summary.map((x) => `- ${x}`).join("\n")}\n`);
    for (const t of ans.tables) out.push(table(t));
  }
  return out.join("\n");
}
