/**
 * The flagship scenario (scenarios/ukraine-2025-08.yaml): checks a reader can repeat by hand against the seed
 * article and docs/scenario-ukraine-2025-08.md.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { geoContains } from "d3-geo";
import fc from "fast-check";
import type { Feature, Polygon } from "geojson";
import * as topojson from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { MILITARY_PARAMETERS } from "../../src/parameters/index.js";
import {
  type CompiledScenario,
  compileScenario,
  evaluatePredicate,
  isConsistent,
  numericAttribute,
  predicateDimensions,
  type Scheme,
} from "../../src/scenario/compile.js";
import { dateRange } from "../../src/scenario/dates.js";
import { formatDiagnostic } from "../../src/scenario/diagnostics.js";
import type { Predicate, Preference, Scenario, Sourced } from "../../src/scenario/schema.js";
import { loadScenario } from "../../src/scenario/validate.js";
import { ROOT } from "../helpers.js";

const FILE = join(ROOT, "scenarios", "ukraine-2025-08.yaml");
const TEXT = readFileSync(FILE, "utf8");
const GUIDE = readFileSync(join(ROOT, "docs", "scenario-ukraine-2025-08.md"), "utf8");
const loaded = loadScenario(TEXT, "scenarios/ukraine-2025-08.yaml");
if (!loaded.ok) throw new Error(loaded.errors.map(formatDiagnostic).join("\n"));
const s: Scenario = loaded.value;
const c: CompiledScenario = compileScenario(s);

/** The guarantee's fifteen dimensions and the settlement's three, in the file's order. */
const DIMENSIONS = [
  "commitment",
  "ground_presence",
  "ground_providers",
  "command",
  "air",
  "isr",
  "air_defence",
  "enablers",
  "materiel",
  "financing",
  "ukraine_force",
  "nato_path",
  "sequencing",
  "scope",
  "basing",
  "territory",
  "russia_role",
  "sanctions",
];
const REQUIRED_ACTORS = [
  "RUS",
  "UKR",
  "USA",
  "GBR",
  "FRA",
  "DEU",
  "POL",
  "ITA",
  "TUR",
  "CAN",
  "ROU",
  "DNK",
  "FIN",
  "NOR",
  "SWE",
  "EST",
  "LVA",
  "LTU",
  "NLD",
];
/** Reserved attributes of docs/attributes.md and their types. */
const RESERVED: Record<string, "number" | "boolean" | "string"> = {
  bindingness: "number",
  consultation_hours: "number",
  ground_mission: "string",
  ground_line_share: "number",
  ground_sites: "number",
  ground_posture: "string",
  troops_in_protected_state: "boolean",
  troops_from_nato: "boolean",
  us_ground_troops: "boolean",
  us_command: "boolean",
  nato_flag: "boolean",
  cap_stations: "number",
  air_policing: "boolean",
  qra_bases: "number",
  aircraft_in_protected_state: "boolean",
  us_air_support: "boolean",
  isr_line_share: "number",
  us_isr: "boolean",
  ad_cities: "number",
  ad_crews_in_protected_state: "boolean",
  us_enablers: "boolean",
  weapons_usd_bn_per_year: "number",
  training_troops: "number",
  europe_cost_share: "number",
  ukraine_force_k: "number",
  in_nato: "boolean",
  nato_facilities_in_protected_state: "boolean",
  ceasefire_first: "boolean",
  peace_agreement_first: "boolean",
  scope: "string",
  adversary_guarantor: "boolean",
  foreign_bases: "boolean",
};
/** Scenario-specific attributes (read by stances and willingness only). */
const OWN_ATTRIBUTES = [
  "nato_renounced",
  "rotational_presence",
  "trainers_in_protected_state",
  "ukraine_force_capped",
  "ukraine_withdraws",
  "legal_recognition",
  "dmz",
  "unsc_endorsed",
  "sanctions_relief",
  "sanctions_snapback",
];
/** Confidence at most this for a figure sourced to a modelling judgement (the scenario's own rule). */
const JUDGEMENT_MAX_CONFIDENCE = 0.5;
/** The consistent-scheme count must stay enumerable and meaningful: performance targets elsewhere (the Monte
 *  Carlo over every scheme) rest on at most about a million. */
const CONSISTENT_MIN = 20_000;
const CONSISTENT_MAX = 1_000_000;
/** Counted by the scheme-space module (`guarantor schemes --count`) and by this file's depth-first count. */
const CONSISTENT_EXPECTED = 945_200;
const RAW_EXPECTED = 170_061_120;
/** Grid step for the territory check, degrees (about 11 km north-south). */
const GRID_STEP_DEG = 0.1;
/** Mean Earth radius, km (IUGG), for grid-cell areas. */
const EARTH_RADIUS_KM = 6371.0088;

/** Build a scheme from `dim=option` pairs; unnamed dimensions take option 0. */
function scheme(spec: Record<string, string>): number[] {
  const out = c.dims.map(() => 0);
  for (const [dim, opt] of Object.entries(spec)) {
    const d = c.dimIndex.get(dim);
    if (d === undefined) throw new Error(`unknown dimension ${dim}`);
    const o = c.dims[d]!.optionIndex.get(opt);
    if (o === undefined) throw new Error(`unknown option ${dim}=${opt}`);
    out[d] = o;
  }
  return out;
}

/** Every Sourced value in the file with its path: objects with a numeric `value` and a `source`. */
function sourcedValues(v: unknown, path: string, out: { path: string; s: Sourced }[] = []) {
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      sourcedValues(x, `${path}[${i}]`, out);
    });
  } else if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.value === "number" && typeof o.source === "string") out.push({ path, s: o as Sourced });
    else for (const [k, x] of Object.entries(o)) sourcedValues(x, `${path}.${k}`, out);
  }
  return out;
}

