/**
 * The air-defence group of the requirement model: batteries for the most populous places, and their cost.
 */
import { param, type ResolvedParameters } from "../../parameters/index.js";
import { type AttrReader, type AttrSourcer, type Context, num, paramInput } from "./context.js";
import { type BreakdownLine, REQ_AIR_DEFENCE_BATTERIES, REQ_COST_USD_M_PER_YEAR } from "./layout.js";

/** Batteries to defend one city: a disc of the city's area, covered by discs of the defended radius. */
export function batteriesForCity(populationPeople: number, params: ResolvedParameters): number {
  // City radius from its population at an urban density: r = √(pop / (π × density)).
  const radiusKm = Math.sqrt(populationPeople / (Math.PI * param(params, "ad.urban_density_per_km2")));
  const r = param(params, "ad.battery_defended_radius_km");
  return Math.max(
    param(params, "ad.min_batteries_per_city"),
    Math.ceil((radiusKm * radiusKm) / (r * r) - 1e-9),
  );
}

/** Adds the batteries and their cost into `out`; explains itself into `lines`. */
export function adGroup(
  ctx: Context,
  get: AttrReader,
  src: AttrSourcer,
  out: Float64Array,
  lines?: BreakdownLine[],
) {
  const n = Math.max(0, Math.round(num(get("ad_cities"))));
  if (n === 0) return;
  const chosen = ctx.cities.slice(0, n);
  let batteries = 0;
  let people = 0;
  for (const p of chosen) {
    batteries += batteriesForCity(p.population!.value, ctx.params);
    people += p.population!.value;
  }
  const cost = batteries * param(ctx.params, "cost.ad_battery_usd_m_per_year");
  out[REQ_AIR_DEFENCE_BATTERIES]! += batteries;
  out[REQ_COST_USD_M_PER_YEAR]! += cost;
  if (!lines) return;
  lines.push({
    id: "ad.batteries",
    label: `Air-defence batteries for ${chosen.map((p) => p.name).join(", ") || "no listed city"}`,
    value: batteries,
    unit: "batteries",
    formula:
      "Σ over the ad_cities most populous places of max(min per city, ⌈(city radius / defended radius)²⌉)",
    inputs: [
      { name: "ad_cities", value: n, source: src("ad_cities") },
      ...chosen.map((p) => ({
        name: `${p.name} population`,
        value: p.population!.value,
        source: p.population!.source,
      })),
      paramInput(ctx, "ad.urban_density_per_km2"),
      paramInput(ctx, "ad.battery_defended_radius_km"),
      paramInput(ctx, "ad.min_batteries_per_city"),
    ],
  });
  lines.push({
    id: "ad.population_share",
    label: "Share of the listed places' population under a battery",
    value: ctx.citiesPopulation > 0 ? people / ctx.citiesPopulation : 0,
    unit: "share",
    formula: "population of the defended places / population of all places listed in the theater",
    inputs: [{ name: "places with a population", value: ctx.cities.length, source: "theater.places" }],
  });
  lines.push({
    id: "cost.ad",
    label: "Cost of air-defence batteries",
    value: cost,
    unit: "USD m/year",
    formula: "batteries × cost per battery per year",
    inputs: [paramInput(ctx, "cost.ad_battery_usd_m_per_year")],
  });
}
