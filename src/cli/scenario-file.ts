/**
 * Reading scenario files for the CLI: a path, or the embedded default scenario when none is given. The default
 * comes from its compiled form (src/scenarios/compiled.ts, equal to loading its YAML), so that only a file
 * given by the user loads the YAML parser and the schema's validation (imported then, not at start-up).
 */
import { inputLimits, readInputFile } from "../adapters/read-input.js";
import { scenarioParameterProblems } from "../parameters/index.js";
import { type CompiledScenario, compileScenario } from "../scenario/compile.js";
import { type Diagnostic, InputError } from "../scenario/diagnostics.js";
import { DEFAULT_SCENARIO_FILE, defaultScenarioText, loadEmbeddedScenario } from "../scenarios/index.js";

/** Options of `loadScenarioFile`. */
export interface LoadScenarioFileOptions {
  /** Treat warnings (sources dated after the scenario's asOf) as errors. */
  strict?: boolean;
}

/** The name the embedded default scenario's diagnostics carry. */
export const DEFAULT_SCENARIO_NAME = `${DEFAULT_SCENARIO_FILE} (default)`;

/**
 * Load, validate and compile a scenario file (or the default), throwing InputError with every problem. The
 * warnings come back with the scenario; with `strict` they are errors too.
 */
export async function loadScenarioFile(
  path: string | undefined,
  cwd: string,
  options: LoadScenarioFileOptions = {},
): Promise<CompiledScenario & { file: string; warnings: Diagnostic[] }> {
  const limits = inputLimits();
  const { text, name } =
    path === undefined
      ? { text: defaultScenarioText, name: DEFAULT_SCENARIO_NAME }
      : readInputFile(path, cwd, limits);
  const result =
    path === undefined
      ? loadEmbeddedScenario(DEFAULT_SCENARIO_FILE, name)
      : (await import("../scenario/validate.js")).loadScenario(text, name, { limits });
  const asErrors = options.strict ? result.warnings.map((w) => ({ ...w, severity: undefined })) : [];
  if (!result.ok) throw new InputError([...result.errors, ...asErrors]);
  if (asErrors.length > 0) throw new InputError(asErrors);
  const problems = scenarioParameterProblems(result.value);
  if (problems.length > 0) {
    // Rare, so the text is parsed again only then, to locate them.
    const parsed = (await import("../scenario/yaml.js")).parseYaml(text, name, limits);
    const locate = parsed.ok ? parsed.value.locate : () => undefined;
    throw new InputError(
      problems.map(([p, message]) => ({ file: name, path: p, position: locate(p), message })),
    );
  }
  return { ...compileScenario(result.value), file: name, warnings: result.warnings };
}
