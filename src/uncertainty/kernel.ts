/**
 * The Monte-Carlo kernel: every consistent scheme scored under one draw of the uncertain inputs, in a tight
 * loop over typed arrays, with the answers' figures counted per scheme and per draw.
 *
 * What a draw can change is recomputed once per draw on the few things it acts on, never per scheme:
 * - each party's verdict on each combination of the options its stance reads (its projection): utility
 *   Σ wᵢσᵢ / Σ wᵢ from the draw's weights and the scores σᵢ (fixed, tabulated once), the red lines that bind
 *   in the draw, its reservation; verdict, margin and gap by the one formula of politics/outcome.ts. A party
 *   that reads more combinations than there are schemes is tabulated per scheme instead;
 * - deterrence for each distinct vector of mechanism attributes (`deterrenceProbability`);
 * - requirements, cost and exact feasibility for each combination of the dimensions the requirement model and
 *   the eligibility rules read (the coalition projections), from the draw's parameters, ledgers and
 *   willingness.
 * A scheme then costs a lookup per party and three more. Setup enumerates the space once.
 */
import {
  type CoalitionObjective,
  type CoalitionProblem,
  coalitionProblemForScheme,
  contributorLedger,
  feasibilityOf,
  IN_PROTECTED_STATE_ATTRIBUTE,
  schemeConditions,
} from "../coalition/index.js";
import {
  airResponseFromBases,
  DEFAULT_RESPONSE_FIGHTER,
  deterrenceProbability,
  ladderTimeline,
  MECHANISM_ATTRIBUTES,
  type MechanismAttributes,
  readMechanismAttributes,
} from "../deterrence/index.js";
import {
  makeRequirementEvaluator,
  REQ_COST_USD_M_PER_YEAR,
  REQ_LENGTH,
  REQUIREMENT_ATTRIBUTES,
  schemeRequirements,
} from "../models/index.js";
import { aircraftParameterId, PARAMETERS } from "../parameters/index.js";
import {
  acceptsFrom,
  gapFrom,
  marginFrom,
  numericScore,
  type Party,
  RED_LINE_COST_SCALE,
  stanceParties,
} from "../politics/index.js";
import {
  attributeDimensions,
  type CompiledScenario,
  numericAttribute,
  predicateDimensions,
  type Scheme,
} from "../scenario/compile.js";
import { type MixedRadix, mixedRadix, mixedRadixWithin, radixDecode, radixIndex } from "../scenario/radix.js";
import { CAPABILITIES, type Preference, type Scenario } from "../scenario/schema.js";
import { predicateTest } from "../scenario/truth.js";
import { enumerateSchemes, type OptionFilter } from "../space/index.js";
import type { AppliedDraw } from "./draw.js";

/** Bins of a deterrence histogram on [0, 1]. */
export const DETERRENCE_BINS = 400;
/** Bins of a cost histogram on ln(cost / reference) ∈ [−ln 4, ln 4], plus one below and one above. */
export const COST_BINS = 402;
const COST_LOG_RANGE = Math.log(4);

export interface KernelOptions {
  filter?: OptionFilter;
  /** The coalition objective problems are posed with (feasibility does not depend on it). */
  objective?: CoalitionObjective;
}

/** What one draw gives for the space as a whole. */
export interface DrawFigures {
  feasible: number;
  acceptedByAll: number;
  both: number;
  /** Schemes each party accepts, party order. */
  accepts: Float64Array;
  /** min over schemes of the largest party gap. */
  distance: number;
  /** The draw's best scheme (by the focus order of explore/rank.ts), as an index in enumeration order. */
  focus: number;
  focusDeterrence: number;
  focusCostUsdM: number;
}

/** One scheme under one draw. */
export interface SchemeDraw {
  /** Per party, party order. */
  utility: Float64Array;
  accepts: Uint8Array;
  /** Binding red lines the scheme crosses, per party. */
  violated: Uint8Array;
  margin: Float64Array;
  deterrence: number;
  feasibility: number;
  feasible: boolean;
  costUsdMPerYear: number;
}

