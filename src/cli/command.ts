/**
 * The contract every CLI command follows. A command parses its flags with `node:util` parseArgs (declared in
 * `options`), calls the library, and writes through `io`. Bad input throws `InputError` or `UsageError`: the
 * entry point prints the message and exits 2, never with a stack trace.
 */
import type { ParseArgsConfig } from "node:util";
import { MAX_MAGNITUDE } from "../scenario/bounds.js";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress bars only then). */
  stderrIsTTY: boolean;
  cwd: string;
}

export interface CommandContext {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  io: CliIo;
}

export interface Command {
  name: string;
  /** The full `--help` text of the command, from its usage line on. */
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Most positional arguments accepted. */
  maxPositionals: number;
  /** Returns the exit code. */
  run(ctx: CommandContext): Promise<number>;
}

/** Wrong flags or arguments: printed with a pointer to `--help`, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A string flag's value, or undefined. */
export function stringFlag(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === "string" ? v : undefined;
}

/** Decimal numbers as people write them: `12`, `-0.5`, `2.5e3`; not `0x10`, `1_000`, ` `, `Infinity`. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Whole numbers: digits only (no exponent: `1e12` is not a count anyone means to type). */
const WHOLE = /^[+-]?\d+$/;

/**
 * A numeric flag: a decimal number within [min, max] (by default of size at most 1e12, the largest the
 * scenario format accepts), or a UsageError naming the flag and the accepted range.
 * @example numberFlag(ctx, "top", { min: 1, max: 1000, integer: true }) // 10 for --top 10
 */
export function numberFlag(
  ctx: CommandContext,
  name: string,
  { min = -MAX_MAGNITUDE, max = MAX_MAGNITUDE, integer = false } = {},
): number | undefined {
  const raw = stringFlag(ctx, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!(integer ? WHOLE : DECIMAL).test(raw) || !Number.isFinite(n) || n < min || n > max) {
    const range = `${integer ? "a whole number" : "a number"}${min > -MAX_MAGNITUDE ? ` ≥ ${min}` : ""}${max < MAX_MAGNITUDE || min > -MAX_MAGNITUDE ? ` ≤ ${max}` : ""}`;
    throw new UsageError(`--${name}: expected ${range}, got "${raw}"`);
  }
  return n;
}

/** Pretty JSON with a trailing newline, for `--json` output. A NaN or an infinity (which JSON would print as
 *  null) is a bug in the model that made it, so it fails loudly instead of reaching the output. */
export function jsonOut(value: unknown): string {
  return `${JSON.stringify(
    value,
    function (this: unknown, key, v: unknown) {
      if (typeof v === "number" && !Number.isFinite(v))
        throw new RangeError(
          `jsonOut: ${v} in field "${key}" (a model produced a number that is not finite)`,
        );
      return v;
    },
    2,
  )}\n`;
}
