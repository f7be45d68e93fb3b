/**
 * `analyze`: the whole pipeline over every consistent scheme, and the eight questions of the design brief
 * answered as data (numbers, ids, sources; the words are written in src/report/). Pure: the solver is passed
 * in; the result is plain data.
 *
 * Streaming: one pass scores every scheme once (`forEachScheme`) and feeds reducers (counts, per-option and
 * per-presence statistics, the consensus analysis, the Pareto front, short best-first listings), so memory
 * depends on the front and the answers, not on the number of schemes. A second, lighter pass finds the
 * consistent schemes nearest to the focus scheme along the dimensions questions 5 and 6 vary.
 */
import type { CoalitionObjective, CoalitionResult, MilpSolver } from "../coalition/index.js";
import { coalitionProblemForScheme, solveCoalition } from "../coalition/index.js";
import { REQ_LENGTH } from "../models/index.js";
import type { ResolvedParameters } from "../parameters/index.js";
import { ConsensusAccumulator } from "../politics/index.js";
import { type CompiledScenario, isConsistent } from "../scenario/compile.js";
import {
  countConsistent,
  countRaw,
  nearestConsistent,
  type OptionFilter,
  visitSchemes,
} from "../space/index.js";
import { type AcceptabilityAnswer, acceptabilityAnswer } from "./answers/acceptability.js";
import { type BurdenAnswer, burdenAnswer } from "./answers/burden.js";
import { type AnswerContext, dimOfAttribute, type SchemeSummary, summarize } from "./answers/context.js";
import { type DistanceAnswer, distanceAnswer } from "./answers/distance.js";
import { type FeasibilityAnswer, feasibilityAnswer } from "./answers/feasibility.js";
import { type MechanismAnswer, mechanismAnswer } from "./answers/mechanism.js";
import { type ParticipationAnswer, participationAnswer } from "./answers/participation.js";
import { type PresenceAnswer, presenceAnswer } from "./answers/presence.js";
import { type ScopeAnswer, scopeAnswer } from "./answers/scope.js";
import { FrontArchive } from "./front.js";
import {
  GROUP_FIELDS,
  GROUP_MAX_FIELDS,
  GroupCounter,
  groupRecord,
  groupStatsAt,
  OptionTotals,
} from "./groups.js";
import { createSchemePass, forEachScheme, PRESENCES, type SchemePass, type SchemeScores } from "./pass.js";
import {
  better,
  copyRow,
  fillRow,
  OBJ_ACCEPTABILITY,
  OBJ_DETERRENCE,
  objectivesOf,
  type RowScores,
  rowOf,
  type Tier,
  TopRows,
  tierOf,
} from "./rank.js";

/** The eight answers, in order. */
export type Answers = [
  FeasibilityAnswer,
  AcceptabilityAnswer,
  MechanismAnswer,
  ParticipationAnswer,
  ScopeAnswer,
  PresenceAnswer,
  BurdenAnswer,
  DistanceAnswer,
];
export type Answer = Answers[number];

