/**
 * What a scheme needs: troops to generate, fighters, tankers, airborne early warning, drone orbits, air-defence
 * batteries, airlift and money per year, read from the reserved attributes (docs/attributes.md), the scenario's
 * theater and its parameters.
 *
 * Two ways to get them that always agree: `schemeRequirements` (readable, with a breakdown that traces every
 * figure to its formula and sources) and `makeRequirementEvaluator` (fast, allocation-free, for the hundreds of
 * thousands of schemes of `analyze`). Both run the same group functions below; the fast one tabulates each group
 * over the options of the dimensions it reads.
 */
import type { CompiledScenario, Scheme } from "../scenario/compile.js";
import { scenarioParameterValues } from "../scenario/parameters.js";
import { CAPABILITIES, type Capability, type MissionType, type Place } from "../scenario/schema.js";
import { type CapStationSize, nearestBase, sizeCapStation } from "./air.js";
import { AIRCRAFT, type AircraftType, aircraftWithScenarioValues } from "./aircraft.js";
import { type ReachCircle, type TerritoryGrid, territoryCoverage } from "./coverage.js";
import { interpolateGreatCircle, type LatLon, pointAlongPolyline, polylineLengthKm } from "./geo.js";
import { GROUND_MISSIONS, groundDensityParameter, sizeGroundForce } from "./ground.js";
import { param, type ResolvedParameter, resolveModelParameters } from "./parameters.js";

// ---------------------------------------------------------------------------------------------------------
// Output layout of the fast evaluator

/** Index of each output in the evaluator's Float64Array: the capabilities in `CAPABILITIES` order first. */
export const REQ_TROOPS = 0;
export const REQ_FIGHTERS = 1;
export const REQ_TANKERS = 2;
export const REQ_AEW = 3;
export const REQ_DRONE_ORBITS = 4;
export const REQ_AIR_DEFENCE_BATTERIES = 5;
export const REQ_AIRLIFT = 6;
/** Money per year, millions of USD of the scenario's currency year. */
export const REQ_COST_USD_M_PER_YEAR = 7;
/** Troops deployed at a time (ground force and trainers), before rotation. */
export const REQ_DEPLOYED_TROOPS = 8;
/** Length of the evaluator's output array. */
export const REQ_LENGTH = 9;

/** Names of the outputs, by index. */
export const REQ_NAMES: readonly string[] = [...CAPABILITIES, "costUsdMPerYear", "deployedTroops"];

// ---------------------------------------------------------------------------------------------------------
// Types

/** One input of a breakdown line and where it comes from. */
export interface BreakdownInput {
  name: string;
  value: number | string | boolean;
  source: string;
}

/** One traceable figure. */
export interface BreakdownLine {
  id: string;
  label: string;
  value: number;
  unit: string;
  formula: string;
  inputs: BreakdownInput[];
}

export type CapabilityRequirements = Record<Capability, number>;

export interface SchemeRequirements extends CapabilityRequirements {
  costUsdMPerYear: number;
  deployedTroops: number;
  /** Currency of the costs: USD of the scenario's currency year. */
  currency: { code: "USD"; year: number };
  breakdown: BreakdownLine[];
}

export interface RequirementOptions {
  /** Parameter values that win over the scenario's and the code defaults (sensitivity, Monte Carlo). */
  overrides?: Readonly<Record<string, number>>;
  /** Fighter type flying CAP and air policing (default F-16). */
  fighter?: string;
  /** Tanker type (default KC-135). */
  tanker?: string;
  /** Airborne early-warning type (default E-3). */
  aew?: string;
  /** Drone type for ISR orbits (default MQ-9). */
  drone?: string;
  /** Whether CAP stations may be refuelled in flight (default true). */
  useTankers?: boolean;
}

