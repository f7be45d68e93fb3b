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
  type Scheme,
} from "../../src/scenario/compile.js";
import { formatDiagnostic } from "../../src/scenario/diagnostics.js";
import type { Preference, Scenario, Sourced } from "../../src/scenario/schema.js";
import { loadScenario } from "../../src/scenario/validate.js";
import { ROOT } from "../helpers.js";

const FILE = join(ROOT, "scenarios", "ukraine-2025-08.yaml");
const TEXT = readFileSync(FILE, "utf8");
const loaded = loadScenario(TEXT, "scenarios/ukraine-2025-08.yaml");
if (!loaded.ok) throw new Error(loaded.errors.map(formatDiagnostic).join("\n"));
const s: Scenario = loaded.value;
const c: CompiledScenario = compileScenario(s);

/** The fifteen dimensions the issue names, in the file's order. */
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
  foreign_bases: "boolean",
};
/** Scenario-specific attributes (read by stances only). */
const OWN_ATTRIBUTES = ["nato_renounced", "rotational_presence"];
/** Confidence at most this for a figure sourced to a modelling judgement (the scenario's own rule). */
const JUDGEMENT_MAX_CONFIDENCE = 0.5;
/** The consistent-scheme count must stay enumerable and meaningful (the size target). */
const CONSISTENT_MIN = 20_000;
const CONSISTENT_MAX = 300_000;
/** Measured with `npx tsx` brute force over all 25,509,168 schemes and by this file's depth-first count. */
const CONSISTENT_EXPECTED = 195_327;
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

  it("has the fifteen named dimensions, each with 3 to 5 options that carry a description or label", () => {
    expect(s.dimensions.map((d) => d.id)).toEqual(DIMENSIONS);
    for (const d of s.dimensions) {
      expect(d.options.length).toBeGreaterThanOrEqual(3);
      expect(d.options.length).toBeLessThanOrEqual(5);
      for (const o of d.options) expect(o.label ?? o.description).toBeTruthy();
    }
  });

  it("declares the reserved attributes with their documented types, and only two of its own", () => {
    const declared = new Map(
      s.dimensions.flatMap((d) => Object.entries(d.attributes).map(([k, v]) => [k, v.type])),
    );
    for (const [name, type] of Object.entries(RESERVED)) expect(declared.get(name), name).toBe(type);
    const own = [...declared.keys()].filter((k) => !(k in RESERVED)).sort();
    expect(own).toEqual([...OWN_ATTRIBUTES].sort());
    // adversary_guarantor is reserved but no option here makes Russia a guarantor: it keeps its default.
    expect(declared.has("adversary_guarantor")).toBe(false);
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
    expect(lengthParam).toEqual({ kind: "triangular", min: 1000, mode: 1250, max: 1300 });
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
    const judgements = all.filter((x) => x.s.source === "judgement-guarantor-2026");
    expect(judgements.length).toBeGreaterThan(50);
    for (const { path, s: v } of judgements) {
      expect(v.confidence, path).toBeDefined();
      expect(v.confidence!, path).toBeLessThanOrEqual(JUDGEMENT_MAX_CONFIDENCE);
    }
    expect(s.sources.find((x) => x.id === "judgement-guarantor-2026")?.kind).toBe("judgement");
  });

  it("every speaker the article quotes has a source that points back to the article", () => {
    for (const id of [
      "reuters-2025-08-19",
      "wsj-2025-08",
      "bbc-2025-08",
      "dw-2025-08-trump",
      "zakharova-2025-08-19",
      "witkoff-2025-08",
      "wang-xiaoquan-2025-08-20",
      "zhao-long-2025-08-20",
      "james-black-2025-08",
    ]) {
      expect(s.sources.find((x) => x.id === id)?.via, id).toBe("deep-news-2025-08-20");
    }
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

  it("Russia's red line on NATO-country contingents cites Zakharova and rejects European troops in Ukraine", () => {
    const line = actor("RUS").stance!.redLines.find((r) => r.id === "no-nato-country-contingents")!;
    expect(line.source).toBe("zakharova-2025-08-19");
    const european = scheme({
      ground_presence: "reassurance_in_depth",
      ground_providers: "european_coalition",
    });
    const nonNato = scheme({ ground_presence: "reassurance_in_depth", ground_providers: "non_nato_states" });
    const airOnly = scheme({ ground_presence: "none", ground_providers: "none" });
    expect(evaluatePredicate(c, line.forbid, european)).toBe(true);
    expect(evaluatePredicate(c, line.forbid, nonNato)).toBe(false);
    expect(evaluatePredicate(c, line.forbid, airOnly)).toBe(false);
  });

  it("Wang Xiaoquan's preconditions are Russian stances: ceasefire first, no NATO, no NATO facilities, a smaller army", () => {
    const r = actor("RUS").stance!;
    const wang = [...r.redLines, ...r.preferences].filter((x) => x.source === "wang-xiaoquan-2025-08-20");
    expect(wang.map((x) => x.id)).toEqual(
      expect.arrayContaining([
        "no-nato-membership",
        "no-nato-forces-or-facilities",
        "ceasefire-or-peace-first",
        "smaller-ukrainian-force",
      ]),
    );
  });

  it("a political declaration falls short of Ukraine's reservation whatever else the scheme offers (Zhao Long)", () => {
    const ukr = actor("UKR").stance!;
    expect(ukr.preferences.find((p) => p.id === "binding-enforceable")?.source).toBe("zhao-long-2025-08-20");
    const best = scheme({
      commitment: "political_declaration",
      ground_presence: "interposition_on_line",
      ground_providers: "european_coalition",
      air: "us_backed_cap",
      isr: "us_drones_monitoring",
      enablers: "us_enablers",
      materiel: "surged",
      ukraine_force: "army_800k",
      nato_path: "membership",
      scope: "recognised_territory",
    });
    expect(utility(ukr.preferences, best)).toBeLessThan(ukr.reservation.value);
    // The same scheme with an Article-5-like treaty clears it.
    best[c.dimIndex.get("commitment")!] = c.dims[0]!.optionIndex.get("article5_like")!;
    expect(utility(ukr.preferences, best)).toBeGreaterThan(ukr.reservation.value);
  });

  it("the United States never provides ground troops and has a red line on them (Trump, 19 Aug 2025)", () => {
    const usa = actor("USA");
    expect(usa.willingness.find((w) => w.kind === "never" && w.capability === "troops")?.source).toBe(
      "trump-2025-08-19",
    );
    expect(usa.stance!.redLines.find((r) => r.id === "no-us-ground-troops")?.source).toBe("trump-2025-08-19");
  });

  it("willingness follows the reported positions: no troops in Ukraine from Germany, Poland, Romania; none from Italy", () => {
    const kinds = (id: string) => actor(id).willingness.map((w) => `${w.kind}:${w.capability ?? "*"}`);
    for (const id of ["DEU", "POL", "ROU"])
      expect(kinds(id), id).toContain("outsideProtectedStateOnly:troops");
    expect(kinds("ITA")).toContain("never:troops");
    expect(kinds("TUR")).toContain("onlyIf:troops");
    expect(actor("GBR").willingness.find((w) => w.kind === "requires")).toMatchObject({
      actor: "USA",
      source: "starmer-2025-02-17",
    });
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

describe("the scheme space", () => {
  it(`counts ${CONSISTENT_EXPECTED} consistent schemes of 25,509,168, within the enumerable target`, () => {
    const raw = c.dims.reduce((p, d) => p * d.options.length, 1);
    expect(raw).toBe(25_509_168);
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
    for (const p of s.parameters.filter((x) => x.source === "judgement-guarantor-2026")) {
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

  it("has at least 8 missions with real sizes and geometry, and the four guarantee precedents", () => {
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
    expect(guarantees).toEqual(
      expect.arrayContaining(["budapest-memorandum", "istanbul-draft-2022", "paris-declaration-2026"]),
    );
  });
});
