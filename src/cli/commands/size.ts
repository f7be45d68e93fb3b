import { deflatorYears, troopCostUsdM } from "../../costs/index.js";
import { responseTimeHours, sizeCapStation } from "../../models/air.js";
import type { LatLon } from "../../models/geo.js";
import { type GroundGeometry, sizeGroundForce } from "../../models/ground.js";
import {
  DEFAULT_POSTURE,
  type SizingGeometry,
  sizingClass,
  sizingOptions,
} from "../../models/ground-classes.js";
import { sizeQra } from "../../models/qra.js";
import { AIRCRAFT, aircraftIds, aircraftType } from "../../parameters/index.js";
import { POSTURES, type Posture, SIZING_MISSIONS, type SizingMission } from "../../precedents/schema.js";
import { MAX_AREA_KM2, MAX_COUNT, MAX_LENGTH_KM, MAX_POPULATION } from "../../scenario/bounds.js";
import {
  type Command,
  type CommandContext,
  jsonOut,
  numberFlag,
  stringFlag,
  UsageError,
} from "../command.js";
import { loadScenarioFile } from "../scenario-file.js";

const HELP = `Usage: guarantor size ground --mission <type> [--posture P] (--line-km N | --area-km2 N | --sites N) [--population N] [--rotation R] [--json]
       guarantor size air --base <ICAO | lat,lon> --station <lat,lon> --aircraft <type> [--tanker] [file] [--json]
       guarantor size air --qra --area N [--base <ICAO | lat,lon>]... [--aircraft <type>] [--launch-minutes M] [--response-minutes M] [file] [--json]

size ground: troops a ground mission deploys and the troops to generate to sustain it, with a 90% interval.
  Fitted classes: deployed = density × reference × (amount / reference)^exponent, fitted on the precedent
  library; designed classes (a brigade per site, per frontage): fixed HQ + unit troops × amount × (1 + HQ
  share). The interval is the leave-one-out spread of the class's calibration; generated = deployed × rotation.
  Density depends on mission and posture (docs/models.md, the cross-validation table).
  --mission <type>   ${SIZING_MISSIONS.join(", ")}
  --posture P        ${POSTURES.join(", ")} (default: unarmed for observation, robust otherwise)
  --line-km N        length of line covered, km
  --area-km2 N       area covered, km² (with --population: an area is sized on its people, not km²)
  --population N     inhabitants of the area (stabilisation, reassurance or interposition over an area)
  --sites N          key sites, posts or bases held
  --rotation R       units generated per unit deployed (default 3, the rule of thirds)
  --nation ISO3      cost the deployed force at that contributor's published cost per soldier (FRA, DEU, USA,
                     UN; others: the European default with the range of every national figure)
  --currency-year Y  dollars of that year for --nation (default 2024), deflated with US CPI-U

size air: aircraft to keep one combat air patrol station manned 24/7 from a base.
  transit = great-circle distance / cruise speed; on station = endurance − 2 × transit − reserve (a tanker
  extends the sortie when that saves aircraft); aircraft = sorties per day / sortie rate / availability.
  --base <ICAO | lat,lon>   an airbase of the scenario by its ICAO code, or a point
  --station <lat,lon>       centre of the patrol station
  --aircraft <type>         ${aircraftIds("fighter", "drone").join(", ")} (also tankers and AEW: ${aircraftIds("tanker", "aew").join(", ")})
  --tanker                  allow in-flight refuelling
  file                      scenario to look the ICAO code up in (default: the embedded scenario)

size air --qra: air policing on quick-reaction alert over an area.
  reach = dash × (response target − launch); bases needed = ⌈area / (π reach²)⌉; aircraft = ⌈bases × 2 on
  alert × aircraft per aircraft on alert⌉, fitted on Baltic, Icelandic and Romanian detachments (90% interval
  from the leave-one-out spread); generated = deployed × rotation (four-month detachments).
  --area N                  area policed, km²
  --base <ICAO | lat,lon>   a base holding aircraft on alert (repeat for several; default: as many as needed)
  --launch-minutes M        order to launch (default: the aircraft's alert launch, 15 = NATO RS-15)
  --response-minutes M      order to reaching any point of the area (default 30)

Options:
  --json   print the result as JSON (ground: deployedTroops, deployedTroops90, generatedTroops,
           generatedTroops90, …; air: aircraftRequired, transitHours, …; qra: aircraftDeployed,
           aircraftDeployed90, aircraftGenerated90, basesNeeded, …)
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

const GEOMETRY_FLAG: Readonly<Record<SizingGeometry, string>> = {
  line: "--line-km",
  population: "--area-km2 with --population",
  sites: "--sites",
};

function runGround(ctx: CommandContext): number {
  onlyFlags(
    ctx,
    [
      "mission",
      "posture",
      "line-km",
      "area-km2",
      "population",
      "sites",
      "rotation",
      "nation",
      "currency-year",
      "json",
    ],
    "ground",
  );
  if (ctx.positionals.length > 1) throw new UsageError(`unexpected argument "${ctx.positionals[1]}"`);
  const mission = requireFlag(ctx, "mission");
  if (!(SIZING_MISSIONS as readonly string[]).includes(mission)) {
    throw new UsageError(`--mission: expected one of ${SIZING_MISSIONS.join(", ")}, got "${mission}"`);
  }
  const m = mission as SizingMission;
  const postureRaw = stringFlag(ctx, "posture");
  if (postureRaw !== undefined && !(POSTURES as readonly string[]).includes(postureRaw))
    throw new UsageError(`--posture: expected one of ${POSTURES.join(", ")}, got "${postureRaw}"`);
  const posture = (postureRaw as Posture | undefined) ?? DEFAULT_POSTURE[m];
  const lineKm = numberFlag(ctx, "line-km", { min: 0, max: MAX_LENGTH_KM });
  const areaKm2 = numberFlag(ctx, "area-km2", { min: 0, max: MAX_AREA_KM2 });
  const population = numberFlag(ctx, "population", { min: 0, max: MAX_POPULATION });
  const sites = numberFlag(ctx, "sites", { min: 0, max: MAX_COUNT, integer: true });
  const given = [lineKm, areaKm2, sites].filter((x) => x !== undefined).length;
  if (given !== 1) throw new UsageError("give exactly one of --line-km, --area-km2 or --sites");
  if (population !== undefined && areaKm2 === undefined)
    throw new UsageError("--population goes with --area-km2: the people living in the area covered");
  if (areaKm2 !== undefined && population === undefined)
    throw new UsageError(
      "--area-km2 needs --population: an area mission is sized on the people in it (troops per 1,000 " +
        "inhabitants, Quinlivan), not on km² alone",
    );
  const geometry: GroundGeometry =
    lineKm !== undefined
      ? { lineKm }
      : areaKm2 !== undefined
        ? { population: population!, areaKm2 }
        : { sites: sites! };
  const kind: SizingGeometry = lineKm !== undefined ? "line" : areaKm2 !== undefined ? "population" : "sites";
  if (!sizingClass(m, posture, kind)) {
    const ok = sizingOptions(m).map((o) => `${o.posture} by ${GEOMETRY_FLAG[o.geometry]}`);
    throw new UsageError(
      `a ${posture} ${m} mission has no density by ${GEOMETRY_FLAG[kind]}; ${m} is sized as ${ok.join(", ")}`,
    );
  }
  const rotation = numberFlag(ctx, "rotation", { min: 1, max: 100 });
  const size = sizeGroundForce({ mission: m, posture, geometry }, rotation === undefined ? {} : { rotation });
  const nation = stringFlag(ctx, "nation");
  const [y0, y1] = deflatorYears();
  const year = numberFlag(ctx, "currency-year", { min: y0, max: y1, integer: true });
  if (year !== undefined && nation === undefined) throw new UsageError("--currency-year goes with --nation");
  const perTroop = nation === undefined ? undefined : troopCostUsdM(nation.toUpperCase(), year ?? 2024);
  const cost = perTroop && {
    ...perTroop,
    deployedUsdMPerYear: size.deployedTroops * perTroop.usdMPerYear,
    // The force's interval times the cost's range: the widest honest span.
    deployedUsdMPerYear90: [
      size.deployedTroops90[0] * perTroop.rangeUsdMPerYear[0],
      size.deployedTroops90[1] * perTroop.rangeUsdMPerYear[1],
    ] as [number, number],
  };
  if (ctx.values.json) ctx.io.stdout(jsonOut(cost ? { ...size, cost } : size));
  else {
    const what =
      kind === "line"
        ? `${size.amount} km of line`
        : kind === "population"
          ? `${size.amount} inhabitants${areaKm2 !== undefined ? ` on ${areaKm2} km²` : ""}`
          : `${size.amount} sites`;
    const [lo, hi] = size.deployedTroops90;
    const [glo, ghi] = size.generatedTroops90;
    ctx.io.stdout(
      `${m} (${posture}) over ${what}: class ${size.classId}, ${size.form === "fit" ? "fitted" : "designed"}\n` +
        `  density           ${size.density} ${size.densityUnit}${size.form === "fit" ? ` at the reference, exponent ${size.exponent}` : ""} (${size.densityParameter})\n` +
        (size.form === "design"
          ? `  HQ and enablers   ${Math.round(size.hqFixedTroops + size.hqEnablerTroops)}  (fixed ${size.hqFixedTroops} + ${size.hqEnablerShare} × core)\n`
          : "") +
        `  deployed          ${size.deployedTroops}  [90%: ${lo}–${hi}]\n` +
        `  generated         ${size.generatedTroops}  [90%: ${glo}–${ghi}]  (× ${size.rotationFactor} rotation)\n` +
        (cost
          ? `  cost              ${round(cost.deployedUsdMPerYear, 1)} USD m/year of ${cost.currencyYear} [${round(cost.deployedUsdMPerYear90[0], 1)}–${round(cost.deployedUsdMPerYear90[1], 1)}] at ${round(cost.usdMPerYear, 3)} per soldier (${cost.nation}, ${cost.basis}; CPI-U)\n`
          : ""),
    );
  }
  return 0;
}

async function runQra(ctx: CommandContext): Promise<number> {
  onlyFlags(
    ctx,
    ["qra", "area", "base", "aircraft", "launch-minutes", "response-minutes", "json"],
    "air --qra",
  );
  if (ctx.positionals.length > 2) throw new UsageError(`unexpected argument "${ctx.positionals[2]}"`);
  const area = numberFlag(ctx, "area", { min: 1, max: MAX_AREA_KM2 });
  if (area === undefined) throw new UsageError("--area is required (km² policed)");
  const aircraftRaw = stringFlag(ctx, "aircraft") ?? "F-16";
  const aircraft = aircraftType(aircraftRaw);
  if (aircraft?.role !== "fighter")
    throw new UsageError(
      `--aircraft: expected a fighter (${aircraftIds("fighter").join(", ")}), got "${aircraftRaw}"`,
    );
  const launch = numberFlag(ctx, "launch-minutes", { min: 0, max: 10_000 });
  const response = numberFlag(ctx, "response-minutes", { min: 1, max: 10_000 });
  const raw = ctx.values.base;
  const baseArgs = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  const bases: { name: string; location: LatLon }[] = [];
  for (const b of baseArgs) bases.push(await resolveBase(ctx, b));
  const launchHours = launch !== undefined ? launch / 60 : aircraft.alertLaunchHours;
  if (response !== undefined && response / 60 <= launchHours)
    throw new UsageError(`--response-minutes must be longer than the launch time (${launchHours * 60} min)`);
  const size = sizeQra(
    { areaKm2: area, aircraft, ...(bases.length ? { bases: bases.length } : {}) },
    {
      ...(launch !== undefined ? { launchHours: launch / 60 } : {}),
      ...(response !== undefined ? { responseHours: response / 60 } : {}),
    },
  );
  const result = { basesGiven: bases, ...size };
  if (ctx.values.json) ctx.io.stdout(jsonOut(result));
  else {
    const [lo, hi] = size.aircraftDeployed90;
    const [glo, ghi] = size.aircraftGenerated90;
    ctx.io.stdout(
      `QRA over ${area} km² with ${aircraft.name}, launch ${round(size.launchHours * 60, 1)} min, target ${round(size.responseTargetHours * 60, 1)} min\n` +
        `  reach             ${round(size.reachKm, 1)} km at ${size.dashKmh} km/h\n` +
        `  bases             ${size.bases} (${size.basesNeeded} needed)${bases.length ? `: ${bases.map((b) => b.name).join(", ")}` : ""}\n` +
        `  worst response    ${round(size.worstResponseHours * 60, 1)} min${size.responseTargetMet ? "" : " (target not met)"}\n` +
        `  aircraft deployed ${size.aircraftDeployed}  [90%: ${lo}–${hi}]  (${size.alertAircraftPerBase} on alert per base × ${size.aircraftPerAlertAircraft})\n` +
        `  generated         ${size.aircraftGenerated}  [90%: ${glo}–${ghi}]  (× ${size.rotationFactor} rotation)\n`,
    );
  }
  return 0;
}

/** A base given as `lat,lon`, or an ICAO code looked up in the scenario file (or the default scenario). */
async function resolveBase(ctx: CommandContext, raw: string): Promise<{ name: string; location: LatLon }> {
  if (/^-?[\d.]+\s*,\s*-?[\d.]+$/.test(raw)) return { name: raw, location: parseLatLon("base", raw) };
  const c = await loadScenarioFile(ctx.positionals[1], ctx.io.cwd);
  const b = c.scenario.theater.airbases.find((x) => x.id.toLowerCase() === raw.toLowerCase());
  if (!b) {
    throw new UsageError(
      `--base: no airbase "${raw}" in ${c.file}; airbases: ${c.scenario.theater.airbases.map((x) => x.id).join(", ") || "none"}`,
    );
  }
  return { name: `${b.id} (${b.name})`, location: b.location };
}

async function runAir(ctx: CommandContext): Promise<number> {
  if (ctx.values.qra) return runQra(ctx);
  onlyFlags(ctx, ["base", "station", "aircraft", "tanker", "json"], "air");
  if (ctx.positionals.length > 2) throw new UsageError(`unexpected argument "${ctx.positionals[2]}"`);
  const rawBase = ctx.values.base;
  if (Array.isArray(rawBase) && rawBase.length > 1)
    throw new UsageError("--base: one base for a patrol station (several only with --qra)");
  const baseRaw = Array.isArray(rawBase) ? String(rawBase[0]) : stringFlag(ctx, "base");
  if (baseRaw === undefined) throw new UsageError("--base is required");
  const station = parseLatLon("station", requireFlag(ctx, "station"));
  const aircraftRaw = requireFlag(ctx, "aircraft");
  const aircraft = aircraftType(aircraftRaw);
  if (!aircraft) {
    throw new UsageError(
      `--aircraft: unknown type "${aircraftRaw}"; types: ${Object.keys(AIRCRAFT).join(", ")}`,
    );
  }
  const { name: baseName, location: base } = await resolveBase(ctx, baseRaw);
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
  help: HELP,
  options: {
    mission: { type: "string" },
    posture: { type: "string" },
    "line-km": { type: "string" },
    "area-km2": { type: "string" },
    population: { type: "string" },
    sites: { type: "string" },
    rotation: { type: "string" },
    nation: { type: "string" },
    "currency-year": { type: "string" },
    base: { type: "string", multiple: true },
    qra: { type: "boolean" },
    area: { type: "string" },
    "launch-minutes": { type: "string" },
    "response-minutes": { type: "string" },
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
