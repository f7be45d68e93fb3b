/**
 * Scheme arguments of the CLI: `--scheme dim=option,...` (a full scheme), `--where dim=option,...` (a partial
 * assignment restricting the space) and `--compare dim=option,...` (changes to a scheme). Bad input is a
 * UsageError (exit 2) naming the flag.
 */
import { brokenRule, type CompiledScenario, parseAssignment } from "../scenario/compile.js";
import { type OptionFilter, optionFilter } from "../space/index.js";
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
