import { formatDiagnostic, formatPath } from "../../scenario/diagnostics.js";
import { type Command, jsonOut } from "../command.js";
import { loadScenarioFile } from "../scenario-file.js";

export const validateCommand: Command = {
  name: "validate",
  help: `Usage: guarantor validate [file] [--strict] [--json]

Checks a scenario file against the schema (schema/scenario.schema.json) and the semantic rules: unknown or
duplicate ids, rules and predicates naming options or attributes that do not exist, undeclared sources,
impossible distributions and dates. Every error is printed as 'file:line:col path: message'.
It also warns about what the scenario should not know on its asOf date: a source published after it (unless
marked as historical background with 'describes', the period it is about), or dated so loosely that it may
be ('2025-08' for an asOf of 2025-08-20) with no 'via' source dated on or before asOf. Warnings are printed
on stderr as 'file:line:col path: warning: message'.
With no file, checks the embedded default scenario.

Options:
  --strict  treat warnings as errors (exit 2)
  --json    print a summary as JSON (with the warnings)
Exit codes: 0 valid (warnings allowed unless --strict), 2 invalid.`,
  options: { json: { type: "boolean" }, strict: { type: "boolean" } },
  maxPositionals: 1,
  async run({ values, positionals, io }) {
    const c = await loadScenarioFile(positionals[0], io.cwd, { strict: values.strict === true });
    const s = c.scenario;
    const summary = {
      file: c.file,
      valid: true,
      asOf: s.asOf,
      warnings: c.warnings.map((w) => ({
        path: formatPath(w.path),
        line: w.position?.line,
        col: w.position?.col,
        message: w.message,
      })),
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
    else {
      for (const w of c.warnings) io.stderr(`${formatDiagnostic(w)}\n`);
      const warned =
        c.warnings.length === 0 ? "" : `, ${c.warnings.length} warning${c.warnings.length === 1 ? "" : "s"}`;
      io.stdout(
        `${c.file}: valid (${summary.sources} sources, ${summary.actors} actors, ${summary.dimensions} dimensions with ${summary.options} options, ${summary.rules} rules, ${summary.parameters} parameters, ${summary.precedents} precedents${warned})\n`,
      );
    }
    return 0;
  },
};
