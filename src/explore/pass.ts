/**
 * The single pass: every figure of one scheme computed once, in one place. Requirements (tabulated model),
 * every party's utility, red lines and verdict (`scoreParties`), deterrence and peacetime presence (memoised
 * on the mechanism attributes' dimensions), and the coalition problem with its exact feasibility (memoised on
 * the requirement vector and the dimensions that decide who may provide what). No object is made per scheme.
 *
 * `forEachScheme` streams the consistent schemes through it; `evaluateSchemes` (a table of rows) and
 * `analyzeScenario` (reducers, no rows) are both built on it.
 */
import {
  type CoalitionObjective,
  coalitionProblemForScheme,
  feasibilityScore,
  IN_PROTECTED_STATE_ATTRIBUTE,
  prepareProblem,
  willingCapacity,
} from "../coalition/index.js";
import {
  MECHANISM_ATTRIBUTES,
  makeDeterrenceEvaluator,
  type Presence,
  presenceOf,
  readMechanismAttributes,
  type StepTiming,
} from "../deterrence/index.js";
import {
  makeRequirementEvaluator,
  REQ_COST_USD_M_PER_YEAR,
  REQ_LENGTH,
  REQUIREMENT_ATTRIBUTES,
} from "../models/index.js";
import { type ResolvedParameters, resolveParameters } from "../parameters/index.js";
import {
  compileStances,
  createPartyScores,
  createSequentialEvaluation,
  evaluatePartiesSequential,
  type PartyScores,
  type SequentialEvaluation,
  type StanceTables,
  scoreParties,
} from "../politics/index.js";
import {
  attributeDimensions,
  type CompiledScenario,
  predicateDimensions,
  type Scheme,
} from "../scenario/compile.js";
import { attributeClassRadix, classIndex, mixedRadix, radixIndex } from "../scenario/radix.js";
import { CAPABILITIES, type Capability } from "../scenario/schema.js";
import { type OptionFilter, visitSchemes } from "../space/index.js";

/** Peacetime presence classes (src/deterrence `presenceOf`), in the order `SchemeScores.presence` indexes. */
export const PRESENCES: readonly Presence[] = ["none", "over_the_horizon", "in_place"];

/** One distinct coalition problem, shared by every scheme with the same requirements and eligibility. */
export interface CoalitionEntry {
  /** A scheme that poses this problem (a copy). */
  example: Int32Array;
  /** Units required per capability (the requirement model's output, before rounding). */
  requirements: Record<Capability, number>;
  /** Mean over required capabilities of min(1, willing supply / required). Exact: see `feasibilityScore`. */
  feasibility: number;
  /** Units missing per capability (only those with a gap). */
  gaps: Record<string, number>;
  /** The contributors that may take part under their conditions (actor ids, problem order). */
  eligible: string[];
}

/** The figures of one scheme. The buffers are reused: read them before scoring the next scheme. */
export interface SchemeScores {
  /** Requirement model output, REQ_LENGTH numbers (layout: src/models REQ_*). */
  requirements: Float64Array;
  /** Every party's utility and violated red lines. */
  parties: SequentialEvaluation;
  /** Every party's verdict, margin and gap, and the summaries across parties. */
  outcome: PartyScores;
  /** Probability that renewed aggression is deterred. */
  deterrence: number;
  /** Index into `PRESENCES`. */
  presence: number;
  /** Index of the scheme's coalition problem in `SchemePass.coalitions`. */
  coalition: number;
  /** Its feasibility score (1 when willing contributors can provide everything). */
  feasibility: number;
  feasible: boolean;
  /** The requirement model's yearly cost, USD m. */
  cost: number;
  /** The first dimension whose option differs from the previous scheme scored (0 for the first): reducers
   *  that keep sums over dimensions redo only the part from there. */
  changedFrom: number;
  /** Whether `requirements` differ from the previous scheme's (they are recomputed only then). */
  requirementsChanged: boolean;
}

export interface PassOptions {
  /** Resolved parameters for every model (`resolveParameters`, `sampleParameters`); default: point values. */
  parameters?: ResolvedParameters;
  /** The coalition objective the problems are posed with (it changes no feasibility). Default min-cost. */
  objective?: CoalitionObjective;
}

/** The pass over one scenario: its compiled stances, the coalition problems met so far, and `score`. */
export interface SchemePass {
  readonly compiled: CompiledScenario;
  readonly stances: StanceTables;
  readonly parameters: ResolvedParameters;
  /** Distinct coalition problems, in the order the schemes first posed them. */
  readonly coalitions: readonly CoalitionEntry[];
  /** Score one scheme. Fastest when schemes come in enumeration order (parties are evaluated incrementally). */
  score(scheme: Scheme): SchemeScores;
}