export interface Analysis {
  scenario: {
    id: string;
    title: string;
    asOf: string;
    currency: { code: string; year: number };
    /** The options each restricted dimension keeps (`--where`); empty when the whole space is analysed. */
    restrictedTo: Record<string, string[]>;
    sources: number;
    actors: number;
    dimensions: number;
    rules: number;
    /** Ids of the sources of kind `judgement`. */
    judgementSources: string[];
  };
  /** How the analysis was run. */
  run: {
    objective: CoalitionObjective;
    /** The solver that found the coalitions shown (its name and version). */
    solver: string;
    /** Parameters set away from the scenario's values (`parameters` option), by id. */
    overrides: Record<string, number>;
    /** The settings the scenario was changed by (`--set`), as given. */
    settings: { path: string; value: string }[];
    /** The parties whose acceptance every scheme analysed has (`acceptedBy`); absent when not asked. */
    acceptedBy?: string[];
  };
  counts: {
    raw: string;
    consistent: number;
    feasible: number;
    acceptableToAll: number;
    feasibleAndAcceptable: number;
    coalitionProblems: number;
    solverCalls: number;
  };
  /** Schemes on the Pareto front of feasibility, acceptability, deterrence (max) and cost (min), best first. */
  frontier: (SchemeSummary & { ties: number })[];
  /** The scheme the answers examine, and which tier it was chosen from (2: feasible and accepted by every
   *  party, highest deterrence then lowest cost; 1: feasible, nearest to consensus; 0: smallest shortfall).
   *  Undefined when there is no consistent scheme. */
  focus: (SchemeSummary & { tier: Tier }) | undefined;
  answers: Answers;
  /** With `acceptanceByOption`: for every option, the schemes with it, and per party (in `parties` order) how
   *  many of them it accepts and in how many one of its red lines is crossed. */
  acceptanceByOption?: AcceptanceByOption;
}

/** Per option of every dimension, each party's acceptance (see `Analysis.acceptanceByOption`). */
export interface AcceptanceByOption {
  parties: string[];
  dims: {
    dim: string;
    options: { option: string; schemes: number; accepts: number[]; redLined: number[] }[];
  }[];
}

export interface AnalyzeOptions {
  /** Coalition objective for the schemes shown. Default min-cost. */
  objective?: CoalitionObjective;
  /** Rows per listing. Default 10. */
  top?: number;
  /** Restrict the options of some dimensions (`optionFilter(c, fixed)`); default: every option. */
  filter?: OptionFilter;
  /** Resolved parameters for every model (default: the scenario's point values). */
  parameters?: ResolvedParameters;
  /** Called at the start of each phase with its name (`total` 0), and now and then during the pass with
   *  (done, total, "evaluating schemes"). */
  progress?: (done: number, total: number, phase?: string) => void;
  /** The settings the scenario was changed by before compiling (`--set`): reported, not applied here. */
  settings?: readonly { path: string; value: string }[];
  /** Analyse only the schemes these parties (ids of actors with a stance) accept. The focus scheme's
   *  variants (questions 5 and 6) are still the nearest consistent schemes. */
  acceptedBy?: readonly string[];
  /** Also count, per option and party, the schemes accepted and those crossing a red line (the report's
   *  acceptance heatmap). Default false: the analysis is then as without it. */
  acceptanceByOption?: boolean;
}

/** The consistent scheme nearest to the focus with each option of `dims`: the focus with that option when it
 *  is consistent, else the one that changes the fewest other dimensions, then the best by `better` (ties in
 *  enumeration order, which is lexicographic). Found by a search outward from the focus; a scan of the whole
 *  space only when that search would be long. */
function nearestVariants(
  c: CompiledScenario,
  pass: SchemePass,
  filter: OptionFilter | undefined,
  focus: RowScores,
  dims: readonly number[],
): Map<number, (RowScores | undefined)[]> {
  const out = new Map<number, (RowScores | undefined)[]>();
  const allowed = (s: Int32Array) => !filter || s.every((o, d) => filter[d]![o]);
  const scan: { d: number; o: number }[] = [];
  for (const d of dims) {
    const rows: (RowScores | undefined)[] = c.dims[d]!.options.map(() => undefined);
    out.set(d, rows);
    c.dims[d]!.options.forEach((_, o) => {
      const s = Int32Array.from(focus.scheme);
      s[d] = o;
      // A variant's place in enumeration order matters only against others at the same distance.
      if (o === focus.scheme[d]) rows[o] = focus;
      else if (allowed(s) && isConsistent(c, s)) rows[o] = rowOf(-1, s, pass.score(s));
      else {
        const hits = nearestConsistent(c, filter, s, d);
        if (hits === undefined) scan.push({ d, o });
        else
          for (const [k, h] of hits.entries()) {
            // Lexicographic order is enumeration order: the rank among the hits, below -1 (never the focus's).
            const r = rowOf(k - hits.length - 1, h, pass.score(h));
            if (!rows[o] || better(r, rows[o]!) < 0) rows[o] = r;
          }
      }
    });
  }
  if (scan.length > 0) scanVariants(c, pass, filter, focus, scan, out);
  return out;
}

