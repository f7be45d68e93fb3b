/**
 * The precedent library's format: real missions with their sizes and geometry, kept apart from any scenario
 * (`data/precedents/*.yaml`). The sizing models are fitted on it and cross-validated against it
 * (`src/models/calibration/`). Every figure carries a source declared in the same file.
 */
import { z } from "zod";
import { Confidence, Id, Source } from "../scenario/schema.js";

/** Mission types the sizing models know: the scenario's ground missions plus stabilisation by area. */
export const SIZING_MISSIONS = [
  "observation",
  "interposition",
  "stabilisation",
  "reassurance",
  "tripwire",
  "defence",
] as const;
export type SizingMission = (typeof SIZING_MISSIONS)[number];

/** How a ground force is armed and mandated (docs/models/military.md, section 1). */
export const POSTURES = ["unarmed", "light", "robust"] as const;
export type Posture = (typeof POSTURES)[number];

/** A source of the library. The library is not a dated snapshot (no asOf), so its dates are as the pages give
 *  them: `YYYY[-MM[-DD]]`, `c. YYYY` for an approximate one, or `undated`; scenarios check theirs strictly. */
export const LibrarySource = Source.extend({
  date: z
    .string()
    .min(1)
    .describe("publication date as precise as known: YYYY-MM-DD, YYYY-MM, YYYY, c. YYYY, or undated"),
});
export type LibrarySource = z.infer<typeof LibrarySource>;

/** A figure of the library: a value, its source, and how far it can be trusted. */
export const Figure = z.strictObject({
  value: z.number().positive(),
  source: Id,
  confidence: Confidence.optional().describe("1 documented fact … 0.3 weak source; absent: a good source"),
  asOf: z.string().optional().describe("the date the figure describes"),
  counts: z.string().optional().describe("what the figure counts"),
  year: z.number().int().optional().describe("for a population: the year of the estimate"),
  note: z.string().optional(),
});
export type Figure = z.infer<typeof Figure>;

const Years = z.strictObject({ start: z.number().int(), end: z.number().int().optional() });

/** A ground mission: its mission type and posture, strength and geometry. */
export const GroundPrecedent = z.strictObject({
  id: Id,
  name: z.string().min(1),
  years: Years,
  mission: z.enum(SIZING_MISSIONS),
  posture: z.enum(POSTURES),
  mandate: z.string().min(1).describe("what it was mandated to do, and why it has this mission and posture"),
  strength: Figure.describe("uniformed personnel (or monitors) deployed"),
  lineKm: Figure.optional(),
  areaKm2: Figure.optional(),
  population: Figure.optional(),
  sites: Figure.optional(),
  excluded: z
    .string()
    .min(1)
    .optional()
    .describe("why the models are not fitted on it (a planned force, no geometry of its own …)"),
  note: z.string().optional(),
});
export type GroundPrecedent = z.infer<typeof GroundPrecedent>;

/** An air-policing detachment: aircraft held at one or more bases to police an area on quick-reaction alert. */
export const AirPrecedent = z.strictObject({
  id: Id,
  name: z.string().min(1),
  years: Years,
  kind: z.literal("qra"),
  areaKm2: Figure.describe("area policed"),
  bases: Figure.describe("bases holding aircraft on alert"),
  aircraft: Figure.optional().describe("aircraft deployed at those bases"),
  alertAircraft: Figure.optional().describe("aircraft held on alert at once"),
  launchMinutes: Figure.optional().describe("time from the order to launch"),
  personnel: Figure.optional(),
  excluded: z.string().min(1).optional(),
  note: z.string().optional(),
});
export type AirPrecedent = z.infer<typeof AirPrecedent>;

/** One file of the library: its sources and its missions. */
export const PrecedentFile = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  sources: z.array(LibrarySource).min(1),
  ground: z.array(GroundPrecedent).default([]),
  air: z.array(AirPrecedent).default([]),
});
export type PrecedentFile = z.infer<typeof PrecedentFile>;

/** The whole library: every file's missions, with the sources of each. */
export interface PrecedentLibrary {
  sources: ReadonlyMap<string, LibrarySource>;
  ground: readonly GroundPrecedent[];
  air: readonly AirPrecedent[];
}