/** Keys of a mixed radix mapped to small indexes: a typed array when the radix is small, else a Map. */
class KeyIndex {
  private readonly table: Int32Array | undefined;
  private readonly map = new Map<number, number>();
  constructor(size: number) {
    this.table = size <= 1 << 22 ? new Int32Array(size).fill(-1) : undefined;
  }
  /** The index of a key, or -1. */
  get(key: number): number {
    return this.table ? this.table[key]! : (this.map.get(key) ?? -1);
  }
  set(key: number, index: number): void {
    if (this.table) this.table[key] = index;
    else this.map.set(key, index);
  }
}

/** The dimensions that decide who may provide what: provider restrictions, willingness predicates, and the
 *  attributes that place a capability in the protected state (src/coalition/scenario.ts reads these). */
export function eligibilityDims(c: CompiledScenario): number[] {
  const dims = new Set<number>();
  c.scenario.dimensions.forEach((d, i) => {
    if (d.options.some((o) => Object.keys(o.providers).length > 0)) dims.add(i);
  });
  for (const a of c.scenario.actors) {
    for (const w of a.willingness) if (w.kind === "onlyIf") predicateDimensions(c, w.when, dims);
  }
  const placing = Object.values(IN_PROTECTED_STATE_ATTRIBUTE).filter((x): x is string => x !== undefined);
  for (const d of attributeDimensions(c, placing)) dims.add(d);
  return [...dims].sort((a, b) => a - b);
}

/**
 * Make the pass over a scenario (see the file header).
 * @example const pass = createSchemePass(c); const s = pass.score(scheme); s.outcome.all // every party accepts
 */
