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
import type { Scheme } from "../scenario/compile.js";
import { type Concession, type ConcessionSet, concessionsFor } from "./concessions.js";
import { type ForecastPosition, forecastPositions } from "./forecast.js";
import {
  ACCEPT_TOLERANCE,
  createPartyEvaluation,
  createSequentialEvaluation,
  evaluateParties,
  evaluatePartiesSequential,
  type PartyEvaluation,
  partyAccepts,
  partyGap,
  partyMargin,
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
  const n = t.parties.length;
  const utilities: number[] = [];
  const margins: number[] = [];
  const gaps: number[] = [];
  const accepts: boolean[] = [];
  for (let p = 0; p < n; p++) {
    utilities.push(e.utility[p]!);
    margins.push(partyMargin(t, e, p));
    gaps.push(partyGap(t, e, p));
    accepts.push(partyAccepts(t, e, p));
  }
  return {
    scheme: Int32Array.from(scheme),
    utilities,
    margins,
    gaps,
    accepts,
    minMargin: n ? Math.min(...margins) : 0,
    gap: n ? Math.max(...gaps) : 0,
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
 * Analyse every scheme of `schemes` (normally `enumerateSchemes(c)`: the consistent ones) for all parties.
 * One pass with typed arrays and reused buffers; a scheme is copied only when it becomes a best one.
 * @example analyzeConsensus(compileStances(c), enumerateSchemes(c)).distance?.value // 0.12
 */
export function analyzeConsensus(
  t: StanceTables,
  schemes: Iterable<Scheme>,
  options: ConsensusOptions = {},
): ConsensusAnalysis {
  const top = options.top ?? 5;
  const setsWanted = options.concessionSets ?? 5;
  const paretoExamples = options.paretoExamples ?? 3;
  const c = t.compiled;
  const n = t.parties.length;
  const e = createPartyEvaluation(t);
  const seq = createSequentialEvaluation(t);
  const pareto = new ParetoArchive(n, paretoExamples);
  const forecast = forecastPositions(c, t.parties, t.optionOffset);
  const acceptCount = new Float64Array(n);
  const excludeCount = new Float64Array(t.redLineCount);
  const zoneTop: Kept[] = [];
  let zoneSize = 0;
  let count = 0;
  let nashScheme: Int32Array | undefined;
  let nashProduct = -Infinity;
  let maximinScheme: Int32Array | undefined;
  let maximinValue = -Infinity;
  let maximinSum = -Infinity;
  let distanceScheme: Int32Array | undefined;
  let distanceValue = Infinity;
  let distanceTotal = Infinity;
  let forecastScheme: Int32Array | undefined;
  let forecastDistance = Infinity;
  let forecastMargin = -Infinity;
  // Concession sets keyed by which red lines are dropped and which parties lower their reservation.
  const keyBits = t.redLineCount + n;
  // Small-integer keys when they fit (fast Map lookups), exact doubles up to 2^52, strings beyond.
  const keyKind = keyBits <= 30 ? 0 : keyBits <= 52 ? 1 : 2;
  const keyBit = Float64Array.from({ length: keyBits }, (_, i) => 2 ** i);
  const reservations = Float64Array.from(t.parties, (p) => p.reservation);
  const sets = new Map<
    number | string,
    { cost: number; index: number; changes: number; scheme: Int32Array }
  >();
  const linesByParty = t.parties.map((p) => p.redLines.map((r) => r.global));

  for (const s of schemes) {
    const index = count++;
    evaluatePartiesSequential(t, s, seq);
    pareto.add(seq.utility, s);
    let all = true;
    let minMargin = Infinity;
    let sumMargin = 0;
    let maxGap = 0;
    let totalCost = 0;
    let product = 1;
    let numKey = 0;
    let strKey = "";
    let changes = 0;
    // The same quantities as partyAccepts / partyMargin / partyGap, inlined for the hot loop.
    for (let p = 0; p < n; p++) {
      const short = reservations[p]! - seq.utility[p]!;
      const lowers = short > ACCEPT_TOLERANCE;
      const violated = seq.violated[p]!;
      const acc = violated === 0 && !lowers;
      const g = (lowers ? short : 0) + seq.redLineCost[p]!;
      const m = acc ? (short < 0 ? -short : 0) : -g;
      if (acc) acceptCount[p]!++;
      else all = false;
      if (m < minMargin) minMargin = m;
      sumMargin += m;
      if (g > maxGap) maxGap = g;
      totalCost += g;
      product *= short < 0 ? -short : 0;
      if (violated > 0) {
        const lines = linesByParty[p]!;
        for (let k = 0; k < lines.length; k++) {
          if ((seq.redLineMask[p * t.redLineWords + (k >>> 5)]! >>> (k & 31)) & 1) {
            const line = lines[k]!;
            excludeCount[line]!++;
            changes++;
            if (keyKind === 0) numKey |= 1 << line;
            else if (keyKind === 1) numKey += keyBit[line]!;
            else strKey += `r${line},`;
          }
        }
      }
      if (lowers) {
        changes++;
        const b = t.redLineCount + p;
        if (keyKind === 0) numKey |= 1 << b;
        else if (keyKind === 1) numKey += keyBit[b]!;
        else strKey += `p${p},`;
      }
    }
    if (n === 0) minMargin = 0;
    if (all) {
      zoneSize++;
      keepTop(zoneTop, minMargin, index, s, top);
      if (product > nashProduct) {
        nashProduct = product;
        nashScheme = keep(nashScheme, s);
      }
    }
    if (minMargin > maximinValue || (minMargin === maximinValue && sumMargin > maximinSum)) {
      maximinValue = minMargin;
      maximinSum = sumMargin;
      maximinScheme = keep(maximinScheme, s);
    }
    if (maxGap < distanceValue || (maxGap === distanceValue && totalCost < distanceTotal)) {
      distanceValue = maxGap;
      distanceTotal = totalCost;
      distanceScheme = keep(distanceScheme, s);
    }
    let fd = 0;
    for (let d = 0; d < t.dims; d++) fd += forecast.distance[t.optionOffset[d]! + s[d]!]!;
    if (fd < forecastDistance || (fd === forecastDistance && minMargin > forecastMargin)) {
      forecastDistance = fd;
      forecastMargin = minMargin;
      forecastScheme = keep(forecastScheme, s);
    }
    const key = keyKind === 2 ? strKey : numKey;
    const prev = sets.get(key);
    if (prev === undefined) sets.set(key, { cost: totalCost, index, changes, scheme: Int32Array.from(s) });
    else if (totalCost < prev.cost) {
      prev.cost = totalCost;
      prev.index = index;
      prev.scheme.set(s as ArrayLike<number> & Iterable<number>);
    }
  }

  const scored = (scheme: Int32Array) => scoreScheme(t, scheme, e);
  // Cheapest first; a set is listed only when no cheaper listed set asks every party for no more
  // (same changes, each costing no more): the alternatives are the Pareto-minimal sets.
  const ranked: ConcessionSet[] = [];
  const candidates = [...sets.values()].sort(
    (a, b) => a.cost - b.cost || a.changes - b.changes || a.index - b.index,
  );
  for (const x of candidates) {
    if (ranked.length >= setsWanted) break;
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
    schemes: count,
    acceptance: t.parties.map((p) => ({
      party: p.id,
      accepts: acceptCount[p.index]!,
      redLines: p.redLines.map((r) => ({ id: r.id, excludes: excludeCount[r.global]! })),
    })),
    zone: { size: zoneSize, best: zoneTop.map((x) => scored(x.scheme)) },
    pareto: pareto.result((scheme) => scored(scheme).accepts.every(Boolean)),
    nash: nashScheme ? { ...scored(nashScheme), product: nashProduct } : undefined,
    maximin: maximinScheme ? scored(maximinScheme) : undefined,
    distance: distanceScheme ? { value: distanceValue, scheme: scored(distanceScheme) } : undefined,
    forecast: forecastScheme
      ? { positions: forecast.positions, scheme: scored(forecastScheme), distance: forecastDistance }
      : undefined,
    concessions: {
      needed: zoneSize === 0,
      sets: ranked,
    },
  };
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
  private points: { u: Float64Array; count: number; examples: Int32Array[] }[] = [];
  private last = -1;
  constructor(
    private readonly n: number,
    private readonly examples: number,
  ) {}

  /** 1: `a` dominates `u`; 2: equal; 0: neither. */
  private compare(a: Float64Array, u: ArrayLike<number>): number {
    let equal = true;
    for (let p = 0; p < this.n; p++) {
      if (a[p]! < u[p]!) return 0;
      if (a[p] !== u[p]) equal = false;
    }
    return equal ? 2 : 1;
  }

  add(u: ArrayLike<number>, scheme: Scheme): void {
    const pts = this.points;
    // The last dominating point first: consecutive schemes often share it.
    if (this.last >= 0 && this.last < pts.length && this.hit(pts[this.last]!, u, scheme)) return;
    for (let i = 0; i < pts.length; i++) {
      if (i !== this.last && this.hit(pts[i]!, u, scheme)) {
        this.last = i;
        return;
      }
    }
    const next = pts.filter((pt) => {
      for (let p = 0; p < this.n; p++) if (u[p]! < pt.u[p]!) return true;
      return false;
    });
    next.push({
      u: Float64Array.from(u as ArrayLike<number> & Iterable<number>),
      count: 1,
      examples: this.examples > 0 ? [Int32Array.from(scheme)] : [],
    });
    this.points = next;
    this.last = -1;
  }

  private hit(
    pt: { u: Float64Array; count: number; examples: Int32Array[] },
    u: ArrayLike<number>,
    s: Scheme,
  ) {
    const r = this.compare(pt.u, u);
    if (r === 2) {
      pt.count++;
      if (pt.examples.length < this.examples) pt.examples.push(Int32Array.from(s));
    }
    return r !== 0;
  }

  /** The front, by Σ_p u_p descending then lexicographically descending. */
  result(acceptedByAll: (s: Int32Array) => boolean): { points: ParetoPoint[]; schemes: number } {
    const sum = (u: Float64Array) => u.reduce((a, b) => a + b, 0);
    const sorted = [...this.points].sort((a, b) => {
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
