/**
 * A report as a document of words and tables, written once (`analysisDocument`) and rendered as text, Markdown
 * or HTML. Cells are text or numbers; numbers are formatted by the renderer (`formatNumber`).
 */
import type { Cell, Column } from "./table.js";

export interface ReportTable {
  title: string;
  columns: Column[];
  rows: Cell[][];
}

/** One answer: the question, sentences, tables. */
export interface ReportSection {
  id: number;
  question: string;
  summary: string[];
  tables: ReportTable[];
}
