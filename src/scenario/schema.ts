/**
 * The scenario format: the single source of truth. TypeScript types are inferred from these zod schemas,
 * and `schema/scenario.schema.json` is generated from them (see `scenarioJsonSchema`).
 *
 * Everything here is data. Predicates are declarative trees (all/any/not, comparisons); nothing is ever
 * evaluated as code.
 */
import { z } from "zod";
import {
  BUILT_IN_NAMES,
  CAPABILITIES,
  MAGNITUDE_MESSAGE,
  MAX_AREA_KM2,
  MAX_COUNT,
  MAX_LENGTH_KM,
  MAX_MAGNITUDE,
  MAX_OPTIONS_PER_DIMENSION,
  MAX_POPULATION,
  MAX_USD_M,
  MIN_MAGNITUDE,
} from "./bounds.js";
import { GROUND_MISSIONS } from "./reserved.js";

export * from "./bounds.js";

/** Identifiers: letters, digits, `_`, `-` and `.`; they appear in CLI flags (`dim=option`) and JSON keys. */
export const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, "expected an identifier (a letter, then letters, digits, _ . -)")
  .max(200)
  .refine((s) => !BUILT_IN_NAMES.has(s), {
    message:
      "is a built-in name of JavaScript objects (constructor, toString, valueOf, …); choose another name",
  });

/** A number the models can bear: finite, and 0 or of a size from `MIN_MAGNITUDE` to `MAX_MAGNITUDE`. */
export const Num = z
  .number()
  .refine((v) => v === 0 || (Math.abs(v) >= MIN_MAGNITUDE && Math.abs(v) <= MAX_MAGNITUDE), {
    message: MAGNITUDE_MESSAGE,
  });

/** `Sourced` with its value within [0, max], named `id` in the JSON Schema. */
function sourcedIn(id: string, max: number, description: string) {
  return Sourced.extend({ value: Num.min(0).max(max) }).meta({ id, description });
}

/** A confidence in [0, 1]: how much weight the source can bear (1 = documented fact, 0.3 = weak). */
export const Confidence = Num.min(0).max(1);

/** A probability distribution of an uncertain number (parameters, judgements). Its point estimate is the
 *  value, the mode, the median, or the middle of a uniform. */
export const Distribution = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("point"), value: Num }),
    z.strictObject({ kind: z.literal("uniform"), min: Num, max: Num }),
    z.strictObject({ kind: z.literal("triangular"), min: Num, mode: Num, max: Num }),
    z.strictObject({ kind: z.literal("pert"), min: Num, mode: Num, max: Num }),
    z.strictObject({ kind: z.literal("lognormal"), median: Num, sigma: Num }),
  ])
  .meta({ id: "Distribution" });
export type Distribution = z.infer<typeof Distribution>;

/** A number with its source: every fact and judgement in a scenario file carries one. A judgement may say how
 *  uncertain it is with a `distribution` whose point estimate is `value`. */
export const Sourced = z
  .strictObject({
    value: Num,
    source: Id,
    confidence: Confidence.optional(),
    distribution: Distribution.optional().describe(
      "uncertainty about the value (Monte Carlo draws from it); its point estimate must equal `value`",
    ),
    note: z.string().optional(),
  })
  .meta({ id: "Sourced" });
export type Sourced = z.infer<typeof Sourced>;

/** `Sourced` values within the ranges of what they measure. */
export const SourcedShare = sourcedIn("SourcedShare", 1, "a share, probability or utility in [0, 1]");
export const SourcedCount = sourcedIn("SourcedCount", MAX_COUNT, "a count of units, people or sites");
export const SourcedUsdM = sourcedIn("SourcedUsdM", MAX_USD_M, "millions of USD");
export const SourcedUsdBn = sourcedIn("SourcedUsdBn", MAX_USD_M / 1000, "billions of USD");
export const SourcedLengthKm = sourcedIn("SourcedLengthKm", MAX_LENGTH_KM, "a length on Earth, km");
export const SourcedAreaKm2 = sourcedIn("SourcedAreaKm2", MAX_AREA_KM2, "an area on Earth, km²");
export const SourcedPopulation = sourcedIn("SourcedPopulation", MAX_POPULATION, "a population");