/** The reserved attributes the requirement model reads, with the defaults of docs/attributes.md. */
export const REQUIREMENT_ATTRIBUTES = {
  ground_mission: "none",
  ground_line_share: 0,
  ground_sites: 0,
  training_troops: 0,
  cap_stations: 0,
  air_policing: false,
  isr_line_share: 0,
  ad_cities: 0,
  weapons_usd_bn_per_year: 0,
} as const;
type ReqAttr = keyof typeof REQUIREMENT_ATTRIBUTES;

/** The groups of the model: each reads a few attributes and adds to some outputs. */
const GROUPS: readonly { id: string; attrs: readonly ReqAttr[] }[] = [
  { id: "ground", attrs: ["ground_mission", "ground_line_share", "ground_sites", "training_troops"] },
  { id: "air", attrs: ["cap_stations", "air_policing"] },
  { id: "isr", attrs: ["isr_line_share"] },
  { id: "ad", attrs: ["ad_cities"] },
  { id: "weapons", attrs: ["weapons_usd_bn_per_year"] },
];

// ---------------------------------------------------------------------------------------------------------
// Context shared by both evaluators

interface Context {
  c: CompiledScenario;
  params: ReadonlyMap<string, ResolvedParameter>;
  fighter: AircraftType;
  tanker: AircraftType;
  aew: AircraftType;
  drone: AircraftType;
  useTankers: boolean;
  lineKm: number;
  lineSource: string;
  polyline: readonly LatLon[];
  polylineKm: number;
  bases: readonly { id: string; location: LatLon }[];
  /** Places with a population, largest first. */
  cities: readonly Place[];
  citiesPopulation: number;
}

function aircraftOption(id: string | undefined, fallback: string, role: AircraftType["role"]): AircraftType {
  const t = AIRCRAFT[id ?? fallback];
  if (!t) throw new RangeError(`unknown aircraft type "${id}"; types: ${Object.keys(AIRCRAFT).join(", ")}`);
  if (t.role !== role) throw new RangeError(`aircraft type "${id}" is a ${t.role}, not a ${role}`);
  return t;
}

function makeContext(c: CompiledScenario, options: RequirementOptions): Context {
  const s = c.scenario;
  const values = scenarioParameterValues(s);
  const plane = (id: string | undefined, fallback: string, role: AircraftType["role"]) =>
    aircraftWithScenarioValues(aircraftOption(id, fallback, role), values);
  const cities = s.theater.places
    .filter((p) => p.population !== undefined && p.population.value > 0)
    .sort((a, b) => b.population!.value - a.population!.value);
  return {
    c,
    params: resolveModelParameters(s, options.overrides),
    fighter: plane(options.fighter, "F-16", "fighter"),
    tanker: plane(options.tanker, "KC-135", "tanker"),
    aew: plane(options.aew, "E-3", "aew"),
    drone: plane(options.drone, "MQ-9", "drone"),
    useTankers: options.useTankers ?? true,
    lineKm: s.theater.contactLine.lengthKm.value,
    lineSource: s.theater.contactLine.lengthKm.source,
    polyline: s.theater.contactLine.polyline,
    polylineKm: polylineLengthKm(s.theater.contactLine.polyline),
    bases: s.theater.airbases,
    cities,
    citiesPopulation: cities.reduce((sum, p) => sum + p.population!.value, 0),
  };
}

/** Reads a requirement attribute: from the scheme when the scenario declares it, else its reserved default. */
type AttrReader = (name: ReqAttr) => number | string | boolean;
/** Where an attribute's value came from, for the breakdown. */
type AttrSourcer = (name: ReqAttr) => string;

function num(v: number | string | boolean): number {
  return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : Number.NaN;
}

function paramInput(ctx: Context, id: string): BreakdownInput {
  const p = ctx.params.get(id)!;
  return { name: id, value: p.value, source: p.source };
}

// ---------------------------------------------------------------------------------------------------------
// The groups. Each adds into `out` (indexes above) and, when `lines` is given, explains itself.

