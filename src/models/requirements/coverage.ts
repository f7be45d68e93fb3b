/**
 * Air coverage of a scheme: the share of a territory within reach of its patrols and alert aircraft.
 */
import { param } from "../../parameters/index.js";
import type { CompiledScenario, Scheme } from "../../scenario/compile.js";
import { type ReachCircle, type TerritoryGrid, territoryCoverage } from "../coverage.js";
import { capStationPlacement } from "./air.js";
import { makeContext, num, paramInput, schemeReaders } from "./context.js";
import type { BreakdownLine, RequirementOptions } from "./layout.js";

/**
 * The share of a territory within reach of a scheme's CAP stations (dash within the response budget) and of
 * the theater's airbases when the scheme has air policing (alert launch, then dash). The grid is built once by
 * the caller (`territoryGrid(buildTerritory(atlas, territory))`) so that the core stays free of file access.
 * @example schemeAirCoverage(c, scheme, grid)?.value // 0.83
 */
/** Where a scheme's air component reaches within the response budget: its patrol (CAP) stations, each with
 *  dash × budget, and, with air policing, each base's alert aircraft with dash × (budget − alert launch). */
export interface SchemeReach {
  stations: number;
  policing: boolean;
  budgetHours: number;
  patrols: ReachCircle[];
  alert: (ReachCircle & { base: string })[];
  /** The places given a guarantor battery (`ad_cities`, most populous first), each with the defended radius. */
  airDefence: (ReachCircle & { place: string })[];
}

/**
 * The reach circles of a scheme's patrols and alert aircraft (what `schemeAirCoverage` measures, and the
 * report's map draws).
 * @example schemeReach(c, scheme).patrols.length // the scheme's cap_stations
 */
export function schemeReach(
  c: CompiledScenario,
  scheme: Scheme,
  options: RequirementOptions = {},
): SchemeReach {
  const ctx = makeContext(c, options);
  const { get } = schemeReaders(c, scheme);
  const n = Math.max(0, Math.round(num(get("cap_stations"))));
  const policing = num(get("air_policing")) > 0;
  const budget = param(ctx.params, "air.response_budget_hours");
  const patrols: ReachCircle[] = [];
  const alert: (ReachCircle & { base: string })[] = [];
  if (n > 0 && ctx.bases.length > 0) {
    for (const { station } of capStationPlacement(
      ctx.polyline,
      ctx.bases,
      n,
      param(ctx.params, "air.standoff_km"),
    ))
      patrols.push({ center: station, radiusKm: ctx.fighter.dashKmh * budget });
  }
  if (policing) {
    const radiusKm = Math.max(0, ctx.fighter.dashKmh * (budget - ctx.fighter.alertLaunchHours));
    for (const b of ctx.bases) alert.push({ center: b.location, radiusKm, base: b.id });
  }
  const adCities = Math.max(0, Math.round(num(get("ad_cities"))));
  const adRadius = param(ctx.params, "ad.battery_defended_radius_km");
  const airDefence = ctx.cities
    .slice(0, adCities)
    .map((p) => ({ center: p.location, radiusKm: adRadius, place: p.id }));
  return { stations: n, policing, budgetHours: budget, patrols, alert, airDefence };
}

export function schemeAirCoverage(
  c: CompiledScenario,
  scheme: Scheme,
  grid: TerritoryGrid,
  territoryName: string,
  options: RequirementOptions = {},
): BreakdownLine {
  const ctx = makeContext(c, options);
  const { src } = schemeReaders(c, scheme);
  const reach = schemeReach(c, scheme, options);
  const { stations: n, policing, budgetHours: budget } = reach;
  const cov = territoryCoverage(grid, [...reach.patrols, ...reach.alert]);
  return {
    id: "air.coverage",
    label: `Share of ${territoryName} within ${budget} h of a patrol or alert aircraft`,
    value: cov.share,
    unit: "share of area",
    formula:
      "area of grid cells within dash × budget of a CAP station, or dash × (budget − alert launch) of a base when " +
      "air policing / territory area (Natural Earth borders, world-atlas)",
    inputs: [
      { name: "cap_stations", value: n, source: src("cap_stations") },
      { name: "air_policing", value: policing, source: src("air_policing") },
      { name: `${ctx.fighter.id} dash km/h`, value: ctx.fighter.dashKmh, source: ctx.fighter.source },
      paramInput(ctx, "air.response_budget_hours"),
      {
        name: "territory area sampled, km²",
        value: Math.round(cov.sampledKm2),
        source: "world-atlas countries-50m",
      },
    ],
  };
}