export const SourceKind = z.enum(["news", "official", "analysis", "dataset", "academic", "judgement"]);

/** A calendar date as precise as the source gives it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected a date YYYY-MM-DD, YYYY-MM or YYYY")
  .meta({ id: "PartialDate" });

/** A period: one partial date (the whole of it) or `start/end` (ISO 8601 interval), e.g. `1995-12/1996-12`. */
export const Period = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/,
    "expected a period: YYYY[-MM[-DD]] or start/end, e.g. 1995-12/1996-12",
  )
  .meta({ id: "Period" });

export const Source = z
  .strictObject({
    id: Id,
    kind: SourceKind.default("news"),
    title: z.string().min(1),
    publisher: z.string().optional(),
    author: z.string().optional(),
    date: PartialDate.describe(
      "publication date, as precise as known: YYYY-MM-DD, YYYY-MM or YYYY (validate warns when it may be after the scenario's asOf)",
    ),
    statementDate: PartialDate.optional().describe(
      "when the words were said or the document handed over, where that differs from the publication date",
    ),
    describes: Period.optional().describe(
      "historical background: the period this source describes, for a source published after the scenario's asOf about earlier events (YYYY[-MM[-DD]] or start/end); it must end on or before asOf",
    ),
    url: z.string().optional(),
    via: z.string().optional().describe("id of the source that reports this one, when it is second-hand"),
    note: z.string().optional(),
  })
  .meta({ id: "Source" });
export type Source = z.infer<typeof Source>;

export const LatLon = z
  .strictObject({
    lat: Num.min(-90).max(90),
    lon: Num.min(-180).max(180),
  })
  .meta({ id: "LatLon" });
export type LatLon = z.infer<typeof LatLon>;

// ---------------------------------------------------------------------------------------------------------
// Predicates over a scheme: the language of red lines, preferences, willingness and rules.

/** A scalar an attribute can hold. */
export const AttrValue = z.union([Num, z.boolean(), z.string()]).meta({ id: "AttrValue" });
export type AttrValue = z.infer<typeof AttrValue>;

export type Predicate =
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { not: Predicate }
  | { dim: string; is?: string | undefined; in?: string[] | undefined }
  | {
      attr: string;
      eq?: AttrValue | undefined;
      ne?: AttrValue | undefined;
      lt?: number | undefined;
      le?: number | undefined;
      gt?: number | undefined;
      ge?: number | undefined;
      in?: AttrValue[] | undefined;
    };

const DimTest = z
  .strictObject({ dim: Id, is: Id.optional(), in: z.array(Id).min(1).optional() })
  .refine((p) => (p.is === undefined) !== (p.in === undefined), {
    message: "a dimension test takes exactly one of `is` or `in`",
  });

const AttrTest = z
  .strictObject({
    attr: Id,
    eq: AttrValue.optional(),
    ne: AttrValue.optional(),
    lt: Num.optional(),
    le: Num.optional(),
    gt: Num.optional(),
    ge: Num.optional(),
    in: z.array(AttrValue).min(1).optional(),
  })
  .refine((p) => ["eq", "ne", "lt", "le", "gt", "ge", "in"].filter((k) => k in p).length === 1, {
    message: "an attribute test takes exactly one comparison: eq, ne, lt, le, gt, ge or in",
  });

export const Predicate: z.ZodType<Predicate> = z
  .lazy(() =>
    z.union([
      z.strictObject({ all: z.array(Predicate).min(1) }),
      z.strictObject({ any: z.array(Predicate).min(1) }),
      z.strictObject({ not: Predicate }),
      DimTest,
      AttrTest,
    ]),
  )
  .meta({ id: "Predicate" });

// ---------------------------------------------------------------------------------------------------------
// Theater

/** One piece of a territory: a country of the world-atlas data set, the polygon of a country that holds a
 *  point (Crimea lies in Russia's polygon there), or a polygon given in the file. */