export function createSchemePass(c: CompiledScenario, options: PassOptions = {}): SchemePass {
  const parameters = options.parameters ?? resolveParameters(c.scenario);
  const objective = options.objective ?? "min-cost";
  const stances = compileStances(c);
  const requirementOf = makeRequirementEvaluator(c, { parameters });
  const deterrenceOf = makeDeterrenceEvaluator(c, { parameters });
  const eligDims = eligibilityDims(c);
  // Memo keys are mixed-radix numbers over the options of the dimensions each stage reads: no string per scheme.
  // Deterrence is a function of the mechanism attributes alone, so its key runs over classes of options that
  // give them the same values: one evaluation per distinct attribute vector, and a table of that size.
  const detRadix = attributeClassRadix(c, MECHANISM_ATTRIBUTES);
  const detIndex = new KeyIndex(detRadix.size);
  const detValues: { probability: number; presence: number }[] = [];
  // A coalition problem is a function of the requirement vector and eligibility, so of the options of the
  // dimensions the requirement model and the eligibility rules read. Several projections can pose the same
  // problem: the second map merges them by the problem's own key, computed once per projection.
  const coalitionRadix = mixedRadix(c, [
    ...new Set([...attributeDimensions(c, REQUIREMENT_ATTRIBUTES), ...eligDims]),
  ]);
  const projectionIndex = new KeyIndex(coalitionRadix.size);
  const coalitionIndex = new Map<string, number>();
  const coalitions: CoalitionEntry[] = [];

  const scores: SchemeScores = {
    requirements: new Float64Array(REQ_LENGTH),
    parties: createSequentialEvaluation(stances),
    outcome: createPartyScores(stances),
    deterrence: 0,
    presence: 0,
    coalition: 0,
    feasibility: 1,
    feasible: true,
    cost: 0,
    changedFrom: 0,
    requirementsChanged: true,
  };

  const newCoalition = (s: Scheme, req: Float64Array): CoalitionEntry => {
    const requirements = Object.fromEntries(CAPABILITIES.map((cap, k) => [cap, req[k]!])) as Record<
      Capability,
      number
    >;
    const example = Int32Array.from(s as ArrayLike<number>);
    // Feasibility needs no solver. Providing more units never breaks a condition (there is no upper limit on
    // what the coalition provides in all), so the most a coalition can provide of each capability is the
    // willing capacity of the contributors left once every condition that bars one is applied, `requires`
    // chains included (src/coalition/prepare.ts). The solver only decides who provides it at least cost.
    const prepared = prepareProblem(coalitionProblemForScheme(c, example, requirements, { objective }));
    const { supply, eligible } = willingCapacity(prepared);
    const gaps: Record<string, number> = {};
    prepared.caps.forEach((cap, k) => {
      const gap = prepared.required[k]! - supply[k]!;
      if (gap > 0) gaps[cap] = gap;
    });
    return {
      example,
      requirements,
      feasibility: feasibilityScore(prepared.required, supply),
      gaps,
      eligible: prepared.ids.filter((_, j) => eligible[j]),
    };
  };

  // Each stage is redone only when a dimension it reads changed since the previous scheme (in enumeration
  // order the last dimensions change most often): the last dimension each reads, and the previous scheme.
  const last = (dims: ArrayLike<number>) => Math.max(-1, ...Array.from(dims));
  const reqLast = last(attributeDimensions(c, REQUIREMENT_ATTRIBUTES));
  const detLast = last(detRadix.dims);
  const coalitionLast = last(coalitionRadix.dims);
  const previous = new Int32Array(c.dims.length);
  let started = false;
  let v = -1;
  let ci = -1;

  const score = (s: Scheme): SchemeScores => {
    const dims = previous.length;
    // -1 on the first call: every stage runs.
    let k = -1;
    if (started) {
      k = 0;
      while (k < dims && previous[k] === s[k]) k++;
    }
    started = true;
    for (let d = Math.max(0, k); d < dims; d++) previous[d] = s[d]!;
    const req = scores.requirements;
    scores.changedFrom = Math.max(0, k);
    scores.requirementsChanged = reqLast >= k;
    if (scores.requirementsChanged) requirementOf(s, req);
    evaluatePartiesSequential(stances, s, scores.parties, Math.max(0, k));
    scoreParties(stances, scores.parties, scores.outcome);

    if (detLast >= k) v = detValueOf(s);
    const det = detValues[v]!;
    scores.deterrence = det.probability;
    scores.presence = det.presence;

    if (coalitionLast >= k) ci = coalitionOf(s, req);
    const entry = coalitions[ci]!;
    scores.coalition = ci;
    scores.feasibility = entry.feasibility;
    scores.feasible = entry.feasibility >= 1;
    scores.cost = req[REQ_COST_USD_M_PER_YEAR]!;
    return scores;
  };

  /** The index of the scheme's deterrence figures, computed once per mechanism-attribute vector. */
  const detValueOf = (s: Scheme): number => {
    const detKey = classIndex(detRadix, s);
    let found = detIndex.get(detKey);
    if (found < 0) {
      const estimate = deterrenceOf(s);
      const steps = estimate.terms.map((t) => ({ kind: t.step, timeHours: t.hours }) as StepTiming);
      found = detValues.length;
      detValues.push({
        probability: estimate.probability,
        presence: PRESENCES.indexOf(presenceOf(readMechanismAttributes(c, s), steps)),
      });
      detIndex.set(detKey, found);
    }
    return found;
  };

  /** The index of the scheme's coalition problem, made once per requirement vector and eligibility. */
  const coalitionOf = (s: Scheme, req: Float64Array): number => {
    const projection = radixIndex(coalitionRadix, s);
    let found = projectionIndex.get(projection);
    if (found < 0) {
      let cKey = "";
      for (let k = 0; k < CAPABILITIES.length; k++) cKey += `${req[k]},`;
      cKey += "|";
      for (const j of eligDims) cKey += `${s[j]},`;
      found = coalitionIndex.get(cKey) ?? -1;
      if (found < 0) {
        found = coalitions.length;
        coalitionIndex.set(cKey, found);
        coalitions.push(newCoalition(s, req));
      }
      projectionIndex.set(projection, found);
    }
    return found;
  };

  return { compiled: c, stances, parameters, coalitions, score };
}

export interface StreamOptions extends PassOptions {
  /** Use this pass (made with `createSchemePass` on the same scenario) instead of making one. */
  pass?: SchemePass;
  /** Restrict the options of some dimensions (`optionFilter(c, fixed)`); default: every option. */
  filter?: OptionFilter;
  /** Called now and then with (done, total) during the pass. */
  progress?: (done: number, total: number) => void;
  /** Total consistent schemes, if known (for progress). */
  total?: number;
}

/**
 * Score every consistent scheme in enumeration order and hand each to `visit` with its index.
 * @returns the pass (its coalition problems) and the number of schemes
 * @example forEachScheme(c, {}, (i, s, x) => { if (x.outcome.all) zone++; });
 */
export function forEachScheme(
  c: CompiledScenario,
  options: StreamOptions,
  visit: (index: number, scheme: Int32Array, scores: SchemeScores) => void,
): { pass: SchemePass; count: number } {
  const pass = options.pass ?? createSchemePass(c, options);
  let n = 0;
  visitSchemes(c, options.filter ? { filter: options.filter } : {}, (s) => {
    visit(n, s, pass.score(s));
    n++;
    if ((n & 4095) === 0) options.progress?.(n, options.total ?? n);
  });
  return { pass, count: n };
}
