/**
 * The HTML report: one self-contained page (inline CSS and SVG, no script, nothing fetched) with the answer in
 * brief, the provenance, the eight answers with their tables, and the figures where they answer. It prints to
 * PDF as it shows. Pure: it takes the figure data and a DOM document for Plot, and returns a string.
 */
import { analysisDocument } from "../analysis.js";
import type { ReportSection, ReportTable } from "../document.js";
import { uncertaintySection } from "../uncertainty.js";
import { allFigures, FIGURE_PLACES, type Figure, type FigureData, type PlotDocument } from "./figures.js";
import { escapeXml } from "./svg.js";

/** Where the report comes from, printed on the page. */
export interface Provenance {
  /** `guarantor 0.1.0` */
  tool: string;
  scenarioId: string;
  /** SHA-256 of the scenario file's text. */
  scenarioSha256: string;
  /** The scenario file (or "embedded default"). */
  scenarioFile: string;
  asOf: string;
  objective: string;
  /** Monte Carlo, when run. */
  samples?: number;
  seed?: number;
  /** `--where`, as given. */
  where?: string;
}

export interface HtmlReportInput {
  data: FigureData;
  provenance: Provenance;
  /** Frontier rows in the table (default 10). */
  top?: number;
  /** The figures, when already drawn (`allFigures(data, document)`); drawn here otherwise. */
  figures?: readonly Figure[];
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 980px; padding: 24px 28px 48px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; background: #fff; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 12px; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-top: 8px; border-top: 2px solid #1a1a1a; }
h3 { font-size: 15px; margin: 20px 0 6px; }
ul { padding-left: 22px; margin: 6px 0; }
li { margin: 3px 0; }
.brief { background: #f4f7fb; border-left: 4px solid #0072B2; padding: 10px 16px; margin: 12px 0 18px; }
.brief li { margin: 6px 0; }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 13px; margin: 8px 0; }
dl.provenance dt { font-weight: 600; color: #444; }
dl.provenance dd { margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; word-break: break-all; }
figure { margin: 18px 0 24px; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-weight: 700; font-size: 15px; margin-bottom: 6px; }
p.alt { font-size: 12.5px; color: #444; margin: 6px 0 0; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; margin: 4px 0 16px; }
caption { text-align: left; font-weight: 600; font-size: 13px; padding: 4px 0; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f2f2f2; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fafafa; }
.note { font-size: 13px; color: #444; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 9pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .brief { background: none; }
}
@page { margin: 16mm 14mm; }
`;

function tableHtml(t: ReportTable): string {
  const head = t.columns.map(
    (c) => `<th${c.right ? ' class="n"' : ""} scope="col">${escapeXml(c.header)}</th>`,
  );
  const body = t.rows.map(
    (r) =>
      `<tr>${r
        .map((cell, j) => `<td${t.columns[j]?.right ? ' class="n"' : ""}>${escapeXml(String(cell))}</td>`)
        .join("")}</tr>`,
  );
  return `<table><caption>${escapeXml(t.title)}</caption><thead><tr>${head.join("")}</tr></thead><tbody>${body.join("")}</tbody></table>`;
}

function figureHtml(f: Figure): string {
  return `<figure id="figure-${f.id}" data-figure="${f.id}" aria-labelledby="figure-${f.id}-title"><figcaption id="figure-${f.id}-title">${escapeXml(f.title)}</figcaption>${f.svg}<p class="alt">${escapeXml(f.alt)}</p></figure>`;
}

function sectionHtml(s: ReportSection, figures: string[]): string {
  return `<section id="q${s.id}"><h2>${s.id}. ${escapeXml(s.question)}</h2><ul>${s.summary
    .map((x) => `<li>${escapeXml(x)}</li>`)
    .join("")}</ul>${figures.join("")}${s.tables.map(tableHtml).join("")}</section>`;
}

/**
 * The whole page.
 * @example writeFileAtomic("report.html", renderHtml({ data, provenance }, parseHTML("<html></html>").document))
 */
export function renderHtml(input: HtmlReportInput, document: PlotDocument): string {
  const { data: d, provenance: p } = input;
  const a = d.analysis;
  const doc = analysisDocument(a, { names: d.names, ...(input.top ? { top: input.top } : {}) });
  const figures = input.figures ?? allFigures(d, document);
  const at = (place: string) =>
    figures.filter((f) => FIGURE_PLACES[f.id] === place).map((f) => figureHtml(f));
  const overrides = [
    ...a.run.settings.map((s) => `${s.path} = ${s.value}`),
    ...(a.run.settings.length ? [] : Object.entries(a.run.overrides).map(([k, v]) => `${k} = ${v}`)),
  ];
  const rows: [string, string][] = [
    ["tool", p.tool],
    ["scenario", `${p.scenarioId} (${p.scenarioFile})`],
    ["scenario SHA-256", p.scenarioSha256],
    ["as of", p.asOf],
    ["coalition objective", p.objective],
    [
      "seed",
      p.seed === undefined ? "none: point estimates, no Monte Carlo" : `${p.seed} (${p.samples} draws)`,
    ],
    ["overrides", overrides.join("; ") || "none"],
    ...(p.where ? [["--where", p.where] as [string, string]] : []),
    ...(a.run.acceptedBy?.length ? [["--accepted-by", a.run.acceptedBy.join(",")] as [string, string]] : []),
  ];
  const u = d.uncertainty;
  const mc = u
    ? sectionHtml(uncertaintySection(u, { names: d.names, base: a.focus?.scheme ?? {} }), at("9"))
    : `<section id="q9"><h2>9. How sure is it?</h2><p class="note">This report gives point estimates. Run <code>guarantor analyze --html FILE --samples N</code> for Monte-Carlo intervals of these figures and a tornado of the inputs that move the focus scheme's verdict most.</p></section>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeXml(p.tool)}">
<title>${escapeXml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeXml(doc.title)}</h1>
<div class="brief" id="brief"><strong>In brief</strong><ul>${doc.brief.map((x) => `<li>${escapeXml(x)}</li>`).join("")}</ul></div>
<dl class="provenance" id="provenance">${rows.map(([k, v]) => `<dt>${escapeXml(k)}</dt><dd>${escapeXml(v)}</dd>`).join("")}</dl>
</header>
<main>
${at("top").join("")}
<section id="assumptions"><h2>Assumptions</h2><ul>${doc.assumptions.map((x) => `<li>${escapeXml(x)}</li>`).join("")}</ul></section>
<section id="frontier"><h2>The trade-offs</h2>${at("frontier").join("")}${tableHtml(doc.frontier)}</section>
${doc.sections.map((s) => sectionHtml(s, at(String(s.id)))).join("\n")}
${mc}
</main>
</body>
</html>
`;
}