/** Count consistent schemes depth-first, checking each rule as soon as its last dimension is set. */
function countConsistentDepthFirst(cs: CompiledScenario): number {
  const n = cs.dims.length;
  const byLast = cs.dims.map(() => [] as typeof cs.rules);
  for (const r of cs.rules) byLast[Math.max(...r.dims)]!.push(r);
  const sch = new Array<number>(n).fill(0);
  let count = 0;
  const visit = (d: number): void => {
    if (d === n) {
      count++;
      return;
    }
    for (let o = 0; o < cs.dims[d]!.options.length; o++) {
      sch[d] = o;
      if (!byLast[d]!.some((r) => r.dims.every((dd, k) => r.masks[k]![sch[dd]!]))) visit(d + 1);
    }
  };
  visit(0);
  return count;
}

/** Utility as the weighted mean of preference scores (docs/scenario-ukraine-2025-08.md, src/politics). */
function utility(prefs: Preference[], sch: Scheme): number {
  let num = 0;
  let den = 0;
  for (const p of prefs) {
    let score: number;
    if ("when" in p) score = evaluatePredicate(c, p.when, sch) ? 1 : 0;
    else {
      const t = Math.min(
        1,
        Math.max(0, (numericAttribute(c, sch, p.attr) - p.range[0]) / (p.range[1] - p.range[0])),
      );
      score = p.better === "higher" ? t : 1 - t;
    }
    num += p.weight * score;
    den += p.weight;
  }
  return den === 0 ? 1 : num / den;
}

const actor = (id: string) => {
  const a = s.actors.find((x) => x.id === id);
  if (!a) throw new Error(`no actor ${id}`);
  return a;
};

describe("loadScenario(scenarios/ukraine-2025-08.yaml)", () => {
  it("validates, with the JSON Schema line first for editors", () => {
    expect(loaded.ok).toBe(true);
    expect(TEXT.split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/scenario.schema.json");
    expect(s.id).toBe("ukraine-2025-08");
    expect(s.theater.protectedState).toBe("UKR");
  });

  it("has the eighteen named dimensions, each with 2 to 5 options that carry a description or label", () => {
    expect(s.dimensions.map((d) => d.id)).toEqual(DIMENSIONS);
    for (const d of s.dimensions) {
      expect(d.options.length).toBeGreaterThanOrEqual(2);
      expect(d.options.length).toBeLessThanOrEqual(5);
      for (const o of d.options) expect(o.label ?? o.description).toBeTruthy();
    }
  });

  it("declares the reserved attributes with their documented types, and its own ones for stances", () => {
    const declared = new Map(
      s.dimensions.flatMap((d) => Object.entries(d.attributes).map(([k, v]) => [k, v.type])),
    );
    for (const [name, type] of Object.entries(RESERVED)) expect(declared.get(name), name).toBe(type);
    const own = [...declared.keys()].filter((k) => !(k in RESERVED)).sort();
    expect(own).toEqual([...OWN_ATTRIBUTES].sort());
    // Russia as a co-guarantor (the Istanbul 2022 model Lavrov asked for) is an option, read by stances and by
    // the deterrence model's veto.
    const role = s.dimensions.find((d) => d.id === "russia_role")!;
    expect(role.options.find((o) => o.id === "co_guarantor_veto")?.attributes.adversary_guarantor).toBe(true);
  });

  it("names the required actors, with NATO flags as in 2025 and a GDP figure for each", () => {
    const ids = new Set(s.actors.map((a) => a.id));
    for (const id of [...REQUIRED_ACTORS, "HUN", "SVK", "BGR"]) expect(ids.has(id), id).toBe(true);
    expect(actor("RUS").nato).toBe(false);
    expect(actor("UKR").nato).toBe(false);
    for (const id of REQUIRED_ACTORS.filter((x) => x !== "RUS" && x !== "UKR"))
      expect(actor(id).nato, id).toBe(true);
    for (const a of s.actors) expect(a.gdpUsdBn?.value, a.id).toBeGreaterThan(0);
  });

  it("places every airbase in a host state that is an actor; the 14 bases of sourced-facts.md are all there", () => {
    expect(s.theater.airbases.map((b) => b.id).sort()).toEqual(
      [
        "EPRZ",
        "EPLK",
        "EPMM",
        "EPMB",
        "EPDE",
        "EPPW",
        "LRCK",
        "LRCT",
        "LR80",
        "LHKE",
        "LZKZ",
        "EYSA",
        "EEEI",
        "LBIA",
      ].sort(),
    );
    const ids = new Set(s.actors.map((a) => a.id));
    for (const b of s.theater.airbases) expect(ids.has(b.country), b.id).toBe(true);
    expect(s.theater.airbases.find((b) => b.id === "EPRZ")?.location).toEqual({ lat: 50.11, lon: 22.019 });
  });

  it("builds the three territories on purpose: recognised = country 804 + the Crimea ring, 603,550 km²", () => {
    const t = new Map(s.theater.territories.map((x) => [x.id, x]));
    expect([...t.keys()]).toEqual(["ukraine-recognised", "ukraine-kyiv-controlled", "occupied-areas"]);
    const rec = t.get("ukraine-recognised")!;
    expect(rec.include).toEqual([
      { country: "804" },
      { countryPolygonContaining: { country: "643", point: { lat: 44.95, lon: 34.1 } } },
    ]);
    expect(rec.areaKm2?.value).toBe(603_550);
    // Both cut-outs share the contact line as their only edge over Ukrainian land.
    const line = s.theater.contactLine.polyline;
    for (const id of ["ukraine-kyiv-controlled", "occupied-areas"]) {
      const part = t.get(id)!.exclude[0]!;
      expect("polygon" in part && part.polygon.slice(0, line.length)).toEqual(line);
    }
  });

  it("gives the contact line 1,000 km (BBC via the article) and a 12-20 point trace from north to south", () => {
    expect(s.theater.contactLine.lengthKm).toMatchObject({ value: 1000, source: "bbc-2025-08" });
    const line = s.theater.contactLine.polyline;
    expect(line.length).toBeGreaterThanOrEqual(12);
    expect(line.length).toBeLessThanOrEqual(20);
    expect(line[0]!.lat).toBeGreaterThan(line[line.length - 1]!.lat);
    const lengthParam = s.parameters.find((p) => p.id === "contact_line_km")!.distribution;
    // The mode is the theatre's 1,000 km; the range reaches the General Staff's 1,300 km (late 2024).
    expect(lengthParam).toEqual({ kind: "triangular", min: 1000, mode: 1000, max: 1300 });
  });
});

/** Planar point-in-polygon (ray casting) on lat/lon: the cut-out polygons are drawn that way. */
function inRing(ring: { lat: number; lon: number }[], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.lat > lat !== b.lat > lat && lon < ((b.lon - a.lon) * (lat - a.lat)) / (b.lat - a.lat) + a.lon)
      inside = !inside;
  }
  return inside;
}

