/** Reports: the words, tables and formats for people; nothing here computes a figure. */
export {
  type AnalysisDocument,
  analysisDocument,
  type ReportOptions,
  renderMarkdown,
  renderText,
} from "./analysis.js";
export type { ReportSection, ReportTable } from "./document.js";
export { concessionText, count, pct, r1, r3, schemeDiffText, schemeText, unitsText } from "./format.js";
export type { Cell, Column } from "./table.js";
export { formatNumber, markdownTable, textTable } from "./table.js";
export { type FormatVerdictsOptions, formatScheme, formatVerdicts } from "./verdicts.js";
