/**
 * `--set id=value` (repeatable): model parameters by id and scenario values by path, applied to a loaded
 * scenario with the same located errors as the file (exit 2).
 */
import {
  parameterDef,
  parameterValueProblem,
  type ResolvedParameters,
  resolveParameters,
  scenarioParameterProblems,
  similarParameterIds,
  UnknownParameterError,
} from "../parameters/index.js";
import { type CompiledScenario, compileScenario } from "../scenario/compile.js";
import { InputError } from "../scenario/diagnostics.js";
import { applySettings, parseSetting, type Setting } from "../scenario/settings.js";
import { type CommandContext, UsageError } from "./command.js";

export const SETTINGS_FLAG = { set: { type: "string", multiple: true } } as const;

export const SETTINGS_HELP = `  --set id=value set a model parameter by id (ground.rotation_factor=2) or a scenario value by path
                 (actors.RUS.stance.reservation=0.6); repeatable; listed in the report's assumptions`;

/** The scenario with the `--set` flags applied, its parameters, and the settings for the report. */
export interface Settled {
  c: CompiledScenario & { file: string };
  parameters: ResolvedParameters;
  settings: Setting[];
}

/**
 * Apply the command's `--set` flags to a loaded scenario (none: the scenario as it is).
 * @example const { c, parameters } = settled(ctx, loadScenarioFile(file, cwd));
 */
export function settled(ctx: CommandContext, loaded: CompiledScenario & { file: string }): Settled {
  const raw = ctx.values.set;
  const texts = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).map(String);
  const settings: Setting[] = texts.map((t) => {
    const s = parseSetting(t);
    if (!s) throw new UsageError(`--set: expected id=value, got "${t}"`);
    return s;
  });
  if (settings.length === 0) return { c: loaded, parameters: resolveParameters(loaded.scenario), settings };
  for (const s of settings) {
    const head = s.path.split(".")[0]!;
    if (parameterDef(s.path) || Object.hasOwn(loaded.scenario, head)) continue;
    const near = similarParameterIds(s.path);
    throw new UsageError(
      `--set ${s.path}: neither a model parameter nor a path in the scenario${near.length ? `; did you mean ${near.join(", ")}?` : ""} (parameters: docs/models.md; paths start with ${Object.keys(loaded.scenario).join(", ")})`,
    );
  }
  const applied = applySettings(
    loaded.scenario,
    settings,
    (id) => parameterDef(id) !== undefined,
    (id, v) => parameterValueProblem(parameterDef(id)!, v),
  );
  if (!applied.ok) throw new InputError(applied.errors);
  const problems = scenarioParameterProblems(applied.value.scenario);
  if (problems.length > 0)
    throw new InputError(problems.map(([path, message]) => ({ file: "--set", path, message })));
  try {
    const parameters = resolveParameters(applied.value.scenario, { overrides: applied.value.parameters });
    return { c: { ...compileScenario(applied.value.scenario), file: loaded.file }, parameters, settings };
  } catch (e) {
    if (e instanceof UnknownParameterError) throw new UsageError(`--set: ${e.message}`);
    throw e;
  }
}
