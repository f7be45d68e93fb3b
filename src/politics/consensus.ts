/**
 * Across parties, in one pass over the consistent schemes: the zone of possible agreement, the Pareto
 * front, the Nash bargaining solution, the maximin scheme, the weighted-mean forecast, the distance to
 * consensus and the smallest concession sets. Definitions (docs/models/politics.md):
 *
 * - accepts_p(s)  ⇔ no red line of p holds in s and u_p(s) ≥ r_p.
 * - zone          = { s consistent : every party accepts s }.
 * - gap_p(s)      = max(0, r_p − u_p(s)) + Σ_{ℓ of p violated by s} c_ℓ.
 * - margin_p(s)   = u_p(s) − r_p when p accepts s, else −gap_p(s).
 * - gap(s)        = max_p gap_p(s) (the least satisfied party's shortfall); distance = min_s gap(s), its
 *                   scheme the one with the smallest Σ_p gap_p among those at the distance.
 * - maximin       = argmax_s min_p margin_p(s) (Rawls 1971; Kalai 1977 egalitarian solution in the zone),
 *                   ties broken by the larger Σ_p margin_p.
 * - Nash          = argmax_{s ∈ zone} Π_p (u_p(s) − r_p) (Nash 1950, "The bargaining problem").
 * - Pareto front  = utility vectors (u_p)_p of consistent schemes that no other consistent scheme's vector
 *                   weakly dominates with one strict inequality.
 * - concessions   = the sets of changes of minimal total cost Σ_p gap_p(s) over s (see concessions.ts);
 *                   alternatives: for each distinct set of changes (which red lines are dropped, which
 *                   parties lower their reservation) its cheapest scheme, cheapest first, leaving out a set
 *                   when a cheaper one listed asks no party for more.
 * Remaining ties go to the scheme enumerated first.
 */
import type { CompiledScenario, Scheme } from "../scenario/compile.js";
import { type Concession, type ConcessionSet, concessionsFor } from "./concessions.js";
import { type ForecastPosition, type ForecastTables, forecastPositions } from "./forecast.js";
import { ACCEPT_TOLERANCE, createPartyScores, type PartyScores, scoreParties } from "./outcome.js";
import {
  createPartyEvaluation,
  createSequentialEvaluation,
  evaluateParties,
  evaluatePartiesSequential,
  type PartyEvaluation,
  type StanceTables,
} from "./stances.js";

export interface ConsensusOptions {
  /** Best schemes of the zone to keep (by maximin). Default 5. */
  top?: number;
  /** Distinct concession sets to keep, cheapest first. Default 5. */
  concessionSets?: number;
  /** Example schemes kept per Pareto point. Default 3. */
  paretoExamples?: number;
}

/** A scheme with every party's utility, margin and gap. */
export interface ScoredScheme {
  scheme: Int32Array;
  utilities: number[];
  margins: number[];
  gaps: number[];
  accepts: boolean[];
  /** min_p margin_p. */
  minMargin: number;
  /** max_p gap_p: the consensus gap. */
  gap: number;
}

export interface ParetoPoint {
  utilities: number[];
  /** Consistent schemes with exactly this utility vector. */
  count: number;
  examples: Int32Array[];
  /** Whether every party accepts those schemes (they share utilities, not necessarily red lines). */
  acceptedByAll: boolean[];
}

export interface ConsensusAnalysis {
  parties: { id: string; name: string; reservation: number; power: number; salience: number }[];
  /** Consistent schemes evaluated. */
  schemes: number;
  /** Per party: how many schemes it accepts, and how many each of its red lines excludes. */
  acceptance: { party: string; accepts: number; redLines: { id: string; excludes: number }[] }[];
  zone: { size: number; best: ScoredScheme[] };
  pareto: { points: ParetoPoint[]; schemes: number };
  /** Undefined when the zone of possible agreement is empty: there is nothing to bargain over. */
  nash: (ScoredScheme & { product: number }) | undefined;
  maximin: ScoredScheme | undefined;
  distance: { value: number; scheme: ScoredScheme } | undefined;
  forecast: { positions: ForecastPosition[]; scheme: ScoredScheme; distance: number } | undefined;
  concessions: { needed: boolean; sets: ConcessionSet[] };
}

