export type { ReportOptions } from "./analysis.js";
export { renderMarkdown, renderText } from "./analysis.js";
export type { Cell, Column } from "./table.js";
export { formatNumber, markdownTable, textTable } from "./table.js";
