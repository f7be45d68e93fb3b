/**
 * The parties' stances compiled into tables, so that every consistent scheme can be scored with typed-array
 * lookups and no object per scheme.
 *
 * A party is an actor with a `stance`. Its utility for a scheme s is the weighted mean of its preference
 * scores (multi-attribute additive value, Keeney & Raiffa 1976, ch. 3):
 *
 *   u_p(s) = Σ_i w_i · σ_i(s) / Σ_i w_i  ∈ [0, 1]     (u_p = 1 for a party with no preference: see below)
 *
 * where σ_i is, for a numeric preference on attribute a with range [lo, hi],
 *   t = clamp((a(s) − lo) / (hi − lo), 0, 1),  σ = t when higher is better, 1 − t when lower is better,
 * and for a boolean preference, σ = 1 when its predicate holds, else 0.
 *
 * A preference on one attribute depends on one dimension, so its contribution is a table over that
 * dimension's options. A predicate reads a set of dimensions (`predicateDimensions`); its truth is
 * tabulated over the product of their options when that product is small, and evaluated by tree walk
 * otherwise.
 */
import {
  type CompiledScenario,
  evaluatePredicate,
  numericAttribute,
  predicateDimensions,
  type Scheme,
} from "../scenario/compile.js";
import { type MixedRadix, mixedRadixWithin, radixDecode, radixIndex } from "../scenario/radix.js";
import type { Predicate, Preference, RedLine } from "../scenario/schema.js";

/** Largest product of option counts a predicate is tabulated over (entries); beyond it, a tree walk. */
export const MAX_TRUTH_TABLE_ENTRIES = 1 << 16;

/**
 * Cost of dropping a red line, in utility units, before scaling by the party's salience and the line's
 * confidence. 1 = as much as lowering the party's reservation across the whole utility scale (from 1 to 0).
 * A judgement of this model, documented in docs/models/politics.md: a red line is worth at most the whole
 * scale to a party for which the issue is fully salient and whose position is documented fact.
 */
export const RED_LINE_COST_SCALE = 1;

/** Confidence assumed for a red line whose source gives none (the line is taken as stated). */
export const DEFAULT_RED_LINE_CONFIDENCE = 1;

/** A red line of a party, with the cost of dropping it. */
export interface PartyRedLine {
  id: string;
  description: string;
  /** The party's words, verbatim from the source, when the scenario gives them. */
  quote?: string | undefined;
  source: string;
  confidence: number;
  /** Cost of dropping it: RED_LINE_COST_SCALE · salience_p · confidence (utility units). */
  cost: number;
  forbid: Predicate;
  /** Index of this red line among all parties' red lines (party order, then file order). */
  global: number;
}

/** A party: an actor with a stance. */
export interface Party {
  /** Actor id. */
  id: string;
  name: string;
  /** Index among the parties (not among the actors). */
  index: number;
  reservation: number;
  reservationSource: string;
  power: number;
  salience: number;
  /** Σ w_i over the party's preferences (0 when it has none). */
  totalWeight: number;
  preferences: Preference[];
  redLines: PartyRedLine[];
}

/** A predicate tabulated over the product of the options of the dimensions it reads. */
interface TruthTable {
  radix: MixedRadix;
  table: Uint8Array;
}

/** A boolean preference over several dimensions: `weight` where the table holds. */
interface UtilityFactor {
  party: number;
  weight: number;
  truth: TruthTable | undefined;
  /** Tree-walk fallback when the product of options is too large to tabulate. */
  when: Predicate;
  /** The last dimension the predicate reads (for sequential evaluation). */
  lastDim: number;
}

interface RedLineTest {
  party: number;
  /** Bit index within the party's words. */
  bit: number;
  cost: number;
  truth: TruthTable | undefined;
  forbid: Predicate;
  /** The last dimension the predicate reads (for sequential evaluation). */
  lastDim: number;
}