/**
 * Score one scheme for every party (allocates: for reporting, not for the main loop).
 * @example scoreScheme(t, [0, 2, 1]).gap // 0.15
 */
export function scoreScheme(t: StanceTables, scheme: Scheme, e = createPartyEvaluation(t)): ScoredScheme {
  evaluateParties(t, scheme, e);
  const scores = createPartyScores(t);
  scoreParties(t, e, scores);
  const n = t.parties.length;
  return {
    scheme: Int32Array.from(scheme),
    utilities: Array.from(e.utility),
    margins: Array.from(scores.margin),
    gaps: Array.from(scores.gap),
    accepts: Array.from(scores.accepts, Boolean),
    minMargin: n ? Math.min(...scores.margin) : 0,
    gap: n ? Math.max(...scores.gap) : 0,
  };
}

/** The violated red lines (indexes within each party) from an evaluation's masks. */
function violatedLists(t: StanceTables, e: PartyEvaluation): number[][] {
  return t.parties.map((party) =>
    party.redLines
      .map((_, k) => k)
      .filter((k) => (e.redLineMask[party.index * t.redLineWords + (k >>> 5)]! >>> (k & 31)) & 1),
  );
}

interface Kept {
  value: number;
  index: number;
  scheme: Int32Array;
}

/** Insert a copy of the scheme into a list kept sorted by value descending (ties: earlier first), capped. */
function keepTop(list: Kept[], value: number, index: number, scheme: Scheme, cap: number): void {
  if (cap <= 0) return;
  if (list.length >= cap && !(value > list[list.length - 1]!.value)) return;
  let i = list.length;
  while (i > 0 && list[i - 1]!.value < value) i--;
  list.splice(i, 0, { value, index, scheme: Int32Array.from(scheme) });
  if (list.length > cap) list.pop();
}

/** Copy `scheme` into `into`, allocating only the first time. */
function keep(into: Int32Array | undefined, scheme: Scheme): Int32Array {
  if (!into) return Int32Array.from(scheme);
  into.set(scheme as ArrayLike<number> & Iterable<number>);
  return into;
}

/**
 * The consensus analysis as a reducer: feed it every consistent scheme once, in enumeration order, with the
 * parties' evaluation (`evaluateParties`) and scores (`scoreParties`) already computed for it, then read the
 * result. It keeps only what the answers need (a few schemes, the Pareto archive, counts), never a row per
 * scheme. `analyzeConsensus` runs it over an iterable of schemes; the explore engine feeds it from its own
 * single pass, so no party is evaluated twice.
 */
