/**
 * The ISR group of the requirement model: drone orbits watching the contact line around the clock.
 */

import { param } from "../../parameters/index.js";
import { nearestBase, sizeCapStation } from "../air.js";
import { pointsAlongLine } from "./air.js";
import { type AttrReader, type AttrSourcer, type Context, num, paramInput } from "./context.js";
import { type BreakdownLine, REQ_COST_USD_M_PER_YEAR, REQ_DRONE_ORBITS } from "./layout.js";

/** Adds the drone orbits and their cost into `out`; explains itself into `lines`. */
export function isrGroup(
  ctx: Context,
  get: AttrReader,
  src: AttrSourcer,
  out: Float64Array,
  lines?: BreakdownLine[],
) {
  const share = num(get("isr_line_share"));
  if (!(share > 0)) return;
  const perOrbitKm = param(ctx.params, "isr.line_km_per_orbit");
  // Orbits = ⌈watched line km / line km per orbit⌉ (judgement on sensor swath, see isr.line_km_per_orbit).
  const orbits = Math.ceil((ctx.lineKm * share) / perOrbitKm - 1e-9);
  out[REQ_DRONE_ORBITS]! += orbits;
  let aircraft = 0;
  let fh = 0;
  if (ctx.bases.length > 0) {
    for (const p of pointsAlongLine(ctx, orbits)) {
      const b = nearestBase(ctx.bases, p);
      const size = sizeCapStation(
        { base: ctx.bases[b.index]!.location, station: p, aircraft: ctx.drone },
        { parameters: ctx.params, aircraftPerStation: 1 },
      );
      // Fleet per orbit with spares, training, depot and attrition (USAF: about four MQ-9 per 24/7 orbit).
      aircraft += Math.ceil(
        (size.missionCapableAircraft / size.availability) * (1 + param(ctx.params, "isr.spare_share")) - 1e-9,
      );
      fh += size.flightHoursPerYear;
    }
  }
  const cost = (fh * ctx.drone.costUsdPerFlightHour) / 1e6;
  out[REQ_COST_USD_M_PER_YEAR]! += cost;
  lines?.push({
    id: "isr.orbits",
    label: "Drone orbits watching the line around the clock",
    value: orbits,
    unit: "orbits",
    formula: "⌈contact line km × ISR line share / line km per orbit⌉",
    inputs: [
      { name: "contact line length, km", value: ctx.lineKm, source: ctx.lineSource },
      { name: "isr_line_share", value: share, source: src("isr_line_share") },
      paramInput(ctx, "isr.line_km_per_orbit"),
    ],
  });
  lines?.push({
    id: "isr.aircraft",
    label: `${ctx.drone.id} aircraft for those orbits`,
    value: aircraft,
    unit: "aircraft",
    formula:
      "Σ over orbits (placed along the line, flown from the nearest base) of ⌈orbit formula with 1 aircraft × " +
      "(1 + spare share)⌉",
    inputs: [
      paramInput(ctx, "isr.spare_share"),
      { name: `${ctx.drone.id} endurance h`, value: ctx.drone.enduranceHours, source: ctx.drone.source },
      { name: `${ctx.drone.id} cruise km/h`, value: ctx.drone.cruiseKmh, source: ctx.drone.source },
    ],
  });
  lines?.push({
    id: "cost.isr",
    label: "Cost of drone flying",
    value: cost,
    unit: "USD m/year",
    formula: "flight hours per year × cost per flight hour",
    inputs: [
      {
        name: `${ctx.drone.id} USD per flight hour`,
        value: ctx.drone.costUsdPerFlightHour,
        source: ctx.drone.source,
      },
    ],
  });
}