/** A preference's score σ as a function of the scheme (`preferenceScore` of politics/stances.ts, by lookup): a
 *  numeric preference reads its attribute's one dimension, a `when` preference a truth table. */
function preferenceScorer(c: CompiledScenario, pref: Preference): (scheme: Scheme) => number {
  if ("when" in pref) {
    const holds = predicateTest(c, pref.when);
    return (scheme) => (holds(scheme) ? 1 : 0);
  }
  const d = c.attributes[c.attrIndex.get(pref.attr)!]!.dim;
  const one = new Int32Array(c.dims.length);
  const byOption = Float64Array.from(c.dims[d]!.options, (_, o) => {
    one[d] = o;
    return numericScore(numericAttribute(c, one, pref.attr), pref.range, pref.better);
  });
  return (scheme) => byOption[scheme[d]!]!;
}

/** The mechanism vector of a scheme and whether its air response has a standing patrol. */
interface DetVector {
  a: MechanismAttributes;
  air: boolean;
}

/** Per-scheme counters and per-key histograms, summed over draws (integers: the order of draws never matters). */
export interface KernelCounts {
  draws: number;
  /** n × parties: draws in which the party accepts the scheme. */
  accepts: Uint32Array;
  feasible: Uint32Array;
  acceptedByAll: Uint32Array;
  both: Uint32Array;
  /** vectors × DETERRENCE_BINS. */
  deterrence: Uint32Array;
  /** projections × COST_BINS. */
  cost: Uint32Array;
}

export class MonteCarloKernel {
  /** Consistent schemes, in enumeration order. */
  readonly n: number;
  readonly parties: readonly Party[];
  /** Index of each scheme's mechanism vector (`vectors`). */
  readonly detOf: Int32Array;
  /** Index of each scheme's coalition projection. */
  readonly projectionOf: Int32Array;
  /** n × dimensions: each scheme's options, in enumeration (lexicographic) order. */
  readonly schemes: Int32Array;
  readonly vectorCount: number;
  readonly projectionCount: number;
  /** The cost of each projection at the stated values, the reference of its cost histogram. */
  readonly costReference: Float64Array;

  private readonly P: number;
  /** n × P: the cell of party p's table for scheme s, offset into the concatenated tables. */
  private readonly cell: Int32Array;
  private readonly offset: Int32Array;
  private readonly tableSize: Int32Array;
  /** Per party: tableSize × preferences scores σ. */
  private readonly sigma: Float64Array[];
  /** Per party: tableSize × words, bit k set when red line k is crossed. */
  private readonly hits: Uint32Array[];
  private readonly words: Int32Array;
  // The draw's tables, concatenated over parties.
  private readonly acceptT: Uint8Array;
  private readonly marginT: Float64Array;
  private readonly gapT: Float64Array;
  private readonly vectors: DetVector[];
  private readonly projectionExample: Int32Array[];
  private readonly eligDims: number[];
  private readonly objective: CoalitionObjective;
  private readonly actorIndex: ReadonlyMap<string, number>;
  /** The parameters deterrence reads, and their values at the last table computed. */
  private readonly deterrenceParameterIds: readonly string[];
  private deterrenceSignature: string | undefined;
  /** Per coalition projection, its eligibility key; per key, the problem at the stated willingness. */
  private readonly eligibilityKey: string[];
  private readonly templates: ReadonlyMap<string, Template>;
  /** Actors whose ledger holds at least one whole unit at the stated values (the templates' contributors). */
  private readonly ledgered: string;
  // The draw's values per vector and per projection.
  readonly detValue: Float64Array;
  readonly costValue: Float64Array;
  readonly feasibleValue: Uint8Array;
  readonly feasibilityValue: Float64Array;

