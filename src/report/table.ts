/**
 * Plain-text and Markdown tables for reports: columns sized to their content, numbers right-aligned.
 */
import { wrapLines } from "./wrap.js";

export interface Column {
  header: string;
  /** Right-align (numbers). */
  right?: boolean;
}

/** A cell: text, or a number formatted by `formatNumber`. */
export type Cell = string | number;

/** Format a number for people: thousands separators, at most `digits` decimals. */
export function formatNumber(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  return x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function cellText(c: Cell): string {
  return typeof c === "number" ? formatNumber(c) : c;
}

export interface TextTableOptions {
  /** Put before every line (default none). */
  indent?: string;
  /** Draw a rule under the header (default true). */
  rule?: boolean;
  /** Widest line, indent included: wider columns are narrowed, widest first, and their cells wrapped by words
   *  (default: no limit). */
  width?: number;
}

/** Column widths that fit `width`. Right-aligned columns (numbers) keep their content's width, their headers
 *  wrapping; the others share what is left by water-filling: a column narrower than an equal share keeps its
 *  width, the rest split the remainder equally (never below the longest word of their header, nor 8). */
function fitWidths(
  natural: number[],
  content: number[],
  columns: readonly Column[],
  width: number,
): number[] {
  const headerWord = columns.map((c) => Math.max(1, ...c.header.split(" ").map((x) => x.length)));
  const gaps = 2 * Math.max(0, columns.length - 1);
  if (natural.reduce((s, x) => s + x, 0) + gaps <= width) return natural;
  const w = columns.map((c, j) => (c.right ? Math.max(content[j]!, headerWord[j]!) : 0));
  let free = columns.map((c, j) => (c.right ? -1 : j)).filter((j) => j >= 0);
  let left = width - gaps - w.reduce((s, x) => s + x, 0);
  for (;;) {
    const share = Math.floor(left / Math.max(1, free.length));
    const narrow = free.filter((j) => natural[j]! <= share);
    if (narrow.length === 0) {
      for (const j of free) w[j] = Math.max(share, headerWord[j]!, Math.min(8, natural[j]!));
      return w;
    }
    for (const j of narrow) {
      w[j] = natural[j]!;
      left -= natural[j]!;
    }
    free = free.filter((j) => !narrow.includes(j));
    if (free.length === 0) return w;
  }
}

/**
 * A text table with a header rule.
 * @example textTable([{ header: "actor" }, { header: "troops", right: true }], [["GBR", 7500]])
 */
export function textTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  options: TextTableOptions = {},
): string {
  const indent = options.indent ?? "";
  const text = rows.map((r) => r.map(cellText));
  const content = columns.map((_, j) => Math.max(0, ...text.map((r) => (r[j] ?? "").length)));
  const natural = columns.map((c, j) => Math.max(c.header.length, content[j]!));
  const widths =
    options.width === undefined
      ? natural
      : fitWidths(natural, content, columns, options.width - indent.length);
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((t, j) => (columns[j]?.right ? t.padStart(widths[j]!) : t.padEnd(widths[j]!)))
      .join("  ")
      .trimEnd();
  /** A row as one or more lines: each cell wrapped to its column, shorter cells padded below. */
  const block = (cells: readonly string[]) => {
    const wrapped = cells.map((t, j) => (t.length <= widths[j]! ? [t] : wrapLines(t, widths[j]!)));
    const height = Math.max(1, ...wrapped.map((x) => x.length));
    return Array.from({ length: height }, (_, i) => line(wrapped.map((x) => x[i] ?? "")));
  };
  const head = block(columns.map((c) => c.header));
  if (options.rule ?? true) head.push(line(widths.map((w) => "─".repeat(w))));
  const body = text.map(block);
  // Rows that wrap are told apart by a blank line between rows.
  const spaced = body.some((b) => b.length > 1);
  return [...head, ...body.flatMap((b, i) => (spaced && i > 0 ? ["", ...b] : b))].join("\n") + "\n";
}

/** The same table in GitHub Markdown. */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string {
  const esc = (t: string) => t.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const head = `| ${columns.map((c) => esc(c.header)).join(" | ")} |`;
  const rule = `|${columns.map((c) => (c.right ? "---:" : "---")).join("|")}|`;
  const body = rows.map((r) => `| ${r.map((c) => esc(cellText(c))).join(" | ")} |`);
  return [head, rule, ...body].join("\n") + "\n";
}
