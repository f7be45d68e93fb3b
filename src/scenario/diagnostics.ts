/**
 * Located errors. Every message about bad input says where (`file:line:col`, the field path) and what was
 * expected; this module is the one place that formats them.
 */

/** A position in a text file, 1-based. */
export interface SourcePosition {
  line: number;
  col: number;
}

/** One problem found in an input file. */
export interface Diagnostic {
  file: string;
  /** Field path, e.g. `["actors", 3, "capabilities", "troops"]`. */
  path: (string | number)[];
  position?: SourcePosition | undefined;
  message: string;
  /** `warning`: the input is usable but doubtful (a source dated after the scenario's asOf); absent: an error. */
  severity?: "warning" | undefined;
}

/** `actors[3].capabilities.troops`; `(root)` for the empty path. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "(root)";
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** `scenario.yaml:42:7 actors[3].capabilities.troops: expected a number, got "many"`; a warning says so:
 *  `scenario.yaml:30:11 sources[4].date: warning: published 2026-01-06, after …`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.position ? `${d.file}:${d.position.line}:${d.position.col}` : d.file;
  return `${where} ${formatPath(d.path)}: ${d.severity === "warning" ? "warning: " : ""}${d.message}`;
}

/** Thrown by functions that read user input, carrying every problem found. Never a bug: the CLI prints the
 *  diagnostics and exits 2, with no stack trace. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "InputError";
    this.diagnostics = diagnostics;
  }
}

/** Most errors reported for one file: past it, a file is broken throughout, and locating each error costs
 *  time in proportion to the file. */
export const MAX_ERRORS = 100;

/** The last diagnostic of a file with more than MAX_ERRORS errors: how many more there were, located at the
 *  first of them. */
export function moreErrors(file: string, more: number, position: SourcePosition | undefined): Diagnostic {
  return {
    file,
    path: [],
    position,
    message: `and ${more} more errors from here (the first ${MAX_ERRORS} shown)`,
  };
}

/**
 * Errors found by path, the first MAX_ERRORS located and the rest counted in one last diagnostic (locating
 * costs time in proportion to the file).
 * @param at the located diagnostic of one error
 * @param locate the position of a path, for the note on the rest
 */
export function cappedErrors(
  file: string,
  found: readonly [(string | number)[], string][],
  at: (path: (string | number)[], message: string) => Diagnostic,
  locate: (path: (string | number)[]) => SourcePosition | undefined,
): Diagnostic[] {
  const errors = found.slice(0, MAX_ERRORS).map(([path, message]) => at(path, message));
  if (found.length > MAX_ERRORS)
    errors.push(moreErrors(file, found.length - MAX_ERRORS, locate(found[MAX_ERRORS]![0])));
  return errors;
}

/** Either a value or the located problems that prevented it. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: Diagnostic[] };

/** A `Result` that also carries warnings (located like errors, `severity: "warning"`), whether or not it is
 *  ok. Callers that only read `ok`, `value` and `errors` are unaffected. */
export type Checked<T> = Result<T> & { warnings: Diagnostic[] };

/** Describe a value for an error message: `"many"`, `42`, `an object`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** Thrown when an input would need more work or memory than a stated budget: a space too large to count or
 *  enumerate, say. Never a bug: the CLI prints the message (the numbers and what to do) and exits 2. */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LimitError";
  }
}

/** Thrown by a model when the scenario's data put a figure beyond what it can compute (a patrol station that no
 *  airbase can reach, so no number of aircraft holds it). Never a bug: the CLI prints the field path and the
 *  message and exits 2. */
export class ScenarioDataError extends Error {
  readonly path: (string | number)[];
  constructor(path: (string | number)[], message: string) {
    super(message);
    this.name = "ScenarioDataError";
    this.path = path;
  }
}
