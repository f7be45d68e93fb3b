/**
 * The parameters of the mechanism and deterrence models. Every coefficient has an id; a scenario overrides it
 * under `parameters` with the same id (the point value of its distribution is used), otherwise the code default
 * below applies. Each default says where it comes from, or that it is a judgement. The resolution itself is
 * shared with the military models (src/scenario/parameters.ts).
 */
import {
  type ParameterDef,
  type ParameterDefArgs,
  type ParameterOrigin,
  resolveParameterTable,
} from "../scenario/parameters.js";
import type { Scenario } from "../scenario/schema.js";

/** One parameter of the deterrence or mechanism model; `judgement` is always set. */
export type DeterrenceParameterDef = ParameterDef & { judgement: boolean };

const def = (
  ...[id, value, unit, description, source, judgement = false]: ParameterDefArgs<boolean>
): DeterrenceParameterDef => ({ id, value, unit, description, source, judgement });

/**
 * Every parameter, in the order the documentation lists them. Costs are in "gain units": the attacker's
 * expected gain from renewed aggression is 1 by default, so a cost of 0.3 is 30 % of that gain.
 */
export const DETERRENCE_PARAMETERS: readonly DeterrenceParameterDef[] = [
  // --- The attacker's calculus (Huth & Russett 1984; Achen & Snidal 1989: rational deterrence) -----------
  def(
    "deterrence.attacker_gain",
    1,
    "gain units",
    "median expected gain of renewed aggression to the attacker (the unit all costs are measured in)",
    "normalisation: Huth & Russett, World Politics 36(4), 1984, expected-utility model of extended deterrence",
    true,
  ),
  def(
    "deterrence.gain_sigma",
    0.6,
    "log units",
    "spread (log standard deviation) of the defender's uncertainty about the attacker's gain",
    "judgement: the attacker's valuation is private information (Fearon, International Organization 49(3), 1995)",
    true,
  ),
  def(
    "deterrence.cost.protected_state_per_100k",
    0.07,
    "gain units per 100k troops",
    "expected cost of fighting the protected state's own forces, per 100,000 of its peacetime troops",
    "judgement: Mearsheimer, Conventional Deterrence (1983): the local balance and denial of a quick victory",
    true,
  ),
  def(
    "deterrence.cost.sanctions",
    0.15,
    "gain units",
    "cost to the attacker of coordinated sanctions",
    "judgement: sanctions after 2014 and in 2022 did not deter renewed attack, so their cost is set low",
    true,
  ),
  def(
    "deterrence.cost.weapons_per_usd_bn",
    0.008,
    "gain units per USD bn/year",
    "cost to the attacker of a surge of weapons, per USD bn a year of the scheme's weapons supply",
    "judgement: scaled so that USD 40 bn/year (about the 2022-24 Western military aid rate, Kiel Ukraine Support Tracker) costs 0.32",
    true,
  ),
  def(
    "deterrence.cost.air_support",
    0.6,
    "gain units",
    "cost to the attacker of guarantor air support at full air weight",
    "judgement: denial of air superiority and strikes on the attacking force (Mearsheimer 1983, denial)",
    true,
  ),
  def(
    "deterrence.air_reference_stations",
    2,
    "stations",
    "combat air patrol stations at which the air weight reaches 1 - 1/e (63 %)",
    "judgement",
    true,
  ),
  def(
    "deterrence.air_qra_equivalent_stations",
    1,
    "stations",
    "air policing (quick-reaction alert at bases) counted as this many standing stations",
    "judgement: Baltic Air Policing detachments are 4 aircraft (fragout.uberflip.com/i/831447/41), about one pair on alert",
    true,
  ),
  def(
    "deterrence.cost.airlift_reinforcement",
    0.3,
    "gain units",
    "cost to the attacker of guarantor reinforcements arriving by airlift",
    "judgement",
    true,
  ),
  def(
    "deterrence.cost.direct_defence",
    1.5,
    "gain units",
    "cost to the attacker of direct defence by the European guarantors",
    "judgement: war with several European states exceeds the gain (the guarantee's purpose)",
    true,
  ),
  def(
    "deterrence.cost.direct_defence_us_extra",
    1,
    "gain units",
    "extra cost of direct defence at full US involvement (US enablers, air power, precision munitions)",
    "judgement after James Black (RAND Europe) in the WSJ, Aug 2025: Europe lacks logistics, ISR, cyber, precision munitions",
    true,
  ),
  // --- Probability that each step is carried out: P = trigger × logistic(z) --------------------------------
  def(
    "deterrence.intercept.sanctions",
    0.5,
    "logit",
    "log-odds of sanctions with no commitment, no presence, no US and no delay",
    "judgement: the EU imposed sanctions in 2014 and 2022 without any commitment to Ukraine",
    true,
  ),
  def(
    "deterrence.intercept.weapons_surge",
    0.5,
    "logit",
    "log-odds of a weapons surge with no commitment, presence, US involvement or delay",
    "judgement: weapons flowed in 2022 without a treaty commitment",
    true,
  ),
  def(
    "deterrence.intercept.air_support",
    -2.5,
    "logit",
    "log-odds of air support with no commitment, presence, US involvement or delay",
    "judgement: no guarantor flew combat missions over Ukraine in 2022-25",
    true,
  ),
  def(
    "deterrence.intercept.airlift_reinforcement",
    -2,
    "logit",
    "log-odds of airlift reinforcement with no commitment, presence, US involvement or delay",
    "judgement",
    true,
  ),
  def(
    "deterrence.intercept.direct_defence",
    -3,
    "logit",
    "log-odds of direct defence with no commitment, presence, US involvement or delay",
    "judgement: calibrated so that an Article-5-like treaty with forces in place gives about 0.75-0.85, near the 74.5 % reliability of alliances (Leeds, Long & Mitchell, JCR 44(5), 2000)",
    true,
  ),
  def(
    "deterrence.beta.bindingness",
    3,
    "logit per unit",
    "weight of the commitment's bindingness (0-1): tying hands, audience costs",
    "judgement after Fearon, JCR 41(1), 1997 (tying hands); Leeds, AJPS 47(3), 2003: defence pacts deter initiation",
    true,
  ),
  def(
    "deterrence.beta.forces_in_place",
    2.5,
    "logit per unit",
    "weight of forces already in place (0-1): the tripwire and sunk costs",
    "judgement after Schelling, Arms and Influence (1966), tripwire; Fearon 1997 (sinking costs); weighted down by Reiter & Poast, TNSR 4(3), 2021: small tripwires deter little",
    true,
  ),
  def(
    "deterrence.beta.us_involvement",
    1.5,
    "logit per unit",
    "weight of US involvement (0-1)",
    "judgement after O'Mahony et al., RAND RR-1906 (2018): US presence associated with less interstate conflict",
    true,
  ),
  def(
    "deterrence.beta.delay",
    0.5,
    "logit per ln(1 + hours / reference)",
    "penalty for slow response: the log-odds fall with the log of the delay",
    "judgement after Mearsheimer 1983 and Reiter & Poast 2021: a fait accompli before help arrives",
    true,
  ),
  def(
    "deterrence.delay_reference_hours",
    24,
    "hours",
    "delay at which the delay term equals beta.delay × ln 2",
    "judgement",
    true,
  ),
  def(
    "deterrence.direct_defence_min_bindingness",
    0.8,
    "0-1",
    "bindingness from which the commitment includes direct defence without forces in place",
    "docs/attributes.md: 0.8 is a treaty with an Article-5-like clause",
  ),
  def(
    "deterrence.reinforcement_min_bindingness",
    0.5,
    "0-1",
    "bindingness from which guarantors commit to reinforce by airlift without forces in place",
    "docs/attributes.md: 0.5 is bilateral security agreements (judgement that these include reinforcement)",
    true,
  ),
  // --- Forces in place, US involvement and exposure: noisy-OR weights -------------------------------------
  def("deterrence.presence.observation", 0.3, "0-1", "forces-in-place weight of monitors", "judgement", true),
  def(
    "deterrence.presence.reassurance",
    0.6,
    "0-1",
    "forces-in-place weight of a reassurance force in depth",
    "judgement",
    true,
  ),
  def(
    "deterrence.presence.interposition",
    0.8,
    "0-1",
    "forces-in-place weight of an interposition force",
    "judgement",
    true,
  ),
  def(
    "deterrence.presence.tripwire",
    0.8,
    "0-1",
    "forces-in-place weight of a tripwire force on the line",
    "judgement: no higher than interposition, after Reiter & Poast 2021",
    true,
  ),
  def(
    "deterrence.presence.defence",
    1,
    "0-1",
    "forces-in-place weight of a defence force",
    "judgement",
    true,
  ),
  def(
    "deterrence.presence.aircraft",
    0.3,
    "0-1",
    "forces-in-place weight of guarantor aircraft based in the protected state",
    "judgement",
    true,
  ),
  def(
    "deterrence.presence.ad_crews",
    0.2,
    "0-1",
    "forces-in-place weight of guarantor air-defence crews in the protected state",
    "judgement",
    true,
  ),
  def(
    "deterrence.us.ground_troops",
    0.6,
    "0-1",
    "US-involvement weight of US ground troops",
    "judgement: the classic US tripwire (Korea, Cold War Germany)",
    true,
  ),
  def("deterrence.us.air_support", 0.5, "0-1", "US-involvement weight of US aircraft", "judgement", true),
  def(
    "deterrence.us.enablers",
    0.3,
    "0-1",
    "US-involvement weight of US enablers (logistics, intelligence, cyber, airlift)",
    "judgement",
    true,
  ),
  def(
    "deterrence.us.command",
    0.3,
    "0-1",
    "US-involvement weight of US command and control",
    "judgement",
    true,
  ),
  def(
    "deterrence.us.isr",
    0.2,
    "0-1",
    "US-involvement weight of US drones and intelligence",
    "judgement",
    true,
  ),
  def(
    "deterrence.trigger.recognised_territory",
    1,
    "probability",
    "probability that renewed aggression triggers a guarantee covering internationally recognised territory",
    "definition: any renewed attack lands on recognised territory",
  ),
  def(
    "deterrence.trigger.controlled_territory",
    1,
    "probability",
    "probability that renewed aggression across the line triggers a guarantee covering the territory Kyiv controls",
    "definition: an attack across the line lands on controlled territory",
  ),
  def(
    "deterrence.exposure.observation",
    0.3,
    "probability",
    "probability that renewed aggression strikes guarantor monitors (guarantee on guarantor forces only)",
    "judgement: unarmed monitors leave on warning, as the OSCE Special Monitoring Mission withdrew its international staff before 24 Feb 2022",
    true,
  ),
  def(
    "deterrence.exposure.reassurance",
    0.5,
    "probability",
    "probability that renewed aggression strikes a reassurance force in depth",
    "judgement: missile strikes on cities and bases behind the line",
    true,
  ),
  def(
    "deterrence.exposure.interposition",
    0.9,
    "probability",
    "probability that renewed aggression strikes an interposition force",
    "judgement",
    true,
  ),
  def(
    "deterrence.exposure.tripwire",
    0.9,
    "probability",
    "probability that renewed aggression strikes a tripwire force",
    "judgement",
    true,
  ),
  def(
    "deterrence.exposure.defence",
    1,
    "probability",
    "probability that renewed aggression strikes a defence force",
    "judgement",
    true,
  ),
  def(
    "deterrence.exposure.aircraft",
    0.3,
    "probability",
    "probability that renewed aggression strikes guarantor aircraft based in the protected state",
    "judgement",
    true,
  ),
  def(
    "deterrence.exposure.ad_crews",
    0.5,
    "probability",
    "probability that renewed aggression strikes guarantor air-defence crews (they engage incoming missiles)",
    "judgement",
    true,
  ),
  // --- Timings of the ladder ------------------------------------------------------------------------------
  def(
    "mechanism.sanctions_lag_hours",
    48,
    "hours",
    "time from the decision to act to the first coordinated sanctions",
    "Council of the EU, 23 Feb 2022: first package two days after Russia recognised the DNR/LNR on 21 Feb 2022",
  ),
  def(
    "mechanism.weapons_surge_hours",
    168,
    "hours",
    "time from the decision to act to the first surge deliveries of weapons",
    "judgement: US drawdown of 26 Feb 2022, first deliveries through Poland within about a week",
    true,
  ),
  def(
    "mechanism.airlift_readiness_hours",
    48,
    "hours",
    "notice to move of the lead element of a reinforcement force",
    "SHAPE, 'The Very High Readiness Joint Task Force' (Q&A): some units ready to deploy in two days",
  ),
  def(
    "mechanism.airlift_main_body_hours",
    168,
    "hours",
    "notice to move of the main body of a reinforcement force",
    "SHAPE, VJTF Q&A: the majority of units ready to move in less than seven days",
  ),
  def(
    "mechanism.airlift_flight_hours",
    4,
    "hours",
    "flight and unloading time from a staging base in Central Europe into the protected state",
    "judgement: about 1,500 km at C-17/A400M cruise (~750 km/h) plus about 2 h on the ground",
    true,
  ),
];

