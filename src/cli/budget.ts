/**
 * The work budget of the commands that pass over every consistent scheme (analyze, consensus, sensitivity):
 * the space is counted exactly first (cheap), and a space above the budget is refused with the numbers and
 * what to do, before any work starts, instead of running for minutes or out of memory.
 */
import { LimitError } from "../scenario/diagnostics.js";
import type { CompiledScenario } from "../scenario/index.js";
import { countConsistent, type OptionFilter, optionFilter } from "../space/index.js";
import { type CommandContext, numberFlag } from "./command.js";

/** Most consistent schemes analyze and consensus take by default. They stream the space (memory stays flat),
 *  so the bound is on time: about 50 times the flagship's 945,200, some minutes of work (bench/scale.bench.ts
 *  measures the speed). */
export const DEFAULT_MAX_SCHEMES = 50_000_000;
/** Most consistent schemes sensitivity takes by default: its Monte-Carlo kernel keeps a row per scheme (about
 *  200 bytes), so four times the flagship is some 800 MB. */
export const DEFAULT_MAX_SCHEMES_KERNEL = 4_000_000;
/** Most that `--max-schemes` may allow: scheme counts and indexes stay 32-bit integers. */
export const HARD_MAX_SCHEMES = 2_000_000_000;

/** The `--max-schemes N` flag, for the `options` of a command. */
export const MAX_SCHEMES_FLAG = { "max-schemes": { type: "string" } } as const;

/** Help text for `--max-schemes`, with the command's default. */
export function maxSchemesHelp(defaultMax = DEFAULT_MAX_SCHEMES): string {
  return `  --max-schemes N    refuse a space of more than N consistent schemes (default ${defaultMax.toLocaleString("en-US")})`;
}

/**
 * The number of consistent schemes under `filter`, or a LimitError (exit 2) when it exceeds `--max-schemes`
 * (default `defaultMax`; or the exact counter's own budget), saying how large the space is and how to restrict it.
 * @example const n = schemesWithinBudget(ctx, c, filter) // 945200
 */
export function schemesWithinBudget(
  ctx: CommandContext,
  c: CompiledScenario,
  filter: OptionFilter = optionFilter(c),
  defaultMax = DEFAULT_MAX_SCHEMES,
): number {
  const max = numberFlag(ctx, "max-schemes", { min: 1, max: HARD_MAX_SCHEMES, integer: true }) ?? defaultMax;
  const n = countConsistent(c, c.rules, filter);
  if (n > BigInt(max))
    throw new LimitError(
      `the space has ${n.toLocaleString("en-US")} consistent schemes, more than the ${max.toLocaleString("en-US")} allowed (--max-schemes); ` +
        "fix some dimensions with --where dim=option,..., give them fewer options, or raise --max-schemes " +
        `(up to ${HARD_MAX_SCHEMES.toLocaleString("en-US")}; the work grows with the number of schemes)`,
    );
  return Number(n);
}
