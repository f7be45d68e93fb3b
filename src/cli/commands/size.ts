import { responseTimeHours, sizeCapStation } from "../../models/air.js";
import type { LatLon } from "../../models/geo.js";
import { type GroundGeometry, groundDensityParameter, sizeGroundForce } from "../../models/ground.js";
import { AIRCRAFT, aircraftIds, aircraftType } from "../../parameters/index.js";
import { GROUND_MISSIONS } from "../../scenario/reserved.js";
import type { MissionType } from "../../scenario/schema.js";
import {
  type Command,
  type CommandContext,
  jsonOut,
  numberFlag,
  stringFlag,
  UsageError,
} from "../command.js";
import { loadScenarioFile } from "../scenario-file.js";
import { explainCommand } from "./explain.js";

const HELP = `Usage: guarantor size ground --mission <type> (--line-km N | --area-km2 N | --sites N) [--rotation R] [--json]
       guarantor size air --base <ICAO | lat,lon> --station <lat,lon> --aircraft <type> [--tanker] [file] [--json]

size ground: troops a ground mission deploys and the troops to generate to sustain it.
  core = density × (line km | area km² | sites); deployed = fixed HQ + core × (1 + HQ and enabler share);
  generated = deployed × rotation factor. Densities are calibrated on real missions (docs/models.md).
  --mission <type>   ${GROUND_MISSIONS.join(", ")}
  --line-km N        length of line covered, km (observation, interposition, tripwire, defence)
  --area-km2 N       area secured, km² (interposition)
  --sites N          key sites held (reassurance, tripwire)
  --rotation R       units generated per unit deployed (default 3, the rule of thirds)

size air: aircraft to keep one combat air patrol station manned 24/7 from a base.
  transit = great-circle distance / cruise speed; on station = endurance − 2 × transit − reserve (a tanker
  extends the sortie when that saves aircraft); aircraft = sorties per day / sortie rate / availability.
  --base <ICAO | lat,lon>   an airbase of the scenario by its ICAO code, or a point
  --station <lat,lon>       centre of the patrol station
  --aircraft <type>         ${aircraftIds("fighter", "drone").join(", ")} (also tankers and AEW: ${aircraftIds("tanker", "aew").join(", ")})
  --tanker                  allow in-flight refuelling
  file                      scenario to look the ICAO code up in (default: the embedded scenario)

Options:
  --json   print the result as JSON (ground: deployedTroops, generatedTroops, …; air: aircraftRequired,
           transitHours, onStationHours, …)
Exit codes: 0 success, 2 bad flags or input.`;

/** Parse `lat,lon` into a point, or a UsageError naming the flag. */
export function parseLatLon(flag: string, raw: string): LatLon {
  const parts = raw.split(",").map((s) => s.trim());
  const [lat, lon] = parts.map(Number);
  if (
    parts.length !== 2 ||
    parts.some((p) => p === "") ||
    !Number.isFinite(lat) ||
    !Number.isFinite(lon) ||
    Math.abs(lat!) > 90 ||
    Math.abs(lon!) > 180
  ) {
    throw new UsageError(`--${flag}: expected "lat,lon" in degrees (e.g. 50.11,22.02), got "${raw}"`);
  }
  return { lat: lat!, lon: lon! };
}