/** The stances compiled for fast evaluation (see `compileStances`). */
export interface StanceTables {
  compiled: CompiledScenario;
  parties: Party[];
  /** Number of dimensions. */
  dims: number;
  /** `optionOffset[d]` is the index of dimension d's first option in the per-option tables. */
  optionOffset: Int32Array;
  totalOptions: number;
  /** `linear[(optionOffset[d] + o) · parties + p]`: Σ w_i σ_i over p's preferences that read only d. */
  linear: Float64Array;
  /** Σ w_i per party (0 when the party has no preference). */
  totalWeight: Float64Array;
  /** r_p per party. */
  reservation: Float64Array;
  factors: UtilityFactor[];
  redLines: RedLineTest[];
  /** Uint32 words per party in a red-line mask. */
  redLineWords: number;
  /** Total number of red lines over all parties. */
  redLineCount: number;
  /** The last dimension any red line reads (-1 when none reads one). */
  redLinesLastDim: number;
}

/** The score σ ∈ [0, 1] of a numeric preference for an attribute value (see the file header). */
export function numericScore(value: number, range: readonly [number, number], better: "higher" | "lower") {
  if (Number.isNaN(value)) return 0;
  const [lo, hi] = range;
  const t = hi === lo ? (value >= hi ? 1 : 0) : Math.min(1, Math.max(0, (value - lo) / (hi - lo)));
  return better === "higher" ? t : 1 - t;
}

/**
 * The score σ ∈ [0, 1] of one preference for a scheme, by direct evaluation (the slow path, for reasons).
 * @example preferenceScore(c, { attr: "bindingness", better: "higher", range: [0, 1], … }, scheme) // 0.8
 */
export function preferenceScore(c: CompiledScenario, pref: Preference, scheme: Scheme): number {
  if ("when" in pref) return evaluatePredicate(c, pref.when, scheme) ? 1 : 0;
  return numericScore(numericAttribute(c, scheme, pref.attr), pref.range, pref.better);
}

/**
 * The parties of a scenario (actors with a stance), in file order, with each red line's cost.
 * @example stanceParties(c).map((p) => p.id) // ["RUS", "UKR", "USA", "EUR"]
 */
export function stanceParties(c: CompiledScenario): Party[] {
  const parties: Party[] = [];
  let global = 0;
  for (const a of c.scenario.actors) {
    const st = a.stance;
    if (!st) continue;
    const salience = st.salience.value;
    const redLines = st.redLines.map((r: RedLine): PartyRedLine => {
      const confidence = r.confidence ?? DEFAULT_RED_LINE_CONFIDENCE;
      // Cost of dropping a red line: scale × salience × confidence (docs/models/politics.md, "Concessions").
      return {
        id: r.id,
        description: r.description,
        quote: r.quote,
        source: r.source,
        confidence,
        cost: RED_LINE_COST_SCALE * salience * confidence,
        forbid: r.forbid,
        global: global++,
      };
    });
    parties.push({
      id: a.id,
      name: a.name,
      index: parties.length,
      reservation: st.reservation.value,
      reservationSource: st.reservation.source,
      power: st.power.value,
      salience,
      totalWeight: st.preferences.reduce((s, p) => s + p.weight, 0),
      preferences: st.preferences,
      redLines,
    });
  }
  return parties;
}

function tabulate(c: CompiledScenario, p: Predicate): TruthTable | undefined {
  const radix = mixedRadixWithin(c, [...predicateDimensions(c, p)], MAX_TRUTH_TABLE_ENTRIES);
  if (!radix) return undefined;
  const table = new Uint8Array(radix.size);
  // Only the dimensions the predicate reads matter; the others stay at option 0.
  const scheme = new Int32Array(c.dims.length);
  for (let idx = 0; idx < radix.size; idx++) {
    radixDecode(radix, idx, scheme);
    table[idx] = evaluatePredicate(c, p, scheme) ? 1 : 0;
  }
  return { radix, table };
}

function lastDim(c: CompiledScenario, p: Predicate): number {
  return Math.max(-1, ...predicateDimensions(c, p));
}

function truthAt(t: TruthTable, scheme: Scheme): number {
  return t.table[radixIndex(t.radix, scheme)]!;
}

/**
 * Compile every party's stance into tables for `evaluateParties`.
 * @example const t = compileStances(c); const e = createPartyEvaluation(t); evaluateParties(t, scheme, e);
 */