export class ConsensusAccumulator {
  private readonly c: CompiledScenario;
  private readonly n: number;
  private readonly top: number;
  private readonly setsWanted: number;
  private readonly pareto: ParetoArchive;
  private readonly forecast: ForecastTables;
  private readonly acceptCount: Float64Array;
  private readonly excludeCount: Float64Array;
  private readonly zoneTop: Kept[] = [];
  private zoneSize = 0;
  private count = 0;
  private nashScheme: Int32Array | undefined;
  private nashProduct = -Infinity;
  private maximinScheme: Int32Array | undefined;
  private maximinValue = -Infinity;
  private maximinSum = -Infinity;
  private distanceScheme: Int32Array | undefined;
  private distanceValue = Infinity;
  private distanceTotal = Infinity;
  private forecastScheme: Int32Array | undefined;
  private forecastDistance = Infinity;
  private forecastMargin = -Infinity;
  // Concession sets keyed by which red lines are dropped and which parties lower their reservation, as a bit
  // set of `keyWords` 32-bit words (red lines first, then parties), found by a hash of the words.
  private readonly keyWords: number;
  private readonly key: Uint32Array;
  private readonly setKeys: Uint32Array[] = [];
  private readonly sets: { cost: number; index: number; changes: number; scheme: Int32Array }[] = [];
  /** Hash of a key → the first set with that hash; further sets with the same hash follow in `nextSet`. */
  private readonly setByHash = new Map<number, number>();
  private readonly nextSet: number[] = [];
  private readonly linesByParty: number[][];
  // The current run of schemes with the same red lines crossed and the same parties lowering: its masks, its
  // set, its crossed lines (global indexes) and its length.
  private readonly runMask: Uint32Array;
  private readonly runLowers: Uint8Array;
  /** `forecastPrefix[d]`: Σ over dimensions < d of the current scheme's distance to the forecast. */
  private readonly forecastPrefix: Float64Array;
  private runSet = -1;
  private readonly runLines: Int32Array;
  private runLineCount = 0;
  private run = 0;

  constructor(
    private readonly t: StanceTables,
    options: ConsensusOptions = {},
  ) {
    this.c = t.compiled;
    this.n = t.parties.length;
    this.top = options.top ?? 5;
    this.setsWanted = options.concessionSets ?? 5;
    this.pareto = new ParetoArchive(this.n, options.paretoExamples ?? 3);
    this.forecast = forecastPositions(this.c, t.parties, t.optionOffset);
    this.acceptCount = new Float64Array(this.n);
    this.excludeCount = new Float64Array(t.redLineCount);
    this.keyWords = Math.max(1, Math.ceil((t.redLineCount + this.n) / 32));
    this.key = new Uint32Array(this.keyWords);
    this.linesByParty = t.parties.map((p) => p.redLines.map((r) => r.global));
    this.runMask = new Uint32Array(this.n * t.redLineWords);
    this.runLowers = new Uint8Array(this.n);
    this.runLines = new Int32Array(t.redLineCount);
    this.forecastPrefix = new Float64Array(t.dims + 1);
  }

