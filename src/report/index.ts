export type { Cell, Column } from "./table.js";
export { formatNumber, markdownTable, textTable } from "./table.js";