export function compileStances(c: CompiledScenario): StanceTables {
  const parties = stanceParties(c);
  const nDims = c.dims.length;
  const optionOffset = new Int32Array(nDims + 1);
  for (let d = 0; d < nDims; d++) optionOffset[d + 1] = optionOffset[d]! + c.dims[d]!.options.length;
  const totalOptions = optionOffset[nDims]!;
  const linear = new Float64Array(parties.length * totalOptions);
  const totalWeight = new Float64Array(parties.length);
  const factors: UtilityFactor[] = [];
  const redLines: RedLineTest[] = [];
  const one = new Int32Array(nDims);
  for (const party of parties) {
    const p = party.index;
    totalWeight[p] = party.totalWeight;
    const cell = (d: number, o: number) => (optionOffset[d]! + o) * parties.length + p;
    for (const pref of party.preferences) {
      if ("when" in pref) {
        const truth = tabulate(c, pref.when);
        if (truth && truth.radix.dims.length === 1) {
          const d = truth.radix.dims[0]!;
          for (let o = 0; o < truth.table.length; o++) linear[cell(d, o)]! += pref.weight * truth.table[o]!;
        } else
          factors.push({
            party: p,
            weight: pref.weight,
            truth,
            when: pref.when,
            lastDim: lastDim(c, pref.when),
          });
      } else {
        const a = c.attributes[c.attrIndex.get(pref.attr)!]!;
        const d = a.dim;
        for (let o = 0; o < c.dims[d]!.options.length; o++) {
          one[d] = o;
          // Σ w_i σ_i, divided by Σ w_i once per scheme (file header).
          linear[cell(d, o)]! +=
            pref.weight * numericScore(numericAttribute(c, one, pref.attr), pref.range, pref.better);
        }
        one[d] = 0;
      }
    }
    party.redLines.forEach((r, bit) => {
      redLines.push({
        party: p,
        bit,
        cost: r.cost,
        truth: tabulate(c, r.forbid),
        forbid: r.forbid,
        lastDim: lastDim(c, r.forbid),
      });
    });
  }
  const maxLines = parties.reduce((m, p) => Math.max(m, p.redLines.length), 0);
  return {
    compiled: c,
    parties,
    dims: nDims,
    optionOffset,
    totalOptions,
    linear,
    totalWeight,
    reservation: Float64Array.from(parties, (p) => p.reservation),
    factors,
    redLines,
    redLineWords: Math.max(1, Math.ceil(maxLines / 32)),
    redLineCount: redLines.length,
    redLinesLastDim: redLines.reduce((m, r) => Math.max(m, r.lastDim), -1),
  };
}

/** Output buffers of `evaluateParties`, one entry (or `redLineWords` words) per party. */
export interface PartyEvaluation {
  /** u_p(s) ∈ [0, 1]. */
  utility: Float64Array;
  /** Bit k of words [p · redLineWords, …) set when p's k-th red line is violated. */
  redLineMask: Uint32Array;
  /** Σ of the costs of p's violated red lines. */
  redLineCost: Float64Array;
  /** Number of p's violated red lines. */
  violated: Int32Array;
}

/** Allocate the buffers `evaluateParties` fills (once, then reuse them for every scheme). */
export function createPartyEvaluation(t: StanceTables): PartyEvaluation {
  const n = t.parties.length;
  return {
    utility: new Float64Array(n),
    redLineMask: new Uint32Array(n * t.redLineWords),
    redLineCost: new Float64Array(n),
    violated: new Int32Array(n),
  };
}

/**
 * Every party's utility and violated red lines for one scheme, into reused buffers: no allocation.
 * @example evaluateParties(t, scheme, e); e.utility[0] // u of the first party
 */
export function evaluateParties(t: StanceTables, scheme: Scheme, out: PartyEvaluation): void {
  const { linear, optionOffset, dims } = t;
  const nParties = t.parties.length;
  const raw = out.utility;
  raw.fill(0);
  for (let d = 0; d < dims; d++) {
    const base = (optionOffset[d]! + scheme[d]!) * nParties;
    for (let p = 0; p < nParties; p++) raw[p]! += linear[base + p]!;
  }
  for (const f of t.factors) if (factorHolds(t, f, scheme)) raw[f.party]! += f.weight;
  normalise(t, raw);
  out.redLineMask.fill(0);
  out.redLineCost.fill(0);
  out.violated.fill(0);
  for (const r of t.redLines) if (lineHolds(t, r, scheme)) markViolated(t, r, out);
}

function factorHolds(t: StanceTables, f: UtilityFactor, scheme: Scheme): boolean {
  return f.truth ? truthAt(f.truth, scheme) === 1 : evaluatePredicate(t.compiled, f.when, scheme);
}