/** The resolved value of every parameter, and where it came from. */
export interface ResolvedParameters {
  /** Point value per id. */
  values: Record<string, number>;
  /** `override`, `scenario` when the scenario set the parameter, `default` otherwise. */
  origin: Record<string, ParameterOrigin>;
}

/**
 * Resolve every deterrence and mechanism parameter: an explicit override first, then the scenario's
 * `parameters` (point value: `pointEstimate`), then the code default. Overrides of other ids are ignored.
 * @param scenario the validated scenario
 * @param overrides values by id (for example a Monte-Carlo sample or a sensitivity run)
 * @example resolveParameters(scenario).values["deterrence.beta.bindingness"] // 3 unless the scenario sets it
 */
export function resolveParameters(
  scenario: Pick<Scenario, "parameters">,
  overrides: Readonly<Record<string, number>> = {},
): ResolvedParameters {
  const values: Record<string, number> = {};
  const origin: ResolvedParameters["origin"] = {};
  for (const [id, r] of resolveParameterTable(DETERRENCE_PARAMETERS, scenario, overrides)) {
    values[id] = r.value;
    origin[id] = r.origin;
  }
  return { values, origin };
}

/** A parameter's value; throws on an id that is not declared above (a bug, not bad input). */
export function param(p: ResolvedParameters, id: string): number {
  const v = p.values[id];
  if (v === undefined) throw new Error(`deterrence: unknown parameter ${id}`);
  return v;
}
