/**
 * Resolving model parameters: one shape for every model. Each registry parameter gets a value, where it comes
 * from and the source to cite: an explicit override first, then the scenario's own value (by id, else by one
 * of the aliases), then the code default. The scenario's value is its distribution's point estimate, or a
 * seeded draw from it (`sampleParameters`: one Monte-Carlo sample of every parameter at once).
 */
import type { Random } from "../random/index.js";
import { pointEstimate, sampleDistribution } from "../scenario/distributions.js";
import type { Scenario } from "../scenario/schema.js";
import { parameterValueProblem } from "./definition.js";
import { PARAMETERS, parameterDef, parametersNamed, similarParameterIds } from "./registry.js";

/** Where a resolved value comes from. */
export type ParameterOrigin = "default" | "scenario" | "sample" | "override";

/** A parameter's resolved value, where it comes from, and the source to cite for it. */
export interface ResolvedParameterValue {
  value: number;
  origin: ParameterOrigin;
  /** The default's source; `<scenario source> (scenario parameter <id>)` when the scenario sets it; `override`. */
  source: string;
  /** The id of the scenario parameter that set it (its own id or an alias), when the scenario did. */
  scenarioId?: string;
}

/** Every registry parameter's resolved value, by id, in registry order. The one shape all models read. */
export type ResolvedParameters = ReadonlyMap<string, ResolvedParameterValue>;

/** An override, or a lookup, of an id the registry does not know. */
export class UnknownParameterError extends Error {
  constructor(
    readonly id: string,
    readonly suggestions: readonly string[],
  ) {
    super(
      `unknown parameter "${id}"${suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : ""} (docs/models.md lists every parameter)`,
    );
    this.name = "UnknownParameterError";
  }
}

export interface ResolveOptions {
  /** Values by registry id that win over the scenario's and the defaults (tests, sensitivity, `--set`).
   *  An id the registry does not know is an `UnknownParameterError`. */
  overrides?: Readonly<Record<string, number>>;
  /** Draw the scenario's parameters from their distributions instead of taking point estimates. */
  random?: Random;
}

/**
 * Resolve every model parameter for a scenario (see the file header).
 * @param scenario the validated scenario (undefined: code defaults only)
 * @example param(resolveParameters(scenario), "ground.rotation_factor") // 3 unless the scenario sets it
 */
export function resolveParameters(
  scenario: Pick<Scenario, "parameters"> | undefined,
  options: ResolveOptions = {},
): ResolvedParameters {
  const out = new Map<string, ResolvedParameterValue>();
  for (const d of PARAMETERS) out.set(d.id, { value: d.value, origin: "default", source: d.source });
  const declared = scenario?.parameters ?? [];
  // One value per declared parameter, drawn in file order, so that a draw depends only on the random stream.
  const values = declared.map((p) =>
    parametersNamed(p.id).length === 0
      ? Number.NaN
      : options.random
        ? sampleDistribution(p.distribution, options.random)
        : pointEstimate(p.distribution),
  );
  const origin: ParameterOrigin = options.random ? "sample" : "scenario";
  const set = (id: string, k: number) => {
    const p = declared[k]!;
    out.set(id, {
      value: values[k]!,
      origin,
      source: `${p.source} (scenario parameter ${p.id})`,
      scenarioId: p.id,
    });
  };
  // Aliases first, so that the registry's own id wins when a scenario gives both.
  declared.forEach((p, k) => {
    if (parameterDef(p.id)) return;
    for (const d of parametersNamed(p.id)) set(d.id, k);
  });
  declared.forEach((p, k) => {
    if (parameterDef(p.id)) set(p.id, k);
  });
  // A model's own spread (a calibration's residuals) is drawn for the parameters the scenario leaves alone.
  if (options.random)
    for (const d of PARAMETERS) {
      if (!d.distribution || out.get(d.id)!.origin !== "default") continue;
      out.set(d.id, {
        value: sampleDistribution(d.distribution, options.random),
        origin: "sample",
        source: d.source,
      });
    }
  for (const [id, value] of Object.entries(options.overrides ?? {})) {
    if (!parameterDef(id)) throw new UnknownParameterError(id, similarParameterIds(id));
    out.set(id, { value, origin: "override", source: "override" });
  }
  return out;
}

/**
 * One Monte-Carlo sample of every parameter: each distribution the scenario declares drawn once from `random`,
 * then each code default that has a distribution (`ParameterDef.distribution`) and is not set by the scenario,
 * the others at their defaults, overrides on top. The same shape as `resolveParameters`.
 * @example sampleParameters(scenario, mulberry32(7)).get("ground.rotation_factor")?.origin // "sample"
 */
export function sampleParameters(
  scenario: Pick<Scenario, "parameters"> | undefined,
  random: Random,
  options: Omit<ResolveOptions, "random"> = {},
): ResolvedParameters {
  return resolveParameters(scenario, { ...options, random });
}

let defaults: ResolvedParameters | undefined;

/** The code defaults of every parameter (resolved once). */
export function defaultParameters(): ResolvedParameters {
  defaults ??= resolveParameters(undefined);
  return defaults;
}

/**
 * The value of one resolved parameter. An id outside the registry is a bug in the caller, not bad input.
 * @example param(resolveParameters(scenario), "air.standoff_km") // 100
 */
export function param(params: ResolvedParameters, id: string): number {
  const p = params.get(id);
  if (!p) throw new UnknownParameterError(id, similarParameterIds(id));
  return p.value;
}

/** The scenario parameters that no model reads (neither a registry id nor an alias): facts kept for people. */
export function informationalParameters(scenario: Pick<Scenario, "parameters">): string[] {
  return scenario.parameters.filter((p) => parametersNamed(p.id).length === 0).map((p) => p.id);
}

/**
 * A scenario's parameters that a model reads with a value it cannot bear (see `parameterRange`): every bound of
 * the distribution (its value, min, mode, max or median) must be in range. Paths point at the distribution.
 * @example scenarioParameterProblems(scenario) // [[["parameters", 3, "distribution"], "expected a number from …"]]
 */
export function scenarioParameterProblems(
  scenario: Pick<Scenario, "parameters">,
): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  scenario.parameters.forEach((p, i) => {
    const d = p.distribution;
    const bounds =
      d.kind === "point"
        ? [d.value]
        : d.kind === "lognormal"
          ? [d.median]
          : d.kind === "uniform"
            ? [d.min, d.max]
            : [d.min, d.mode, d.max];
    for (const def of parametersNamed(p.id)) {
      const problem = bounds.map((v) => parameterValueProblem(def, v)).find((x) => x !== undefined);
      if (problem) {
        out.push([["parameters", i, "distribution"], problem]);
        break;
      }
    }
  });
  return out;
}