describe("territories on Natural Earth (world-atlas 1:50m)", () => {
  const topo = JSON.parse(
    readFileSync(join(ROOT, "node_modules", "world-atlas", "countries-50m.json"), "utf8"),
  ) as Topology<{ countries: GeometryCollection }>;
  const countries = topojson.feature(topo, topo.objects.countries).features;
  const ukraine = countries.find((f) => f.id === "804")!;
  const russia = countries.find((f) => f.id === "643")!;
  const rings =
    russia.geometry.type === "MultiPolygon"
      ? russia.geometry.coordinates.map(
          (coordinates): Feature<Polygon> => ({
            type: "Feature",
            properties: {},
            geometry: { type: "Polygon", coordinates },
          }),
        )
      : [];
  const crimea = rings.filter((r) => geoContains(r, [34.1, 44.95]));
  const t = new Map(s.theater.territories.map((x) => [x.id, x]));
  const polygonOf = (id: string) => {
    const part = t.get(id)!.exclude[0]!;
    if (!("polygon" in part)) throw new Error(`${id}: expected a polygon cut-out`);
    return part.polygon;
  };
  const east = polygonOf("ukraine-kyiv-controlled");
  const west = polygonOf("occupied-areas");

  it("Simferopol lies in exactly one ring of Russia's multipolygon (Crimea), not in Ukraine's polygon", () => {
    expect(crimea.length).toBe(1);
    expect(geoContains(ukraine, [34.1, 44.95])).toBe(false);
  });

  it("Kyiv-controlled and occupied areas tile recognised Ukraine; occupied is about a fifth of it", () => {
    let recognisedKm2 = 0;
    let kyivKm2 = 0;
    let occupiedKm2 = 0;
    let overlapKm2 = 0;
    let gapKm2 = 0;
    for (let lat = 44; lat < 52.6; lat += GRID_STEP_DEG) {
      // Cell area on the sphere: R² · Δφ · Δλ · cos φ (radians).
      const cellKm2 =
        (EARTH_RADIUS_KM * ((GRID_STEP_DEG * Math.PI) / 180)) ** 2 * Math.cos((lat * Math.PI) / 180);
      for (let lon = 22; lon < 40.4; lon += GRID_STEP_DEG) {
        const inUkraine = geoContains(ukraine, [lon, lat]);
        if (!inUkraine && !geoContains(crimea[0]!, [lon, lat])) continue;
        recognisedKm2 += cellKm2;
        const kyiv = inUkraine && !inRing(east, lon, lat);
        const occupied = !inRing(west, lon, lat);
        if (kyiv) kyivKm2 += cellKm2;
        if (occupied) occupiedKm2 += cellKm2;
        if (kyiv && occupied) overlapKm2 += cellKm2;
        if (!kyiv && !occupied) gapKm2 += cellKm2;
      }
    }
    expect(overlapKm2).toBe(0);
    expect(gapKm2).toBe(0);
    // The construction is within 3% of the published 603,550 km² (Natural Earth generalises the coast).
    expect(Math.abs(recognisedKm2 - 603_550) / 603_550).toBeLessThan(0.03);
    // Public estimates put the occupied share near 19% in 2025; the hand-drawn line lands within 16-22%.
    expect(occupiedKm2 / recognisedKm2).toBeGreaterThan(0.16);
    expect(occupiedKm2 / recognisedKm2).toBeLessThan(0.22);
    expect(kyivKm2 + occupiedKm2).toBeCloseTo(recognisedKm2, 6);
  });

  it("every key city Kyiv held in August 2025 lies in the Kyiv-controlled area; the Zaporizhzhia plant does not", () => {
    for (const p of s.theater.places.filter((x) => x.id !== "zaporizhzhia-npp")) {
      expect(inRing(east, p.location.lon, p.location.lat), p.id).toBe(false);
    }
    const npp = s.theater.places.find((x) => x.id === "zaporizhzhia-npp")!;
    expect(inRing(east, npp.location.lon, npp.location.lat)).toBe(true);
  });
});

