/**
 * The `guarantor` command: a thin shell that parses flags and calls the library. The commands (and through
 * them the library) are imported only once a command is asked for, so `--version` loads almost nothing.
 */
import { parseArgs } from "node:util";
import { formatPath, InputError, LimitError, ScenarioDataError } from "../scenario/diagnostics.js";
import { type CliIo, type Command, UsageError } from "./command.js";
import type { CommandEntry } from "./commands/index.js";
import { VERSION } from "./version.js";

/** The text of `guarantor --help`, from the commands' one-line summaries. */
const help = (commands: readonly CommandEntry[]) => `guarantor: design and test security guarantee schemes

Usage: guarantor <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(11)} ${c.summary}`).join("\n")}

With no scenario file, every command uses the embedded default scenario (scenarios/ukraine-2025-08.yaml).
Run 'guarantor <command> --help' for a command's options.
Exit codes: 0 success, 1 internal error, 2 bad input or usage.
`;

/** Run the CLI with the given arguments; returns the exit code. Exported for in-process tests. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version") {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const { COMMANDS } = await import("./commands/index.js");
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(help(COMMANDS));
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`guarantor: unknown command "${name}"\n\n${help(COMMANDS)}`);
    return 2;
  }
  const command: Command = await entry.load();
  try {
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(`${command.help.trimEnd()}\n`);
      return 0;
    }
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
    }
    if (parsed.positionals.length > command.maxPositionals) {
      throw new UsageError(`unexpected argument "${parsed.positionals[command.maxPositionals]}"`);
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals, io });
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`${e.message}\n${e.diagnostics.length} error${e.diagnostics.length === 1 ? "" : "s"}\n`);
      return 2;
    }
    if (e instanceof ScenarioDataError) {
      io.stderr(`guarantor ${command.name}: ${formatPath(e.path)}: ${e.message}\n`);
      return 2;
    }
    if (e instanceof LimitError) {
      io.stderr(`guarantor ${command.name}: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.stderr(
        `guarantor ${command.name}: ${e.message}\nRun 'guarantor ${command.name} --help' for usage.\n`,
      );
      return 2;
    }
    throw e;
  }
}