export const TerritoryPart = z
  .union([
    z.strictObject({ country: z.string().describe("ISO 3166-1 numeric code as in world-atlas, e.g. '804'") }),
    z.strictObject({ countryPolygonContaining: z.strictObject({ country: z.string(), point: LatLon }) }),
    z.strictObject({ polygon: z.array(LatLon).min(3) }),
  ])
  .meta({ id: "TerritoryPart" });
export type TerritoryPart = z.infer<typeof TerritoryPart>;

export const Territory = z
  .strictObject({
    id: Id,
    name: z.string(),
    description: z.string().optional(),
    include: z.array(TerritoryPart).min(1),
    exclude: z.array(TerritoryPart).default([]),
    areaKm2: SourcedAreaKm2.optional().describe("the published area, to check the construction against"),
    source: Id,
  })
  .meta({ id: "Territory" });
export type Territory = z.infer<typeof Territory>;

export const Place = z
  .strictObject({
    id: Id,
    name: z.string(),
    kind: z.enum(["city", "port", "plant", "site"]).default("city"),
    location: LatLon,
    population: SourcedPopulation.optional(),
    source: Id,
  })
  .meta({ id: "Place" });
export type Place = z.infer<typeof Place>;

export const Airbase = z
  .strictObject({
    id: Id.describe("ICAO code"),
    name: z.string(),
    country: Id,
    location: LatLon,
    source: Id,
  })
  .meta({ id: "Airbase" });
export type Airbase = z.infer<typeof Airbase>;

export const Theater = z
  .strictObject({
    protectedState: Id.describe("actor id of the state the guarantee protects"),
    territories: z.array(Territory).min(1),
    contactLine: z.strictObject({
      lengthKm: SourcedLengthKm,
      polyline: z.array(LatLon).min(2).describe("approximate trace of the line, north to south"),
      source: Id,
    }),
    places: z.array(Place).default([]),
    airbases: z.array(Airbase).default([]),
  })
  .meta({ id: "Theater" });
export type Theater = z.infer<typeof Theater>;

// ---------------------------------------------------------------------------------------------------------
// Actors

export const Capability = z.enum(CAPABILITIES);
export type Capability = z.infer<typeof Capability>;

export const CapabilityLedger = z.partialRecord(Capability, SourcedCount).meta({ id: "CapabilityLedger" });
/** Yearly cost of one unit of each capability, millions of USD. */
export const UnitCostLedger = z.partialRecord(Capability, SourcedUsdM).meta({ id: "UnitCostLedger" });

/** Fields every willingness condition has: its id, where it comes from and how sure that is. */
const WILLINGNESS_COMMON = {
  id: Id,
  source: Id,
  confidence: Confidence.optional(),
  note: z.string().optional(),
};

export const Willingness = z
  .discriminatedUnion("kind", [
    z.strictObject({
      ...WILLINGNESS_COMMON,
      kind: z.literal("requires"),
      actor: Id,
      capability: Capability,
      min: Num.int().min(1).max(MAX_COUNT),
    }),
    z.strictObject({
      ...WILLINGNESS_COMMON,
      kind: z.literal("outsideProtectedStateOnly"),
      capability: Capability,
    }),
    z.strictObject({
      ...WILLINGNESS_COMMON,
      kind: z.literal("maxShare"),
      capability: Capability,
      share: Num.min(0).max(1),
    }),
    z.strictObject({
      ...WILLINGNESS_COMMON,
      kind: z.literal("never"),
      capability: Capability,
    }),
    z.strictObject({
      ...WILLINGNESS_COMMON,
      kind: z.literal("onlyIf"),
      capability: Capability.optional().describe("when given, only this capability is conditional"),
      when: Predicate.describe(
        "the actor takes part (or provides `capability`) only in schemes where this holds",
      ),
    }),
  ])
  .meta({ id: "Willingness" });
export type Willingness = z.infer<typeof Willingness>;