describe("sources and figures", () => {
  const sourceIds = new Set(s.sources.map((x) => x.id));
  const all = sourcedValues(s, "scenario");

  it("every numeric figure names a declared source (over 200 of them)", () => {
    expect(all.length).toBeGreaterThan(200);
    for (const { path, s: v } of all) expect(sourceIds.has(v.source), path).toBe(true);
  });

  it("every figure sourced to a modelling judgement carries a confidence of 0.5 or less", () => {
    const judgements = all.filter((x) => x.s.source === "judgement-guarantor");
    expect(judgements.length).toBeGreaterThan(50);
    for (const { path, s: v } of judgements) {
      expect(v.confidence, path).toBeDefined();
      expect(v.confidence!, path).toBeLessThanOrEqual(JUDGEMENT_MAX_CONFIDENCE);
    }
    expect(s.sources.find((x) => x.id === "judgement-guarantor")).toMatchObject({
      kind: "judgement",
      date: s.asOf,
    });
  });

  it("every speaker the article quotes has a source: the article itself, or the original it quotes", () => {
    for (const id of [
      "reuters-2025-08-19",
      "wsj-2025-08",
      "bbc-2025-08",
      "dw-2025-08-trump",
      "wang-xiaoquan-2025-08-20",
      "zhao-long-2025-08-20",
      "james-black-2025-08",
    ]) {
      expect(s.sources.find((x) => x.id === id)?.via, id).toBe("deep-news-2025-08-20");
    }
    // Zakharova and Witkoff are cited from the originals, with the day they were published.
    expect(s.sources.find((x) => x.id === "zakharova-2025-08-18")).toMatchObject({ date: "2025-08-18" });
    expect(s.sources.find((x) => x.id === "witkoff-2025-08")).toMatchObject({ date: "2025-08-17" });
  });

  it("knows nothing published after its asOf: every source is dated on or before 2025-08-20, and validate warns of none", () => {
    expect(s.asOf).toBe("2025-08-20");
    expect(loaded.warnings).toEqual([]);
    for (const src of s.sources) {
      const range = dateRange(src.date);
      expect("error" in range, src.id).toBe(false);
      if ("first" in range) expect(range.first <= s.asOf, `${src.id} ${src.date}`).toBe(true);
      expect(src.describes, `${src.id} is not later background`).toBeUndefined();
    }
  });

  it("dates the statements the review found misdated: Zakharova on 18 Aug, Zelensky at Davos on 21 Jan 2025", () => {
    expect(s.sources.find((x) => x.id === "zakharova-2025-08-18")?.date).toBe("2025-08-18");
    expect(s.sources.find((x) => x.id === "zelensky-davos-2025-01-22")).toMatchObject({
      date: "2025-01-22",
      statementDate: "2025-01-21",
    });
  });

  it("prices NATO's 2024 defence spending in 2024 dollars (June 2024 edition, current prices)", () => {
    const p = s.parameters.find((x) => x.id === "europe_canada_defence_spending_2024_usd_bn")!;
    expect(p.distribution).toEqual({ kind: "point", value: 506.7 });
    expect(s.currency).toEqual({ code: "USD", year: 2024 });
    expect(s.sources.find((x) => x.id === p.source)).toMatchObject({ date: "2024-06-17" });
  });

  it("every source is used somewhere in the file", () => {
    const body = TEXT.slice(TEXT.indexOf("\ntheater:"));
    for (const src of s.sources) {
      const used = body.includes(src.id) || s.sources.some((x) => x.via === src.id);
      expect(used, src.id).toBe(true);
    }
  });
});

