/**
 * The contract every CLI command follows. A command parses its flags with `node:util` parseArgs (declared in
 * `options`), calls the library, and writes through `io`. Bad input throws `InputError` or `UsageError`: the
 * entry point prints the message and exits 2, never with a stack trace.
 */
import type { ParseArgsConfig } from "node:util";

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
  /** One line for `guarantor --help`. */
  summary: string;
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

/** A numeric flag: a finite number within [min, max], or a UsageError naming the flag. */
export function numberFlag(
  ctx: CommandContext,
  name: string,
  { min = -Infinity, max = Infinity, integer = false } = {},
): number | undefined {
  const raw = stringFlag(ctx, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    const range = `${integer ? "an integer" : "a number"}${min > -Infinity ? ` ≥ ${min}` : ""}${max < Infinity ? ` ≤ ${max}` : ""}`;
    throw new UsageError(`--${name}: expected ${range}, got "${raw}"`);
  }
  return n;
}

/** Pretty JSON with a trailing newline, for `--json` output. */
export function jsonOut(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