/** `nearestVariants` by a scan of the whole space, for the variants the outward search gave up on. */
function scanVariants(
  c: CompiledScenario,
  pass: SchemePass,
  filter: OptionFilter | undefined,
  focus: RowScores,
  targets: readonly { d: number; o: number }[],
  out: Map<number, (RowScores | undefined)[]>,
): void {
  const best = new Map(targets.map((t) => [`${t.d}:${t.o}`, Number.POSITIVE_INFINITY]));
  const probe = copyRow(focus);
  let index = 0;
  visitSchemes(c, filter ? { filter } : {}, (s) => {
    let h = 0;
    for (let j = 0; j < s.length; j++) if (s[j] !== focus.scheme[j]) h++;
    for (const { d, o } of targets) {
      if (s[d] !== o) continue;
      // Distance to the focus with option o on d: the other dimensions that differ.
      const distance = h - 1;
      const key = `${d}:${o}`;
      if (distance > best.get(key)!) continue;
      const rows = out.get(d)!;
      fillRow(probe, index, s, pass.score(s));
      if (distance < best.get(key)! || better(probe, rows[o]!) < 0) {
        best.set(key, distance);
        rows[o] = copyRow(probe);
      }
    }
    index++;
  });
}

/** The name of the pass's phase in `AnalyzeOptions.progress`. */
const EVALUATING = "evaluating schemes";

/**
 * Run the whole pipeline on a compiled scenario and answer the eight questions.
 * @param solver a MILP solver (`loadHighsSolver()` from guarantor/highs), used only for the focus coalition
 * @example const analysis = analyzeScenario(compileScenario(scenario), await loadHighsSolver());
 */
