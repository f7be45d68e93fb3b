/**
 * What Monte Carlo says, in words: the headline figures with their 90% intervals, the focus chosen by
 * probability, how often the point-estimate focus stays the focus, and the most probable schemes.
 */
import type { Interval, SchemeProbabilities, UncertaintyAnswer } from "../uncertainty/index.js";
import { schemeDiffLabels } from "./answers/distance.js";
import type { ReportSection } from "./document.js";
import { count, pct, score } from "./format.js";
import { ID_NAMES, type ReportNames } from "./names.js";
import { markdownTable, textTable } from "./table.js";
import { wrapParagraph } from "./wrap.js";

export interface UncertaintyReportOptions {
  /** What things are called; default: ids. */
  names?: ReportNames;
  /** Schemes are shown by the options that differ from this one (the analysis's focus scheme). */
  base?: Record<string, string>;
  /** Widest line of the text (default 100). */
  width?: number;
}

/** `5,037 [90%: 2,110–6,480]` for a count; `0.97 [90%: 0.91–0.99]` for a share or probability. */
export function intervalText(x: Interval, kind: "count" | "number" = "count"): string {
  const f = (v: number) => (Number.isNaN(v) ? "n/a" : kind === "count" ? count(Math.round(v)) : score(v));
  return `${f(x.point)} [90%: ${f(x.p5)}–${f(x.p95)}]`;
}

function schemeRows(
  list: readonly SchemeProbabilities[],
  parties: readonly string[],
  n: ReportNames,
  base: Record<string, string>,
) {
  return list.map((s, i) => [
    i + 1,
    pct(s.pFeasibleAndAccepted),
    pct(s.pFeasible),
    pct(s.pAcceptedByAll),
    ...parties.map((p) => pct(s.pAccepted[p] ?? 0)),
    `${score(s.deterrence.p50)} [${score(s.deterrence.p5)}–${score(s.deterrence.p95)}]`,
    schemeDiffLabels(base, s.scheme, n),
  ]);
}

/** The Monte-Carlo answer as a report section. */
export function uncertaintySection(
  u: UncertaintyAnswer,
  options: UncertaintyReportOptions = {},
): ReportSection {
  const n = options.names ?? ID_NAMES;
  const base = options.base ?? {};
  const h = u.headline;
  const parties = Object.keys(h.accepts);
  const pf = u.pointFocus;
  return {
    id: 9,
    question: `How sure is it? Monte Carlo over ${count(u.inputs.total)} uncertain inputs, ${count(u.samples)} draws (seed ${u.seed})`,
    summary: [
      `Feasible schemes: ${intervalText(h.feasible)}; accepted by every party: ${intervalText(h.acceptedByAll)}; both: ${intervalText(h.both)} (point estimate, then the 5th–95th percentiles over the draws).`,
      `Schemes each party accepts: ${parties.map((p) => `${n.actor(p)} ${intervalText(h.accepts[p]!)}`).join("; ")}.`,
      `Distance to consensus: ${intervalText(h.distance, "number")}.`,
      u.focus
        ? `Focus by probability (highest P(feasible and accepted by all), then deterrence; options that differ from the point-estimate focus): ${schemeDiffLabels(base, u.focus.scheme, n)}; P(feasible and accepted by all) ${pct(u.focus.pFeasibleAndAccepted)}, P(deterred) ${score(u.focus.deterrence.p50)} [90%: ${score(u.focus.deterrence.p5)}–${score(u.focus.deterrence.p95)}].`
        : "There is no consistent scheme.",
      pf
        ? `The point-estimate focus is the draws' own focus in ${pct(pf.staysFocus)} of them; it is feasible in ${pct(pf.pFeasible)} and accepted by all in ${pct(pf.pAcceptedByAll)} of the draws.`
        : "",
      `Inputs: ${u.inputs.stated} with a stated distribution, ${u.inputs.confidence} with one derived from their confidence (docs/models.md, uncertainty), ${u.inputs.model} from the models' calibration.`,
    ].filter(Boolean),
    tables: [
      {
        title:
          "The most probable schemes: P(feasible and accepted by all), P(feasible), P(accepted by all), P(each party accepts), P(deterred) median [90%]",
        columns: [
          { header: "#", right: true },
          { header: "P(both)", right: true },
          { header: "P(feasible)", right: true },
          { header: "P(all)", right: true },
          ...parties.map((p) => ({ header: n.actor(p), right: true })),
          { header: "deterrence" },
          { header: "options that differ from the focus scheme" },
        ],
        rows: schemeRows(u.mostProbable, parties, n, base),
      },
    ],
  };
}

/** The Monte-Carlo section as text, to follow the terminal report. */
export function renderUncertaintyText(u: UncertaintyAnswer, options: UncertaintyReportOptions = {}): string {
  const s = uncertaintySection(u, options);
  const width = Math.max(40, options.width ?? 100);
  const head = wrapParagraph(`${s.id}. ${s.question}`, width);
  const out = [`${head}\n${"─".repeat(Math.min(width, Math.max(...head.split("\n").map((l) => l.length))))}`];
  out.push(`${s.summary.map((x) => wrapParagraph(x, width, "  - ", "    ")).join("\n")}\n`);
  for (const t of s.tables)
    out.push(`${wrapParagraph(t.title, width)}\n${textTable(t.columns, t.rows, { width })}`);
  return `\n${out.join("\n")}`;
}

/** The Monte-Carlo section as Markdown. */
export function renderUncertaintyMarkdown(
  u: UncertaintyAnswer,
  options: UncertaintyReportOptions = {},
): string {
  const s = uncertaintySection(u, options);
  const out = [`## ${s.id}. ${s.question}\n`, `${s.summary.map((x) => `- ${x}`).join("\n")}\n`];
  for (const t of s.tables) out.push(`**${t.title}**\n\n${markdownTable(t.columns, t.rows)}`);
  return `\n${out.join("\n")}`;
}
