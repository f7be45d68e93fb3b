/**
 * The parameters of the military models (ground, air, ISR, air defence, logistics, cost). Each has an id; a
 * scenario sets it under `parameters` with the same id (or one of its aliases), otherwise the code default
 * below applies. Each default names where it comes from, or says it is a judgement.
 */
import { isJudgementSource, type ParameterDef, type ParameterDefArgs } from "./definition.js";

const def = (
  ...[id, value, unit, description, source, aliases]: ParameterDefArgs<readonly string[]>
): ParameterDef => ({
  id,
  value,
  unit,
  description,
  source,
  judgement: isJudgementSource(source),
  model: "military",
  ...(aliases ? { aliases } : {}),
});

/**
 * Every parameter of the military models, in the order the documentation lists them. The ground densities
 * are fitted on the precedents table (`calibrateGround`, docs/models/military.md) and rounded.
 */
export const MILITARY_PARAMETERS: readonly ParameterDef[] = [
  // --- Ground -----------------------------------------------------------------------------------------
  def(
    "ground.observation.troops_per_km",
    2.1,
    "line troops/km",
    "observers and the troops guarding them per km of line watched (consent-based, Chapter VI or civilian)",
    "fit: geometric mean over OSCE SMM, UNIKOM, UNMEE, UNFICYP 2014, UNDOF (docs/models/military.md)",
  ),
  def(
    "ground.interposition.troops_per_km",
    55,
    "line troops/km",
    "troops per km of line held by a robust (Chapter VII) force able to stop a party, before HQ and enablers",
    "fit: geometric mean over UNIFIL 2006 and IFOR 1995 (docs/models/military.md)",
  ),
  def(
    "ground.interposition.troops_per_km2",
    3.5,
    "troops/km²",
    "troops per km² of territory secured by a robust force, before headquarters and enablers",
    "fit: KFOR 1999, 50,000 troops for 10,900 km² (one case: untested out of sample)",
  ),
  def(
    "ground.tripwire.troops_per_site",
    1100,
    "troops/site",
    "one reinforced multinational battalion battlegroup per site",
    "NATO enhanced Forward Presence: battlegroups of about one reinforced battalion (19fortyfive.com, July 2022); " +
      "4 battlegroups ≈ 4,500 troops (NATO factsheet, 2017)",
  ),
  def(
    "ground.tripwire.troops_per_km",
    1.4,
    "line troops/km",
    "a tripwire strung along a line: eFP strength over the Allies' land border with Russia and Belarus",
    "(4,500 eFP troops (NATO, 2017) − fixed HQ) / 1.3 over ≈2,320 km of Estonian, Latvian, Lithuanian and " +
      "Polish borders with Russia and Belarus (CIA World Factbook)",
  ),
  def(
    "ground.reassurance.troops_per_site",
    4200,
    "troops/site",
    "one brigade combat team per key site held in depth",
    "US Army armored brigade combat team ≈ 4,200 soldiers (army.mil rotation announcements); the design brief's " +
      "'brigades at Kyiv, Lviv, Odesa'",
  ),
  def(
    "ground.defence.troops_per_km",
    560,
    "line troops/km",
    "a brigade of 4,200 holding 7.5 km of front",
    "frontage: Ukrainian brigades hold 5–10 km sections (interbellumnews.com, 2025); Soviet rule of thumb one " +
      "division per 10–15 km (weak); brigade size as for reassurance",
  ),
  def(
    "ground.hq_enabler_share",
    0.3,
    "share of line troops",
    "force headquarters, logistics, medical, engineers and signals added on top of line or site troops",
    "judgement: UNIKOM 2000 had 99 logistics, engineer and medical troops beside a 775-strong battalion and 213 " +
      "observers (UK House of Commons Defence Committee, 2000), without a NATO-style force HQ",
  ),
  def(
    "ground.hq_fixed_troops",
    400,
    "troops",
    "force headquarters, logistics company and reserve that a mission needs whatever its size",
    "judgement: UNDOF 1974 had a 220-strong Canadian logistics company and a Polish logistics unit beside two " +
      "battalions (canadiansoldiers.com; un.org DPKO), plus force HQ staff",
  ),
  def(
    "ground.rotation_factor",
    3,
    "units generated per unit deployed",
    "rule of thirds: one unit deployed, one preparing, one recovering",
    "Rule of thirds (military), en.wikipedia.org/wiki/Rule_of_thirds_(military); cheaper 'rule of halves' = 2",
    ["rotation_factor"],
  ),
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
    "quick-reaction alert detachments for air policing (one in Poland, one in Romania)",
    "judgement after the BBC (bases in Poland or Romania, Deep News 2025-08-20)",
  ),
  def(
    "air.policing_aircraft_per_detachment",
    4,
    "aircraft",
    "aircraft per air-policing detachment",
    "Baltic Air Policing detachments of 4 aircraft (fragout.uberflip.com/i/831447/41)",
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
  // --- ISR --------------------------------------------------------------------------------------------
  def(
    "isr.line_km_per_orbit",
    100,
    "km",
    "length of line one 24/7 drone orbit watches",
    "judgement: MQ-9 Lynx SAR/GMTI stand-off ranges of tens of km (General Atomics); a 100 km segment per orbit",
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
