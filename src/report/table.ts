/**
 * Plain-text and Markdown tables for reports: columns sized to their content, numbers right-aligned.
 */

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
  const widths = columns.map((c, j) => Math.max(c.header.length, ...text.map((r) => (r[j] ?? "").length)));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((t, j) => (columns[j]?.right ? t.padStart(widths[j]!) : t.padEnd(widths[j]!)))
      .join("  ")
      .trimEnd();
  const head = [line(columns.map((c) => c.header))];
  if (options.rule ?? true) head.push(line(widths.map((w) => "─".repeat(w))));
  return [...head, ...text.map(line)].join("\n") + "\n";
}

/** The same table in GitHub Markdown. */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string {
  const esc = (t: string) => t.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const head = `| ${columns.map((c) => esc(c.header)).join(" | ")} |`;
  const rule = `|${columns.map((c) => (c.right ? "---:" : "---")).join("|")}|`;
  const body = rows.map((r) => `| ${r.map((c) => esc(cellText(c))).join(" | ")} |`);
  return [head, rule, ...body].join("\n") + "\n";
}
