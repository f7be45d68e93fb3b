/**
 * Scheme arguments of the CLI: `--scheme dim=option,...` (a full scheme), `--where dim=option,...` (a partial
 * assignment restricting the space) and `--compare dim=option,...` (changes to a scheme). Bad input is a
 * UsageError (exit 2) naming the flag.
 */
import type { Analysis } from "../explore/analyze.js";
import type { ResolvedParameters } from "../parameters/index.js";
import { schemeText } from "../report/format.js";
import {
  brokenRule,
  type CompiledScenario,
  isConsistent,
  parseAssignment,
  schemeToObject,
} from "../scenario/compile.js";
import { nearestConsistent, type OptionFilter, optionFilter } from "../space/index.js";
import { UsageError } from "./command.js";

/**
 * A partial assignment from `dim=option,...`: dimension index → option index.
 * @example assignmentArg(c, "ground=none", "--where") // Map { 2 => 0 }
 */
export function assignmentArg(c: CompiledScenario, spec: string, flag: string): Map<number, number> {
  if (spec.trim() === "") throw new UsageError(`${flag}: expected dim=option,..., got nothing`);
  const parsed = parseAssignment(c, spec);
  if (!parsed.ok) throw new UsageError(`${flag}: ${parsed.errors.join("; ")}`);
  return parsed.value;
}

/** Options of `fullSchemeArg`. */
export interface FullSchemeArgOptions {
  /** Reject a scheme that breaks a consistency rule, naming the rule and its reason (default false). */
  consistent?: boolean;
}

/**
 * A complete scheme from `dim=option,...`: one option index per dimension. A dimension left out is a usage
 * error listing the missing dimensions with their options; with `consistent`, so is a broken rule.
 * @example fullSchemeArg(c, "commitment=treaty,ground=none", "--scheme") // [1, 0]
 */
export function fullSchemeArg(
  c: CompiledScenario,
  spec: string,
  flag = "--scheme",
  options: FullSchemeArgOptions = {},
): number[] {
  const assigned = assignmentArg(c, spec, flag);
  const missing = c.dims.filter((_, i) => !assigned.has(i));
  if (missing.length > 0)
    throw new UsageError(
      `${flag}: missing ${missing.length === 1 ? "dimension" : "dimensions"} ${missing
        .map((d) => `${d.id} (${d.options.join(" | ")})`)
        .join(", ")}`,
    );
  const scheme = c.dims.map((_, i) => assigned.get(i)!);
  if (options.consistent) {
    const broken = brokenRule(c, scheme);
    if (broken) throw new UsageError(`${flag} breaks rule "${broken.id}": ${broken.reason}`);
  }
  return scheme;
}

/**
 * `base` with the options of `dim=option,...` swapped in (the dimensions not named keep theirs).
 * @example changedSchemeArg(c, [1, 2], "ground=none", "--compare") // [1, 0]
 */
export function changedSchemeArg(
  c: CompiledScenario,
  base: readonly number[],
  spec: string,
  flag: string,
): number[] {
  const out = [...base];
  for (const [d, o] of assignmentArg(c, spec, flag)) out[d] = o;
  return out;
}

/**
 * The option filter of `--where dim=option,...`: only the named options of the named dimensions; every
 * option when `spec` is undefined (the flag not given).
 * @example enumerateSchemes(c, { filter: whereArg(c, "ground=none") })
 */
export function whereArg(c: CompiledScenario, spec: string | undefined, flag = "--where"): OptionFilter {
  return optionFilter(c, spec === undefined ? undefined : assignmentArg(c, spec, flag));
}

/** The shortcuts `--scheme` takes besides a full scheme: the schemes `analyze` names. */
export const SCHEME_SHORTCUTS_HELP = `focus, nash, maximin or frontier:N (analyze's focus scheme,
                      Nash bargaining solution, maximin scheme, or N-th scheme of its Pareto front),
                      optionally followed by ,dim=option,... (then completed to the nearest consistent
                      scheme, naming the options the rules forced)`;

