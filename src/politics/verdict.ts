/**
 * Each party's verdict on one scheme, with every reason: the red lines it crosses (with their sources) and
 * the preferences that fall short (how much utility each loses against the party's best case), its utility
 * and reservation, and the cheapest concession that would make it accept.
 *
 * This is the direct, readable path (tree walks over the stance); the fast tables in stances.ts compute the
 * same utilities and red lines for every scheme.
 */
import { type CompiledScenario, evaluatePredicate, type Scheme } from "../scenario/compile.js";
import { type Concession, concessionsFor } from "./concessions.js";
import { ACCEPT_TOLERANCE, acceptsFrom, gapFrom, marginFrom } from "./outcome.js";
import { type Party, preferenceScore, stanceParties } from "./stances.js";

/** A red line the scheme crosses. */
export interface RedLineReason {
  id: string;
  description: string;
  /** The party's words, verbatim from the source, when the scenario gives them (for reports to show). */
  quote: string | undefined;
  source: string;
  /** The source's title, as declared in the scenario. */
  sourceTitle: string | undefined;
  confidence: number;
  /** Cost of dropping it (see RED_LINE_COST_SCALE). */
  cost: number;
}

/** A preference that the scheme does not fully satisfy. */
export interface PreferenceShortfall {
  id: string;
  description: string | undefined;
  /** The party's words, verbatim from the source, when the scenario gives them (for reports to show). */
  quote: string | undefined;
  source: string;
  sourceTitle: string | undefined;
  /** The preference's score σ ∈ [0, 1] in this scheme. */
  score: number;
  /** w_i / Σ w: its share of the party's utility. */
  weightShare: number;
  /** Utility lost against the best case: share · (1 − σ). */
  lost: number;
}

/** A party's verdict on a scheme. */
export interface PartyVerdict {
  party: string;
  name: string;
  accepts: boolean;
  utility: number;
  reservation: number;
  reservationSource: string;
  /** u − r when it accepts, else −gap. */
  margin: number;
  /** max(0, r − u) + Σ violated red lines' costs. */
  gap: number;
  redLines: RedLineReason[];
  /** Preferences with σ < 1, largest loss first. */
  shortfalls: PreferenceShortfall[];
  /** The cheapest changes to this party's stance that would make it accept (empty when it accepts). */
  concessions: Concession[];
}

function partyVerdict(c: CompiledScenario, party: Party, scheme: Scheme): PartyVerdict {
  const titles = new Map(c.scenario.sources.map((s) => [s.id, s.title]));
  const violated: number[] = [];
  const redLines: RedLineReason[] = [];
  party.redLines.forEach((r, k) => {
    if (!evaluatePredicate(c, r.forbid, scheme)) return;
    violated.push(k);
    redLines.push({
      id: r.id,
      description: r.description,
      quote: r.quote,
      source: r.source,
      sourceTitle: titles.get(r.source),
      confidence: r.confidence,
      cost: r.cost,
    });
  });
  let raw = 0;
  const shortfalls: PreferenceShortfall[] = [];
  for (const pref of party.preferences) {
    const score = preferenceScore(c, pref, scheme);
    raw += pref.weight * score;
    const weightShare = party.totalWeight > 0 ? pref.weight / party.totalWeight : 0;
    if (score < 1 && weightShare > 0)
      shortfalls.push({
        id: pref.id,
        description: pref.description,
        quote: pref.quote,
        source: pref.source,
        sourceTitle: titles.get(pref.source),
        score,
        weightShare,
        lost: weightShare * (1 - score),
      });
  }
  shortfalls.sort((a, b) => b.lost - a.lost);
  // u = Σ w σ / Σ w (stances.ts); 1 for a party without preferences.
  const utility = party.totalWeight > 0 ? raw / party.totalWeight : 1;
  const short = party.reservation - utility;
  const redCost = redLines.reduce((s, r) => s + r.cost, 0);
  const gap = gapFrom(short, redCost);
  const accepts = acceptsFrom(short, violated.length);
  const utilities = new Float64Array(party.index + 1);
  utilities[party.index] = utility;
  const perParty: number[][] = [];
  perParty[party.index] = violated;
  return {
    party: party.id,
    name: party.name,
    accepts,
    utility,
    reservation: party.reservation,
    reservationSource: party.reservationSource,
    margin: marginFrom(short, violated.length, redCost),
    gap,
    redLines,
    shortfalls,
    concessions: accepts ? [] : concessionsFor(c, [party], scheme, utilities, perParty, ACCEPT_TOLERANCE),
  };
}

/**
 * Every party's verdict on a scheme, with reasons.
 * @example partyVerdicts(c, scheme).find((v) => v.party === "RUS")?.redLines[0]?.source // "zakharova-2025-08-18"
 */
export function partyVerdicts(c: CompiledScenario, scheme: Scheme): PartyVerdict[] {
  return stanceParties(c).map((p) => partyVerdict(c, p, scheme));
}
