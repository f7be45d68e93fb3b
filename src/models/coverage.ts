/**
 * Territories on real borders and the share of a territory within reach of air stations and bases.
 *
 * Borders come from Natural Earth via the `world-atlas` package (countries-50m.json). The core stays pure: the
 * caller passes the parsed topology in (the CLI reads node_modules/world-atlas/countries-50m.json).
 * A territory is built on purpose from the scenario's parts (a country, the one polygon of a country that holds
 * a point — Crimea lies inside Russia's polygon in world-atlas —, or an explicit polygon), never taken as a
 * data set's political statement.
 */
import { geoArea, geoBounds, geoContains } from "d3-geo";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { ScenarioDataError } from "../scenario/diagnostics.js";
import type { Territory, TerritoryPart } from "../scenario/schema.js";
import { EARTH_RADIUS_KM, greatCircleKm, type LatLon } from "./geo.js";

type Path = (string | number)[];

/** The world-atlas topology (countries-50m.json, countries-110m.json or countries-10m.json). */
export type WorldAtlas = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** A built territory: polygons to include and to exclude, each a GeoJSON polygon. */
export interface BuiltTerritory {
  id: string;
  include: Polygon[];
  exclude: Polygon[];
  /** Σ area(include) − Σ area(exclude), km² (assumes the includes do not overlap and the excludes lie inside). */
  areaKm2: number;
}

/** km² per steradian on the mean Earth sphere. */
const KM2_PER_STERADIAN = EARTH_RADIUS_KM * EARTH_RADIUS_KM;

function polygonFeature(p: Polygon): Feature<Polygon> {
  return { type: "Feature", properties: {}, geometry: p };
}

/** Area of a GeoJSON polygon on the sphere, km² (d3-geo spherical area × R²). */
export function polygonAreaKm2(p: Polygon): number {
  return geoArea(polygonFeature(p)) * KM2_PER_STERADIAN;
}

function countryPolygons(atlas: WorldAtlas, code: string, path: Path): Polygon[] {
  const geoms = atlas.objects.countries.geometries.filter((g) => String(g.id) === code);
  if (geoms.length === 0)
    throw new ScenarioDataError(
      path,
      `no country with id "${code}" in the world-atlas data (an ISO 3166-1 numeric code, e.g. "804")`,
    );
  const out: Polygon[] = [];
  for (const g of geoms) {
    const f = feature(atlas, g) as Feature<Polygon | MultiPolygon>;
    if (f.geometry.type === "Polygon") out.push(f.geometry);
    else for (const coords of f.geometry.coordinates) out.push({ type: "Polygon", coordinates: coords });
  }
  return out;
}

/** A closed ring of [lon, lat] wound the way d3-geo reads as the small side (area < half the sphere). */
function explicitPolygon(points: readonly LatLon[]): Polygon {
  const ring: Position[] = points.map((p) => [p.lon, p.lat]);
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0]!, first[1]!]);
  const poly: Polygon = { type: "Polygon", coordinates: [ring] };
  // d3-geo follows the spherical convention: a ring enclosing more than a hemisphere is the complement.
  if (geoArea(polygonFeature(poly)) > 2 * Math.PI) poly.coordinates = [ring.slice().reverse()];
  return poly;
}

function partPolygons(atlas: WorldAtlas, part: TerritoryPart, path: Path): Polygon[] {
  if ("country" in part) return countryPolygons(atlas, part.country, [...path, "country"]);
  if ("countryPolygonContaining" in part) {
    const { country, point } = part.countryPolygonContaining;
    const at = [...path, "countryPolygonContaining"];
    const hit = countryPolygons(atlas, country, at).find((p) =>
      geoContains(polygonFeature(p), [point.lon, point.lat]),
    );
    if (!hit)
      throw new ScenarioDataError(
        [...at, "point"],
        `no polygon of country "${country}" contains ${point.lat}, ${point.lon}`,
      );
    return [hit];
  }
  return [explicitPolygon(part.polygon)];
}

/**
 * Build a scenario territory on the atlas's borders.
 * @example buildTerritory(atlas, scenario.theater.territories[0]).areaKm2 // ≈ 603,000 for recognised Ukraine
 */
