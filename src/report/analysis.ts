/**
 * The analysis as a report for people: its words written once, as a document (`analysisDocument`), rendered as
 * plain text for the terminal and Markdown for files. Assumptions come before conclusions; nothing is computed
 * here that the analysis does not hold.
 */
import type { Analysis } from "../explore/analyze.js";
import type { Concession } from "../politics/index.js";
import { acceptabilitySection } from "./answers/acceptability.js";
import { burdenSection } from "./answers/burden.js";
import { distanceSection, schemeDiffLabels } from "./answers/distance.js";
import { feasibilitySection } from "./answers/feasibility.js";
import { mechanismSection } from "./answers/mechanism.js";
import { participationSection } from "./answers/participation.js";
import { presenceSection } from "./answers/presence.js";
import { scopeSection } from "./answers/scope.js";
import type { ReportSection, ReportTable } from "./document.js";
import { actorList, count, fixed, money, pct, score, unitsText } from "./format.js";
import { ID_NAMES, type ReportNames } from "./names.js";
import { type Cell, markdownTable, textTable } from "./table.js";
import { wrapParagraph } from "./wrap.js";

export interface ReportOptions {
  /** Frontier rows shown (the JSON has them all). Default 10. */
  top?: number;
  /** What things are called (`reportNames(c.scenario)`); default: ids. */
  names?: ReportNames;
  /** Widest line of the text report (default 100). */
  width?: number;
  /** Add the engine's diagnostics (coalition problems, solver calls). */
  verbose?: boolean;
  /** Markdown: pictures to show, by where they go ("top", "frontier", or a question's number as text). */
  pictures?: Readonly<Record<string, readonly ReportPicture[]>>;
}

/** A picture in the Markdown report: an image file beside it. */
export interface ReportPicture {
  /** Its path relative to the Markdown file. */
  src: string;
  title: string;
  alt: string;
}

/** The analysis in words: title, the answer in brief, assumptions, the frontier, one section per question. */
export interface AnalysisDocument {
  title: string;
  /** The answer in a few sentences: counts, what each party accepts, the recommended scheme by its options'
   *  labels, and what blocks the most deterrent alternatives. */
  brief: string[];
  assumptions: string[];
  /** The engine's statistics (shown with `verbose`). */
  diagnostics: string[];
  frontier: ReportTable;
  sections: ReportSection[];
}

const FOCUS_WHY = [
  "no scheme is feasible, the scheme with the smallest shortfall of forces",
  "no feasible scheme is accepted by all, the feasible scheme nearest to consensus",
  "the most deterrent feasible scheme that every party accepts",
];

const OBJECTIVE_WORDS: Record<string, string> = {
  "min-cost": "at the least cost",
  fair: "with cost shares nearest to GDP shares",
  fewest: "with the fewest contributors",
};

/** The red lines a scheme would need dropped, by party, in a few words: `Russia's 5 ("A", "B", …), Ukraine's
 *  2 ("C", "D") and one each of France and Germany`; reservations to lower are named after them. */
function blockersBrief(changes: readonly Concession[], n: ReportNames): string {
  const byParty = new Map<string, string[]>();
  const lower: string[] = [];
  for (const ch of changes) {
    if (ch.kind === "dropRedLine") byParty.set(ch.party, [...(byParty.get(ch.party) ?? []), ch.redLine]);
    else lower.push(ch.party);
  }
  const many = [...byParty].filter(([, l]) => l.length > 1);
  const one = [...byParty].filter(([, l]) => l.length === 1).map(([p]) => p);
  const parts = [
    ...many.map(
      ([p, l]) =>
        `${n.actor(p)}'s ${l.length} (${l
          .slice(0, 2)
          .map((x) => `"${n.term(x)}"`)
          .join(", ")}${l.length > 2 ? ", …" : ""})`,
    ),
    ...(one.length === 1
      ? [`${n.actor(one[0]!)}'s "${n.term(byParty.get(one[0]!)![0]!)}"`]
      : one.length > 1
        ? [`one each of ${actorList(one, n)}`]
        : []),
  ];
  const total = [...byParty.values()].reduce((k, l) => k + l.length, 0);
  const lines = total
    ? `${total} red line${total === 1 ? "" : "s"} stand${total === 1 ? "s" : ""} in its way: ${parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]}`
    : "";
  const res = lower.length
    ? `${actorList(lower, n)} would also have to lower ${lower.length === 1 ? "its reservation" : "their reservations"}`
    : "";
  return [lines, res].filter(Boolean).join("; ");
}

/** An option label without its parenthesis, for the brief: `Reduced supply (about $20bn a year)` → `Reduced supply`. */
const shortLabel = (label: string) => label.replace(/\s*\([^)]*\)/g, "");