  /** Add the next scheme (in enumeration order) with its evaluation and scores; `changedFrom` is the first
   *  dimension whose option differs from the previous scheme added, when the caller knows it. */
  add(s: Scheme, e: PartyEvaluation, scores: PartyScores, changedFrom?: number): void {
    const t = this.t;
    const index = this.count++;
    this.pareto.add(e.utility, s);
    for (let p = 0; p < this.n; p++) if (scores.accepts[p]) this.acceptCount[p]!++;
    // Consecutive schemes mostly cross the same red lines and ask the same parties to lower their reservation:
    // while they do, the concession key is the same and the lines' exclusion counts grow by a run length.
    const mask = e.redLineMask;
    const lowers = scores.lowers;
    let same = this.runSet >= 0;
    for (let i = 0; same && i < mask.length; i++) same = mask[i] === this.runMask[i];
    for (let p = 0; same && p < this.n; p++) same = lowers[p] === this.runLowers[p];
    const { minMargin, sumMargin, maxGap, totalGap } = scores;
    if (same) this.run++;
    else {
      this.flushRun();
      this.runMask.set(mask);
      this.runLowers.set(lowers);
      const key = this.key;
      key.fill(0);
      let changes = 0;
      this.runLineCount = 0;
      for (let p = 0; p < this.n; p++) {
        if (e.violated[p]! > 0) {
          const lines = this.linesByParty[p]!;
          for (let k = 0; k < lines.length; k++) {
            if ((mask[p * t.redLineWords + (k >>> 5)]! >>> (k & 31)) & 1) {
              const line = lines[k]!;
              this.runLines[this.runLineCount++] = line;
              changes++;
              key[line >>> 5] = key[line >>> 5]! | (1 << (line & 31));
            }
          }
        }
        if (lowers[p]) {
          changes++;
          const b = t.redLineCount + p;
          key[b >>> 5] = key[b >>> 5]! | (1 << (b & 31));
        }
      }
      this.run = 1;
      let set = this.findSet(key);
      if (set < 0) set = this.addSet(key, { cost: totalGap, index, changes, scheme: Int32Array.from(s) });
      this.runSet = set;
    }
    const set = this.sets[this.runSet]!;
    if (totalGap < set.cost) {
      set.cost = totalGap;
      set.index = index;
      set.scheme.set(s as ArrayLike<number> & Iterable<number>);
    }
    if (scores.all) {
      this.zoneSize++;
      keepTop(this.zoneTop, minMargin, index, s, this.top);
      if (scores.surplusProduct > this.nashProduct) {
        this.nashProduct = scores.surplusProduct;
        this.nashScheme = keep(this.nashScheme, s);
      }
    }
    if (minMargin > this.maximinValue || (minMargin === this.maximinValue && sumMargin > this.maximinSum)) {
      this.maximinValue = minMargin;
      this.maximinSum = sumMargin;
      this.maximinScheme = keep(this.maximinScheme, s);
    }
    if (maxGap < this.distanceValue || (maxGap === this.distanceValue && totalGap < this.distanceTotal)) {
      this.distanceValue = maxGap;
      this.distanceTotal = totalGap;
      this.distanceScheme = keep(this.distanceScheme, s);
    }
    // The distance to the forecast as a prefix sum over dimensions, redone from the first that changed.
    const fp = this.forecastPrefix;
    const dist = this.forecast.distance;
    for (let d = index === 0 || changedFrom === undefined ? 0 : changedFrom; d < t.dims; d++)
      fp[d + 1] = fp[d]! + dist[t.optionOffset[d]! + s[d]!]!;
    const fd = fp[t.dims]!;
    if (fd < this.forecastDistance || (fd === this.forecastDistance && minMargin > this.forecastMargin)) {
      this.forecastDistance = fd;
      this.forecastMargin = minMargin;
      this.forecastScheme = keep(this.forecastScheme, s);
    }
  }

  /** Count the current run's red lines as excluding its schemes. */
  private flushRun(): void {
    for (let i = 0; i < this.runLineCount; i++) this.excludeCount[this.runLines[i]!]! += this.run;
    this.run = 0;
  }