export function buildTerritory(atlas: WorldAtlas, territory: Territory): BuiltTerritory {
  // The territory's own index is not known here: paths start at the territory (theater.territories[id]).
  const base: Path = ["theater", "territories", territory.id];
  const include = territory.include.flatMap((p, i) => partPolygons(atlas, p, [...base, "include", i]));
  const exclude = territory.exclude.flatMap((p, i) => partPolygons(atlas, p, [...base, "exclude", i]));
  const areaKm2 =
    include.reduce((s, p) => s + polygonAreaKm2(p), 0) - exclude.reduce((s, p) => s + polygonAreaKm2(p), 0);
  return { id: territory.id, include, exclude, areaKm2 };
}

/** Whether a point lies in a built territory (in an include part and in no exclude part). */
export function territoryContains(t: BuiltTerritory, p: LatLon): boolean {
  const pos: [number, number] = [p.lon, p.lat];
  return (
    t.include.some((q) => geoContains(polygonFeature(q), pos)) &&
    !t.exclude.some((q) => geoContains(polygonFeature(q), pos))
  );
}

/** A reach circle: a station or base and the radius it covers. */
export interface ReachCircle {
  center: LatLon;
  radiusKm: number;
}

/** The cells of a lat/lon grid that lie in a territory, with their areas: built once, reused per coverage. */
export interface TerritoryGrid {
  lat: Float64Array;
  lon: Float64Array;
  areaKm2: Float64Array;
  /** Σ cell areas: the territory's area as sampled, km². */
  totalKm2: number;
}

/**
 * Sample a territory on a lat/lon grid (cell centres inside the territory), each cell weighted by its area on
 * the sphere, R² × Δλ × (sin φ2 − sin φ1).
 * @param stepDeg grid step, degrees (default 0.1°, about 11 km)
 * @example territoryGrid(ukraine, 0.25).totalKm2 // ≈ 600,000
 */
export function territoryGrid(t: BuiltTerritory, stepDeg = 0.1): TerritoryGrid {
  const bounds = t.include.map((p) => geoBounds(polygonFeature(p)));
  const lat0 = Math.min(...bounds.map((b) => b[0][1]));
  const lat1 = Math.max(...bounds.map((b) => b[1][1]));
  const lon0 = Math.min(...bounds.map((b) => b[0][0]));
  const lon1 = Math.max(...bounds.map((b) => b[1][0]));
  const rad = Math.PI / 180;
  const lats: number[] = [];
  const lons: number[] = [];
  const areas: number[] = [];
  let total = 0;
  for (let lat = lat0 + stepDeg / 2; lat < lat1; lat += stepDeg) {
    const cellKm2 =
      KM2_PER_STERADIAN *
      stepDeg *
      rad *
      (Math.sin((lat + stepDeg / 2) * rad) - Math.sin((lat - stepDeg / 2) * rad));
    for (let lon = lon0 + stepDeg / 2; lon < lon1; lon += stepDeg) {
      if (!territoryContains(t, { lat, lon })) continue;
      lats.push(lat);
      lons.push(lon);
      areas.push(cellKm2);
      total += cellKm2;
    }
  }
  return {
    lat: Float64Array.from(lats),
    lon: Float64Array.from(lons),
    areaKm2: Float64Array.from(areas),
    totalKm2: total,
  };
}

export interface Coverage {
  /** Share of the territory's area within reach of at least one circle, 0–1. */
  share: number;
  coveredKm2: number;
  /** Area of the territory as sampled, km². */
  sampledKm2: number;
}

/**
 * Share of a territory's area within reach of stations and bases: a grid cell counts when its centre lies
 * within a circle's great-circle radius.
 * @example territoryCoverage(territoryGrid(ukraine), [{ center: kyiv, radiusKm: 500 }]).share
 */
export function territoryCoverage(grid: TerritoryGrid, circles: readonly ReachCircle[]): Coverage {
  let covered = 0;
  for (let i = 0; i < grid.lat.length; i++) {
    const p = { lat: grid.lat[i]!, lon: grid.lon[i]! };
    if (circles.some((c) => greatCircleKm(c.center, p) <= c.radiusKm)) covered += grid.areaKm2[i]!;
  }
  return {
    share: grid.totalKm2 > 0 ? covered / grid.totalKm2 : 0,
    coveredKm2: covered,
    sampledKm2: grid.totalKm2,
  };
}
