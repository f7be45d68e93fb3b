/**
 * A solver-neutral mixed-integer linear program, and its CPLEX LP-format text. The coalition model builds
 * `MilpModel`s and hands them to a `MilpSolver`; HiGHS (`highs.ts`) is one such solver, and tests or
 * benchmarks can plug in others.
 */

/** One decision variable. Bounds may be infinite; `integer` makes it a general integer. */
export interface MilpVariable {
  /** For people reading the model (`x[GBR][troops]`); solvers never see it. */
  label: string;
  lb: number;
  ub: number;
  integer: boolean;
}

/** A sparse linear expression: pairs of (variable index, coefficient). */
export type LinearTerms = readonly (readonly [number, number])[];

/** A constraint `lb ≤ Σ coef·var ≤ ub` (either side may be infinite). */
export interface MilpConstraint {
  label: string;
  terms: LinearTerms;
  lb: number;
  ub: number;
}

export interface MilpModel {
  sense: "min" | "max";
  variables: MilpVariable[];
  objective: LinearTerms;
  constraints: MilpConstraint[];
  /** A feasible point, given to the solver as its first incumbent (a MIP start), when one is known. */
  start?: Float64Array;
  /** False: ask the solver to skip its presolve (HiGHS's does not stop at the time limit on some large models). */
  presolve?: boolean;
}

/** How a solve ended. `time-limit`: stopped by its time limit; `too-large`: the model exceeds the solver's
 *  size limit and was not solved; `unknown`: stopped without proving anything (HiGHS "Unknown", iteration
 *  limits); `error`: the solver failed (a bug here or there). */
export type MilpStatus =
  | "optimal"
  | "infeasible"
  | "unbounded"
  | "time-limit"
  | "too-large"
  | "unknown"
  | "error";

export interface MilpSolution {
  status: MilpStatus;
  /** Objective value of `values`; NaN when there are none. */
  objective: number;
  /** Value per variable, in model order: the optimum, or (when a limit stopped the solve) the best feasible
   *  point found; empty when there is none. */
  values: Float64Array;
  /** The best proven bound on the objective (a lower bound when minimising), when the solver reports one. */
  bound?: number;
  /** The solver's own status text, for messages. */
  detail: string;
}

/** Nonzero coefficients of a model (objective and rows): what its size and the solver's work grow with. */
export function modelNonzeros(model: MilpModel): number {
  let n = model.objective.length;
  for (const c of model.constraints) n += c.terms.length;
  return n;
}

/** Anything that solves a `MilpModel` synchronously. */
export interface MilpSolver {
  name: string;
  solve(model: MilpModel): MilpSolution;
}

/** A finite number as LP-format text: no exponent surprises, no "-0". */
function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`writeLpFormat: non-finite coefficient ${x}`);
  if (Object.is(x, -0) || x === 0) return "0";
  // Up to 15 significant digits keeps doubles exact enough; toPrecision may give an exponent, which LP accepts.
  const s = Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(15)));
  return s;
}

/** `+ 3 v0 - 2.5 v7`, wrapped so that no line grows past the LP format's 510-character limit. */
function expression(terms: LinearTerms, out: string[], indent: string): void {
  // A variable named twice in one row is summed here: LP readers differ on repeated names.
  const merged = new Map<number, number>();
  for (const [j, c] of terms) merged.set(j, (merged.get(j) ?? 0) + c);
  let line = indent;
  let first = true;
  for (const [j, c] of merged) {
    if (c === 0) continue;
    const piece = `${c < 0 ? "-" : first ? "" : "+"} ${num(Math.abs(c))} v${j}`.trimStart();
    if (line.length + piece.length > 200) {
      out.push(line);
      line = indent;
    }
    line += `${line === indent ? "" : " "}${piece}`;
    first = false;
  }
  if (first) line += "0 v0";
  out.push(line);
}

/**
 * The model as CPLEX LP-format text, with variables named `v0…` and rows `r0…` (user labels never reach the
 * solver, so nothing needs escaping). Integers go in a General section; every variable gets explicit bounds.
 * Format reference: IBM CPLEX "LP file format: algebraic representation"; HiGHS reads it with its own
 * LP reader (`HMpsFF`/`FilereaderLp`).
 * @example writeLpFormat({ sense: "min", variables: [{ label: "x", lb: 0, ub: 3, integer: true }],
 *   objective: [[0, 1]], constraints: [{ label: "c", terms: [[0, 1]], lb: 2, ub: Infinity }] })
 */
export function writeLpFormat(model: MilpModel): string {
  if (model.variables.length === 0) throw new Error("writeLpFormat: a model needs at least one variable");
  const out: string[] = [model.sense === "min" ? "Minimize" : "Maximize"];
  out.push(" obj:");
  expression(model.objective, out, "  ");
  out.push("Subject To");
  model.constraints.forEach((c, i) => {
    const lo = Number.isFinite(c.lb);
    const hi = Number.isFinite(c.ub);
    if (!lo && !hi) return;
    const rows: [string, number][] =
      lo && hi && c.lb === c.ub
        ? [["=", c.lb]]
        : [
            ...(lo ? [[">=", c.lb] as [string, number]] : []),
            ...(hi ? [["<=", c.ub] as [string, number]] : []),
          ];
    rows.forEach(([op, rhs], r) => {
      out.push(` r${i}${rows.length > 1 ? `_${r}` : ""}:`);
      expression(c.terms, out, "  ");
      out.push(`  ${op} ${num(rhs)}`);
    });
  });
  out.push("Bounds");
  model.variables.forEach((v, j) => {
    const lb = Number.isFinite(v.lb) ? num(v.lb) : "-inf";
    const ub = Number.isFinite(v.ub) ? num(v.ub) : "+inf";
    out.push(` ${lb} <= v${j} <= ${ub}`);
  });
  const ints = model.variables.flatMap((v, j) => (v.integer ? [`v${j}`] : []));
  if (ints.length > 0) {
    out.push("General");
    for (let i = 0; i < ints.length; i += 20) out.push(` ${ints.slice(i, i + 20).join(" ")}`);
  }
  out.push("End", "");
  return out.join("\n");
}

/** Value of a linear expression at a point. */
export function evaluateTerms(terms: LinearTerms, values: ArrayLike<number>): number {
  let s = 0;
  for (const [j, c] of terms) s += c * values[j]!;
  return s;
}
