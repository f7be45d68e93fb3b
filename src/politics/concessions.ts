/**
 * Concessions: the changes to the parties' stances that would make a scheme acceptable to all.
 *
 * For a fixed scheme s the cheapest set is closed-form, because each party's changes are independent:
 * - every red line of p that s violates must be dropped (no other change lifts it), at cost
 *   c_ℓ = RED_LINE_COST_SCALE · salience_p · confidence_ℓ;
 * - if u_p(s) < r_p, p must lower its reservation by r_p − u_p(s), at that cost (utility units: how far the
 *   party moves). Shifting preference weight instead can do the same, but moving a share δ of the weight
 *   raises u_p by at most δ (scores lie in [0, 1]), so it never costs less; it is reported as an
 *   alternative (`weightShift`), never counted.
 * So cost(s) = Σ_p gap_p(s), and the smallest concession set over all schemes is the minimum of cost(s)
 * over the consistent schemes: an exact search by enumeration.
 */
import type { CompiledScenario, Scheme } from "../scenario/compile.js";
import { type Party, preferenceScore } from "./stances.js";

/** Drop one red line. */
export interface DropRedLine {
  kind: "dropRedLine";
  party: string;
  redLine: string;
  description: string;
  source: string;
  confidence: number;
  cost: number;
}

/** How a party could instead reach its reservation by moving preference weight (never cheaper). */
export interface WeightShift {
  /** Share of the party's total weight moved (total-variation distance between weight vectors). */
  share: number;
  /** Preferences weight is taken from, with the share taken from each. */
  from: { preference: string; share: number }[];
  /** The preference that receives it (the party's best-scored one in this scheme). */
  to: string;
}

/** Lower a party's reservation. */
export interface LowerReservation {
  kind: "lowerReservation";
  party: string;
  from: number;
  to: number;
  by: number;
  source: string;
  cost: number;
  /** The equivalent move of preference weight, when one exists (undefined: weights alone cannot do it). */
  weightShift: WeightShift | undefined;
}

export type Concession = DropRedLine | LowerReservation;

/** A set of concessions and a consistent scheme it makes acceptable to every party. */
export interface ConcessionSet {
  /** Σ of the changes' costs. */
  cost: number;
  changes: Concession[];
  scheme: Int32Array;
}

/**
 * The cheapest move of preference weight that raises u_p(s) by `gain`: take weight from the lowest-scored
 * preferences first and give it to the best-scored one (a fractional knapsack: each unit of weight moved
 * from preference i gains σ_max − σ_i). Undefined when even moving all of it falls short.
 * @example weightShiftFor(c, party, scheme, 0.1) // { share: 0.125, from: [{ preference: "low-force", share: 0.125 }], to: "binding" }
 */
export function weightShiftFor(
  c: CompiledScenario,
  party: Party,
  scheme: Scheme,
  gain: number,
): WeightShift | undefined {
  if (party.totalWeight <= 0 || gain <= 0) return undefined;
  const items = party.preferences
    .filter((p) => p.weight > 0)
    .map((p) => ({ id: p.id, share: p.weight / party.totalWeight, score: preferenceScore(c, p, scheme) }));
  let best = items[0]!;
  for (const it of items) if (it.score > best.score) best = it;
  const sorted = items.filter((it) => it !== best).sort((a, b) => a.score - b.score);
  let need = gain;
  let moved = 0;
  const from: WeightShift["from"] = [];
  for (const it of sorted) {
    const perUnit = best.score - it.score;
    if (perUnit <= 0 || need <= 0) break;
    const take = Math.min(it.share, need / perUnit);
    from.push({ preference: it.id, share: take });
    moved += take;
    need -= take * perUnit;
  }
  if (need > 1e-12) return undefined;
  return { share: moved, from, to: best.id };
}

/**
 * The cheapest concessions that make `scheme` acceptable to every party (closed form: see file header).
 * @example concessionsFor(c, parties, scheme, utilities, violated) // [{ kind: "dropRedLine", party: "RUS", … }]
 * @param utilities u_p(scheme) per party
 * @param violated for each party, the indexes of its violated red lines
 */
export function concessionsFor(
  c: CompiledScenario,
  parties: readonly Party[],
  scheme: Scheme,
  utilities: ArrayLike<number>,
  violated: readonly (readonly number[])[],
  tolerance: number,
): Concession[] {
  const out: Concession[] = [];
  for (const party of parties) {
    for (const k of violated[party.index] ?? []) {
      const r = party.redLines[k]!;
      out.push({
        kind: "dropRedLine",
        party: party.id,
        redLine: r.id,
        description: r.description,
        source: r.source,
        confidence: r.confidence,
        cost: r.cost,
      });
    }
    const short = party.reservation - utilities[party.index]!;
    if (short > tolerance) {
      out.push({
        kind: "lowerReservation",
        party: party.id,
        from: party.reservation,
        to: utilities[party.index]!,
        by: short,
        source: party.reservationSource,
        cost: short,
        weightShift: weightShiftFor(c, party, scheme, short),
      });
    }
  }
  return out;
}
