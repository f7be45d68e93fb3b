/**
 * The theatre as map data, from the scenario's own geography: its territories built on the atlas's borders,
 * the neighbouring countries, the contact line, places and airbases, and for one scheme the reach of its
 * patrols and alert aircraft and its air-defence rings. Pure: the caller passes the parsed world-atlas
 * topology in (the CLI reads node_modules/world-atlas/countries-50m.json).
 */
import { geoArea, geoBounds, geoCircle } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from "geojson";
import polygonClipping, { type MultiPolygon as PlanarMultiPolygon } from "polygon-clipping";
import { feature } from "topojson-client";
import { buildTerritory, type WorldAtlas } from "../../models/coverage.js";
import { EARTH_RADIUS_KM } from "../../models/geo.js";
import { type RequirementOptions, schemeReach } from "../../models/index.js";
import { type CompiledScenario, type Scheme, schemeToObject } from "../../scenario/compile.js";

export interface TheatreCircle {
  lon: number;
  lat: number;
  radiusKm: number;
  /** What it is around: a station's number, a base's ICAO code, a place's id. */
  label: string;
  /** The circle as a GeoJSON polygon on the sphere. */
  geometry: Polygon;
}

export interface TheatreData {
  /** The scenario's territories in file order (the first is drawn as the frame of reference). */
  /** Each the union of its includes less its excludes. */
  territories: { id: string; name: string; geometry: MultiPolygon }[];
  /** Countries of the atlas near the theatre, for context. */
  countries: { id: string; name: string; geometry: Geometry }[];
  /** [lon, lat] points of the contact line. */
  contactLine: [number, number][];
  places: { id: string; name: string; kind: string; lon: number; lat: number; population?: number }[];
  airbases: { id: string; name: string; country: string; lon: number; lat: number }[];
  /** The scheme the reach is drawn for (options by dimension). */
  scheme: Record<string, string>;
  /** Hours of the response budget the reach is measured in. */
  budgetHours: number;
  patrols: TheatreCircle[];
  alert: TheatreCircle[];
  airDefence: TheatreCircle[];
  /** [[west, south], [east, north]] of everything above: the map's extent. */
  bounds: [[number, number], [number, number]];
}

function circle(lon: number, lat: number, radiusKm: number, label: string): TheatreCircle {
  const degrees = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
  const geometry = geoCircle().center([lon, lat]).radius(degrees).precision(2)() as Polygon;
  return { lon, lat, radiusKm, label, geometry };
}

/** A scheme given by option ids as the compiled form. */
export function schemeOf(c: CompiledScenario, s: Record<string, string>): Int32Array {
  return Int32Array.from(c.dims, (d) => {
    const o = d.options.indexOf(s[d.id] ?? "");
    if (o < 0) throw new RangeError(`scheme: no option "${s[d.id]}" of dimension "${d.id}"`);
    return o;
  });
}

/**
 * A territory to draw: its includes less its excludes, by polygon clipping in longitude and latitude (planar,
 * which at a theatre's scale moves no border visibly). d3-geo reads a polygon's rings by their winding (the
 * small side is inside); clipping winds them the GeoJSON way, so a polygon that comes out larger than a
 * hemisphere has its rings reversed.
 */
function drawable(include: readonly Polygon[], exclude: readonly Polygon[]): MultiPolygon {
  if (exclude.length === 0) return { type: "MultiPolygon", coordinates: include.map((p) => p.coordinates) };
  const planar = (ps: readonly Polygon[]) => ps.map((p) => p.coordinates) as PlanarMultiPolygon;
  const kept = polygonClipping.difference(planar(include), planar(exclude));
  return {
    type: "MultiPolygon",
    coordinates: kept.map((poly) => {
      const p: Polygon = { type: "Polygon", coordinates: poly };
      return geoArea(p) > 2 * Math.PI ? poly.map((ring) => [...ring].reverse()) : poly;
    }),
  };
}

/**
 * The theatre of a scenario, with one scheme's reach.
 * @example theatreData(c, atlas, focusScheme).patrols.length // the scheme's patrol stations
 */
export function theatreData(
  c: CompiledScenario,
  atlas: WorldAtlas,
  schemeIn: Scheme | Record<string, string>,
  options: RequirementOptions = {},
): TheatreData {
  const scheme: Scheme = "length" in schemeIn ? (schemeIn as Scheme) : schemeOf(c, schemeIn);
  const t = c.scenario.theater;
  const territories = t.territories.map((x) => {
    const built = buildTerritory(atlas, x);
    return { id: x.id, name: x.name, geometry: drawable(built.include, built.exclude) };
  });
  const reach = schemeReach(c, scheme, options);
  const places = t.places.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    lon: p.location.lon,
    lat: p.location.lat,
    ...(p.population ? { population: p.population.value } : {}),
  }));
  const airbases = t.airbases.map((b) => ({
    id: b.id,
    name: b.name,
    country: b.country,
    lon: b.location.lon,
    lat: b.location.lat,
  }));
  const contactLine = t.contactLine.polyline.map((p) => [p.lon, p.lat] as [number, number]);
  const patrols = reach.patrols.map((r, i) =>
    circle(r.center.lon, r.center.lat, r.radiusKm, `station ${i + 1}`),
  );
  const alert = reach.alert.map((r) => circle(r.center.lon, r.center.lat, r.radiusKm, r.base));
  const airDefence = reach.airDefence.map((r) => circle(r.center.lon, r.center.lat, r.radiusKm, r.place));
  // The extent: the territories, places and airbases (reach circles may run off the map; the map clips them).
  const points: [number, number][] = [
    ...places.map((p) => [p.lon, p.lat] as [number, number]),
    ...airbases.map((b) => [b.lon, b.lat] as [number, number]),
    ...contactLine,
  ];
  const boxes = territories.map((x) => geoBounds({ type: "Feature", properties: {}, geometry: x.geometry }));
  const west = Math.min(...points.map((p) => p[0]), ...boxes.map((b) => b[0][0]));
  const east = Math.max(...points.map((p) => p[0]), ...boxes.map((b) => b[1][0]));
  const south = Math.min(...points.map((p) => p[1]), ...boxes.map((b) => b[0][1]));
  const north = Math.max(...points.map((p) => p[1]), ...boxes.map((b) => b[1][1]));
  const pad = 1;
  const bounds: [[number, number], [number, number]] = [
    [west - pad, south - pad],
    [east + pad, north + pad],
  ];
  const all = feature(atlas, atlas.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const countries = all.features
    .filter((f: Feature<Geometry, { name: string }>) => {
      const b = geoBounds(f);
      const lat = b[0][1] < bounds[1][1] && b[1][1] > bounds[0][1];
      // A country across the antimeridian (Russia) has west > east: its longitudes wrap round.
      const lon = b[0][0] > b[1][0] || (b[0][0] < bounds[1][0] && b[1][0] > bounds[0][0]);
      return lat && lon;
    })
    .map((f) => ({ id: String(f.id), name: f.properties.name, geometry: f.geometry }));
  return {
    territories,
    countries,
    contactLine,
    places,
    airbases,
    scheme: schemeToObject(c, scheme),
    budgetHours: reach.budgetHours,
    patrols,
    alert,
    airDefence,
    bounds,
  };
}
