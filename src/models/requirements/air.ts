/**
 * The air group of the requirement model: 24/7 combat air patrol stations placed along the line and flown from
 * the nearest base (with tankers and airborne early warning, spares counted), and air policing on
 * quick-reaction alert sized by the QRA model.
 */

import { param } from "../../parameters/index.js";
import { ScenarioDataError } from "../../scenario/diagnostics.js";
import type { LatLon } from "../../scenario/schema.js";
import { type CapStationSize, nearestBase, sizeCapStation } from "../air.js";
import { interpolateGreatCircle, pointAlongPolyline, polylineLengthKm } from "../geo.js";
import { qraFleet } from "../qra.js";
import { type AttrReader, type AttrSourcer, type Context, num, paramInput } from "./context.js";
import { type BreakdownLine, REQ_AEW, REQ_COST_USD_M_PER_YEAR, REQ_FIGHTERS, REQ_TANKERS } from "./layout.js";

/** Evenly spaced points along the contact line: the centres of n equal segments. */
export function pointsAlongLine(ctx: Context, n: number): LatLon[] {
  const out: LatLon[] = [];
  for (let i = 0; i < n; i++) out.push(pointAlongPolyline(ctx.polyline, ((i + 0.5) / n) * ctx.polylineKm));
  return out;
}

/** CAP station i of n: a point of the line moved `air.standoff_km` toward its nearest base. */
export function capStationPlacement(
  polyline: readonly LatLon[],
  bases: readonly { id: string; location: LatLon }[],
  n: number,
  standoffKm: number,
): { station: LatLon; baseIndex: number }[] {
  const total = polylineLengthKm(polyline);
  const out: { station: LatLon; baseIndex: number }[] = [];
  for (let i = 0; i < n; i++) {
    const onLine = pointAlongPolyline(polyline, ((i + 0.5) / n) * total);
    const { index, distanceKm } = nearestBase(bases, onLine);
    const base = bases[index]!.location;
    const t = distanceKm > 0 ? Math.min(1, standoffKm / distanceKm) : 0;
    out.push({ station: interpolateGreatCircle(onLine, base, t), baseIndex: index });
  }
  return out;
}

function fmtKm(x: number): string {
  return `${Math.round(x)} km`;
}