function lineHolds(t: StanceTables, r: RedLineTest, scheme: Scheme): boolean {
  return r.truth ? truthAt(r.truth, scheme) === 1 : evaluatePredicate(t.compiled, r.forbid, scheme);
}

function normalise(t: StanceTables, raw: Float64Array): void {
  for (let p = 0; p < raw.length; p++) {
    const w = t.totalWeight[p]!;
    // u = Σ w σ / Σ w; a party without preferences is indifferent among schemes: u = 1 (see docs).
    raw[p] = w > 0 ? raw[p]! / w : 1;
  }
}

function markViolated(t: StanceTables, r: RedLineTest, out: PartyEvaluation): void {
  out.redLineMask[r.party * t.redLineWords + (r.bit >>> 5)]! |= 1 << (r.bit & 31);
  out.redLineCost[r.party]! += r.cost;
  out.violated[r.party]! += 1;
}

/** Buffers for `evaluatePartiesSequential`: the evaluation plus what it carries from the previous scheme. */
export interface SequentialEvaluation extends PartyEvaluation {
  previous: Int32Array;
  /** `prefix[d · parties + p]`: Σ of p's per-dimension contributions over dimensions < d. */
  prefix: Float64Array;
  factorHit: Uint8Array;
  lineHit: Uint8Array;
  started: boolean;
}

/** Allocate the buffers `evaluatePartiesSequential` fills and carries over. */
export function createSequentialEvaluation(t: StanceTables): SequentialEvaluation {
  return {
    ...createPartyEvaluation(t),
    previous: new Int32Array(t.dims),
    prefix: new Float64Array((t.dims + 1) * t.parties.length),
    factorHit: new Uint8Array(t.factors.length),
    lineHit: new Uint8Array(t.redLines.length),
    started: false,
  };
}

/**
 * `evaluateParties` for schemes that come in order (as `enumerateSchemes` yields them): only the
 * dimensions from the first one that changed since the previous scheme are looked up again, and only the
 * predicates that read one of them. The results are those of `evaluateParties`.
 * @param from the first dimension whose option differs from the previous call's scheme, when the caller
 *   knows it (it is found by comparison otherwise; 0 on the first call)
 * @example const e = createSequentialEvaluation(t); for (const s of enumerateSchemes(c)) evaluatePartiesSequential(t, s, e);
 */
export function evaluatePartiesSequential(
  t: StanceTables,
  scheme: Scheme,
  out: SequentialEvaluation,
  from?: number,
): void {
  const { linear, optionOffset, dims } = t;
  const nParties = t.parties.length;
  let k = 0;
  const first = !out.started;
  if (!first) {
    if (from !== undefined) k = from;
    else while (k < dims && out.previous[k] === scheme[k]) k++;
  }
  out.started = true;
  for (let d = k; d < dims; d++) out.previous[d] = scheme[d]!;
  const prefix = out.prefix;
  for (let d = k; d < dims; d++) {
    const base = (optionOffset[d]! + scheme[d]!) * nParties;
    for (let p = 0; p < nParties; p++)
      prefix[(d + 1) * nParties + p] = prefix[d * nParties + p]! + linear[base + p]!;
  }
  const raw = out.utility;
  for (let p = 0; p < nParties; p++) raw[p] = prefix[dims * nParties + p]!;
  const factors = t.factors;
  for (let i = 0; i < factors.length; i++) {
    const f = factors[i]!;
    if (first || f.lastDim >= k) out.factorHit[i] = factorHolds(t, f, scheme) ? 1 : 0;
    if (out.factorHit[i]) raw[f.party]! += f.weight;
  }
  normalise(t, raw);
  // When no red line reads a dimension that changed, the masks, costs and counts are the previous scheme's.
  if (!first && k > t.redLinesLastDim) return;
  out.redLineMask.fill(0);
  out.redLineCost.fill(0);
  out.violated.fill(0);
  const lines = t.redLines;
  for (let i = 0; i < lines.length; i++) {
    const r = lines[i]!;
    if (first || r.lastDim >= k) out.lineHit[i] = lineHolds(t, r, scheme) ? 1 : 0;
    if (out.lineHit[i]) markViolated(t, r, out);
  }
}