describe("actors and stances", () => {
  const parties = s.actors.filter((a) => a.stance);

  it("gives a stance to at least RUS, UKR, USA, GBR, FRA, DEU, POL, ITA, TUR, each with reservation, power, salience", () => {
    expect(parties.map((a) => a.id)).toEqual(
      expect.arrayContaining(["RUS", "UKR", "USA", "GBR", "FRA", "DEU", "POL", "ITA", "TUR"]),
    );
    for (const a of parties) {
      for (const k of ["reservation", "power", "salience"] as const) {
        expect(a.stance![k].value, `${a.id}.${k}`).toBeGreaterThanOrEqual(0);
        expect(a.stance![k].value, `${a.id}.${k}`).toBeLessThanOrEqual(1);
        expect(a.stance![k].source, `${a.id}.${k}`).toBeTruthy();
      }
      expect(a.stance!.preferences.length, a.id).toBeGreaterThan(0);
    }
  });

  it("Russia's red line on NATO-country contingents cites Zakharova (18 Aug 2025) and rejects European troops in Ukraine", () => {
    const line = actor("RUS").stance!.redLines.find((r) => r.id === "no-nato-contingents")!;
    expect(line.source).toBe("zakharova-2025-08-18");
    expect(line.quote).toMatch(
      /^Any scenarios involving the appearance of NATO military contingents in Ukraine/,
    );
    const european = scheme({
      ground_presence: "reassurance_in_depth",
      ground_providers: "european_coalition",
    });
    const nonNato = scheme({ ground_presence: "reassurance_in_depth", ground_providers: "non_nato_states" });
    const monitors = scheme({ ground_presence: "monitors", ground_providers: "european_coalition" });
    const airOnly = scheme({ ground_presence: "none", ground_providers: "none" });
    expect(evaluatePredicate(c, line.forbid, european)).toBe(true);
    expect(evaluatePredicate(c, line.forbid, nonNato)).toBe(false);
    // Unarmed monitors are not military contingents (Grushko left them open under a peace treaty).
    expect(evaluatePredicate(c, line.forbid, monitors)).toBe(false);
    expect(evaluatePredicate(c, line.forbid, airOnly)).toBe(false);
  });

  it("Russia's presence red line covers what its memorandum covers: any third state's forces, air-defence crews, trainers, rotating units, facilities, patrols over Ukraine", () => {
    const line = actor("RUS").stance!.redLines.find((r) => r.id === "no-third-country-military-activity")!;
    expect(line.source).toBe("rus-memorandum-2025-06-02");
    expect(line.quote).toContain(
      "a ban on any military activity by third countries on the territory of Ukraine",
    );
    expect(line.quote).toContain("military bases, and military infrastructure");
    const bare = {
      ground_presence: "none",
      ground_providers: "none",
      air: "none",
      air_defence: "none",
      enablers: "none",
      basing: "none",
    };
    const fires = (spec: Record<string, string>) =>
      evaluatePredicate(c, line.forbid, scheme({ ...bare, ...spec }));
    expect(fires({})).toBe(false);
    // Troops of non-NATO states too: the memorandum names no exception.
    expect(fires({ ground_presence: "reassurance_in_depth", ground_providers: "non_nato_states" })).toBe(
      true,
    );
    expect(fires({ air_defence: "four_largest_cities" })).toBe(true); // guarantor air-defence crews
    expect(fires({ enablers: "european_training_logistics" })).toBe(true); // trainers in Ukraine
    expect(fires({ basing: "rotational" })).toBe(true); // units rotating through Ukrainian facilities
    expect(fires({ air: "us_backed_cap" })).toBe(true); // standing patrols over Ukraine
    // What stays outside Ukraine is not covered: air policing from Polish and Romanian bases, US enablers
    // with training abroad; nor are unarmed monitors (a separate line ties them to a peace treaty).
    expect(fires({ air: "air_policing_from_neighbours" })).toBe(false);
    expect(fires({ enablers: "us_enablers" })).toBe(false);
    expect(fires({ ground_presence: "monitors", ground_providers: "european_coalition" })).toBe(false);
  });

  it("Russia's conditions are sourced to its own texts (memorandum, Putin, Lavrov, Grushko, Zakharova), analysts only beside them", () => {
    const r = actor("RUS").stance!;
    const kinds = new Map(s.sources.map((x) => [x.id, x.kind]));
    for (const line of r.redLines) expect(kinds.get(line.source), line.id).toBe("official");
    expect(r.redLines.map((x) => x.id)).toEqual(
      expect.arrayContaining([
        "recognition-of-the-new-regions",
        "ukrainian-withdrawal",
        "no-third-country-military-activity",
        "neutrality",
        "caps-on-ukraines-forces",
        "russia-among-the-guarantors",
      ]),
    );
    expect([...r.redLines, ...r.preferences].some((x) => x.source.startsWith("wang-xiaoquan"))).toBe(false);
  });

  it("Ukraine's red lines are its 2025 ones: no legal recognition, no withdrawal from Donbas, no neutrality, no cap of any size, an Article-5-like guarantee", () => {
    const u = actor("UKR").stance!;
    const line = (id: string) => u.redLines.find((x) => x.id === id)!;
    const capped = (opt: string) =>
      evaluatePredicate(c, line("no-limits-on-its-forces").forbid, scheme({ ukraine_force: opt }));
    // The 250,000 it offered in 2022 is a cap too: Ukraine's June 2025 memorandum rejects any.
    expect(capped("cap_250k")).toBe(true);
    expect(capped("cap_85k")).toBe(true);
    expect(capped("army_800k")).toBe(false);
    expect(line("no-limits-on-its-forces").source).toBe("ukr-memorandum-2025-06-02");
    expect(line("no-withdrawal-from-donbas").quote).toBe(
      "We will not withdraw from Donbas. We cannot do this.",
    );
    const commitment = (opt: string) =>
      evaluatePredicate(c, line("article-5-in-practice").forbid, scheme({ commitment: opt }));
    expect(commitment("political_declaration")).toBe(true);
    expect(commitment("bilateral_agreements")).toBe(true);
    expect(commitment("article5_like")).toBe(false);
    for (const l of u.redLines)
      expect(dateRange(s.sources.find((x) => x.id === l.source)!.date)).not.toHaveProperty("error");
  });

  it("a guarantee without the United States falls short of Poland's reservation whatever else it offers (Tusk, 17 Feb 2025)", () => {
    const pol = actor("POL").stance!;
    const best = {
      commitment: "article5_like",
      ukraine_force: "army_800k",
      territory: "freeze_on_line",
      air: "air_policing_from_neighbours",
      isr: "european_drones",
      enablers: "european_training_logistics",
    };
    // 0 of weight 3 for the US, everything else at its best: (1.5 + 1.5 + 1.5) / 7.5 = 0.6 < 0.7.
    expect(utility(pol.preferences, scheme(best))).toBeCloseTo(0.6, 12);
    expect(utility(pol.preferences, scheme(best))).toBeLessThan(pol.reservation.value);
    // With US enablers from outside Ukraine it clears the reservation.
    expect(utility(pol.preferences, scheme({ ...best, enablers: "us_enablers" }))).toBeGreaterThan(
      pol.reservation.value,
    );
  });

  it("the United States never provides ground troops and rules out Ukraine in NATO in its own words (19 and 17 Aug 2025)", () => {
    const usa = actor("USA");
    expect(usa.willingness.find((w) => w.kind === "never" && w.capability === "troops")?.source).toBe(
      "trump-2025-08-19",
    );
    expect(usa.stance!.redLines.find((r) => r.id === "no-us-ground-troops")?.source).toBe(
      "usa-leavitt-2025-08-19",
    );
    expect(usa.stance!.redLines.find((r) => r.id === "no-nato-membership")?.quote).toContain(
      "NO GOING INTO NATO BY UKRAINE",
    );
  });

  it("willingness follows each government's own words: no troops in Ukraine from Poland or Romania; Italy only under the UN; Germany only with the US; no Finnish combat role", () => {
    const kinds = (id: string) => actor(id).willingness.map((w) => `${w.kind}:${w.capability ?? "*"}`);
    for (const id of ["POL", "ROU"]) expect(kinds(id), id).toContain("outsideProtectedStateOnly:troops");
    expect(actor("POL").willingness[0]!.source).toBe("pol-kosiniak-kamysz-2025-08-20");
    expect(actor("ROU").willingness[0]!.source).toBe("rou-dan-2025-05-21");
    expect(actor("ITA").willingness).toEqual([
      expect.objectContaining({
        kind: "onlyIf",
        capability: "troops",
        source: "ita-tajani-un-flag-2025-02-25",
      }),
    ]);
    expect(kinds("DEU")).toContain("onlyIf:troops");
    expect(kinds("TUR")).toContain("onlyIf:troops");
    expect(kinds("FIN")).toContain("never:troops");
    expect(actor("GBR").willingness.find((w) => w.kind === "requires")).toMatchObject({
      actor: "USA",
      source: "starmer-2025-02-17",
    });
  });

  it("the settlement's dimensions carry the options the parties named, and both sides' stances read them", () => {
    const dim = (id: string) => s.dimensions.find((d) => d.id === id)!;
    expect(dim("territory").options.map((o) => o.id)).toEqual([
      "freeze_on_line",
      "freeze_with_dmz",
      "freeze_crimea_de_jure",
      "donetsk_withdrawal",
      "four_oblasts_de_jure",
    ]);
    expect(dim("russia_role").options.map((o) => o.id)).toEqual([
      "none",
      "unsc_endorsement",
      "co_guarantor_veto",
    ]);
    expect(dim("sanctions").options.map((o) => o.id)).toEqual(["kept", "phased_with_snapback", "lifted"]);
    // Each new dimension decides some verdict of Russia and of another party.
    const reads = (party: string, d: string) => {
      const st = actor(party).stance!;
      const dIndex = c.dimIndex.get(d)!;
      const preds = [
        ...st.redLines.map((r) => r.forbid),
        ...st.preferences.flatMap((p) => ("when" in p ? [p.when] : [])),
      ];
      const attrs = st.preferences.flatMap((p) => ("attr" in p ? [p.attr] : []));
      return (
        preds.some((p) => predicateDimensions(c, p).has(dIndex)) ||
        attrs.some((a) => c.attributes[c.attrIndex.get(a)!]!.dim === dIndex)
      );
    };
    for (const d of ["territory", "russia_role", "sanctions"]) {
      expect(reads("RUS", d), `RUS reads ${d}`).toBe(true);
      expect(
        ["UKR", "USA", "FRA", "ITA", "TUR"].some((p) => reads(p, d)),
        `another party reads ${d}`,
      ).toBe(true);
    }
  });

  it("every capability has a unit cost for the actor, so the coalition can price it", () => {
    for (const a of s.actors) {
      for (const cap of Object.keys(a.capabilities)) {
        expect(
          a.unitCostUsdMPerYear[cap as keyof typeof a.unitCostUsdMPerYear],
          `${a.id}.${cap}`,
        ).toBeDefined();
      }
    }
  });
});