function groundGroup(
  ctx: Context,
  get: AttrReader,
  src: AttrSourcer,
  out: Float64Array,
  lines?: BreakdownLine[],
) {
  const missionRaw = get("ground_mission");
  const mission = String(missionRaw);
  const share = num(get("ground_line_share"));
  const sites = num(get("ground_sites"));
  const trainers = num(get("training_troops"));
  const rotation = param(ctx.params, "ground.rotation_factor");
  let deployed = 0;
  let generated = 0;
  if (mission !== "none") {
    if (!(GROUND_MISSIONS as readonly string[]).includes(mission)) {
      throw new RangeError(
        `ground_mission "${mission}" (${src("ground_mission")}) is not one of none, ${GROUND_MISSIONS.join(", ")}`,
      );
    }
    const m = mission as MissionType;
    // Line missions cover line length × share; reassurance (and a tripwire given sites) holds sites.
    const bySites = groundDensityParameter(m, "line") === undefined || (share <= 0 && sites > 0);
    const lineKm = ctx.lineKm * share;
    const size = sizeGroundForce(
      { mission: m, geometry: bySites ? { sites } : { lineKm } },
      { params: ctx.params, rotation },
    );
    deployed += size.deployedTroops;
    generated += size.generatedTroops;
    lines?.push({
      id: "ground.deployed",
      label: `Ground force deployed (${m})`,
      value: size.deployedTroops,
      unit: "troops",
      formula: bySites
        ? "fixed HQ + troops per site × sites × (1 + HQ and enabler share)"
        : "fixed HQ + troops per km × line km × line share × (1 + HQ and enabler share)",
      inputs: [
        { name: "ground_mission", value: m, source: src("ground_mission") },
        ...(bySites
          ? [{ name: "ground_sites", value: sites, source: src("ground_sites") }]
          : [
              { name: "contact line length, km", value: ctx.lineKm, source: ctx.lineSource },
              { name: "ground_line_share", value: share, source: src("ground_line_share") },
            ]),
        paramInput(ctx, size.densityParameter),
        paramInput(ctx, "ground.hq_enabler_share"),
        paramInput(ctx, "ground.hq_fixed_troops"),
      ],
    });
    lines?.push({
      id: "ground.generated",
      label: "Ground troops to generate (with rotation)",
      value: size.generatedTroops,
      unit: "troops",
      formula: "deployed × rotation factor",
      inputs: [
        { name: "deployed troops", value: size.deployedTroops, source: "line ground.deployed" },
        paramInput(ctx, "ground.rotation_factor"),
      ],
    });
  }
  if (trainers > 0) {
    const trainersGenerated = Math.ceil(trainers * rotation);
    deployed += trainers;
    generated += trainersGenerated;
    lines?.push({
      id: "ground.trainers",
      label: "Trainers to generate (with rotation)",
      value: trainersGenerated,
      unit: "troops",
      formula: "training troops × rotation factor",
      inputs: [
        { name: "training_troops", value: trainers, source: src("training_troops") },
        paramInput(ctx, "ground.rotation_factor"),
      ],
    });
  }
  out[REQ_TROOPS]! += generated;
  out[REQ_DEPLOYED_TROOPS]! += deployed;
  if (deployed > 0) {
    // Dry cargo per soldier per day (US Army ATP 4-90, Table C-1).
    const supplyTPerDay = (deployed * param(ctx.params, "logistics.supply_kg_per_troop_day")) / 1000;
    const airShare = param(ctx.params, "logistics.airlift_share");
    const sortiesPerDay = (supplyTPerDay * airShare) / param(ctx.params, "logistics.airlift_payload_t");
    const airlift = Math.ceil(
      sortiesPerDay /
        param(ctx.params, "logistics.airlift_sorties_per_aircraft_per_day") /
        param(ctx.params, "logistics.airlift_availability") -
        1e-9,
    );
    const trucksPerDay = (supplyTPerDay * (1 - airShare)) / param(ctx.params, "logistics.truck_payload_t");
    out[REQ_AIRLIFT]! += airlift;
    const cost = deployed * param(ctx.params, "cost.troop_usd_m_per_year");
    out[REQ_COST_USD_M_PER_YEAR]! += cost;
    if (lines) {
      lines.push({
        id: "logistics.supply",
        label: "Supply for the deployed force",
        value: supplyTPerDay,
        unit: "t/day",
        formula: "deployed troops × supply kg per troop per day / 1000",
        inputs: [
          { name: "deployed troops", value: deployed, source: "lines ground.deployed, ground.trainers" },
          paramInput(ctx, "logistics.supply_kg_per_troop_day"),
        ],
      });
      lines.push({
        id: "logistics.airlift",
        label: "Airlift aircraft",
        value: airlift,
        unit: "aircraft",
        formula: "⌈supply × airlift share / payload / sorties per aircraft per day / availability⌉",
        inputs: [
          { name: "supply, t/day", value: supplyTPerDay, source: "line logistics.supply" },
          paramInput(ctx, "logistics.airlift_share"),
          paramInput(ctx, "logistics.airlift_payload_t"),
          paramInput(ctx, "logistics.airlift_sorties_per_aircraft_per_day"),
          paramInput(ctx, "logistics.airlift_availability"),
        ],
      });
      lines.push({
        id: "logistics.trucks",
        label: "Truck loads by road and rail",
        value: trucksPerDay,
        unit: "trucks/day",
        formula: "supply × (1 − airlift share) / truck payload",
        inputs: [
          { name: "supply, t/day", value: supplyTPerDay, source: "line logistics.supply" },
          paramInput(ctx, "logistics.airlift_share"),
          paramInput(ctx, "logistics.truck_payload_t"),
        ],
      });
      lines.push({
        id: "cost.troops",
        label: "Cost of deployed troops",
        value: cost,
        unit: "USD m/year",
        formula: "deployed troops × cost per deployed troop per year",
        inputs: [
          { name: "deployed troops", value: deployed, source: "lines ground.deployed, ground.trainers" },
          paramInput(ctx, "cost.troop_usd_m_per_year"),
        ],
      });
    }
  }
}