/** The party's own words, verbatim from the stance's source (translations as the source gives them). */
const Quote = z
  .string()
  .min(1)
  .describe("the verbatim words of the party (or its document) in the cited source, for reports to show");

export const RedLine = z
  .strictObject({
    id: Id,
    description: z.string(),
    forbid: Predicate.describe("the party rejects every scheme where this holds"),
    quote: Quote.optional(),
    source: Id,
    confidence: Confidence.optional(),
  })
  .meta({ id: "RedLine" });
export type RedLine = z.infer<typeof RedLine>;

/** A weighted preference. Either numeric (an attribute mapped linearly from `range` onto [0, 1], reversed
 *  when lower is better) or boolean (1 when the predicate holds, else 0). */
export const Preference = z
  .union([
    z.strictObject({
      id: Id,
      description: z.string().optional(),
      weight: Num.min(0).max(1e6),
      weightDistribution: Distribution.optional().describe(
        "uncertainty about the weight; point estimate = weight",
      ),
      attr: Id,
      better: z.enum(["higher", "lower"]),
      range: z.tuple([Num, Num]),
      quote: Quote.optional(),
      source: Id,
      confidence: Confidence.optional(),
    }),
    z.strictObject({
      id: Id,
      description: z.string().optional(),
      weight: Num.min(0).max(1e6),
      weightDistribution: Distribution.optional().describe(
        "uncertainty about the weight; point estimate = weight",
      ),
      when: Predicate,
      quote: Quote.optional(),
      source: Id,
      confidence: Confidence.optional(),
    }),
  ])
  .meta({ id: "Preference" });
export type Preference = z.infer<typeof Preference>;

export const Stance = z
  .strictObject({
    redLines: z.array(RedLine).default([]),
    preferences: z.array(Preference).default([]),
    reservation: SourcedShare.describe("utility in [0, 1] the party expects without a deal"),
    power: SourcedShare.describe("relative capability to shape the outcome, in [0, 1]"),
    salience: SourcedShare.describe("how much the issue matters to the party, in [0, 1]"),
  })
  .meta({ id: "Stance" });
export type Stance = z.infer<typeof Stance>;

export const Actor = z
  .strictObject({
    id: Id,
    name: z.string(),
    kind: z.enum(["state", "group", "organisation"]).default("state"),
    members: z.array(z.string()).optional().describe("for a group: the states it stands for"),
    nato: z.boolean().default(false),
    gdpUsdBn: SourcedUsdBn.optional(),
    capabilities: CapabilityLedger.default({}),
    unitCostUsdMPerYear: UnitCostLedger.default({}).describe(
      "yearly cost of one unit of each capability, millions of USD",
    ),
    fixedCostUsdMPerYear: SourcedUsdM.optional().describe(
      "paid once a year by a contributor that provides anything",
    ),
    willingness: z.array(Willingness).default([]),
    stance: Stance.optional().describe("present for the parties whose acceptance a scheme needs"),
  })
  .meta({ id: "Actor" });
export type Actor = z.infer<typeof Actor>;

// ---------------------------------------------------------------------------------------------------------
// The morphological field

export const AttributeDecl = z
  .strictObject({
    type: z.enum(["number", "boolean", "string"]),
    default: AttrValue,
    unit: z.string().optional(),
    description: z.string().optional(),
  })
  .meta({ id: "AttributeDecl" });
export type AttributeDecl = z.infer<typeof AttributeDecl>;

/** Who may provide a capability when an option is chosen (for example "non-NATO states only"). */
export const ProviderRestriction = z
  .strictObject({
    only: z.array(Id).min(1).optional().describe("only these actors may provide it"),
    exclude: z.array(Id).min(1).optional().describe("these actors may not provide it"),
    natoMembers: z
      .boolean()
      .optional()
      .describe("false: NATO members may not provide it; true: only NATO members"),
  })
  .meta({ id: "ProviderRestriction" });
export type ProviderRestriction = z.infer<typeof ProviderRestriction>;