  /** FNV-1a over the key's words. */
  private hashOf(key: Uint32Array): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key[i]!, 0x01000193);
    return h | 0;
  }

  /** The index of the set with this key, or -1. */
  private findSet(key: Uint32Array): number {
    let i = this.setByHash.get(this.hashOf(key));
    while (i !== undefined) {
      const k = this.setKeys[i]!;
      let same = true;
      for (let w = 0; w < k.length && same; w++) same = k[w] === key[w];
      if (same) return i;
      i = this.nextSet[i] === -1 ? undefined : this.nextSet[i];
    }
    return -1;
  }

  private addSet(
    key: Uint32Array,
    set: { cost: number; index: number; changes: number; scheme: Int32Array },
  ): number {
    const h = this.hashOf(key);
    const i = this.sets.push(set) - 1;
    this.setKeys.push(Uint32Array.from(key));
    this.nextSet.push(this.setByHash.get(h) ?? -1);
    this.setByHash.set(h, i);
    return i;
  }

  /** The analysis of every scheme added so far. */
  result(): ConsensusAnalysis {
    this.flushRun();
    const t = this.t;
    const c = this.c;
    const e = createPartyEvaluation(t);
    const scored = (scheme: Int32Array) => scoreScheme(t, scheme, e);
    // Cheapest first; a set is listed only when no cheaper listed set asks every party for no more
    // (same changes, each costing no more): the alternatives are the Pareto-minimal sets.
    const ranked: ConcessionSet[] = [];
    const candidates = [...this.sets].sort(
      (a, b) => a.cost - b.cost || a.changes - b.changes || a.index - b.index,
    );
    for (const x of candidates) {
      if (ranked.length >= this.setsWanted) break;
      const row = x.scheme;
      evaluateParties(t, row, e);
      const changes = concessionsFor(c, t.parties, row, e.utility, violatedLists(t, e), ACCEPT_TOLERANCE);
      const set = { cost: x.cost, changes, scheme: Int32Array.from(row) };
      if (!ranked.some((k) => asksNoMore(k.changes, changes))) ranked.push(set);
    }
    return {
      parties: t.parties.map((p) => ({
        id: p.id,
        name: p.name,
        reservation: p.reservation,
        power: p.power,
        salience: p.salience,
      })),
      schemes: this.count,
      acceptance: t.parties.map((p) => ({
        party: p.id,
        accepts: this.acceptCount[p.index]!,
        redLines: p.redLines.map((r) => ({ id: r.id, excludes: this.excludeCount[r.global]! })),
      })),
      zone: { size: this.zoneSize, best: this.zoneTop.map((x) => scored(x.scheme)) },
      pareto: this.pareto.result((scheme) => scored(scheme).accepts.every(Boolean)),
      nash: this.nashScheme ? { ...scored(this.nashScheme), product: this.nashProduct } : undefined,
      maximin: this.maximinScheme ? scored(this.maximinScheme) : undefined,
      distance: this.distanceScheme
        ? { value: this.distanceValue, scheme: scored(this.distanceScheme) }
        : undefined,
      forecast: this.forecastScheme
        ? {
            positions: this.forecast.positions,
            scheme: scored(this.forecastScheme),
            distance: this.forecastDistance,
          }
        : undefined,
      concessions: { needed: this.zoneSize === 0, sets: ranked },
    };
  }
}

/**
 * Analyse every scheme of `schemes` (normally `enumerateSchemes(c)`: the consistent ones) for all parties.
 * One pass with typed arrays and reused buffers; a scheme is copied only when it becomes a best one.
 * @example analyzeConsensus(compileStances(c), enumerateSchemes(c)).distance?.value // 0.12
 */
export function analyzeConsensus(
  t: StanceTables,
  schemes: Iterable<Scheme>,
  options: ConsensusOptions = {},
): ConsensusAnalysis {
  const acc = new ConsensusAccumulator(t, options);
  const seq = createSequentialEvaluation(t);
  const scores = createPartyScores(t);
  for (const s of schemes) {
    evaluatePartiesSequential(t, s, seq);
    scoreParties(t, seq, scores);
    acc.add(s, seq, scores);
  }
  return acc.result();
}

const changeId = (ch: Concession) =>
  ch.kind === "dropRedLine" ? `${ch.party}\u0000${ch.redLine}` : `${ch.party}\u0000`;

/** True when every change of `a` is also in `b` at a cost at least as high: `b` is a dearer variant of `a`. */
function asksNoMore(a: readonly Concession[], b: readonly Concession[]): boolean {
  const inB = new Map(b.map((ch) => [changeId(ch), ch.cost]));
  return a.every((ch) => {
    const cost = inB.get(changeId(ch));
    return cost !== undefined && cost >= ch.cost;
  });
}

/**
 * The Pareto front over utility vectors, kept as schemes stream in: an archive of mutually non-dominated
 * distinct vectors. A new vector dominated by (or equal to) an archived one is counted there or dropped;
 * otherwise it evicts the archived vectors it dominates and joins. Dominance is transitive, so the final
 * archive is exactly the set of vectors no scheme dominates (the "archive" of Knowles & Corne 2000, PAES,
 * kept unbounded).
 */
class ParetoArchive {
  /** The archived vectors, `n` numbers each, in one array (a scan is one tight loop). */
  private u = new Float64Array(0);
  private size = 0;
  private readonly counts: number[] = [];
  private readonly kept: Int32Array[][] = [];
  private last = -1;
  constructor(
    private readonly n: number,
    private readonly examples: number,
  ) {}