/**
 * The no-deal reference of docs/scenario-ukraine-2025-08.md ("Reservations"): what each attribute a preference
 * reads is if talks fail on 20 Aug 2025 (the war goes on under the 2024 bilateral agreements; Western weapons
 * and US intelligence keep flowing; nothing is capped, recognised or lifted). One world, scored by every party
 * with its own preferences.
 */
const NO_DEAL: Record<string, number | boolean | string> = {
  bindingness: 0.5,
  ground_mission: "none",
  troops_in_protected_state: false,
  us_ground_troops: false,
  us_command: false,
  nato_flag: false,
  cap_stations: 0,
  air_policing: false,
  us_air_support: false,
  isr_line_share: 0,
  us_isr: true,
  ad_crews_in_protected_state: false,
  us_enablers: false,
  weapons_usd_bn_per_year: 50,
  europe_cost_share: 1,
  ukraine_force_k: 800,
  in_nato: false,
  ceasefire_first: false,
  peace_agreement_first: false,
  scope: "recognised_territory",
  ukraine_withdraws: "none",
  legal_recognition: "none",
  dmz: false,
  adversary_guarantor: false,
  unsc_endorsed: false,
  sanctions_relief: 0,
  sanctions_snapback: false,
};
/** What ending the war is worth to each party on its own utility scale (the guide's table, with its reasons). */
const END_OF_WAR: Record<string, number> = {
  RUS: 0.1,
  UKR: 0.3,
  USA: 0.3,
  GBR: 0.2,
  FRA: 0.2,
  DEU: 0.2,
  POL: 0.2,
  ITA: 0.2,
  TUR: 0.3,
};

/** A predicate on the no-deal reference (attribute tests only: stances read attributes, not dimensions). */
function holdsIn(p: Predicate, world: Record<string, number | boolean | string>): boolean {
  if ("all" in p) return p.all.every((q) => holdsIn(q, world));
  if ("any" in p) return p.any.some((q) => holdsIn(q, world));
  if ("not" in p) return !holdsIn(p.not, world);
  if ("dim" in p) throw new Error("the no-deal reference has no options");
  const v = world[p.attr];
  if (v === undefined) throw new Error(`the no-deal reference does not set ${p.attr}`);
  if (p.eq !== undefined) return v === p.eq;
  if (p.ne !== undefined) return v !== p.ne;
  if (p.in !== undefined) return p.in.includes(v);
  const n = v as number;
  if (p.lt !== undefined) return n < p.lt;
  if (p.le !== undefined) return n <= p.le;
  if (p.gt !== undefined) return n > p.gt;
  return n >= p.ge!;
}

describe("neutrality: every party with a stance is modelled the same way", () => {
  const parties = s.actors.filter((a) => a.stance);
  const sourceOf = new Map(s.sources.map((x) => [x.id, x]));

  it("names the nine parties, each with red lines, preferences, and a reservation, power and salience", () => {
    expect(parties.map((a) => a.id)).toEqual(["RUS", "UKR", "USA", "GBR", "FRA", "DEU", "POL", "ITA", "TUR"]);
  });

  for (const a of s.actors.filter((x) => x.stance)) {
    const st = a.stance!;
    it(`${a.id}: red lines and preferences sourced first to its own officials of the time, some in their own words`, () => {
      expect(st.redLines.length, "red lines").toBeGreaterThan(0);
      expect(st.preferences.length, "preferences").toBeGreaterThan(0);
      const items = [...st.redLines, ...st.preferences];
      for (const x of items) {
        const src = sourceOf.get(x.source)!;
        expect(src, `${x.id} source`).toBeDefined();
        expect(x.description, `${x.id} description`).toBeTruthy();
        if (src.kind === "judgement")
          expect(x.confidence!, `${x.id} judgement confidence`).toBeLessThanOrEqual(0.5);
      }
      // Officials first: most items rest on an official source, and so does at least one red line.
      const official = items.filter((x) => sourceOf.get(x.source)!.kind === "official").length;
      expect(official / items.length, "share sourced to officials").toBeGreaterThanOrEqual(0.6);
      expect(
        st.redLines.some((r) => sourceOf.get(r.source)!.kind === "official"),
        "an official red line",
      ).toBe(true);
      // The party's words are shown where the source gives them verbatim.
      expect(items.filter((x) => x.quote).length, "quoted items").toBeGreaterThan(0);
    });

    it(`${a.id}: docs/scenario-ukraine-2025-08.md lists every red line and preference with its words and source`, () => {
      const rows = GUIDE.split("\n").filter(
        (l) => /^\| [A-Z]{3} \| (red line|preference) \|/.test(l) && l.startsWith(`| ${a.id} | `),
      );
      const items = [
        ...st.redLines.map((x) => ({ kind: "red line", x })),
        ...st.preferences.map((x) => ({ kind: "preference", x })),
      ];
      expect(rows.length).toBe(items.length);
      for (const { kind, x } of items) {
        const row = rows.find((r) => r.startsWith(`| ${a.id} | ${kind} | \`${x.id}\` |`));
        expect(row, `${kind} ${x.id}`).toBeDefined();
        expect(row, x.id).toContain(`\`${x.source}\``);
        expect(row, x.id).toContain(sourceOf.get(x.source)!.date);
        if (x.quote) expect(row, x.id).toContain(x.quote.replace(/\s+/g, " ").trim().replace(/\|/g, "\\|"));
      }
    });

    it(`${a.id}: every judgement (reservation, power, salience, each weight) has a range centred on it and a reason`, () => {
      for (const k of ["reservation", "power", "salience"] as const) {
        const v = st[k];
        expect(v.distribution, `${k} range`).toBeDefined();
        expect(v.note, `${k} reason`).toMatch(/\w{4,}/);
        expect(v.confidence, `${k} confidence`).toBeDefined();
        expect(v.value, k).toBeGreaterThanOrEqual(0);
        expect(v.value, k).toBeLessThanOrEqual(1);
      }
      for (const p of st.preferences) {
        // Weights on the 0.5-3 scale of the guide, each drawn from half to one and a half of its value.
        expect([0.5, 1, 1.5, 2, 3], `${p.id} weight`).toContain(p.weight);
        expect(p.weightDistribution, p.id).toEqual({
          kind: "triangular",
          min: p.weight / 2,
          mode: p.weight,
          max: (p.weight * 3) / 2,
        });
      }
    });

    it(`${a.id}: its reservation is what the no-deal world is worth to it, less what ending the war is worth`, () => {
      let num = 0;
      let den = 0;
      for (const p of st.preferences) {
        let score: number;
        if ("when" in p) score = holdsIn(p.when, NO_DEAL) ? 1 : 0;
        else {
          const t = Math.min(
            1,
            Math.max(0, ((NO_DEAL[p.attr] as number) - p.range[0]) / (p.range[1] - p.range[0])),
          );
          score = p.better === "higher" ? t : 1 - t;
        }
        num += p.weight * score;
        den += p.weight;
      }
      const e = END_OF_WAR[a.id]!;
      // Rounded to the nearest 0.05: a reservation carries no more precision than that.
      const expected = Math.round(Math.max(0, num / den - e) * 20) / 20;
      expect(st.reservation.value).toBeCloseTo(expected, 10);
      // Its range spans that of the value of ending the war, e ± 0.1, clipped to [0, 1].
      const d = st.reservation.distribution!;
      expect(d.kind).toBe("triangular");
      if (d.kind === "triangular") {
        expect(d.min).toBeCloseTo(Math.max(0, st.reservation.value - 0.1), 10);
        expect(d.max).toBeCloseTo(Math.min(1, st.reservation.value + 0.1), 10);
      }
    });
  }
});