/** The answer in brief (see `AnalysisDocument.brief`). */
function brief(a: Analysis, n: ReportNames): string[] {
  const c = a.counts;
  const q2 = a.answers[1];
  const q8 = a.answers[7];
  const share = (x: number) => (c.consistent ? x / c.consistent : 0);
  const out: string[] = [];
  const by = a.run.acceptedBy;
  const parties = [...q2.parties].sort((x, y) => x.accepts - y.accepts);
  out.push(
    `${by?.length ? `Of the ${count(c.consistent)} consistent schemes that ${actorList(by, n)} accept${by.length === 1 ? "s" : ""}` : `Of ${count(c.consistent)} consistent schemes`}, ${count(c.feasible)} (${pct(share(c.feasible))}) are militarily feasible; ${
      c.acceptableToAll === 0 ? "none" : `${count(c.acceptableToAll)} (${pct(share(c.acceptableToAll))})`
    } ${c.acceptableToAll <= 1 ? "is" : "are"} accepted by all ${q2.parties.length} parties${
      c.acceptableToAll > 0 ? ` and ${count(c.feasibleAndAcceptable)} are both` : ""
    }. ${parties.length ? `Each party accepts: ${parties.map((p) => `${n.actor(p.party)} ${pct(share(p.accepts))}`).join(", ")}.` : ""}`.trim(),
  );
  const f = a.focus;
  if (!f) {
    out.push(
      by?.length
        ? `No consistent scheme is accepted by ${actorList(by, n)}${by.length > 1 ? " together" : ""}: there is nothing to recommend.`
        : "There is no consistent scheme: the rules exclude every combination of options.",
    );
    return out;
  }
  out.push(
    `Recommended, as ${FOCUS_WHY[f.tier]} (deterrence ${score(f.deterrence)}, ${money(f.costUsdMPerYear)}; ${
      f.feasible ? "" : `lacks ${unitsText(f.gaps, n)}; `
    }${f.rejectedBy.length ? `rejected by ${actorList(f.rejectedBy, n)}` : "every party accepts it"}): ${Object.entries(
      f.scheme,
    )
      .map(([d, o]) => shortLabel(n.option(d, o)))
      .join("; ")}.`,
  );
  const alt = q8.unlock[0];
  if (alt) {
    const blockers = blockersBrief(alt.changes, n);
    out.push(
      `The most deterrent feasible alternative (deterrence ${score(alt.scheme.deterrence)}, ${money(alt.scheme.costUsdMPerYear)}) is rejected by ${actorList(alt.scheme.rejectedBy, n)}${blockers ? `; ${blockers}` : ""}.`,
    );
  }
  const binding = q2.redLines[0];
  if (binding)
    out.push(
      `The most binding red line, ${n.actor(binding.party)}'s "${n.term(binding.id)}", excludes ${pct(share(binding.excludes))} of the schemes.`,
    );
  return out;
}

