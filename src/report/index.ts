/** Reports: the words, tables and formats for people; nothing here computes a figure. */
export {
  type AnalysisDocument,
  analysisDocument,
  markdownPicture,
  type ReportOptions,
  type ReportPicture,
  renderMarkdown,
  renderText,
} from "./analysis.js";
export type { ReportSection, ReportTable } from "./document.js";
export {
  actorList,
  concessionText,
  count,
  fixed,
  hours,
  money,
  pct,
  r1,
  r3,
  schemeDiffText,
  schemeLabels,
  schemeText,
  schemeWords,
  score,
  unitsText,
} from "./format.js";
export { ID_NAMES, type ReportNames, reportNames } from "./names.js";
export type { Cell, Column } from "./table.js";
export { formatNumber, markdownTable, textTable } from "./table.js";
export { type FormatVerdictsOptions, formatScheme, formatVerdicts } from "./verdicts.js";
export { wrapLines, wrapParagraph } from "./wrap.js";