describe("the scheme space", () => {
  it(`counts ${CONSISTENT_EXPECTED} consistent schemes of ${RAW_EXPECTED}, within the enumerable target`, () => {
    const raw = c.dims.reduce((p, d) => p * d.options.length, 1);
    expect(raw).toBe(RAW_EXPECTED);
    const n = countConsistentDepthFirst(c);
    expect(n).toBe(CONSISTENT_EXPECTED);
    expect(n).toBeGreaterThanOrEqual(CONSISTENT_MIN);
    expect(n).toBeLessThanOrEqual(CONSISTENT_MAX);
  });

  it("every rule has a reason and forbids something that would otherwise be consistent", () => {
    for (const r of s.rules) expect(r.reason.length, r.id).toBeGreaterThan(10);
    // A rule that forbids nothing on its own is dead weight: check each rule's forbidden set is non-empty.
    for (const r of c.rules)
      expect(
        r.masks.every((m) => m.some(Boolean)),
        r.id,
      ).toBe(true);
  });

  it("isConsistent agrees with the depth-first rule check on random schemes (property)", () => {
    const sizes = c.dims.map((d) => d.options.length);
    const arb = fc.tuple(...sizes.map((k) => fc.integer({ min: 0, max: k - 1 })));
    fc.assert(
      fc.property(arb, (sch) => {
        const broken = c.rules.some((r) => r.dims.every((d, k) => r.masks[k]![sch[d]!]));
        return isConsistent(c, sch) === !broken;
      }),
      { numRuns: 2000 },
    );
  });

  it("the article's flagship schemes are consistent: a reassurance force with US air support, and air support alone", () => {
    const reassurance = scheme({
      commitment: "article5_like",
      ground_presence: "reassurance_in_depth",
      ground_providers: "european_coalition",
      command: "us_command_and_control",
      air: "us_backed_cap",
      isr: "us_drones_monitoring",
      air_defence: "four_largest_cities",
      enablers: "us_enablers",
      materiel: "sustained",
      financing: "europe_pays_america_supplies",
      ukraine_force: "army_800k",
      nato_path: "membership_deferred",
      sequencing: "ceasefire_first",
      scope: "controlled_territory",
      basing: "rotational",
    });
    expect(isConsistent(c, reassurance)).toBe(true);
    const airOnly = scheme({
      commitment: "bilateral_agreements",
      air: "air_policing_from_neighbours",
      isr: "european_drones",
      enablers: "european_training_logistics",
      materiel: "sustained",
      ukraine_force: "army_800k",
      nato_path: "membership_deferred",
      sequencing: "ceasefire_first",
      scope: "controlled_territory",
    });
    expect(isConsistent(c, airOnly)).toBe(true);
    // No ground presence with a ground-force provider is not.
    const providerless = [...airOnly];
    providerless[c.dimIndex.get("ground_providers")!] = 1;
    expect(isConsistent(c, providerless)).toBe(false);
  });
});