  constructor(
    private readonly c: CompiledScenario,
    options: KernelOptions = {},
  ) {
    this.objective = options.objective ?? "min-cost";
    this.actorIndex = new Map(c.scenario.actors.map((a, i) => [a.id, i]));
    // The air response reads the response fighter's dash speed and alert launch time (deterrence/ladder.ts).
    this.deterrenceParameterIds = [
      ...PARAMETERS.filter((d) => d.model === "deterrence").map((d) => d.id),
      aircraftParameterId(DEFAULT_RESPONSE_FIGHTER, "dashKmh"),
      aircraftParameterId(DEFAULT_RESPONSE_FIGHTER, "alertLaunchHours"),
    ];
    this.parties = stanceParties(c);
    this.P = this.parties.length;
    const P = this.P;
    const radixes: (MixedRadix | undefined)[] = [];
    const partyDims = this.parties.map((party) => {
      const dims = new Set<number>();
      for (const pref of party.preferences) {
        if ("when" in pref) predicateDimensions(c, pref.when, dims);
        else dims.add(c.attributes[c.attrIndex.get(pref.attr)!]!.dim);
      }
      for (const r of party.redLines) predicateDimensions(c, r.forbid, dims);
      return [...dims];
    });
    const detRadix = mixedRadix(c, attributeDimensions(c, MECHANISM_ATTRIBUTES));
    const placing = Object.values(IN_PROTECTED_STATE_ATTRIBUTE).filter((x): x is string => x !== undefined);
    const elig = new Set<number>(attributeDimensions(c, placing));
    c.scenario.dimensions.forEach((d, i) => {
      if (d.options.some((o) => Object.keys(o.providers).length > 0)) elig.add(i);
    });
    for (const a of c.scenario.actors)
      for (const w of a.willingness) if (w.kind === "onlyIf") predicateDimensions(c, w.when, elig);
    this.eligDims = [...elig].sort((a, b) => a - b);
    const coalRadix = mixedRadix(c, [
      ...new Set([...attributeDimensions(c, REQUIREMENT_ATTRIBUTES), ...this.eligDims]),
    ]);

    // First pass: count the schemes, so that a party with more combinations than schemes is tabulated per scheme.
    let n = 0;
    for (const _ of enumerateSchemes(c, options.filter ? { filter: options.filter } : {})) n++;
    this.n = n;
    for (let p = 0; p < P; p++) radixes.push(mixedRadixWithin(c, partyDims[p]!, Math.max(1, n)));
    this.tableSize = Int32Array.from(radixes, (r) => r?.size ?? n);
    this.offset = new Int32Array(P + 1);
    for (let p = 0; p < P; p++) this.offset[p + 1] = this.offset[p]! + this.tableSize[p]!;
    this.words = Int32Array.from(this.parties, (party) => Math.max(1, Math.ceil(party.redLines.length / 32)));
    this.sigma = this.parties.map(
      (party, p) => new Float64Array(this.tableSize[p]! * party.preferences.length),
    );
    this.hits = this.parties.map((_, p) => new Uint32Array(this.tableSize[p]! * this.words[p]!));
    const total = this.offset[P]!;
    this.acceptT = new Uint8Array(total);
    this.marginT = new Float64Array(total);
    this.gapT = new Float64Array(total);

    // Each preference and red line as a table lookup (a numeric preference reads one dimension; a predicate is
    // tabulated over the dimensions it reads), not a tree walk per cell: the set-up scores every scheme.
    const scorers = this.parties.map((party) => ({
      prefs: party.preferences.map((pref) => preferenceScorer(c, pref)),
      lines: party.redLines.map((r) => predicateTest(c, r.forbid)),
    }));
    const scoreCell = (p: number, cell: number, scheme: Int32Array) => {
      const { prefs, lines } = scorers[p]!;
      const m = prefs.length;
      const sigma = this.sigma[p]!;
      for (let i = 0; i < m; i++) sigma[cell * m + i] = prefs[i]!(scheme);
      const w = this.words[p]!;
      const hits = this.hits[p]!;
      for (let k = 0; k < lines.length; k++)
        if (lines[k]!(scheme)) hits[cell * w + (k >>> 5)]! |= 1 << (k & 31);
    };
    // Tabulate the parties read by projection, over every combination of the options they read.
    const probe = new Int32Array(c.dims.length);
    radixes.forEach((r, p) => {
      if (!r) return;
      for (let j = 0; j < r.size; j++) {
        radixDecode(r, j, probe);
        scoreCell(p, j, probe);
      }
    });

    // Second pass: each scheme's cells, mechanism vector and coalition projection.
    this.cell = new Int32Array(n * P);
    this.schemes = new Int32Array(n * c.dims.length);
    this.detOf = new Int32Array(n);
    this.projectionOf = new Int32Array(n);
    const detByKey = new Map<number, number>();
    const detByVector = new Map<string, number>();
    this.vectors = [];
    const projByKey = new Map<number, number>();
    this.projectionExample = [];
    let s = 0;
    for (const scheme of enumerateSchemes(c, options.filter ? { filter: options.filter } : {})) {
      this.schemes.set(scheme, s * c.dims.length);
      for (let p = 0; p < P; p++) {
        const r = radixes[p];
        const local = r ? radixIndex(r, scheme) : s;
        if (!r) scoreCell(p, s, scheme);
        this.cell[s * P + p] = this.offset[p]! + local;
      }
      const dk = radixIndex(detRadix, scheme);
      let v = detByKey.get(dk);
      if (v === undefined) {
        const a = readMechanismAttributes(c, scheme);
        const key = JSON.stringify(a);
        v = detByVector.get(key);
        if (v === undefined) {
          v = this.vectors.length;
          this.vectors.push({ a, air: a.capStations > 0 || a.airPolicing });
          detByVector.set(key, v);
        }
        detByKey.set(dk, v);
      }
      this.detOf[s] = v;
      const ck = radixIndex(coalRadix, scheme);
      let q = projByKey.get(ck);
      if (q === undefined) {
        q = this.projectionExample.length;
        this.projectionExample.push(Int32Array.from(scheme));
        projByKey.set(ck, q);
      }
      this.projectionOf[s] = q;
      s++;
    }
    // Who may provide what depends on the eligibility options and on which willingness conditions hold: one
    // problem template per combination of eligibility options, with each contributor's conditions kept per
    // willingness condition so that a draw can leave out those that do not hold.
    this.eligibilityKey = this.projectionExample.map((ex) => this.eligDims.map((j) => ex[j]).join(","));
    const templates = new Map<string, Template>();
    this.projectionExample.forEach((ex, q) => {
      const key = this.eligibilityKey[q]!;
      if (templates.has(key)) return;
      const problem = coalitionProblemForScheme(c, ex, {}, { objective: this.objective });
      const conditions = problem.contributors.map((ct) =>
        schemeConditions(c, ex, c.scenario.actors[this.actorIndex.get(ct.id)!]!),
      );
      templates.set(key, { problem, conditions });
    });
    this.templates = templates;
    this.ledgered = ledgeredActors(c.scenario);
    this.vectorCount = this.vectors.length;
    this.projectionCount = this.projectionExample.length;
    this.detValue = new Float64Array(this.vectorCount);
    this.costValue = new Float64Array(this.projectionCount);
    this.feasibleValue = new Uint8Array(this.projectionCount);
    this.feasibilityValue = new Float64Array(this.projectionCount);
    const reference = makeRequirementEvaluator(c);
    const req = new Float64Array(REQ_LENGTH);
    this.costReference = Float64Array.from(this.projectionExample, (ex) => {
      reference(ex, req);
      return req[REQ_COST_USD_M_PER_YEAR]!;
    });
  }