  /** Whether archived vector i dominates or equals `v`; counts `s` there when it equals it. */
  private absorbs(i: number, v: ArrayLike<number>, s: Scheme): boolean {
    const n = this.n;
    const u = this.u;
    const base = i * n;
    let equal = true;
    for (let p = 0; p < n; p++) {
      const a = u[base + p]!;
      const b = v[p]!;
      if (a < b) return false;
      if (a !== b) equal = false;
    }
    if (equal) {
      this.counts[i]!++;
      if (this.kept[i]!.length < this.examples) this.kept[i]!.push(Int32Array.from(s));
    }
    return true;
  }

  add(v: ArrayLike<number>, scheme: Scheme): void {
    // The last absorbing vector first: consecutive schemes often share it.
    if (this.last >= 0 && this.absorbs(this.last, v, scheme)) return;
    const n = this.n;
    const u = this.u;
    for (let i = 0; i < this.size; i++) {
      if (i === this.last || !this.absorbs(i, v, scheme)) continue;
      // Move the absorbing vector to the front, so that those that absorb most are tried first (the order
      // changes nothing else: `result` sorts the front).
      if (i > 0) {
        for (let p = 0; p < n; p++) {
          const x = u[p]!;
          u[p] = u[i * n + p]!;
          u[i * n + p] = x;
        }
        const count = this.counts[0]!;
        this.counts[0] = this.counts[i]!;
        this.counts[i] = count;
        const kept = this.kept[0]!;
        this.kept[0] = this.kept[i]!;
        this.kept[i] = kept;
      }
      this.last = 0;
      return;
    }
    // Not dominated: drop the vectors it dominates, then append it.
    let kept = 0;
    for (let i = 0; i < this.size; i++) {
      let dominated = true;
      for (let p = 0; p < n && dominated; p++) dominated = v[p]! >= u[i * n + p]!;
      if (dominated) continue;
      if (kept !== i) {
        u.copyWithin(kept * n, i * n, (i + 1) * n);
        this.counts[kept] = this.counts[i]!;
        this.kept[kept] = this.kept[i]!;
      }
      kept++;
    }
    if ((kept + 1) * n > u.length) {
      const grown = new Float64Array(Math.max(16 * n, 2 * u.length));
      grown.set(u.subarray(0, kept * n));
      this.u = grown;
    }
    for (let p = 0; p < n; p++) this.u[kept * n + p] = v[p]!;
    this.counts[kept] = 1;
    this.kept[kept] = this.examples > 0 ? [Int32Array.from(scheme)] : [];
    this.size = kept + 1;
    this.counts.length = this.size;
    this.kept.length = this.size;
    this.last = -1;
  }

  /** The front, by Σ_p u_p descending then lexicographically descending. */
  result(acceptedByAll: (s: Int32Array) => boolean): { points: ParetoPoint[]; schemes: number } {
    const sum = (u: Float64Array) => u.reduce((a, b) => a + b, 0);
    const points = Array.from({ length: this.size }, (_, i) => ({
      u: this.u.slice(i * this.n, (i + 1) * this.n),
      count: this.counts[i]!,
      examples: this.kept[i]!,
    }));
    const sorted = points.sort((a, b) => {
      const d = sum(b.u) - sum(a.u);
      if (d !== 0) return d;
      for (let p = 0; p < this.n; p++) if (a.u[p] !== b.u[p]) return b.u[p]! - a.u[p]!;
      return 0;
    });
    return {
      points: sorted.map((pt) => ({
        utilities: Array.from(pt.u),
        count: pt.count,
        examples: pt.examples,
        acceptedByAll: pt.examples.map(acceptedByAll),
      })),
      schemes: sorted.reduce((a, pt) => a + pt.count, 0),
    };
  }
}
