/**
 * The API's request and response schemas (zod): the validator checks requests with them, the serializer
 * writes responses through them, and the OpenAPI description is generated from them. Every request object is
 * strict: an unknown field is an error naming it.
 */
import { z } from "zod";
import { COALITION_OBJECTIVES } from "../coalition/index.js";
import { AIRCRAFT } from "../parameters/index.js";

/** A scenario's content address: SHA-256 of its canonical text. */
export const ScenarioHash = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "expected 64 lower-case hex digits")
  .describe("SHA-256 of the scenario's canonical text");
/** A scenario reference: its hash, or its name (the latest version, or `version`). */
export const ScenarioRef = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, "expected a scenario hash or name (letters, digits, _ . -)")
  .describe("the scenario's hash, or its name (the `id` in the file)");
export const RunId = z
  .string()
  .regex(/^r[0-9a-f]{16}$/, 'expected "r" and 16 hex digits')
  .describe("a run's id");

export const Objective = z.enum(COALITION_OBJECTIVES).describe("coalition objective");

const Where = z
  .union([
    z.string().max(4000).describe('"dim=option,..." as on the command line'),
    z.record(z.string().max(200), z.string().max(200)).describe("{ dimension: option }"),
  ])
  .describe("only the schemes with these options (`--where`)");
const Settings = z
  .array(z.string().max(2000))
  .max(200)
  .describe(
    'model parameters by id and scenario values by path, each "id=value" (`--set`), applied in order',
  );
const Scheme = z.string().min(1).max(4000).describe('a full scheme: "dim=option,..." with every dimension');

export const ScenarioQuery = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe("a version of the named scenario"),
});

export const StartAnalysis = z
  .strictObject({
    scenario: ScenarioRef,
    version: z.number().int().min(1).optional().describe("a version of the named scenario"),
    where: Where.optional(),
    objective: Objective.optional().describe("coalition objective (default min-cost)"),
    set: Settings.optional(),
    samples: z.number().int().min(1).optional().describe("Monte-Carlo draws over the uncertain inputs"),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional()
      .describe("seed of the draws (default 20250820); only with samples"),
  })
  .meta({ id: "StartAnalysis" });

const OneScheme = {
  version: z.number().int().min(1).optional().describe("a version of the named scenario"),
};
export const ExplainRequest = z
  .strictObject({
    ...OneScheme,
    scheme: Scheme,
    fighter: z
      .enum(Object.keys(AIRCRAFT).filter((id) => AIRCRAFT[id]!.role === "fighter") as [string, ...string[]])
      .optional()
      .describe("fighter flying the patrols (default F-16)"),
    territory: z.string().max(200).optional().describe("territory for the coverage share"),
    set: Settings.optional(),
  })
  .meta({ id: "ExplainRequest" });
export const CoalitionRequest = z
  .strictObject({ ...OneScheme, scheme: Scheme, objective: Objective.optional() })
  .meta({ id: "CoalitionRequest" });
export const MechanismRequest = z
  .strictObject({
    ...OneScheme,
    scheme: Scheme,
    compare: z
      .string()
      .min(1)
      .max(4000)
      .optional()
      .describe("a second scheme, or the dimensions that change"),
    coalition: z.boolean().optional().describe("name each step's actors from the coalition model"),
    set: Settings.optional(),
  })
  .meta({ id: "MechanismRequest" });
export const ConsensusRequest = z
  .strictObject({
    ...OneScheme,
    where: Where.optional(),
    top: z.number().int().min(1).max(1000).optional().describe("best schemes shown (default 3)"),
    sets: z.number().int().min(1).max(1000).optional().describe("concession sets shown (default 5)"),
    set: Settings.optional(),
  })
  .meta({ id: "ConsensusRequest" });

export const ErrorBody = z
  .object({
    error: z.string().describe("what went wrong, in one sentence"),
    diagnostics: z
      .array(
        z.object({
          file: z.string(),
          line: z.number().optional(),
          col: z.number().optional(),
          path: z.string().describe("field path: actors[3].capabilities.troops"),
          message: z.string(),
          severity: z.enum(["error", "warning"]),
          text: z.string().describe("the message as the CLI prints it: file:line:col path: message"),
        }),
      )
      .optional()
      .describe("located problems of a scenario or setting"),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe("fields of the request that do not match its schema"),
    schemes: z.number().int().optional().describe("consistent schemes the request covers (over the limit)"),
    maxSchemes: z.number().int().optional().describe("the server's limit on schemes per request"),
  })
  .meta({ id: "Error" });

export const Scenario = z
  .object({
    id: ScenarioHash,
    name: z.string(),
    version: z.number().int(),
    title: z.string(),
    createdAt: z.string().describe("ISO 8601"),
  })
  .meta({ id: "Scenario" });
export const ScenarioWithText = Scenario.extend({ text: z.string().describe("the text as uploaded") }).meta({
  id: "ScenarioWithText",
});
export const ScenarioSummary = Scenario.extend({ versions: z.number().int() }).meta({
  id: "ScenarioSummary",
});
export const Uploaded = Scenario.extend({
  created: z.boolean().describe("false when the same canonical text was already stored"),
  warnings: ErrorBody.shape.diagnostics.unwrap(),
}).meta({ id: "Uploaded" });

export const RunStatus = z.enum(["queued", "running", "done", "failed", "cancelled"]);
export const Run = z
  .object({
    id: RunId,
    scenario: ScenarioHash,
    status: RunStatus,
    options: z.record(z.string(), z.unknown()).describe("the options as run, canonical"),
    seed: z.number().nullable(),
    toolVersion: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    durationMs: z.number().nullable(),
    progress: z.object({ done: z.number(), total: z.number() }).nullable(),
    error: z.string().nullable(),
    cached: z.boolean().describe("served from the store: a finished run with the same key"),
  })
  .meta({ id: "Run" });

export const RunDiff = z
  .object({
    a: RunId,
    b: RunId,
    options: z.array(z.object({ path: z.string(), a: z.unknown(), b: z.unknown() })),
    focus: z.array(z.object({ path: z.string(), a: z.unknown(), b: z.unknown() })),
    parts: z.array(
      z.object({
        part: z.string(),
        changed: z.boolean(),
        changes: z.array(z.object({ path: z.string(), a: z.unknown(), b: z.unknown() })),
        more: z.number().int(),
      }),
    ),
    changed: z
      .array(z.string())
      .describe("the parts with any change: counts, the eight answers, uncertainty"),
  })
  .meta({ id: "RunDiff" });

export const Health = z
  .object({
    ok: z.literal(true),
    version: z.string(),
    schema: z.number().int().describe("the store's schema version"),
  })
  .meta({ id: "Health" });