/** Evenly spaced points along the contact line: the centres of n equal segments. */
function pointsAlongLine(ctx: Context, n: number): LatLon[] {
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

function airGroup(
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
    if (ctx.bases.length === 0) throw new RangeError("cap_stations > 0 but the scenario lists no airbases");
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
        { params: ctx.params },
      );
      fighters += size.aircraftRequired;
      cost += (size.flightHoursPerYear * ctx.fighter.costUsdPerFlightHour) / 1e6;
      if (size.refuelled) {
        const t = sizeCapStation(
          { base: base.location, station, aircraft: ctx.tanker },
          { params: ctx.params, aircraftPerStation: perTankerStation },
        );
        tankerMc += t.missionCapableAircraft / t.availability;
        tankerFh += t.flightHoursPerYear;
      }
      const a = sizeCapStation(
        { base: base.location, station, aircraft: ctx.aew },
        { params: ctx.params, aircraftPerStation: perAewStation },
      );
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
    const tankers = Math.ceil(tankerMc - 1e-9);
    const aew = Math.ceil(aewMc - 1e-9);
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
        "⌈Σ over refuelled stations of orbit aircraft (orbits per station × orbit formula) / availability⌉",
      inputs: [
        paramInput(ctx, "air.tanker_orbits_per_cap_station"),
        { name: ctx.tanker.id, value: ctx.tanker.enduranceHours, source: ctx.tanker.source },
      ],
    });
    lines?.push({
      id: "air.aew",
      label: "Airborne early warning",
      value: aew,
      unit: `${ctx.aew.id} aircraft`,
      formula: "⌈Σ over stations of orbit aircraft (1 / stations per orbit × orbit formula) / availability⌉",
      inputs: [
        paramInput(ctx, "air.cap_stations_per_aew_orbit"),
        { name: ctx.aew.id, value: ctx.aew.enduranceHours, source: ctx.aew.source },
      ],
    });
  }
  if (policing) {
    const qra =
      param(ctx.params, "air.policing_detachments") *
      param(ctx.params, "air.policing_aircraft_per_detachment");
    fighters += qra;
    const qraCost =
      (qra *
        param(ctx.params, "air.policing_flight_hours_per_aircraft_year") *
        ctx.fighter.costUsdPerFlightHour) /
      1e6;
    cost += qraCost;
    lines?.push({
      id: "air.policing",
      label: "Air policing on quick-reaction alert",
      value: qra,
      unit: `${ctx.fighter.id} aircraft`,
      formula: "detachments × aircraft per detachment",
      inputs: [
        { name: "air_policing", value: true, source: src("air_policing") },
        paramInput(ctx, "air.policing_detachments"),
        paramInput(ctx, "air.policing_aircraft_per_detachment"),
      ],
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

function isrGroup(
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
        { params: ctx.params, aircraftPerStation: 1 },
      );
      aircraft += size.aircraftRequired;
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
      "Σ over orbits (placed along the line, flown from the nearest base) of the orbit formula with 1 aircraft",
    inputs: [
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

/** Batteries to defend one city: a disc of the city's area, covered by discs of the defended radius. */
export function batteriesForCity(
  populationPeople: number,
  params: ReadonlyMap<string, ResolvedParameter>,
): number {
  // City radius from its population at an urban density: r = √(pop / (π × density)).
  const radiusKm = Math.sqrt(populationPeople / (Math.PI * param(params, "ad.urban_density_per_km2")));
  const r = param(params, "ad.battery_defended_radius_km");
  return Math.max(
    param(params, "ad.min_batteries_per_city"),
    Math.ceil((radiusKm * radiusKm) / (r * r) - 1e-9),
  );
}

function adGroup(
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

function weaponsGroup(
  _ctx: Context,
  get: AttrReader,
  src: AttrSourcer,
  out: Float64Array,
  lines?: BreakdownLine[],
) {
  const bn = num(get("weapons_usd_bn_per_year"));
  if (!(bn > 0)) return;
  out[REQ_COST_USD_M_PER_YEAR]! += bn * 1000;
  lines?.push({
    id: "cost.weapons",
    label: "Weapons and ammunition supplied",
    value: bn * 1000,
    unit: "USD m/year",
    formula: "weapons_usd_bn_per_year × 1000",
    inputs: [{ name: "weapons_usd_bn_per_year", value: bn, source: src("weapons_usd_bn_per_year") }],
  });
}

const GROUP_FNS: Record<string, typeof groundGroup> = {
  ground: groundGroup,
  air: airGroup,
  isr: isrGroup,
  ad: adGroup,
  weapons: weaponsGroup,
};

// ---------------------------------------------------------------------------------------------------------
// Readable evaluator

function schemeReaders(c: CompiledScenario, scheme: Scheme): { get: AttrReader; src: AttrSourcer } {
  const get: AttrReader = (name) => {
    const a = c.attributes[c.attrIndex.get(name) ?? -1];
    return a ? a.values[scheme[a.dim]!]! : REQUIREMENT_ATTRIBUTES[name];
  };
  const src: AttrSourcer = (name) => {
    const a = c.attributes[c.attrIndex.get(name) ?? -1];
    if (!a) return "default (docs/attributes.md)";
    const dim = c.dims[a.dim]!;
    const opt = c.scenario.dimensions[a.dim]!.options[scheme[a.dim]!]!;
    return `scheme ${dim.id}=${opt.id}${opt.source ? ` (source ${opt.source})` : ""}`;
  };
  return { get, src };
}

/**
 * The requirements of one scheme, with a breakdown that traces every figure to its formula and the sources of
 * its inputs. Costs in millions of USD of the scenario's currency year.
 * @example schemeRequirements(c, Int32Array.from([1, 2, 0])).troops
 */
export function schemeRequirements(
  c: CompiledScenario,
  scheme: Scheme,
  options: RequirementOptions = {},
): SchemeRequirements {
  const ctx = makeContext(c, options);
  const out = new Float64Array(REQ_LENGTH);
  const lines: BreakdownLine[] = [];
  const { get, src } = schemeReaders(c, scheme);
  for (const g of GROUPS) GROUP_FNS[g.id]!(ctx, get, src, out, lines);
  const caps = Object.fromEntries(CAPABILITIES.map((k, i) => [k, out[i]!])) as CapabilityRequirements;
  return {
    ...caps,
    costUsdMPerYear: out[REQ_COST_USD_M_PER_YEAR]!,
    deployedTroops: out[REQ_DEPLOYED_TROOPS]!,
    currency: { code: "USD", year: c.scenario.currency.year },
    breakdown: lines,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Fast evaluator

/** Largest table a group may build (options of the dimensions it reads, multiplied). */
const MAX_GROUP_TABLE_ROWS = 1 << 20;

/**
 * A fast requirement evaluator: each group of the model is tabulated once over the options of the dimensions
 * it reads, so that evaluating a scheme is a few index computations and additions, with no allocation.
 * `out` receives REQ_LENGTH numbers laid out as REQ_TROOPS … REQ_DEPLOYED_TROOPS (capabilities in
 * `CAPABILITIES` order, then cost in USD m/year, then deployed troops).
 * @example const ev = makeRequirementEvaluator(c); const out = new Float64Array(REQ_LENGTH); ev(s, out);
 */
export function makeRequirementEvaluator(
  c: CompiledScenario,
  options: RequirementOptions = {},
): (scheme: ArrayLike<number>, out: Float64Array) => void {
  const ctx = makeContext(c, options);
  const tables: { dims: Int32Array; strides: Int32Array; rows: Float64Array }[] = [];
  for (const g of GROUPS) {
    const dims = [
      ...new Set(
        g.attrs.map((a) => c.attributes[c.attrIndex.get(a) ?? -1]?.dim).filter((d) => d !== undefined),
      ),
    ].sort((x, y) => x - y);
    const sizes = dims.map((d) => c.dims[d]!.options.length);
    const count = sizes.reduce((p, s) => p * s, 1);
    if (count > MAX_GROUP_TABLE_ROWS) {
      throw new RangeError(`makeRequirementEvaluator: group ${g.id} reads ${count} option combinations`);
    }
    const strides = new Int32Array(dims.length);
    let stride = 1;
    for (let k = dims.length - 1; k >= 0; k--) {
      strides[k] = stride;
      stride *= sizes[k]!;
    }
    const rows = new Float64Array(count * REQ_LENGTH);
    const scheme = new Int32Array(c.dims.length);
    const { get, src } = schemeReaders(c, scheme);
    for (let row = 0; row < count; row++) {
      let rest = row;
      for (let k = 0; k < dims.length; k++) {
        scheme[dims[k]!] = Math.floor(rest / strides[k]!);
        rest %= strides[k]!;
      }
      GROUP_FNS[g.id]!(ctx, get, src, rows.subarray(row * REQ_LENGTH, (row + 1) * REQ_LENGTH));
    }
    tables.push({ dims: Int32Array.from(dims), strides, rows });
  }
  return (scheme, out) => {
    out.fill(0, 0, REQ_LENGTH);
    for (let t = 0; t < tables.length; t++) {
      const { dims, strides, rows } = tables[t]!;
      let row = 0;
      for (let k = 0; k < dims.length; k++) row += scheme[dims[k]!]! * strides[k]!;
      const base = row * REQ_LENGTH;
      for (let i = 0; i < REQ_LENGTH; i++) out[i]! += rows[base + i]!;
    }
  };
}

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
