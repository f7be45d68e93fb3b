/**
 * Model parameters: definitions with code defaults and sources, resolved against a scenario's `parameters` by id
 * (the point estimate of each distribution), with explicit overrides on top. The machinery the military models
 * (src/models/parameters.ts) and the deterrence model (src/deterrence/params.ts) share; each keeps its own
 * table of definitions.
 */
import type { Distribution, Scenario } from "./schema.js";

/** One parameter of a model: its code default and where that default comes from. */
export interface ParameterDef {
  id: string;
  /** The code default, used when the scenario does not set the parameter. */
  value: number;
  unit: string;
  description: string;
  /** Where the default comes from; starts with `judgement` when no published figure supports it. */
  source: string;
  /** True when the default is a judgement rather than a published figure. */
  judgement?: boolean;
  /** Other ids a scenario may use for the same quantity (the flagship's own names). */
  aliases?: readonly string[];
}

/** The arguments of a table's `def(...)` builder: the common fields, then one table-specific extra. */
export type ParameterDefArgs<Extra> = [
  id: string,
  value: number,
  unit: string,
  description: string,
  source: string,
  extra?: Extra,
];

/** Where a resolved value comes from. */
export type ParameterOrigin = "default" | "scenario" | "override";

/** A parameter's resolved value, where it comes from, and the source to cite for it. */
export interface ResolvedParameterValue {
  value: number;
  origin: ParameterOrigin;
  /** The default's source; `<scenario source> (scenario parameter <id>)` when the scenario sets it; `override`. */
  source: string;
}

/** The point estimate of a distribution: value, mode, median, or the middle of a uniform. */
export function pointEstimate(d: Distribution): number {
  switch (d.kind) {
    case "point":
      return d.value;
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
    case "pert":
      return d.mode;
    case "lognormal":
      return d.median;
  }
}

/**
 * The point estimate of every parameter a scenario sets, by id.
 * @example scenarioParameterValues(scenario).get("rotation_factor") // 3 for `{ kind: point, value: 3 }`
 */
export function scenarioParameterValues(
  scenario: Pick<Scenario, "parameters"> | undefined,
): Map<string, number> {
  return new Map((scenario?.parameters ?? []).map((p) => [p.id, pointEstimate(p.distribution)]));
}

/** How `resolveParameterTable` treats an override whose id is not in the table. */
export interface ResolveTableOptions {
  /** Called with such an id (it may throw); without it the override is ignored. */
  onUnknownOverride?: (id: string) => void;
}

/**
 * Resolve every parameter of a table, in table order: an explicit override first, then the scenario's own
 * value (by id, else by one of the aliases), then the code default.
 * @param defs the model's table of definitions
 * @param scenario the validated scenario (undefined: code defaults only)
 * @param overrides values by id that win over both (tests, sensitivity runs, Monte-Carlo draws)
 * @example resolveParameterTable(MODEL_PARAMETERS, scenario).get("ground.rotation_factor") // { value: 3, … }
 */
export function resolveParameterTable(
  defs: readonly ParameterDef[],
  scenario: Pick<Scenario, "parameters"> | undefined,
  overrides: Readonly<Record<string, number>> = {},
  options: ResolveTableOptions = {},
): Map<string, ResolvedParameterValue> {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const byAlias = new Map(defs.flatMap((d) => (d.aliases ?? []).map((a) => [a, d] as const)));
  const out = new Map<string, ResolvedParameterValue>();
  for (const d of defs) out.set(d.id, { value: d.value, origin: "default", source: d.source });
  const fromScenario = (p: Scenario["parameters"][number]): ResolvedParameterValue => ({
    value: pointEstimate(p.distribution),
    origin: "scenario",
    source: `${p.source} (scenario parameter ${p.id})`,
  });
  // Aliases first, so that the model's own id wins when a scenario gives both.
  for (const p of scenario?.parameters ?? []) {
    const d = byAlias.get(p.id);
    if (d) out.set(d.id, fromScenario(p));
  }
  for (const p of scenario?.parameters ?? []) if (byId.has(p.id)) out.set(p.id, fromScenario(p));
  for (const [id, value] of Object.entries(overrides)) {
    if (byId.has(id)) out.set(id, { value, origin: "override", source: "override" });
    else options.onUnknownOverride?.(id);
  }
  return out;
}
