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
export function schemeAirCoverage(
  c: CompiledScenario,
  scheme: Scheme,
  grid: TerritoryGrid,
  territoryName: string,
  options: RequirementOptions = {},
): BreakdownLine {
  const ctx = makeContext(c, options);
  const { get, src } = schemeReaders(c, scheme);
  const n = Math.max(0, Math.round(num(get("cap_stations"))));
  const policing = num(get("air_policing")) > 0;
  const budget = param(ctx.params, "air.response_budget_hours");
  const circles: ReachCircle[] = [];
  if (n > 0 && ctx.bases.length > 0) {
    for (const { station } of capStationPlacement(
      ctx.polyline,
      ctx.bases,
      n,
      param(ctx.params, "air.standoff_km"),
    ))
      circles.push({ center: station, radiusKm: ctx.fighter.dashKmh * budget });
  }
  if (policing) {
    const radiusKm = Math.max(0, ctx.fighter.dashKmh * (budget - ctx.fighter.alertLaunchHours));
    for (const b of ctx.bases) circles.push({ center: b.location, radiusKm });
  }
  const cov = territoryCoverage(grid, circles);
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