/** Precedents that are not ground missions: no ground mission type (Baltic Air Policing's 500 are airmen). */
const NOT_GROUND_MISSIONS = ["baltic-air-policing-2014"];
/** A contribution to a defence held by others: USFK has patrolled no part of the DMZ since 31 October 2004. */
const NO_OWN_GEOMETRY = ["usfk-korea"];
/** Each precedent's mission type as its mandate gives it (docs/models/military.md defines the types). */
const MISSION_BY_MANDATE: Record<string, string | undefined> = {
  "osce-smm-ukraine": "observation", // civilian, unarmed
  "unficyp-1964": "observation", // consent of the Government of Cyprus, resolution 186
  "unficyp-2014": "observation", // same mandate, renewed
  "undof-1999": "observation", // resolution 350: supervise an agreed area of separation
  "mfo-sinai": "observation", // treaty verification by consent
  "unifil-2006": "interposition", // resolution 1701 para 12: "all necessary action"
  "ifor-1995": "interposition", // NATO, Chapter VII, enforced the zone of separation
  "kfor-1999": "interposition", // resolution 1244, Chapter VII: prevent the return of Yugoslav forces
  "sfor-1999": "reassurance",
  "sfor-2004": "reassurance",
  "eufor-althea-2006": "reassurance",
  "efp-2017": "tripwire",
  "usfk-korea": "defence",
  "korea-combined-defence": "defence",
  "baltic-air-policing-2014": undefined,
};

describe("ground postures and air postures of the options", () => {
  const options = (dim: string) => s.dimensions.find((d) => d.id === dim)!.options;
  it("every ground option with troops says its posture: unarmed monitors, robust reassurance and interposition", () => {
    const posture = Object.fromEntries(
      options("ground_presence").map((o) => [o.id, o.attributes.ground_posture]),
    );
    expect(posture).toMatchObject({
      monitors: "unarmed",
      reassurance_in_depth: "robust",
      interposition_on_line: "robust",
    });
  });

  it("air options say whether they are QRA (qra_bases) or standing patrols (cap_stations)", () => {
    const air = Object.fromEntries(options("air").map((o) => [o.id, o.attributes]));
    expect(air.air_policing_from_neighbours).toMatchObject({
      air_policing: true,
      qra_bases: 2,
      cap_stations: 0,
    });
    expect(air.us_backed_cap).toMatchObject({ air_policing: true, qra_bases: 2, cap_stations: 2 });
    expect(air.none).toMatchObject({ air_policing: false, cap_stations: 0 });
  });
});

describe("parameters and precedents", () => {
  it("types every mission precedent by its mandate, and says why in the mandate where the type is not obvious", () => {
    for (const [id, mission] of Object.entries(MISSION_BY_MANDATE)) {
      const p = s.precedents.find((x) => x.id === id);
      expect(p, id).toBeDefined();
      expect(p!.mission, id).toBe(mission);
    }
    for (const id of [
      "unficyp-1964",
      "unficyp-2014",
      "undof-1999",
      "unifil-2006",
      "kfor-1999",
      "usfk-korea",
    ]) {
      expect(s.precedents.find((x) => x.id === id)!.mandate, id).toMatch(/observation|interposition|defence/);
    }
  });

  it("gives the military models' parameters under their own ids, each a known model parameter, none twice", () => {
    const modelIds = new Set(MILITARY_PARAMETERS.map((p) => p.id));
    const aliasOf = new Map(
      MILITARY_PARAMETERS.flatMap((p) => (p.aliases ?? []).map((a) => [a, p.id] as const)),
    );
    const dotted = s.parameters.filter((p) => p.id.includes("."));
    expect(dotted.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        "ground.rotation_factor",
        "ground.hq_enabler_share",
        "ground.hq_fixed_troops",
        "ground.tripwire.robust.troops_per_site",
        "air.max_tanker_sortie_hours",
        "logistics.supply_kg_per_troop_day",
      ]),
    );
    for (const p of dotted) expect(modelIds.has(p.id), p.id).toBe(true);
    // One quantity, one parameter: never both a model id and one of its aliases.
    const read = s.parameters.map((p) => aliasOf.get(p.id) ?? p.id).filter((id) => modelIds.has(id));
    expect(new Set(read).size).toBe(read.length);
    for (const p of s.parameters.filter((x) => x.source === "judgement-guarantor")) {
      expect(p.confidence, p.id).toBeDefined();
      expect(p.confidence!, p.id).toBeLessThanOrEqual(JUDGEMENT_MAX_CONFIDENCE);
    }
  });

  it("costs a deployed soldier at the European figure, with a range up to the US one", () => {
    const p = s.parameters.find((x) => x.id === "cost_per_soldier_year_usd_m")!;
    // Mode: the actors' European ledger, $0.2m per soldier of the generating pool × 3 (rule of thirds).
    expect(p.distribution).toEqual({ kind: "triangular", min: 0.2, mode: 0.6, max: 2.1 });
    expect(p.description).toMatch(/opex-cost-france-2010/);
    expect(p.description).toMatch(/cost-soldier-year-afghanistan/);
  });

  it("has the rotation factor under the ground model's id, rule of thirds as the mode", () => {
    const p = s.parameters.find((x) => x.id === "ground.rotation_factor");
    expect(p?.distribution).toEqual({ kind: "triangular", min: 2, mode: 3, max: 4 });
    expect(p?.source).toBe("rule-of-thirds");
  });

  it("has at least 8 missions with real sizes and geometry, and the three guarantee precedents before 2025", () => {
    const missions = s.precedents.filter((p) => p.kind === "mission" && p.personnel);
    expect(missions.length).toBeGreaterThanOrEqual(8);
    for (const m of missions) {
      if (NOT_GROUND_MISSIONS.includes(m.id)) continue;
      expect(m.mission, m.id).toBeDefined();
      if (NO_OWN_GEOMETRY.includes(m.id)) continue;
      expect(m.lineKm ?? m.areaKm2 ?? m.sites, `${m.id} geometry`).toBeDefined();
    }
    expect(
      missions.filter((m) => m.mission && (m.lineKm ?? m.areaKm2 ?? m.sites)).length,
    ).toBeGreaterThanOrEqual(8);
    expect(s.precedents.find((p) => p.id === "osce-smm-ukraine")).toMatchObject({
      mission: "observation",
      personnel: { value: 700 },
      lineKm: { value: 470 },
    });
    expect(s.precedents.find((p) => p.id === "ifor-1995")?.personnel?.value).toBe(60_000);
    const guarantees = s.precedents.filter((p) => p.kind === "guarantee").map((p) => p.id);
    expect(guarantees).toEqual(["budapest-memorandum", "istanbul-draft-2022", "uk-ukraine-agreement-2024"]);
  });
});
