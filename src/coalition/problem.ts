/**
 * The standalone force-generation problem: requirements, contributors with capacities, costs and willingness
 * conditions, and an objective. `guarantor coalition --problem p.json` reads it; `coalitionProblemForScheme`
 * builds the same structure from a scenario and a scheme.
 */
import { z } from "zod";
import { cappedErrors, type Diagnostic, type Result } from "../scenario/diagnostics.js";
import { Id, MAX_COUNT, MAX_USD_M, Num } from "../scenario/schema.js";
import { parseYaml, type YamlLimits } from "../scenario/yaml.js";
import { schemaDiagnostics } from "../scenario/zod-diagnostics.js";

export const COALITION_OBJECTIVES = ["min-cost", "fair", "fewest"] as const;
/** `min-cost`: cheapest; `fair`: cost shares closest to GDP shares; `fewest`: fewest contributors. */
export const CoalitionObjective = z.enum(COALITION_OBJECTIVES);
export type CoalitionObjective = z.infer<typeof CoalitionObjective>;

const conditionMeta = {
  id: Id.optional().describe("a name for the condition, shown in gap reasons"),
  note: z.string().optional().describe("why, or where it comes from; shown in gap reasons"),
};

/** A willingness condition of one contributor. */
export const CoalitionCondition = z.discriminatedUnion("kind", [
  z
    .strictObject({
      kind: z.literal("requires"),
      actor: Id,
      capability: Id,
      min: Num.int().min(1).max(MAX_COUNT),
      ...conditionMeta,
    })
    .describe("takes part only if `actor` provides at least `min` units of `capability`"),
  z
    .strictObject({
      kind: z.literal("maxShare"),
      capability: Id,
      share: Num.min(0).max(1),
      ...conditionMeta,
    })
    .describe("provides at most `share` × the requirement of `capability`"),
  z
    .strictObject({ kind: z.literal("never"), capability: Id.optional(), ...conditionMeta })
    .describe("never provides `capability` (or anything, when no capability is given)"),
]);
export type CoalitionCondition = z.infer<typeof CoalitionCondition>;

export const CoalitionContributor = z.strictObject({
  id: Id,
  name: z.string().optional(),
  capacity: z
    .record(Id, Num.int().min(0).max(MAX_COUNT))
    .default({})
    .describe("units it can provide per capability; a capability left out is 0"),
  unitCost: z.record(Id, Num.min(0).max(MAX_USD_M)).default({}).describe("cost of one unit per capability"),
  fixedCost: Num.min(0)
    .max(MAX_USD_M)
    .default(0)
    .describe("paid once by a contributor that provides any unit"),
  gdp: Num.gt(0)
    .max(MAX_USD_M)
    .optional()
    .describe("economic weight for the `fair` objective (any unit, e.g. USD bn)"),
  conditions: z.array(CoalitionCondition).default([]),
});
export type CoalitionContributor = z.infer<typeof CoalitionContributor>;

export const CoalitionProblem = z.strictObject({
  requirements: z.record(Id, Num.min(0).max(MAX_COUNT)).describe("units needed per capability"),
  contributors: z.array(CoalitionContributor),
  objective: CoalitionObjective.default("min-cost"),
  costUnit: z.string().optional().describe("unit of unitCost and fixedCost, e.g. 'USD M/year'"),
});
export type CoalitionProblem = z.infer<typeof CoalitionProblem>;
/** The problem as written in a file, before defaults are filled in. */
export type CoalitionProblemInput = z.input<typeof CoalitionProblem>;

type Path = (string | number)[];

/**
 * Checks the schema cannot express: duplicate ids, `requires` naming an unknown contributor, capacity
 * without a unit cost, GDP missing under the `fair` objective.
 * @returns pairs of (field path, message); empty when the problem is sound.
 */
export function coalitionProblemErrors(p: CoalitionProblem): [Path, string][] {
  const errors: [Path, string][] = [];
  const ids = new Map<string, number>();
  p.contributors.forEach((c, i) => {
    const prev = ids.get(c.id);
    if (prev !== undefined)
      errors.push([
        ["contributors", i, "id"],
        `duplicate contributor id "${c.id}" (first at contributors[${prev}])`,
      ]);
    else ids.set(c.id, i);
  });
  p.contributors.forEach((c, i) => {
    for (const [cap, units] of Object.entries(c.capacity))
      if (units > 0 && c.unitCost[cap] === undefined)
        errors.push([
          ["contributors", i, "capacity", cap],
          `no unit cost for "${cap}"; add unitCost.${cap} (0 if it is free)`,
        ]);
    c.conditions.forEach((w, wi) => {
      if (w.kind === "requires" && !ids.has(w.actor))
        errors.push([
          ["contributors", i, "conditions", wi, "actor"],
          `unknown contributor "${w.actor}"; contributors: ${[...ids.keys()].join(", ")}`,
        ]);
    });
    if (p.objective === "fair" && c.gdp === undefined)
      errors.push([
        ["contributors", i],
        `missing "gdp": the fair objective compares each contributor's cost share with its GDP share`,
      ]);
  });
  return errors;
}

/**
 * Parse and validate a standalone problem (JSON, or YAML: JSON is read by the YAML parser, which keeps the
 * line and column of every field).
 * @param text the file's text
 * @param file the name used in error messages
 * @param options `limits`: bounds on the text (size, nesting, aliases; `DEFAULT_YAML_LIMITS` when absent)
 * @example const r = parseCoalitionProblem('{"requirements": {"troops": 5}, "contributors": []}', "p.json")
 */
export function parseCoalitionProblem(
  text: string,
  file = "problem.json",
  options: { limits?: Partial<YamlLimits> } = {},
): Result<CoalitionProblem> {
  const parsed = parseYaml(text, file, options.limits);
  if (!parsed.ok) return parsed;
  const { data, locate } = parsed.value;
  const at = (path: Path, message: string): Diagnostic => ({ file, path, position: locate(path), message });
  const result = CoalitionProblem.safeParse(data);
  if (!result.success)
    return { ok: false, errors: schemaDiagnostics(result.error.issues, data, file, locate) };
  const found = coalitionProblemErrors(result.data);
  const errors = cappedErrors(file, found, at, locate);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: result.data };
}