function requireFlag(ctx: CommandContext, name: string): string {
  const v = stringFlag(ctx, name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

function onlyFlags(ctx: CommandContext, allowed: readonly string[], sub: string): void {
  for (const [k, v] of Object.entries(ctx.values)) {
    if (v !== undefined && !allowed.includes(k))
      throw new UsageError(`--${k} does not apply to "size ${sub}"`);
  }
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function runGround(ctx: CommandContext): number {
  onlyFlags(ctx, ["mission", "line-km", "area-km2", "sites", "rotation", "json"], "ground");
  if (ctx.positionals.length > 1) throw new UsageError(`unexpected argument "${ctx.positionals[1]}"`);
  const mission = requireFlag(ctx, "mission");
  if (!(GROUND_MISSIONS as readonly string[]).includes(mission)) {
    throw new UsageError(`--mission: expected one of ${GROUND_MISSIONS.join(", ")}, got "${mission}"`);
  }
  const m = mission as MissionType;
  const lineKm = numberFlag(ctx, "line-km", { min: 0 });
  const areaKm2 = numberFlag(ctx, "area-km2", { min: 0 });
  const sites = numberFlag(ctx, "sites", { min: 0, integer: true });
  const given = [lineKm, areaKm2, sites].filter((x) => x !== undefined).length;
  if (given !== 1) throw new UsageError("give exactly one of --line-km, --area-km2 or --sites");
  const geometry: GroundGeometry =
    lineKm !== undefined ? { lineKm } : areaKm2 !== undefined ? { areaKm2 } : { sites: sites! };
  const kind = lineKm !== undefined ? "line" : areaKm2 !== undefined ? "area" : "sites";
  if (!groundDensityParameter(m, kind)) {
    const ok = (["line", "area", "sites"] as const)
      .filter((k) => groundDensityParameter(m, k))
      .map((k) => (k === "line" ? "--line-km" : k === "area" ? "--area-km2" : "--sites"));
    throw new UsageError(`a ${m} mission is sized by ${ok.join(" or ")}`);
  }
  const rotation = numberFlag(ctx, "rotation", { min: 1 });
  const size = sizeGroundForce({ mission: m, geometry }, rotation === undefined ? {} : { rotation });
  if (ctx.values.json) ctx.io.stdout(jsonOut(size));
  else {
    const what =
      kind === "line"
        ? `${size.amount} km of line`
        : kind === "area"
          ? `${size.amount} km²`
          : `${size.amount} sites`;
    ctx.io.stdout(
      `${m} over ${what}\n` +
        `  core troops       ${Math.round(size.coreTroops)}  (${size.density} per ${kind === "line" ? "km" : kind === "area" ? "km²" : "site"}, ${size.densityParameter})\n` +
        `  HQ and enablers   ${Math.round(size.hqFixedTroops + size.hqEnablerTroops)}  (fixed ${size.hqFixedTroops} + ${size.hqEnablerShare} × core)\n` +
        `  deployed          ${size.deployedTroops}\n` +
        `  generated         ${size.generatedTroops}  (× ${size.rotationFactor} rotation)\n`,
    );
  }
  return 0;
}

function runAir(ctx: CommandContext): number {
  onlyFlags(ctx, ["base", "station", "aircraft", "tanker", "json"], "air");
  if (ctx.positionals.length > 2) throw new UsageError(`unexpected argument "${ctx.positionals[2]}"`);
  const baseRaw = requireFlag(ctx, "base");
  const station = parseLatLon("station", requireFlag(ctx, "station"));
  const aircraftRaw = requireFlag(ctx, "aircraft");
  const aircraft = aircraftType(aircraftRaw);
  if (!aircraft) {
    throw new UsageError(
      `--aircraft: unknown type "${aircraftRaw}"; types: ${Object.keys(AIRCRAFT).join(", ")}`,
    );
  }
  let base: LatLon;
  let baseName = baseRaw;
  if (/^-?[\d.]+\s*,\s*-?[\d.]+$/.test(baseRaw)) base = parseLatLon("base", baseRaw);
  else {
    const file = ctx.positionals[1];
    const c = loadScenarioFile(file, ctx.io.cwd);
    const b = c.scenario.theater.airbases.find((x) => x.id.toLowerCase() === baseRaw.toLowerCase());
    if (!b) {
      throw new UsageError(
        `--base: no airbase "${baseRaw}" in ${c.file}; airbases: ${c.scenario.theater.airbases.map((x) => x.id).join(", ") || "none"}`,
      );
    }
    base = b.location;
    baseName = `${b.id} (${b.name})`;
  }
  const size = sizeCapStation({ base, station, aircraft, tanker: ctx.values.tanker === true });
  const result = {
    base: { name: baseName, ...base },
    station,
    ...size,
    responseTimeHours: responseTimeHours(base, station, aircraft),
  };
  if (ctx.values.json) ctx.io.stdout(jsonOut(result));
  else {
    ctx.io.stdout(
      `${aircraft.name} station at ${station.lat},${station.lon} from ${baseName}\n` +
        `  distance          ${round(size.distanceKm, 1)} km\n` +
        `  transit           ${round(size.transitHours, 2)} h each way at ${aircraft.cruiseKmh} km/h\n` +
        `  on station        ${round(size.onStationHours, 2)} h per sortie${size.refuelled ? " (refuelled)" : ""}\n` +
        `  sorties per day   ${round(size.sortiesPerDay, 1)} (${size.aircraftPerStation} airborne around the clock)\n` +
        `  sortie rate       ${round(size.sortiesPerDayPerAircraft, 2)} per aircraft per day\n` +
        `  aircraft required ${size.feasible ? size.aircraftRequired : "out of reach"} (availability ${size.availability})\n` +
        `  response time     ${round(result.responseTimeHours, 2)} h from alert at the base\n`,
    );
  }
  return 0;
}

export const sizeCommand: Command = {
  name: "size",
  summary: "size one ground mission (troops) or one 24/7 air patrol station (aircraft)",
  help: HELP,
  options: {
    mission: { type: "string" },
    "line-km": { type: "string" },
    "area-km2": { type: "string" },
    sites: { type: "string" },
    rotation: { type: "string" },
    base: { type: "string" },
    station: { type: "string" },
    aircraft: { type: "string" },
    tanker: { type: "boolean" },
    json: { type: "boolean" },
  },
  maxPositionals: 2,
  async run(ctx) {
    const sub = ctx.positionals[0];
    if (sub === "ground") return runGround(ctx);
    if (sub === "air") return runAir(ctx);
    throw new UsageError(
      sub === undefined ? 'expected "ground" or "air"' : `unknown kind "${sub}": expected "ground" or "air"`,
    );
  },
};

/** The commands of the military models, registered together in commands/index.ts. */
export const MODEL_COMMANDS: Command[] = [sizeCommand, explainCommand];
