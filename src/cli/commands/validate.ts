import { type Command, jsonOut } from "../command.js";
import { loadScenarioFile } from "../scenario-file.js";

export const validateCommand: Command = {
  name: "validate",
  summary: "check a scenario file and print every error with its file:line:col and field path",
  help: `Usage: guarantor validate [file] [--json]

Checks a scenario file against the schema (schema/scenario.schema.json) and the semantic rules: unknown or
duplicate ids, rules and predicates naming options or attributes that do not exist, undeclared sources,
impossible distributions. Every error is printed as 'file:line:col path: message'.
With no file, checks the embedded default scenario.

Options:
  --json    print a summary as JSON
Exit codes: 0 valid, 2 invalid.`,
  options: { json: { type: "boolean" } },
  maxPositionals: 1,
  async run({ values, positionals, io }) {
    const c = loadScenarioFile(positionals[0], io.cwd);
    const s = c.scenario;
    const summary = {
      file: c.file,
      valid: true,
      id: s.id,
      sources: s.sources.length,
      actors: s.actors.length,
      dimensions: s.dimensions.length,
      options: s.dimensions.reduce((n, d) => n + d.options.length, 0),
      rules: s.rules.length,
      parameters: s.parameters.length,
      precedents: s.precedents.length,
    };
    if (values.json) io.stdout(jsonOut(summary));
    else
      io.stdout(
        `${c.file}: valid (${summary.sources} sources, ${summary.actors} actors, ${summary.dimensions} dimensions with ${summary.options} options, ${summary.rules} rules, ${summary.parameters} parameters, ${summary.precedents} precedents)\n`,
      );
    return 0;
  },
};