  /** The index of a scheme in enumeration order, or -1 when it is not among the consistent schemes. */
  indexOf(scheme: ArrayLike<number>): number {
    const d = this.c.dims.length;
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      let cmp = 0;
      for (let j = 0; j < d && cmp === 0; j++) cmp = this.schemes[mid * d + j]! - scheme[j]!;
      if (cmp === 0) return mid;
      if (cmp < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The options of scheme `s`. */
  schemeAt(s: number): Int32Array {
    const d = this.c.dims.length;
    return this.schemes.slice(s * d, (s + 1) * d);
  }

  /** Empty counters for this space. */
  counts(): KernelCounts {
    return {
      draws: 0,
      accepts: new Uint32Array(this.n * this.P),
      feasible: new Uint32Array(this.n),
      acceptedByAll: new Uint32Array(this.n),
      both: new Uint32Array(this.n),
      deterrence: new Uint32Array(this.vectorCount * DETERRENCE_BINS),
      cost: new Uint32Array(this.projectionCount * COST_BINS),
    };
  }

  /** A party's numbers for a draw: its weights' sum, each red line's cost when crossed, which lines bind. */
  private partyDraw(p: number, draw: AppliedDraw) {
    const party = this.parties[p]!;
    const st = draw.stances[this.actorIndex.get(party.id)!]!;
    let total = 0;
    for (let i = 0; i < party.preferences.length; i++) total += st.weights[i]!;
    // A red line's cost when crossed: scale × the draw's salience × its confidence (politics/stances.ts).
    const lineCost = party.redLines.map((r) => RED_LINE_COST_SCALE * st.salience * r.confidence);
    const bind = new Uint32Array(this.words[p]!);
    party.redLines.forEach((_, k) => {
      if (st.binds[k]) bind[k >>> 5]! |= 1 << (k & 31);
    });
    return { st, total, lineCost, bind };
  }

  /** Party p's utility, violated binding lines and their cost on one cell of its table. */
  private cellScore(
    p: number,
    j: number,
    d: ReturnType<MonteCarloKernel["partyDraw"]>,
  ): { u: number; violated: number; cost: number } {
    const m = this.parties[p]!.preferences.length;
    const w = this.words[p]!;
    const sigma = this.sigma[p]!;
    const hits = this.hits[p]!;
    let raw = 0;
    for (let i = 0; i < m; i++) raw += d.st.weights[i]! * sigma[j * m + i]!;
    // u = Σ w σ / Σ w; a party without preferences (or all weights 0 in this draw) is indifferent: u = 1.
    const u = d.total > 0 ? raw / d.total : 1;
    let violated = 0;
    let cost = 0;
    for (let k = 0; k < w; k++) {
      let bits = hits[j * w + k]! & d.bind[k]!;
      while (bits !== 0) {
        const b = 31 - Math.clz32(bits);
        bits &= ~(1 << b);
        violated++;
        cost += d.lineCost[k * 32 + b]!;
      }
    }
    return { u, violated, cost };
  }

  /** Each party's verdict, margin and gap on every cell of its table, for a draw's stances. */
  private partyTables(draw: AppliedDraw): void {
    for (let p = 0; p < this.P; p++) {
      const d = this.partyDraw(p, draw);
      const base = this.offset[p]!;
      for (let j = 0; j < this.tableSize[p]!; j++) {
        const { u, violated, cost } = this.cellScore(p, j, d);
        const short = d.st.reservation - u;
        this.acceptT[base + j] = acceptsFrom(short, violated) ? 1 : 0;
        this.marginT[base + j] = marginFrom(short, violated, cost);
        this.gapT[base + j] = gapFrom(short, cost);
      }
    }
  }

  /**
   * One scheme under one draw, without scoring the rest: every party's utility, verdict and margin, and the
   * scheme's deterrence, feasibility and cost (sensitivity runs thousands of these).
   */
  scoreOne(draw: AppliedDraw, s: number): SchemeDraw {
    const P = this.P;
    const utility = new Float64Array(P);
    const accepts = new Uint8Array(P);
    const margin = new Float64Array(P);
    const crossed = new Uint8Array(P);
    for (let p = 0; p < P; p++) {
      const d = this.partyDraw(p, draw);
      const { u, violated, cost } = this.cellScore(p, this.cell[s * P + p]! - this.offset[p]!, d);
      const short = d.st.reservation - u;
      utility[p] = u;
      accepts[p] = acceptsFrom(short, violated) ? 1 : 0;
      crossed[p] = Math.min(255, violated);
      margin[p] = marginFrom(short, violated, cost);
    }
    const c = { ...this.c, scenario: draw.scenario };
    const { a, air } = this.vectors[this.detOf[s]!]!;
    const hours = air
      ? airResponseFromBases(c, a, DEFAULT_RESPONSE_FIGHTER, draw.parameters).hours
      : undefined;
    const deterrence = deterrenceProbability(
      a,
      ladderTimeline(a, { airResponseHours: hours }, draw.parameters, { basis: false }),
      draw.parameters,
    );
    const q = this.projectionOf[s]!;
    const { feasibility, cost } = this.projectionScore(c, q, draw);
    return {
      utility,
      accepts,
      violated: crossed,
      margin,
      deterrence,
      feasibility,
      feasible: feasibility >= 1,
      costUsdMPerYear: cost,
    };
  }

  /** Deterrence of every mechanism vector, for a draw's parameters (kept when they did not change). */
  private deterrenceTable(draw: AppliedDraw): void {
    // Deterrence reads the mechanism and deterrence parameters and the response fighter's figures alone.
    let signature = "";
    for (const id of this.deterrenceParameterIds) signature += `${draw.parameters.get(id)!.value},`;
    if (signature === this.deterrenceSignature) return;
    this.deterrenceSignature = signature;
    const c = { ...this.c, scenario: draw.scenario };
    const air = new Map<string, number>();
    this.vectors.forEach(({ a, air: hasAir }, v) => {
      let hours: number | undefined;
      if (hasAir) {
        const key = `${a.capStations > 0}|${a.aircraftInProtectedState}`;
        hours = air.get(key);
        if (hours === undefined) {
          hours = airResponseFromBases(c, a, DEFAULT_RESPONSE_FIGHTER, draw.parameters).hours;
          air.set(key, hours);
        }
      }
      const timeline = ladderTimeline(a, { airResponseHours: hours }, draw.parameters, { basis: false });
      this.detValue[v] = deterrenceProbability(a, timeline, draw.parameters);
    });
  }

  /** Requirements, cost and exact feasibility of one coalition projection, for a draw. */
  private projectionScore(
    c: CompiledScenario,
    q: number,
    draw: AppliedDraw,
  ): { feasibility: number; cost: number } {
    const ex = this.projectionExample[q]!;
    const req = schemeRequirements(c, ex, { parameters: draw.parameters });
    const requirements: Record<string, number> = {};
    for (const cap of CAPABILITIES) if (req[cap] > 0) requirements[cap] = req[cap];
    const problem = coalitionProblemForScheme(c, ex, {}, { objective: this.objective });
    return { feasibility: feasibilityOf({ ...problem, requirements }), cost: req.costUsdMPerYear };
  }

  /** Requirements, cost and exact feasibility of every coalition projection, for a draw. */
  private coalitionTable(draw: AppliedDraw): void {
    const c = { ...this.c, scenario: draw.scenario };
    const requirementOf = makeRequirementEvaluator(c, { parameters: draw.parameters });
    const req = new Float64Array(REQ_LENGTH);
    const problems = new Map<string, { feasible: number; score: number }>();
    // The templates hold when the draw keeps the same contributors: their capacities are the draw's, and their
    // conditions those whose willingness condition holds in the draw. Otherwise the draw poses its own.
    const sameContributors = ledgeredActors(draw.scenario) === this.ledgered;
    const ledgers = new Map(draw.scenario.actors.map((a) => [a.id, contributorLedger(a)]));
    const templates = new Map<string, CoalitionProblem>();
    const templateOf = (q: number): CoalitionProblem => {
      const elig = this.eligibilityKey[q]!;
      let t = templates.get(elig);
      if (!t) {
        const stated = this.templates.get(elig)!;
        t = sameContributors
          ? {
              ...stated.problem,
              contributors: stated.problem.contributors.map((ct, i) => {
                const own = stated.conditions[i]!;
                const holds = draw.holds[this.actorIndex.get(ct.id)!]!;
                return {
                  ...ct,
                  ...ledgers.get(ct.id)!,
                  conditions: [
                    ...own.willingness.flatMap((w, wi) => (w && holds[wi] ? [w] : [])),
                    ...own.providers,
                  ],
                };
              }),
            }
          : coalitionProblemForScheme(c, this.projectionExample[q]!, {}, { objective: this.objective });
        templates.set(elig, t);
      }
      return t;
    };
    this.projectionExample.forEach((ex, q) => {
      requirementOf(ex, req);
      this.costValue[q] = req[REQ_COST_USD_M_PER_YEAR]!;
      let key = "";
      for (let k = 0; k < CAPABILITIES.length; k++) key += `${req[k]},`;
      key += `|${this.eligibilityKey[q]}`;
      let f = problems.get(key);
      if (!f) {
        const template = templateOf(q);
        const requirements: Record<string, number> = {};
        CAPABILITIES.forEach((cap, k) => {
          if (req[k]! > 0) requirements[cap] = req[k]!;
        });
        const score = feasibilityOf({ ...template, requirements });
        f = { feasible: score >= 1 ? 1 : 0, score };
        problems.set(key, f);
      }
      this.feasibleValue[q] = f.feasible;
      this.feasibilityValue[q] = f.score;
    });
  }

  /**
   * Score every scheme under one draw: add to the counters, and return the space's figures for the draw.
   * @example const k = new MonteCarloKernel(c); const counts = k.counts(); k.run(applyDraw(…), counts);
   */
  run(draw: AppliedDraw, counts: KernelCounts): DrawFigures {
    this.partyTables(draw);
    this.deterrenceTable(draw);
    this.coalitionTable(draw);
    const { n, P, cell, acceptT, marginT, gapT, detOf, projectionOf, detValue, costValue, feasibleValue } =
      this;
    const feasibility = this.feasibilityValue;
    const accepts = new Float64Array(P);
    let feasibleN = 0;
    let allN = 0;
    let bothN = 0;
    let distance = Number.POSITIVE_INFINITY;
    // The draw's focus: the best scheme by tier, then the tier's objectives (explore/rank.ts `better`).
    let bestTier = -1;
    let bestF = 0;
    let bestM = 0;
    let bestD = 0;
    let bestC = 0;
    let focus = -1;
    for (let s = 0; s < n; s++) {
      let all = 1;
      let minMargin = P === 0 ? 0 : Number.POSITIVE_INFINITY;
      let maxGap = 0;
      const row = s * P;
      for (let p = 0; p < P; p++) {
        const j = cell[row + p]!;
        const a = acceptT[j]!;
        counts.accepts[row + p]! += a;
        accepts[p]! += a;
        all &= a;
        const m = marginT[j]!;
        if (m < minMargin) minMargin = m;
        const g = gapT[j]!;
        if (g > maxGap) maxGap = g;
      }
      const q = projectionOf[s]!;
      const f = feasibleValue[q]!;
      counts.feasible[s]! += f;
      counts.acceptedByAll[s]! += all;
      counts.both[s]! += f & all;
      feasibleN += f;
      allN += all;
      bothN += f & all;
      if (maxGap < distance) distance = maxGap;
      const tier = f ? (all ? 2 : 1) : 0;
      if (tier < bestTier) continue;
      const fs = feasibility[q]!;
      const d = detValue[detOf[s]!]!;
      const cost = costValue[q]!;
      if (tier > bestTier || precedes(tier, fs, minMargin, d, cost, bestF, bestM, bestD, bestC)) {
        bestTier = tier;
        bestF = fs;
        bestM = minMargin;
        bestD = d;
        bestC = cost;
        focus = s;
      }
    }
    for (let v = 0; v < this.vectorCount; v++) {
      const bin = Math.min(DETERRENCE_BINS - 1, Math.max(0, Math.floor(detValue[v]! * DETERRENCE_BINS)));
      counts.deterrence[v * DETERRENCE_BINS + bin]!++;
    }
    for (let q = 0; q < this.projectionCount; q++)
      counts.cost[q * COST_BINS + costBin(costValue[q]!, this.costReference[q]!)]!++;
    counts.draws++;
    return {
      feasible: feasibleN,
      acceptedByAll: allN,
      both: bothN,
      accepts,
      distance: n === 0 ? Number.NaN : distance,
      focus,
      focusDeterrence: focus >= 0 ? bestD : Number.NaN,
      focusCostUsdM: focus >= 0 ? bestC : Number.NaN,
    };
  }
}

/** A coalition problem template: the problem at the stated values, and each contributor's conditions. */
interface Template {
  problem: CoalitionProblem;
  conditions: ReturnType<typeof schemeConditions>[];
}

/** The actors (outside the protected state) whose ledger holds a whole unit of something, as one string. */
function ledgeredActors(s: Scenario): string {
  return s.actors
    .filter(
      (a) =>
        a.id !== s.theater.protectedState && Object.values(a.capabilities).some((v) => (v?.value ?? 0) >= 1),
    )
    .map((a) => a.id)
    .join(",");
}

/** Whether a scheme of the same tier comes before the best so far (strictly: ties keep the earlier). */
function precedes(
  tier: number,
  f: number,
  m: number,
  d: number,
  c: number,
  bf: number,
  bm: number,
  bd: number,
  bc: number,
): boolean {
  // The order of explore/rank.ts: tier 2 by deterrence, cost, acceptability, feasibility; tier 1 by
  // acceptability, deterrence, cost, feasibility; tier 0 by feasibility, acceptability, deterrence, cost.
  if (tier === 2) {
    if (d !== bd) return d > bd;
    if (c !== bc) return c < bc;
    if (m !== bm) return m > bm;
    return f > bf;
  }
  if (tier === 1) {
    if (m !== bm) return m > bm;
    if (d !== bd) return d > bd;
    if (c !== bc) return c < bc;
    return f > bf;
  }
  if (f !== bf) return f > bf;
  if (m !== bm) return m > bm;
  if (d !== bd) return d > bd;
  return c < bc;
}

/** The cost histogram bin of a value: 0 below ¼ of the reference, COST_BINS − 1 above 4×, else log-spaced. */
export function costBin(cost: number, reference: number): number {
  const ref = reference > 0 ? reference : 1;
  if (!(cost > 0)) return 0;
  const x = Math.log(cost / ref);
  if (x < -COST_LOG_RANGE) return 0;
  if (x >= COST_LOG_RANGE) return COST_BINS - 1;
  return (
    1 + Math.min(COST_BINS - 3, Math.floor(((x + COST_LOG_RANGE) / (2 * COST_LOG_RANGE)) * (COST_BINS - 2)))
  );
}

/** The cost a bin stands for (its midpoint), relative to the reference. */
export function costOfBin(bin: number, reference: number): number {
  const ref = reference > 0 ? reference : 1;
  if (bin <= 0) return reference > 0 ? ref / 4 : 0;
  if (bin >= COST_BINS - 1) return ref * 4;
  const x = -COST_LOG_RANGE + ((bin - 0.5) / (COST_BINS - 2)) * 2 * COST_LOG_RANGE;
  return ref * Math.exp(x);
}
