import { resolve } from "node:path";
import { defaultScenarioText } from "../../scenarios/index.js";
import { type Command, UsageError } from "../command.js";
import { OutputPathError, writeFileAtomic } from "../files.js";

export const initCommand: Command = {
  name: "init",
  help: `Usage: guarantor init [file] [--force]

Writes a copy of the embedded default scenario (default file name: scenario.yaml) to edit.
Refuses to overwrite an existing file unless --force.`,
  options: { force: { type: "boolean" } },
  maxPositionals: 1,
  async run({ values, positionals, io }) {
    const target = resolve(io.cwd, positionals[0] ?? "scenario.yaml");
    const text = defaultScenarioText.replace(
      /^# yaml-language-server: \$schema=.*$/m,
      "# yaml-language-server: $schema=https://github.com/guarantor/guarantor/schema/scenario.schema.json",
    );
    try {
      writeFileAtomic(target, text, { overwrite: Boolean(values.force) });
    } catch (e) {
      if (e instanceof OutputPathError && e.code !== "EEXIST")
        throw new UsageError(`cannot write: ${e.message}`);
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST")
        throw new UsageError(`${positionals[0] ?? "scenario.yaml"} exists; use --force to overwrite it`);
      if (code === "ENOENT") throw new UsageError(`cannot write ${target}: no such folder`);
      throw new UsageError(`cannot write ${target}: ${code ?? String(e)}`);
    }
    io.stdout(
      `wrote ${positionals[0] ?? "scenario.yaml"}; check it with 'guarantor validate ${positionals[0] ?? "scenario.yaml"}'\n`,
    );
    return 0;
  },
};