export function analyzeScenario(
  c: CompiledScenario,
  solver: MilpSolver,
  options: AnalyzeOptions = {},
): Analysis {
  const top = options.top ?? 10;
  const objective: CoalitionObjective = options.objective ?? "min-cost";
  const filter = options.filter;
  const progress = options.progress;
  // The exact count (a cheap dynamic programme) gives the progress bar its total.
  progress?.(0, 0, "counting schemes");
  const total = progress ? Number(countConsistent(c, c.rules, filter)) : undefined;
  const pass = createSchemePass(c, {
    objective,
    ...(options.parameters ? { parameters: options.parameters } : {}),
  });
  const partyIndex = new Map(pass.stances.parties.map((p, k) => [p.id, k]));
  const required = (options.acceptedBy ?? []).map((id) => {
    const k = partyIndex.get(id);
    if (k === undefined)
      throw new RangeError(
        `acceptedBy: "${id}" is not a party with a stance (expected one of ${[...partyIndex.keys()].join(", ")})`,
      );
    return k;
  });
  let kept = 0;
  const nParties = pass.stances.parties.length;
  const optionOffset: number[] = [];
  let nOptions = 0;
  for (const d of c.dims) {
    optionOffset.push(nOptions);
    nOptions += d.options.length;
  }
  // Per option: the group figures, then (with acceptanceByOption) per party accepted and red line crossed.
  const perParty = options.acceptanceByOption === true;
  const width = GROUP_FIELDS + (perParty ? 2 * nParties : 0);
  const byOptionTotals = new OptionTotals(
    c.dims.map((d) => d.options.length),
    width,
    GROUP_MAX_FIELDS,
  );
  const record = byOptionTotals.record;
  const consensus = new ConsensusAccumulator(pass.stances, { top, concessionSets: 5 });
  const byPresence = new GroupCounter(PRESENCES.length);
  const lowest = new Float64Array(REQ_LENGTH).fill(Number.POSITIVE_INFINITY);
  const highest = new Float64Array(REQ_LENGTH);
  const schemesPerProblem: number[] = [];
  const counts = { feasible: 0, acceptable: 0, both: 0 };
  const front = new FrontArchive();
  const deterrentRejected = new TopRows(
    3,
    (a, b) => b.objectives[OBJ_DETERRENCE]! - a.objectives[OBJ_DETERRENCE]! || better(a, b),
  );
  const nearestFeasible = new TopRows(
    Math.min(top, 5),
    (a, b) => b.objectives[OBJ_ACCEPTABILITY]! - a.objectives[OBJ_ACCEPTABILITY]! || a.index - b.index,
  );
  let probe: RowScores | undefined;
  // The scheme being added, for `completeProbe` (one function for the whole pass, not one per scheme).
  const current: { s: Int32Array; x: SchemeScores | undefined } = { s: new Int32Array(0), x: undefined };
  const completeProbe = (row: RowScores) => {
    row.scheme.set(current.s);
    row.accepts.set(current.x!.outcome.accepts);
  };

  progress?.(0, total ?? 0, EVALUATING);
  const { count: visited } = forEachScheme(
    c,
    {
      pass,
      ...(filter ? { filter } : {}),
      ...(progress ? { progress: (done: number, all: number) => progress(done, all, EVALUATING) } : {}),
      ...(total !== undefined ? { total } : {}),
    },
    (i, s, x) => {
      for (let r = 0; r < required.length; r++) if (!x.outcome.accepts[required[r]!]) return;
      kept++;
      const all = x.outcome.all;
      if (x.feasible) counts.feasible++;
      if (all) counts.acceptable++;
      if (x.feasible && all) counts.both++;
      // With acceptedBy, schemes are skipped: the previous scheme added is not the previous one scored.
      consensus.add(s, x.parties, x.outcome, required.length ? undefined : x.changedFrom);
      groupRecord(record, 0, x);
      if (perParty) {
        const acc = x.outcome.accepts;
        const violated = x.parties.violated;
        for (let k = 0; k < nParties; k++) {
          record[GROUP_FIELDS + k] = acc[k]!;
          record[GROUP_FIELDS + nParties + k] = violated[k]! > 0 ? 1 : 0;
        }
      }
      byOptionTotals.add(s, required.length ? undefined : x.changedFrom);
      byPresence.add(x.presence, x);
      // The range moves only when the requirements do (or when schemes were skipped since the last one kept).
      if (x.requirementsChanged || required.length > 0) {
        const req = x.requirements;
        for (let k = 0; k < REQ_LENGTH; k++) {
          const v = req[k]!;
          if (v < lowest[k]!) lowest[k] = v;
          if (v > highest[k]!) highest[k] = v;
        }
      }
      schemesPerProblem[x.coalition] = (schemesPerProblem[x.coalition] ?? 0) + 1;
      // The probe's scores now; its scheme and verdicts only if a front or a list keeps a copy of it.
      probe ??= rowOf(i, s, x);
      probe.index = i;
      objectivesOf(x, probe.objectives);
      probe.feasible = x.feasible;
      probe.all = all;
      probe.coalition = x.coalition;
      current.s = s;
      current.x = x;
      front.add(probe, completeProbe);
      if (x.feasible) {
        nearestFeasible.offer(probe, completeProbe);
        if (!all) deterrentRejected.offer(probe, completeProbe);
      }
    },
  );

  progress?.(visited, total ?? visited, EVALUATING);
  const count = kept;
  progress?.(0, 0, "ranking the front");
  const frontRows = [...front.result()].sort((a, b) => better(a.row, b.row));
  const focus = frontRows[0]?.row;
  let focusCoalition: CoalitionResult | undefined;
  if (focus) {
    progress?.(0, 0, "solving the focus scheme's coalition");
    const entry = pass.coalitions[focus.coalition]!;
    focusCoalition = solveCoalition(
      coalitionProblemForScheme(c, focus.scheme, entry.requirements, { objective }),
      solver,
    );
  }
  const variantDims = [
    ...new Set(
      [dimOfAttribute(c, "scope"), dimOfAttribute(c, "ground_mission")].filter(
        (d): d is number => d !== undefined,
      ),
    ),
  ];
  progress?.(0, 0, "weighing concessions");
  const consensusResult = consensus.result();
  const totals = byOptionTotals.totals();
  progress?.(0, 0, "answering the questions");
  const x: AnswerContext = {
    c,
    pass,
    objective,
    top,
    consistent: count,
    counts,
    consensus: consensusResult,
    byOption: c.dims.map((d, di) =>
      d.options.map((_, o) => groupStatsAt(totals, (optionOffset[di]! + o) * width)),
    ),
    byPresence: byPresence.stats(),
    requirementRange: Array.from(lowest, (lo, k) => ({ lowest: lo, highest: highest[k]! })),
    schemesPerProblem: Array.from(pass.coalitions, (_, k) => schemesPerProblem[k] ?? 0),
    focus,
    focusCoalition,
    deterrentRejected: deterrentRejected.rows,
    nearestFeasible: nearestFeasible.rows,
    variants: focus ? nearestVariants(c, pass, filter, focus, variantDims) : new Map(),
  };
  const answers: Answers = [
    feasibilityAnswer(x),
    acceptabilityAnswer(x),
    mechanismAnswer(x),
    participationAnswer(x),
    scopeAnswer(x),
    presenceAnswer(x),
    burdenAnswer(x),
    distanceAnswer(x),
  ];

  const s = c.scenario;
  const overrides: Record<string, number> = {};
  for (const [id, v] of pass.parameters) if (v.origin === "override") overrides[id] = v.value;
  return {
    scenario: {
      id: s.id,
      title: s.title,
      asOf: s.asOf,
      currency: { code: s.currency.code, year: s.currency.year },
      restrictedTo: Object.fromEntries(
        (filter ?? []).flatMap((allowed, d) =>
          allowed.every(Boolean) ? [] : [[c.dims[d]!.id, c.dims[d]!.options.filter((_, o) => allowed[o])]],
        ),
      ),
      sources: s.sources.length,
      actors: s.actors.length,
      dimensions: c.dims.length,
      rules: s.rules.length,
      judgementSources: s.sources.filter((src) => src.kind === "judgement").map((src) => src.id),
    },
    run: {
      objective,
      solver: solver.name,
      overrides,
      settings: [...(options.settings ?? [])],
      ...(options.acceptedBy?.length ? { acceptedBy: [...options.acceptedBy] } : {}),
    },
    counts: {
      raw: countRaw(c, filter).toString(),
      consistent: count,
      feasible: counts.feasible,
      acceptableToAll: counts.acceptable,
      feasibleAndAcceptable: counts.both,
      coalitionProblems: pass.coalitions.length,
      solverCalls: focusCoalition?.solver.solves ?? 0,
    },
    frontier: frontRows.map(({ row, ties }) => ({ ...summarize(x, row), ties })),
    focus: focus ? { ...summarize(x, focus), tier: tierOf(focus) } : undefined,
    answers,
    ...(perParty
      ? {
          acceptanceByOption: {
            parties: pass.stances.parties.map((p) => p.id),
            dims: c.dims.map((d, di) => ({
              dim: d.id,
              options: d.options.map((option, o) => {
                const at = (optionOffset[di]! + o) * width + GROUP_FIELDS;
                return {
                  option,
                  schemes: x.byOption[di]![o]!.schemes,
                  accepts: Array.from(totals.subarray(at, at + nParties)),
                  redLined: Array.from(totals.subarray(at + nParties, at + 2 * nParties)),
                };
              }),
            })),
          },
        }
      : {}),
  };
}