/** Adds the patrols, their support and air policing into `out`; explains itself into `lines`. */
export function airGroup(
  ctx: Context,
  get: AttrReader,
  src: AttrSourcer,
  out: Float64Array,
  lines?: BreakdownLine[],
) {
  const n = Math.max(0, Math.round(num(get("cap_stations"))));
  const policing = num(get("air_policing")) > 0;
  let fighters = 0;
  let cost = 0;
  if (n > 0) {
    if (ctx.bases.length === 0)
      throw new ScenarioDataError(
        ["theater", "airbases"],
        "a scheme sets cap_stations > 0 but the scenario lists no airbases: add some under theater.airbases",
      );
    const placed = capStationPlacement(ctx.polyline, ctx.bases, n, param(ctx.params, "air.standoff_km"));
    let tankerMc = 0;
    let aewMc = 0;
    let tankerFh = 0;
    let aewFh = 0;
    const perTankerStation = param(ctx.params, "air.tanker_orbits_per_cap_station");
    const perAewStation = 1 / param(ctx.params, "air.cap_stations_per_aew_orbit");
    placed.forEach(({ station, baseIndex }, i) => {
      const base = ctx.bases[baseIndex]!;
      const size: CapStationSize = sizeCapStation(
        { base: base.location, station, aircraft: ctx.fighter, tanker: ctx.useTankers },
        { parameters: ctx.params },
      );
      outOfReach(size, station, base, ctx.fighter.id);
      fighters += size.aircraftRequired;
      cost += (size.flightHoursPerYear * ctx.fighter.costUsdPerFlightHour) / 1e6;
      if (size.refuelled) {
        const t = sizeCapStation(
          { base: base.location, station, aircraft: ctx.tanker },
          { parameters: ctx.params, aircraftPerStation: perTankerStation },
        );
        outOfReach(t, station, base, ctx.tanker.id);
        tankerMc += t.missionCapableAircraft / t.availability;
        tankerFh += t.flightHoursPerYear;
      }
      const a = sizeCapStation(
        { base: base.location, station, aircraft: ctx.aew },
        { parameters: ctx.params, aircraftPerStation: perAewStation },
      );
      outOfReach(a, station, base, ctx.aew.id);
      aewMc += a.missionCapableAircraft / a.availability;
      aewFh += a.flightHoursPerYear;
      lines?.push({
        id: `air.cap.${i + 1}`,
        label: `CAP station ${i + 1} from ${base.id} (${fmtKm(size.distanceKm)})`,
        value: size.aircraftRequired,
        unit: `${ctx.fighter.id} aircraft`,
        formula:
          "transit = distance / cruise; on station = sortie − 2 transit − reserve; sorties/day = 24 × aircraft " +
          "on station / on station; rate = min(cap, 24 / (sortie + turnaround)); aircraft = ⌈sorties / rate / " +
          `availability⌉ → transit ${size.transitHours.toFixed(2)} h, on station ${size.onStationHours.toFixed(2)} h` +
          `${size.refuelled ? " (refuelled)" : ""}, ${size.sortiesPerDay.toFixed(1)} sorties/day`,
        inputs: [
          { name: "cap_stations", value: n, source: src("cap_stations") },
          {
            name: `base ${base.id}`,
            value: `${base.location.lat}, ${base.location.lon}`,
            source: "theater.airbases",
          },
          {
            name: "station",
            value: `${station.lat.toFixed(2)}, ${station.lon.toFixed(2)}`,
            source: "theater.contactLine.polyline",
          },
          { name: `${ctx.fighter.id} cruise km/h`, value: ctx.fighter.cruiseKmh, source: ctx.fighter.source },
          {
            name: `${ctx.fighter.id} endurance h`,
            value: ctx.fighter.enduranceHours,
            source: ctx.fighter.source,
          },
          {
            name: `${ctx.fighter.id} availability`,
            value: ctx.fighter.availability,
            source: ctx.fighter.source,
          },
          paramInput(ctx, "air.standoff_km"),
          paramInput(ctx, "air.aircraft_per_station"),
          paramInput(ctx, "air.reserve_hours"),
          paramInput(ctx, "air.max_sorties_per_aircraft_per_day"),
          paramInput(ctx, "air.max_tanker_sortie_hours"),
        ],
      });
    });
    // Spares for depot maintenance and training on top of the orbit formula (judgement, air.support_spare_share).
    const spare = 1 + param(ctx.params, "air.support_spare_share");
    const tankers = Math.ceil(tankerMc * spare - 1e-9);
    const aew = Math.ceil(aewMc * spare - 1e-9);
    out[REQ_TANKERS]! += tankers;
    out[REQ_AEW]! += aew;
    const supportCost =
      (tankerFh * ctx.tanker.costUsdPerFlightHour + aewFh * ctx.aew.costUsdPerFlightHour) / 1e6;
    cost += supportCost;
    lines?.push({
      id: "air.tankers",
      label: "Tankers for the refuelled stations",
      value: tankers,
      unit: `${ctx.tanker.id} aircraft`,
      formula:
        "⌈Σ over refuelled stations of orbit aircraft (orbits per station × orbit formula) / availability × " +
        "(1 + spare share)⌉",
      inputs: [
        paramInput(ctx, "air.tanker_orbits_per_cap_station"),
        paramInput(ctx, "air.support_spare_share"),
        { name: ctx.tanker.id, value: ctx.tanker.enduranceHours, source: ctx.tanker.source },
      ],
    });
    lines?.push({
      id: "air.aew",
      label: "Airborne early warning",
      value: aew,
      unit: `${ctx.aew.id} aircraft`,
      formula:
        "⌈Σ over stations of orbit aircraft (1 / stations per orbit × orbit formula) / availability × (1 + spare " +
        "share)⌉",
      inputs: [
        paramInput(ctx, "air.cap_stations_per_aew_orbit"),
        paramInput(ctx, "air.support_spare_share"),
        { name: ctx.aew.id, value: ctx.aew.enduranceHours, source: ctx.aew.source },
      ],
    });
  }
  if (policing) {
    const qraBases = Math.round(num(get("qra_bases")));
    const bases = qraBases > 0 ? qraBases : param(ctx.params, "air.policing_detachments");
    const fleet = qraFleet(bases, ctx.params);
    const qra = fleet.aircraftDeployed;
    fighters += qra;
    const qraCost =
      (qra *
        param(ctx.params, "air.policing_flight_hours_per_aircraft_year") *
        ctx.fighter.costUsdPerFlightHour) /
      1e6;
    cost += qraCost;
    lines?.push({
      id: "air.policing",
      label: `Air policing on quick-reaction alert (${bases} bases)`,
      value: qra,
      unit: `${ctx.fighter.id} aircraft`,
      formula:
        "⌈QRA bases × aircraft on alert per base × aircraft per aircraft on alert⌉ (fitted on Baltic, Icelandic " +
        "and Romanian detachments; 90% interval from its leave-one-out spread)",
      inputs: [
        { name: "air_policing", value: true, source: src("air_policing") },
        qraBases > 0
          ? { name: "qra_bases", value: qraBases, source: src("qra_bases") }
          : paramInput(ctx, "air.policing_detachments"),
        paramInput(ctx, "air.qra.alert_aircraft_per_base"),
        paramInput(ctx, "air.qra.aircraft_per_alert_aircraft"),
      ],
      interval90: fleet.aircraftDeployed90,
    });
  }
  out[REQ_FIGHTERS]! += fighters;
  out[REQ_COST_USD_M_PER_YEAR]! += cost;
  if (cost > 0) {
    lines?.push({
      id: "cost.air",
      label: "Cost of flying (fighters, tankers, AEW)",
      value: cost,
      unit: "USD m/year",
      formula: "Σ flight hours per year × cost per flight hour (sources' own dollar years, not deflated)",
      inputs: [
        {
          name: `${ctx.fighter.id} USD per flight hour`,
          value: ctx.fighter.costUsdPerFlightHour,
          source: ctx.fighter.source,
        },
        {
          name: `${ctx.tanker.id} USD per flight hour`,
          value: ctx.tanker.costUsdPerFlightHour,
          source: ctx.tanker.source,
        },
        {
          name: `${ctx.aew.id} USD per flight hour`,
          value: ctx.aew.costUsdPerFlightHour,
          source: ctx.aew.source,
        },
        paramInput(ctx, "air.policing_flight_hours_per_aircraft_year"),
      ],
    });
  }
}

/** A station its nearest base cannot reach (transit out and back outlasts the sortie) needs infinitely many
 *  aircraft: not a figure to report but a scenario whose line lies beyond its airbases. */
function outOfReach(size: CapStationSize, station: LatLon, base: { id: string }, aircraft: string): void {
  if (Number.isFinite(size.aircraftRequired) && Number.isFinite(size.flightHoursPerYear)) return;
  throw new ScenarioDataError(
    ["theater", "contactLine", "polyline"],
    `a patrol station on the contact line at ${station.lat.toFixed(2)}, ${station.lon.toFixed(2)} is out of reach of ` +
      `every airbase for ${aircraft} (nearest: ${base.id}, ${Math.round(size.distanceKm).toLocaleString("en-US")} km; ` +
      `${size.transitHours.toFixed(1)} h each way): move the line's points nearer the airbases, or add an airbase`,
  );
}