const SHORTCUT = /^(focus|nash|maximin|frontier:(\d+))$/;

/** The analysis a shortcut reads, run once when a shortcut asks for it (HiGHS for the focus coalition); the
 *  engine and HiGHS are imported only then. */
export function lazyAnalysis(c: CompiledScenario, parameters?: ResolvedParameters): () => Promise<Analysis> {
  let run: Promise<Analysis> | undefined;
  const analyze = async () => {
    const [{ loadHighsSolver }, { analyzeScenario }] = await Promise.all([
      import("../adapters/highs.js"),
      import("../explore/analyze.js"),
    ]);
    return analyzeScenario(c, await loadHighsSolver(), parameters ? { parameters } : {});
  };
  return () => {
    run ??= analyze();
    return run;
  };
}

/** What a shortcut resolved to, for the command to say. */
export interface ResolvedScheme {
  scheme: number[];
  /** How the scheme was found (undefined for a full scheme typed in). */
  note?: string;
}

/**
 * `--scheme` as typed: a full scheme (`fullSchemeArg`), or a shortcut (`focus`, `nash`, `maximin`,
 * `frontier:N`) resolved by running `analyze` on the scenario, optionally followed by `,dim=option,...`: the
 * named options replace the shortcut's, and when the rules then break, the nearest consistent scheme keeping
 * them (fewest other dimensions changed, then lexicographic) is taken and the forced changes are named.
 * @example await schemeArg(c, "focus,ground_presence=monitors", analyzeFocus) // { scheme, note: "…" }
 */
export async function schemeArg(
  c: CompiledScenario,
  spec: string,
  analysis: () => Promise<Analysis>,
  flag = "--scheme",
  options: FullSchemeArgOptions = {},
): Promise<ResolvedScheme> {
  const [head = "", ...rest] = spec.split(",");
  const m = SHORTCUT.exec(head.trim());
  if (!m) return { scheme: fullSchemeArg(c, spec, flag, options) };
  const a = await analysis();
  let base: Record<string, string> | undefined;
  if (m[1] === "focus") base = a.focus?.scheme;
  else if (m[1] === "nash") {
    base = a.answers[7].nash;
    if (!base)
      throw new UsageError(
        `${flag} nash: there is no Nash bargaining solution (no scheme every party accepts)`,
      );
  } else if (m[1] === "maximin") base = a.answers[7].maximin?.scheme;
  else {
    const n = Number(m[2]);
    if (n < 1 || n > a.frontier.length)
      throw new UsageError(
        `${flag} ${head}: the Pareto front has ${a.frontier.length} schemes (frontier:1 to frontier:${a.frontier.length})`,
      );
    base = a.frontier[n - 1]!.scheme;
  }
  if (!base) throw new UsageError(`${flag} ${head}: there is no consistent scheme`);
  const scheme = Int32Array.from(c.dims, (d) => d.options.indexOf(base[d.id]!));
  const assigned = rest.length ? assignmentArg(c, rest.join(","), flag) : new Map<number, number>();
  for (const [d, o] of assigned) scheme[d] = o;
  const named = [head.trim(), ...rest].join(",");
  if (assigned.size === 0 || isConsistent(c, scheme))
    return { scheme: [...scheme], note: `${named}: ${schemeText(schemeToObject(c, scheme))}` };
  const [first] = assigned.keys();
  const hits = nearestConsistent(c, optionFilter(c, assigned), scheme, first!);
  if (!hits || hits.length === 0)
    throw new UsageError(`${flag} ${named}: no consistent scheme has ${rest.join(",")}`);
  const nearest = hits[0]!;
  const forced = c.dims
    .map((d, i) =>
      nearest[i] !== scheme[i] ? `${d.id}=${d.options[nearest[i]!]} (was ${d.options[scheme[i]!]})` : "",
    )
    .filter(Boolean);
  return {
    scheme: [...nearest],
    note: `${named}: the rules forced ${forced.join(", ")}`,
  };
}
