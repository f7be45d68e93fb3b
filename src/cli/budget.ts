/**
 * The work budget of the commands that pass over every consistent scheme (analyze, consensus, sensitivity):
 * the space is counted exactly first (cheap), and a space above the budget is refused with the numbers and
 * what to do, before any work starts, instead of running for minutes or out of memory.
 */
import { LimitError } from "../scenario/diagnostics.js";
import type { CompiledScenario } from "../scenario/index.js";
import { countConsistent, type OptionFilter, optionFilter } from "../space/index.js";
import { type CommandContext, numberFlag } from "./command.js";

/** Most consistent schemes a whole-space command takes by default: about four times the flagship's 945,200
 *  (whose analysis takes 15 s and peaks at 200 MB on a 2-core machine). */
export const DEFAULT_MAX_SCHEMES = 4_000_000;
/** Most that `--max-schemes` may allow: the scheme tables are typed arrays indexed by a 32-bit number. */
export const HARD_MAX_SCHEMES = 100_000_000;

/** The `--max-schemes N` flag, for the `options` of a command. */
export const MAX_SCHEMES_FLAG = { "max-schemes": { type: "string" } } as const;

/** Help text for `--max-schemes`. */
export const MAX_SCHEMES_HELP = `  --max-schemes N    refuse a space of more than N consistent schemes (default ${DEFAULT_MAX_SCHEMES.toLocaleString("en-US")})`;

/**
 * The number of consistent schemes under `filter`, or a LimitError (exit 2) when it exceeds `--max-schemes`
 * (or the exact counter's own budget), saying how large the space is and how to restrict it.
 * @example const n = schemesWithinBudget(ctx, c, filter) // 945200
 */
export function schemesWithinBudget(
  ctx: CommandContext,
  c: CompiledScenario,
  filter: OptionFilter = optionFilter(c),
): number {
  const max =
    numberFlag(ctx, "max-schemes", { min: 1, max: HARD_MAX_SCHEMES, integer: true }) ?? DEFAULT_MAX_SCHEMES;
  const n = countConsistent(c, c.rules, filter);
  if (n > BigInt(max))
    throw new LimitError(
      `the space has ${n.toLocaleString("en-US")} consistent schemes, more than the ${max.toLocaleString("en-US")} allowed (--max-schemes); ` +
        "fix some dimensions with --where dim=option,..., give them fewer options, or raise --max-schemes " +
        `(up to ${HARD_MAX_SCHEMES.toLocaleString("en-US")}; memory grows with the number of schemes)`,
    );
  return Number(n);
}
