/**
 * The parameters of the military models (ground, air, ISR, air defence, logistics, cost). Each has an id; a
 * scenario sets it under `parameters` with the same id (or one of its aliases), otherwise the code default
 * below applies. Each default names where it comes from, or says it is a judgement.
 */
import { defineParameter, type ParameterDef, type ParameterDefArgs } from "./definition.js";
import { GROUND_PARAMETERS } from "./ground.js";

const def = (
  ...[id, value, unit, description, source, aliases]: ParameterDefArgs<readonly string[]>
): ParameterDef =>
  defineParameter("military", id, value, unit, description, source, aliases ? { aliases } : {});

/**
 * Every parameter of the military models, in the order the documentation lists them. The ground densities
 * are fitted on the precedent library (`calibrateGround`, src/parameters/ground.ts) and rounded.
 */
export const MILITARY_PARAMETERS: readonly ParameterDef[] = [
  ...GROUND_PARAMETERS,
  // --- Air --------------------------------------------------------------------------------------------
  def(
    "air.aircraft_per_station",
    2,
    "aircraft airborne",
    "a combat air patrol is flown by a two-ship element",
    "judgement: two-ship CAP elements in Baltic Air Policing and Operation Noble Eagle practice",
  ),
  def(
    "air.reserve_hours",
    0.5,
    "hours",
    "fuel reserve kept for diversion and landing",
    "judgement: about 30 minutes of fuel at landing (ICAO Annex 6 final reserve for turbine aircraft)",
  ),
  def(
    "air.max_sorties_per_aircraft_per_day",
    2,
    "sorties/aircraft/day",
    "sustainable sortie rate over months, caps the turnaround formula",
    "judgement: RAND MR-1028 sortie-rate model gives 24/(flight + ground time); sustained operations fly far less",
  ),
  def(
    "air.max_tanker_sortie_hours",
    4,
    "hours",
    "sortie length when refuelled in flight",
    "Rafale over Libya: 4 h sorties with 2 refuellings gave 2 h 20 on station (zona-militar.com)",
  ),
  def(
    "air.policing_detachments",
    2,
    "detachments",
    "QRA bases of a scheme that sets air_policing without qra_bases (one in Poland, one in Romania)",
    "judgement after the BBC (bases in Poland or Romania, Deep News 2025-08-20)",
  ),
  def(
    "air.qra.alert_aircraft_per_base",
    2,
    "aircraft on alert",
    "armed fighters held on quick-reaction alert at each QRA base",
    "NATO practice of a QRA pair: two F-16s on 15-minute QRA for Benelux (IHS Jane's, 2017), two Typhoons for " +
      "the UK (data/precedents/air.yaml)",
  ),
  {
    ...def(
      "air.qra.aircraft_per_alert_aircraft",
      2.4,
      "aircraft per aircraft on alert",
      "aircraft a QRA detachment holds for each one on alert: availability, maintenance and the rotation of the " +
        "alert between aircraft and crews",
      "fit on the precedent library (data/precedents/air.yaml): geometric mean of aircraft per base / 2 over 13 " +
        "Baltic, Icelandic and Romanian detachments (docs/models/military.md, section 2)",
    ),
    distribution: { kind: "lognormal", median: 2.4, sigma: 0.35 },
  },
  def(
    "air.qra.rotation_factor",
    3,
    "detachments generated per detachment deployed",
    "air-policing detachments rotate every four months (Baltic and Romanian air policing); sustaining one takes " +
      "three, as for ground units",
    "judgement: four-month rotations (data/precedents/air.yaml) with the rule of thirds",
  ),
  def(
    "air.policing_flight_hours_per_aircraft_year",
    180,
    "flight hours/aircraft/year",
    "training and scramble flying of an air-policing aircraft",
    "judgement: NATO's recommended minimum of 180 flying hours per pilot per year",
    ["fighter_flight_hours_per_year"],
  ),
  def(
    "air.standoff_km",
    100,
    "km",
    "how far behind the contact line, toward the base, a CAP station is placed",
    "judgement: out of reach of most tactical air defences at the line",
  ),
  def(
    "air.response_budget_hours",
    0.5,
    "hours",
    "time within which a point counts as covered by a station (dash) or a base (alert launch + dash)",
    "judgement: half an hour, about the flight time of a cruise missile over 400 km",
  ),
  def(
    "air.cap_stations_per_aew_orbit",
    3,
    "stations/orbit",
    "fighter stations one airborne early-warning orbit can control",
    "judgement: E-3 radar range ≈400 km (sourced-facts) covers a 3-station sector",
  ),
  def(
    "air.tanker_orbits_per_cap_station",
    0.5,
    "orbits/station",
    "24/7 tanker orbits per refuelled CAP station",
    "judgement: one tanker orbit serves two neighbouring stations",
  ),
  def(
    "air.support_spare_share",
    0.2,
    "share of orbit aircraft",
    "tankers and airborne early warning kept beyond the orbit formula for depot maintenance and training",
    "judgement: no published spare ratio for tanker or AEW orbits was found (research gap); a fifth",
  ),
  // --- ISR --------------------------------------------------------------------------------------------
  def(
    "isr.line_km_per_orbit",
    100,
    "km",
    "length of line one 24/7 drone orbit watches",
    "judgement: MQ-9 Lynx SAR/GMTI stand-off ranges of tens of km (General Atomics); a 100 km segment per orbit",
  ),
  def(
    "isr.spare_share",
    1.4,
    "share of orbit aircraft",
    "drones kept beyond the orbit formula: spares, training, depot maintenance and attrition",
    "USAF: each MQ-1/MQ-9 24/7 combat air patrol 'generally requires four aircraft' (Defense One, 2015-05); the " +
      "orbit formula gives 1.67 MQ-9 for an orbit at its base (14 h endurance, 0.5 h reserve, 4 h turnaround, 80 % " +
      "available), so 4 / 1.67 − 1 = 1.4",
  ),
  // --- Air defence -----------------------------------------------------------------------------------
  def(
    "ad.battery_defended_radius_km",
    20,
    "km",
    "radius a battery defends against cruise and ballistic missiles",
    "judgement: PAC-3 ≈45 km engagement range (sourced-facts); a defended footprint of under half that",
    ["patriot_range_missile_km"],
  ),
  def(
    "ad.urban_density_per_km2",
    3000,
    "people/km²",
    "population density of a city, to turn its population into an area to defend",
    "judgement: European large cities, 2,000–4,500 people/km² (Eurostat urban audit)",
  ),
  def(
    "ad.min_batteries_per_city",
    2,
    "batteries",
    "fewest batteries defending one city",
    "judgement: one battery reloading or in maintenance must not leave the city open",
  ),
  // --- Logistics ---------------------------------------------------------------------------------------
  def(
    "logistics.supply_kg_per_troop_day",
    6.5,
    "kg/troop/day",
    "dry cargo per deployed soldier per day, excluding bulk fuel, water and ammunition",
    "US Army ATP 4-90 (2020) Table C-1: classes I 5.50, II 1.6, III packaged 1.2, IV 3.962, VI 2.06 lb per " +
      "person per day = 14.3 lb = 6.5 kg",
  ),
  def(
    "logistics.airlift_share",
    0.1,
    "share",
    "share of the daily supply flown in, the rest by road and rail from Poland and Romania",
    "judgement: land routes carry the bulk in a ceasefire; air for urgent and high-value cargo",
  ),
  def(
    "logistics.airlift_payload_t",
    45,
    "t/sortie",
    "planning payload of one strategic-airlift sortie",
    "C-17 maximum payload 77.5 t (170,900 lb, USAF fact sheet); planning load about 60 % of maximum (judgement)",
  ),
  def(
    "logistics.airlift_sorties_per_aircraft_per_day",
    1,
    "sorties/aircraft/day",
    "round trips per airlifter per day on a short European route",
    "judgement",
  ),
  def(
    "logistics.airlift_availability",
    0.6,
    "share",
    "mission-capable share of the airlift fleet",
    "mature USAF fleets 50–60 % (airforcemag.com, F-35 by the numbers)",
  ),
  def(
    "logistics.truck_payload_t",
    20,
    "t/truck",
    "payload of one road convoy vehicle",
    "judgement: a NATO heavy equipment / semi-trailer truck carries 20–25 t",
  ),
  // --- Cost (USD millions of the scenario's currency year) ------------------------------------------
  def(
    "cost.troop_usd_m_per_year",
    0.5,
    "USD m/deployed troop/year",
    "yearly cost of one deployed soldier",
    "judgement between UN reimbursement $1,428/month (GA/AB/4274) and US cost in Afghanistan $0.85–1.4 m (DoD, CSBA)",
    ["cost_per_soldier_year_usd_m"],
  ),
  def(
    "cost.ad_battery_usd_m_per_year",
    60,
    "USD m/battery/year",
    "yearly cost of one deployed long-range air-defence battery, missiles excluded",
    "judgement: Patriot system ≈$400 m (CSIS) over a 30-year life ≈ $13 m, plus about 100 crew at the troop cost",
  ),
];