/** What the figures rest on, stated before any conclusion. */
function assumptions(a: Analysis, n: ReportNames): string[] {
  const s = a.scenario;
  const restricted = Object.entries(s.restrictedTo);
  const judgements = s.judgementSources;
  const overrides = Object.entries(a.run.overrides);
  return [
    ...(restricted.length
      ? [
          `Only schemes with ${restricted.map(([d, o]) => `${n.dim(d)}: ${o.map((x) => n.option(d, x)).join(" or ")}`).join("; ")} are analysed.`,
        ]
      : []),
    ...(a.run.acceptedBy?.length
      ? [
          `Only schemes that ${actorList(a.run.acceptedBy, n)} accept are analysed (--accepted-by); the focus scheme's variants in questions 5 and 6 are the nearest consistent schemes, whether those parties accept them or not.`,
        ]
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
    `Coalitions (who provides what, ${OBJECTIVE_WORDS[a.run.objective] ?? a.run.objective}) are solved with ${a.run.solver.split(" ")[0]} for the schemes shown.`,
  ];
}

/** The frontier's first rows; each scheme by the options that differ from the focus scheme. */
function frontierTable(a: Analysis, top: number, n: ReportNames): ReportTable {
  const rows = a.frontier.slice(0, top);
  const base = a.focus?.scheme ?? rows[0]?.scheme ?? {};
  return {
    title: `Pareto front on feasibility, acceptability, deterrence and cost: ${count(a.frontier.length)} schemes, best first (${rows.length} shown)`,
    columns: [
      { header: "#", right: true },
      { header: "feasible" },
      { header: "rejected by" },
      { header: "least margin", right: true },
      { header: "deterrence", right: true },
      { header: "cost, USD m/yr", right: true },
      { header: "options that differ from the focus scheme" },
    ],
    rows: rows.map((f, i) => [
      String(i + 1),
      f.feasible ? "yes" : `no: lacks ${unitsText(f.gaps, n)}`,
      f.rejectedBy.length === 0 ? "nobody" : actorList(f.rejectedBy, n),
      score(f.acceptability),
      score(f.deterrence),
      fixed(f.costUsdMPerYear, 0),
      schemeDiffLabels(base, f.scheme, n),
    ]),
  };
}

/**
 * The analysis in words (every sentence of the reports is written here and in ./answers/).
 * @example analysisDocument(analysis).sections[1].summary[0] // "5,037 consistent schemes (2.6%) are accepted…"
 */
export function analysisDocument(a: Analysis, options: ReportOptions = {}): AnalysisDocument {
  const top = options.top ?? 10;
  const n = options.names ?? ID_NAMES;
  const c = a.counts;
  const [q1, q2, q3, q4, q5, q6, q7, q8] = a.answers;
  return {
    title: `Guarantor analysis: ${a.scenario.title}`,
    brief: brief(a, n),
    assumptions: assumptions(a, n),
    diagnostics: [
      `Coalition problems: ${count(c.coalitionProblems)} distinct; solver calls: ${count(c.solverCalls)}.`,
    ],
    frontier: frontierTable(a, top, n),
    sections: [
      feasibilitySection(q1, n),
      acceptabilitySection(q2, n),
      mechanismSection(q3, n),
      participationSection(q4, n),
      scopeSection(q5, n),
      presenceSection(q6, n),
      burdenSection(q7, n),
      distanceSection(q8, a.focus?.scheme ?? {}, n),
    ],
  };
}

/**
 * The terminal report, every line at most `options.width` wide: the answer in brief first (it fits the first
 * screen), then the assumptions, the frontier and the eight answers.
 * @example io.stdout(renderText(analysis, { names: reportNames(c.scenario), width: 80 }))
 */
export function renderText(a: Analysis, options: ReportOptions = {}): string {
  const d = analysisDocument(a, options);
  const width = Math.max(40, options.width ?? 100);
  const out: string[] = [];
  const para = (x: string, indent = "  ") => wrapParagraph(x, width, indent);
  const bullets = (xs: readonly string[]) =>
    xs.map((x) => wrapParagraph(x, width, "  - ", "    ")).join("\n");
  const table = (t: ReportTable) =>
    `${para(t.title, "")}\n${textTable(t.columns, t.rows as Cell[][], { width })}`;
  const title = para(d.title, "");
  out.push(`${title}\n${"═".repeat(Math.min(width, Math.max(...title.split("\n").map((l) => l.length))))}\n`);
  out.push(`In brief\n${bullets(d.brief)}\n`);
  out.push(`Assumptions\n${bullets(d.assumptions)}\n`);
  if (options.verbose) out.push(`Diagnostics\n${bullets(d.diagnostics)}\n`);
  out.push(table(d.frontier));
  for (const s of d.sections) {
    const head = para(`${s.id}. ${s.question}`, "");
    out.push(`${head}\n${"─".repeat(Math.min(width, Math.max(...head.split("\n").map((l) => l.length))))}`);
    out.push(`${bullets(s.summary)}\n`);
    for (const t of s.tables) out.push(table(t));
  }
  return `${out.join("\n")}`;
}

/**
 * The Markdown report: prose wrapped at 100 columns (tables stay one line a row, as Markdown needs; a renderer
 * wraps their cells), and the pictures of `options.pictures` where they answer.
 * @example writeFileAtomic("report.md", renderMarkdown(analysis, { names: reportNames(c.scenario) }))
 */
export function renderMarkdown(a: Analysis, options: ReportOptions = {}): string {
  const d = analysisDocument(a, options);
  const out: string[] = [];
  const bullets = (xs: readonly string[]) => xs.map((x) => wrapParagraph(x, 100, "- ", "  ")).join("\n");
  const table = (t: ReportTable) => `**${t.title}**\n\n${markdownTable(t.columns, t.rows as Cell[][])}`;
  const pictures = (at: string) => (options.pictures?.[at] ?? []).map(markdownPicture).join("\n");
  out.push(`# ${d.title}\n`);
  out.push(`## In brief\n\n${bullets(d.brief)}\n`);
  if (options.pictures?.top) out.push(pictures("top"));
  out.push(`## Assumptions\n\n${bullets(d.assumptions)}\n`);
  if (options.verbose) out.push(`## Diagnostics\n\n${bullets(d.diagnostics)}\n`);
  if (options.pictures?.frontier) out.push(pictures("frontier"));
  out.push(table(d.frontier));
  for (const s of d.sections) {
    out.push(`## ${s.id}. ${s.question}\n`);
    out.push(`${bullets(s.summary)}\n`);
    if (options.pictures?.[String(s.id)]) out.push(pictures(String(s.id)));
    for (const t of s.tables) out.push(table(t));
  }
  return out.join("\n");
}

/** `![alt](src)` under the picture's title in bold, its text alternative as the image's alt text. */
export function markdownPicture(p: ReportPicture): string {
  const esc = (t: string) => t.replace(/[[\]]/g, "").replace(/\n/g, " ");
  return `**${p.title}**\n\n![${esc(p.alt)}](${encodeURI(p.src)})\n`;
}