export const Option = z
  .strictObject({
    id: Id,
    label: z.string().optional(),
    description: z.string().optional(),
    attributes: z.record(Id, AttrValue).default({}),
    providers: z
      .partialRecord(Capability, ProviderRestriction)
      .default({})
      .describe("restrictions on who provides each capability in schemes with this option"),
    proposedBy: z.array(z.strictObject({ actor: Id.optional(), source: Id })).default([]),
    source: Id.optional(),
  })
  .meta({ id: "Option" });
export type Option = z.infer<typeof Option>;

export const Dimension = z
  .strictObject({
    id: Id,
    label: z.string().optional(),
    description: z.string().optional(),
    attributes: z
      .record(Id, AttributeDecl)
      .default({})
      .describe("the attributes this dimension's options set"),
    options: z.array(Option).min(1).max(MAX_OPTIONS_PER_DIMENSION),
  })
  .meta({ id: "Dimension" });
export type Dimension = z.infer<typeof Dimension>;

/** A set of options per dimension. A scheme matches when, for every dimension named, its option is in the set. */
export const OptionSelector = z.record(Id, z.union([Id, z.array(Id).min(1)])).meta({ id: "OptionSelector" });
export type OptionSelector = z.infer<typeof OptionSelector>;

export const Rule = z
  .union([
    z.strictObject({
      id: Id,
      forbid: OptionSelector.describe("schemes that match on every dimension named are inconsistent"),
      reason: z.string().min(1),
      source: Id.optional(),
    }),
    z.strictObject({
      id: Id,
      if: OptionSelector,
      then: OptionSelector.describe(
        "exactly one dimension: when `if` matches, its option must be one of these",
      ),
      reason: z.string().min(1),
      source: Id.optional(),
    }),
  ])
  .meta({ id: "Rule" });
export type Rule = z.infer<typeof Rule>;

// ---------------------------------------------------------------------------------------------------------
// Parameters

export const Parameter = z
  .strictObject({
    id: Id,
    description: z.string().optional(),
    unit: z.string(),
    distribution: Distribution,
    source: Id,
    confidence: Confidence.optional(),
  })
  .meta({ id: "Parameter" });
export type Parameter = z.infer<typeof Parameter>;

// ---------------------------------------------------------------------------------------------------------
// Precedents

export const MissionType = z.enum(GROUND_MISSIONS);
export type MissionType = z.infer<typeof MissionType>;

export const Precedent = z
  .strictObject({
    id: Id,
    name: z.string(),
    kind: z.enum(["mission", "guarantee"]),
    years: z.string(),
    mission: MissionType.optional(),
    mandate: z.string().optional(),
    personnel: SourcedCount.optional().describe("the real size: uniformed personnel or monitors deployed"),
    lineKm: SourcedLengthKm.optional(),
    areaKm2: SourcedAreaKm2.optional(),
    sites: SourcedCount.optional(),
    costUsdMPerYear: SourcedUsdM.optional(),
    terms: z.string().optional().describe("for a guarantee: what was promised"),
    source: Id,
  })
  .meta({ id: "Precedent" });
export type Precedent = z.infer<typeof Precedent>;

// ---------------------------------------------------------------------------------------------------------

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  id: Id,
  title: z.string(),
  description: z.string().optional(),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
    .describe("the date the scenario describes, YYYY-MM-DD: nothing published later belongs in it"),
  currency: z.strictObject({ code: z.literal("USD"), year: Num.int() }),
  sources: z.array(Source).min(1),
  theater: Theater,
  actors: z.array(Actor).min(1),
  dimensions: z.array(Dimension).min(1),
  rules: z.array(Rule).default([]),
  parameters: z.array(Parameter).default([]),
  precedents: z.array(Precedent).default([]),
});
export type Scenario = z.infer<typeof Scenario>;
/** The scenario as written in a file, before defaults are filled in. */
export type ScenarioInput = z.input<typeof Scenario>;

/** The JSON Schema of the scenario format, for editors (`schema/scenario.schema.json`). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    ...schema,
    $id: "https://github.com/guarantor/guarantor/schema/scenario.schema.json",
    title: "Guarantor scenario",
  };
}
