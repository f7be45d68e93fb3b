/**
 * The ground model's parameters: for each fitted class its density and exponent, with the density's spread
 * (a lognormal whose 5th-95th percentiles are the class's leave-one-out 90% interval), all fitted on the
 * precedent library (data/precedents/ground.yaml) and rounded; a test refits them and fails when they drift.
 * Designed classes keep a unit size and the HQ judgements. docs/models/military.md, section 1.
 */
import { defineParameter, type ParameterDef } from "./definition.js";

const FIT_SOURCE =
  "fit on the precedent library (data/precedents/ground.yaml; docs/models/military.md, section 1)";

const base = (
  id: string,
  value: number,
  unit: string,
  description: string,
  source: string,
  extra: Partial<ParameterDef> = {},
): ParameterDef => defineParameter("military", id, value, unit, description, source, extra);

/** A fitted class: its density at the reference amount (with its spread) and its exponent. */
function fitted(
  prefix: string,
  geometry: "line" | "population" | "sites",
  density: number,
  sigma: number,
  exponent: number,
  what: string,
  cases: string,
): ParameterDef[] {
  const [unitId, unit, at] =
    geometry === "line"
      ? ["troops_per_km", "troops/km", "at a 500 km line"]
      : geometry === "population"
        ? ["troops_per_1000", "troops/1,000 inhabitants", "at 5 million inhabitants"]
        : ["troops_per_site", "troops/site", "per site"];
  const out = [
    base(
      `${prefix}.${unitId}`,
      density,
      unit,
      `${what}, ${at}, all personnel included`,
      `${FIT_SOURCE}: ${cases}`,
      { distribution: { kind: "lognormal", median: density, sigma } },
    ),
  ];
  if (geometry !== "sites")
    out.push(
      base(
        `${prefix}.${geometry}_exponent`,
        exponent,
        "exponent",
        `how ${what} scales with the ${geometry === "line" ? "line's length" : "population"} (1 proportional, 0 fixed)`,
        `${FIT_SOURCE}: least squares of log troops on log ${geometry === "line" ? "km" : "population"}, within [0, 1]`,
      ),
    );
  return out;
}

/** Every parameter of the ground model, in the order of the documentation. */
export const GROUND_PARAMETERS: readonly ParameterDef[] = [
  ...fitted(
    "ground.observation.unarmed",
    "line",
    0.27,
    1.03,
    0.19,
    "unarmed observers on a line",
    "9 missions, UNIPOM to EUMA",
  ),
  ...fitted(
    "ground.interposition.light",
    "line",
    4.7,
    0.72,
    0.55,
    "a light, consent-based force on a line (buffer forces and armed observers)",
    "UNIKOM 1991 and 2000, UNMEE, UNFICYP 2005, UNDOF",
  ),
  ...fitted(
    "ground.interposition.robust",
    "line",
    74,
    0.83,
    1,
    "a robust force holding a line",
    "UNIFIL 2006, IFOR",
  ),
  ...fitted(
    "ground.observation.unarmed",
    "population",
    0.058,
    2.79,
    0,
    "unarmed observers over a country",
    "UNMOT, UNOMSIL, UNOMIL, OSCE KVM",
  ),
  ...fitted(
    "ground.interposition.light",
    "population",
    19,
    1.19,
    1,
    "a light force over a populated zone",
    "UNFICYP 1964, UNIFIL 1982",
  ),
  ...fitted(
    "ground.interposition.robust",
    "population",
    28,
    1.33,
    1,
    "a robust force holding a populated zone",
    "UNIFIL 2006, IFOR, KFOR 1999",
  ),
  ...fitted(
    "ground.stabilisation.light",
    "population",
    0.57,
    2.33,
    1,
    "a light stabilisation force",
    "UNAMIR, UNTAC, MONUC",
  ),
  ...fitted(
    "ground.stabilisation.robust",
    "population",
    3.5,
    0.9,
    0.56,
    "a robust stabilisation force",
    "16 missions, ONUC 1961 to ISAF 2012",
  ),
  ...fitted(
    "ground.reassurance.robust",
    "population",
    5.4,
    1.79,
    1,
    "a robust reassurance force in a settled country",
    "SFOR 1999, EUFOR Althea, KFOR 2000 and 2013",
  ),
  ...fitted(
    "ground.observation.unarmed",
    "sites",
    37,
    1.26,
    1,
    "unarmed observers per team site, post or field office",
    "7 missions, UNOGIL to EUMA",
  ),
  ...fitted(
    "ground.interposition.light",
    "sites",
    47,
    1.38,
    1,
    "a light force per position or base",
    "UNDOF, MFO, Russian contingent in Karabakh",
  ),
  ...fitted(
    "ground.tripwire.robust",
    "sites",
    990,
    0.45,
    1,
    "a battlegroup per tripwire site",
    "eFP 2017 and 2022, UK battlegroup in Estonia",
  ),
  base(
    "ground.tripwire.robust.troops_per_km",
    1.4,
    "line troops/km",
    "a tripwire strung along a line: eFP strength over the Allies' land border with Russia and Belarus (designed)",
    "(4,500 eFP troops (NATO, 2017) − fixed HQ) / 1.3 over ≈2,320 km of Estonian, Latvian, Lithuanian and " +
      "Polish borders with Russia and Belarus (CIA World Factbook)",
    { distribution: { kind: "lognormal", median: 1.4, sigma: 0.83 } },
  ),
  base(
    "ground.defence.robust.troops_per_km",
    560,
    "line troops/km",
    "a brigade of 4,200 holding 7.5 km of front (designed)",
    "frontage: Ukrainian brigades hold 5–10 km sections (interbellumnews.com, 2025); Soviet rule of thumb one " +
      "division per 10–15 km (weak); brigade size as for reassurance",
    { distribution: { kind: "lognormal", median: 560, sigma: 0.83 } },
  ),
  base(
    "ground.reassurance.robust.troops_per_site",
    4200,
    "troops/site",
    "one brigade combat team per key site held in depth (designed)",
    "US Army armored brigade combat team ≈ 4,200 soldiers (army.mil rotation announcements); the design brief's " +
      "'brigades at Kyiv, Lviv, Odesa'",
    { distribution: { kind: "lognormal", median: 4200, sigma: 0.93 } },
  ),
  base(
    "ground.hq_enabler_share",
    0.3,
    "share of unit troops",
    "designed classes: force headquarters, logistics, medical, engineers and signals on top of the units",
    "judgement: UNIKOM 2000 had 99 logistics, engineer and medical troops beside a 775-strong battalion and 213 " +
      "observers (UK House of Commons Defence Committee, 2000), without a NATO-style force HQ",
  ),
  base(
    "ground.hq_fixed_troops",
    400,
    "troops",
    "designed classes: force headquarters, logistics company and reserve a force needs whatever its size",
    "judgement: UNDOF 1974 had a 220-strong Canadian logistics company and a Polish logistics unit beside two " +
      "battalions (canadiansoldiers.com; un.org DPKO), plus force HQ staff",
  ),
  base(
    "ground.rotation_factor",
    3,
    "units generated per unit deployed",
    "rule of thirds: one unit deployed, one preparing, one recovering",
    "Rule of thirds (military), en.wikipedia.org/wiki/Rule_of_thirds_(military); cheaper 'rule of halves' = 2",
    { aliases: ["rotation_factor"] },
  ),
];
