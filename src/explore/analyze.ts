/**
 * `analyze`: the whole pipeline over every consistent scheme, and the eight questions of the design brief
 * answered with numbers, reasons and sources. Pure: the solver is passed in; the result is plain data.
 */
import {
  type CoalitionObjective,
  type CoalitionResult,
  coalitionProblemForScheme,
  type MilpSolver,
  prepareProblem,
  willingCapacity,
} from "../coalition/index.js";
import { analyzeMechanism } from "../deterrence/index.js";
import { REQ_NAMES } from "../models/index.js";
import {
  type ConcessionSet,
  ConsensusAccumulator,
  type ConsensusAnalysis,
  type PartyVerdict,
  partyVerdicts,
} from "../politics/index.js";
import { type CompiledScenario, schemeToObject } from "../scenario/compile.js";
import { countConsistent, countRaw } from "../space/index.js";
import {
  acceptedByAll,
  coalitionFor,
  type EvaluateOptions,
  evaluateSchemes,
  frontier,
  isFeasible,
  OBJ_ACCEPTABILITY,
  OBJ_COST,
  OBJ_DETERRENCE,
  OBJ_FEASIBILITY,
  OBJECTIVES,
  type SchemeTable,
  schemeAt,
} from "./evaluate.js";
import { createSchemePass, PRESENCES } from "./pass.js";

/** A table of an answer: text cells, numbers rounded for people by the renderer. */
export interface AnswerTable {
  title: string;
  columns: { header: string; right?: boolean }[];
  rows: (string | number)[][];
}

export interface Answer {
  id: number;
  question: string;
  /** The answer in sentences, each figure traceable to `tables` or the scenario. */
  summary: string[];
  tables: AnswerTable[];
}

export interface ScoredSchemeRow {
  scheme: Record<string, string>;
  feasibility: number;
  feasible: boolean;
  /** The least satisfied party's margin: utility − reservation when every party accepts, else −(largest gap). */
  acceptability: number;
  acceptedBy: string[];
  rejectedBy: string[];
  /** Probability that renewed aggression is deterred (docs/models.md, deterrence). */
  deterrence: number;
  costUsdMPerYear: number;
  /** Units missing per capability. */
  gaps: Record<string, number>;
}

export interface Analysis {
  scenario: {
    id: string;
    title: string;
    asOf: string;
    currency: string;
    restrictedTo: Record<string, string[]>;
  };
  /** What the figures rest on: stated before any conclusion. */
  assumptions: string[];
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
  frontier: (ScoredSchemeRow & { ties: number })[];
  /** The scheme the answers examine, and why it was chosen. */
  focus: ScoredSchemeRow & { why: string };
  answers: Answer[];
}

export interface AnalyzeOptions extends EvaluateOptions {
  /** Rows per listing. Default 10. */
  top?: number;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r1 = (x: number) => Math.round(x * 10) / 10;
const schemeText = (s: Record<string, string>) =>
  Object.entries(s)
    .map(([d, o]) => `${d}=${o}`)
    .join(", ");

/** The options of `s` that differ from `base`, or "same as the focus scheme". */
function schemeDiff(base: Record<string, string>, s: Record<string, string>): string {
  const diff = Object.entries(s).filter(([d, o]) => base[d] !== o);
  return diff.length === 0 ? "same as the focus scheme" : diff.map(([d, o]) => `${d}=${o}`).join(", ");
}

/** Find the row of a scheme by binary search: rows are in lexicographic order of their options. */
export function rowOf(table: SchemeTable, scheme: ArrayLike<number>): number {
  let lo = 0;
  let hi = table.n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    let cmp = 0;
    for (let j = 0; j < table.d && cmp === 0; j++) cmp = table.options[mid * table.d + j]! - scheme[j]!;
    if (cmp === 0) return mid;
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function scored(table: SchemeTable, row: number): ScoredSchemeRow {
  const o = row * OBJECTIVES.length;
  const parties = table.stances.parties;
  const acceptedBy: string[] = [];
  const rejectedBy: string[] = [];
  parties.forEach((p, k) => {
    (table.accepts[row * parties.length + k] ? acceptedBy : rejectedBy).push(p.id);
  });
  return {
    scheme: schemeToObject(table.compiled, schemeAt(table, row)),
    feasibility: r3(table.objectives[o + OBJ_FEASIBILITY]!),
    feasible: isFeasible(table, row),
    acceptability: r3(table.objectives[o + OBJ_ACCEPTABILITY]!),
    acceptedBy,
    rejectedBy,
    deterrence: r3(table.objectives[o + OBJ_DETERRENCE]!),
    costUsdMPerYear: Math.round(table.objectives[o + OBJ_COST]!),
    gaps: table.coalitions[table.coalitionKey[row]!]!.gaps,
  };
}

/** Which of three tiers a row is in: 2 feasible and accepted by every party, 1 feasible, 0 neither. */
function tier(table: SchemeTable, row: number): number {
  return isFeasible(table, row) ? (acceptedByAll(table, row) ? 2 : 1) : 0;
}

/**
 * Order for "best first": feasible and accepted by all first, by deterrence, then cost; then feasible schemes
 * nearest to consensus (acceptability, then deterrence); then the rest by feasibility and acceptability. Every
 * objective breaks remaining ties, so the first row is on the Pareto front.
 */
function better(table: SchemeTable, a: number, b: number): number {
  const K = OBJECTIVES.length;
  const o = table.objectives;
  const v = (row: number, k: number) => o[row * K + k]!;
  const ta = tier(table, a);
  const tb = tier(table, b);
  if (ta !== tb) return tb - ta;
  // Objectives in order of precedence; cost (minimised) is written as -OBJ_COST - 1.
  const order =
    ta === 2
      ? [OBJ_DETERRENCE, -OBJ_COST - 1, OBJ_ACCEPTABILITY, OBJ_FEASIBILITY]
      : ta === 1
        ? [OBJ_ACCEPTABILITY, OBJ_DETERRENCE, -OBJ_COST - 1, OBJ_FEASIBILITY]
        : [OBJ_FEASIBILITY, OBJ_ACCEPTABILITY, OBJ_DETERRENCE, -OBJ_COST - 1];
  for (const k of order) {
    const d = k >= 0 ? v(b, k) - v(a, k) : v(a, -k - 1) - v(b, -k - 1);
    if (d !== 0) return d;
  }
  return a - b;
}

const FOCUS_WHY = [
  "no scheme is feasible: the scheme with the smallest shortfall of forces, then nearest to consensus",
  "no feasible scheme is accepted by every party: the feasible scheme nearest to consensus (highest least margin)",
  "the feasible scheme that every party accepts with the highest deterrence (then the lowest cost)",
];

/** Per option of a dimension (or per class): schemes, share feasible, accepted by all, deterrence, cost. */
function groupTable(
  table: SchemeTable,
  title: string,
  labels: readonly string[],
  groupOf: (row: number) => number,
) {
  const K = OBJECTIVES.length;
  const stats = labels.map(() => ({
    n: 0,
    feasible: 0,
    acceptable: 0,
    both: 0,
    detSum: 0,
    detMax: 0,
    costSum: 0,
  }));
  for (let i = 0; i < table.n; i++) {
    const s = stats[groupOf(i)]!;
    const f = isFeasible(table, i);
    const a = acceptedByAll(table, i);
    s.n++;
    s.feasible += Number(f);
    s.acceptable += Number(a);
    s.both += Number(f && a);
    const det = table.objectives[i * K + OBJ_DETERRENCE]!;
    s.detSum += det;
    s.detMax = Math.max(s.detMax, det);
    s.costSum += table.objectives[i * K + OBJ_COST]!;
  }
  return {
    stats,
    table: {
      title,
      columns: [
        { header: "option" },
        { header: "schemes", right: true },
        { header: "feasible", right: true },
        { header: "accepted by all", right: true },
        { header: "both", right: true },
        { header: "mean deterrence", right: true },
        { header: "best deterrence", right: true },
        { header: "mean cost USD m/yr", right: true },
      ],
      rows: labels.map((label, g) => {
        const s = stats[g]!;
        return [
          label,
          s.n,
          s.n ? pct(s.feasible / s.n) : "—",
          s.acceptable,
          s.both,
          s.n ? r3(s.detSum / s.n) : "—",
          s.n ? r3(s.detMax) : "—",
          s.n ? Math.round(s.costSum / s.n) : "—",
        ];
      }),
    } satisfies AnswerTable,
  };
}

/**
 * The consistent scheme nearest to row `row` with option `option` on dimension `dim`: the scheme itself with
 * that option when it is consistent, else the one that changes the fewest other dimensions (then the best by
 * `better`). -1 when no consistent scheme has that option.
 */
function nearestVariant(table: SchemeTable, row: number, dim: number, option: number): number {
  const base = schemeAt(table, row);
  base[dim] = option;
  const direct = rowOf(table, base);
  if (direct >= 0) return direct;
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = 0; i < table.n; i++) {
    if (table.options[i * table.d + dim] !== option) continue;
    let distance = 0;
    for (let j = 0; j < table.d; j++) if (table.options[i * table.d + j] !== base[j]) distance++;
    if (distance < bestDistance || (distance === bestDistance && better(table, i, best) < 0)) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

function variantTable(table: SchemeTable, row: number, dim: number, title: string): AnswerTable {
  const c = table.compiled;
  const focus = scored(table, row).scheme;
  const dimId = c.dims[dim]!.id;
  return {
    title,
    columns: [
      { header: "option" },
      { header: "deterrence", right: true },
      { header: "cost USD m/yr", right: true },
      { header: "feasible" },
      { header: "rejected by" },
      { header: "other changes the rules require" },
    ],
    rows: c.dims[dim]!.options.map((label, o) => {
      const v = nearestVariant(table, row, dim, o);
      if (v < 0) return [label, "—", "—", "—", "—", "no consistent scheme has it"];
      const x = scored(table, v);
      const others = Object.fromEntries(Object.entries(x.scheme).filter(([d]) => d !== dimId));
      const focusOthers = Object.fromEntries(Object.entries(focus).filter(([d]) => d !== dimId));
      return [
        label + (v === row ? " (focus)" : ""),
        x.deterrence,
        x.costUsdMPerYear,
        x.feasible
          ? "yes"
          : `no: ${Object.entries(x.gaps)
              .map(([k, u]) => `${u} ${k}`)
              .join(", ")}`,
        x.rejectedBy.length ? x.rejectedBy.join(", ") : "nobody",
        v === row ? "—" : schemeDiff(focusOthers, others).replace("same as the focus scheme", "none"),
      ];
    }),
  };
}

/** The dimension whose options set an attribute, if the scenario declares it. */
function dimOfAttribute(c: CompiledScenario, attr: string): number | undefined {
  const i = c.attrIndex.get(attr);
  return i === undefined ? undefined : c.attributes[i]!.dim;
}

function verdictRows(verdicts: readonly PartyVerdict[]): (string | number)[][] {
  return verdicts.map((v) => [
    v.party,
    v.accepts ? "accepts" : "rejects",
    r3(v.utility),
    `${r3(v.reservation)} [${v.reservationSource}]`,
    [
      ...v.redLines.map((r) => `red line ${r.id} [${r.source}]`),
      ...v.shortfalls
        .slice(0, v.accepts ? 0 : 2)
        .map((s) => `short on ${s.id} by ${r3(s.lost)} [${s.source}]`),
    ].join("; ") || "—",
  ]);
}

const VERDICT_COLUMNS = [
  { header: "party" },
  { header: "verdict" },
  { header: "utility", right: true },
  { header: "reservation [source]" },
  { header: "reasons [source]" },
];

function concessionText(set: ConcessionSet): string {
  return set.changes
    .map((ch) =>
      ch.kind === "dropRedLine"
        ? `${ch.party} drops red line ${ch.redLine} [${ch.source}] (cost ${r3(ch.cost)})`
        : `${ch.party} lowers its reservation from ${r3(ch.from)} to ${r3(ch.to)} [${ch.source}] (cost ${r3(ch.cost)})`,
    )
    .join("; ");
}

/** What every answer reads: the evaluated schemes, the focus scheme, and what was computed once for all. */
interface AnswerContext {
  c: CompiledScenario;
  table: SchemeTable;
  top: number;
  objective: CoalitionObjective;
  focusRow: number;
  focusScheme: Int32Array;
  focusScored: ScoredSchemeRow;
  focusCoalition: CoalitionResult | undefined;
  /** Schemes per coalition problem. */
  schemesPerProblem: Int32Array;
  counts: { feasible: number; acceptable: number; both: number };
  consensus: ConsensusAnalysis;
}

/** Question 1. Which schemes are militarily feasible? */
function answerFeasibility(x: AnswerContext): Answer {
  const { c, table, schemesPerProblem } = x;
  const { feasible } = x.counts;
  // Shortfalls, counted per coalition problem and weighted by the schemes that pose it.
  const gapCount = new Map<string, { schemes: number; maxUnits: number }>();
  table.coalitions.forEach((entry, k) => {
    for (const [cap, units] of Object.entries(entry.gaps)) {
      const g = gapCount.get(cap) ?? { schemes: 0, maxUnits: 0 };
      g.schemes += schemesPerProblem[k]!;
      g.maxUnits = Math.max(g.maxUnits, units);
      gapCount.set(cap, g);
    }
  });
  // The dimensions whose options change feasibility most.
  const spread = c.dims.map((dim, d) => {
    const g = groupTable(
      table,
      `Feasibility by ${dim.id}`,
      dim.options,
      (i) => table.options[i * table.d + d]!,
    );
    const shares = g.stats.filter((x) => x.n > 0).map((x) => x.feasible / x.n);
    return { d, g, spread: Math.max(...shares) - Math.min(...shares) };
  });
  spread.sort((a, b) => b.spread - a.spread || a.d - b.d);
  const reqRange = (k: number) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = 0;
    for (let i = 0; i < table.n; i++) {
      const v = table.requirements[i * REQ_NAMES.length + k]!;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return [lo, hi];
  };
  return {
    id: 1,
    question: "Which schemes are militarily feasible?",
    summary: [
      `${feasible.toLocaleString("en-US")} of ${table.n.toLocaleString("en-US")} consistent schemes (${pct(table.n ? feasible / table.n : 0)}) can be fully provided by contributors willing to provide them, under their capacities and conditions.`,
      ...[...gapCount.entries()]
        .sort((a, b) => b[1].schemes - a[1].schemes)
        .slice(0, 3)
        .map(
          ([cap, g]) =>
            `${cap} falls short in ${g.schemes.toLocaleString("en-US")} schemes (up to ${g.maxUnits.toLocaleString("en-US")} units).`,
        ),
      `What drives feasibility most: ${spread
        .slice(0, 3)
        .map((x) => c.dims[x.d]!.id)
        .join(", ")}.`,
    ],
    tables: [
      {
        title: "Requirements across the consistent schemes (troops are to generate, with rotation)",
        columns: [
          { header: "requirement" },
          { header: "lowest", right: true },
          { header: "highest", right: true },
        ],
        rows: REQ_NAMES.map((name, k) => {
          const [lo, hi] = reqRange(k);
          return [name, r1(lo!), r1(hi!)];
        }),
      },
      {
        title: "Shortfalls: schemes in which willing contributors cannot provide a capability",
        columns: [
          { header: "capability" },
          { header: "schemes short", right: true },
          { header: "most units missing", right: true },
        ],
        rows: [...gapCount.entries()]
          .sort((a, b) => b[1].schemes - a[1].schemes)
          .map(([cap, g]) => [cap, g.schemes, g.maxUnits]),
      },
      ...spread.slice(0, 2).map((x) => x.g.table),
    ],
  };
}

/** Question 2. Which are acceptable, and to whom? */
function answerAcceptability(x: AnswerContext): Answer {
  const { c, table, focusScheme, focusScored, consensus } = x;
  const { acceptable, both } = x.counts;
  const parties = table.stances.parties;
  const accepts = consensus.acceptance.map((a) => a.accepts);
  const redLines = consensus.acceptance.flatMap((a) => {
    const party = parties.find((p) => p.id === a.party)!;
    return a.redLines.map((r) => ({
      party: a.party,
      ...r,
      line: party.redLines.find((x) => x.id === r.id)!,
    }));
  });
  redLines.sort((a, b) => b.excludes - a.excludes);
  const focusVerdicts = partyVerdicts(c, focusScheme);
  return {
    id: 2,
    question: "Which schemes are acceptable, and to whom?",
    summary: [
      `${acceptable.toLocaleString("en-US")} consistent schemes (${pct(table.n ? acceptable / table.n : 0)}) are accepted by every party with a stance (${parties.map((p) => p.id).join(", ")}); ${both.toLocaleString("en-US")} of them are also feasible.`,
      ...parties
        .map((p, k) => ({ p, share: table.n ? accepts[k]! / table.n : 0 }))
        .sort((a, b) => a.share - b.share)
        .slice(0, 3)
        .map(({ p, share }) => `${p.id} accepts ${pct(share)} of the schemes.`),
      ...redLines
        .slice(0, 3)
        .map(
          (r) =>
            `${r.party}'s red line ${r.id} (${r.line.description}) [${r.line.source}] excludes ${r.excludes.toLocaleString("en-US")} schemes.`,
        ),
    ],
    tables: [
      {
        title: "Each party: schemes it accepts, its reservation and its most binding red line",
        columns: [
          { header: "party" },
          { header: "accepts", right: true },
          { header: "share", right: true },
          { header: "reservation [source]" },
          { header: "most binding red line [source]" },
          { header: "excludes", right: true },
        ],
        rows: parties.map((p, k) => {
          const worst = redLines.find((r) => r.party === p.id);
          return [
            p.id,
            accepts[k]!,
            pct(table.n ? accepts[k]! / table.n : 0),
            `${p.reservation} [${p.reservationSource}]`,
            worst ? `${worst.id} [${worst.line.source}]` : "—",
            worst ? worst.excludes : 0,
          ];
        }),
      },
      {
        title: `Each party's verdict on the focus scheme (${schemeText(focusScored.scheme)})`,
        columns: VERDICT_COLUMNS,
        rows: verdictRows(focusVerdicts),
      },
    ],
  };
}

/** Question 3. How would the mechanism operate (for the focus scheme)? */
function answerMechanism(x: AnswerContext): Answer {
  const { c, focusScheme, focusCoalition } = x;
  const mechanism = analyzeMechanism(
    c,
    focusScheme,
    focusCoalition ? { allocation: focusCoalition.allocation } : {},
  );
  return {
    id: 3,
    question: "How would the mechanism operate?",
    summary: [
      `In the focus scheme the guarantee is triggered by ${mechanism.ladder.trigger}.`,
      `Deterrence: the attacker's expected cost is ${r3(mechanism.deterrence.expectedCost)} against an expected gain of ${r3(mechanism.deterrence.gain)} (ratio ${r3(mechanism.deterrence.costToGain)}); P(deterred) = ${r3(mechanism.deterrence.probability)}.`,
      ...mechanism.deterrence.drivers.slice(0, 3).map((d) => `Driver: ${d}.`),
    ],
    tables: [
      {
        title: "Response ladder of the focus scheme",
        columns: [
          { header: "step" },
          { header: "hours", right: true },
          { header: "who acts" },
          { header: "timing basis" },
        ],
        rows: mechanism.ladder.steps.map((st) => [
          st.label,
          r1(st.timeHours),
          st.actors.join(", ") || "—",
          st.timeBasis,
        ]),
      },
      {
        title: "Deterrence terms (probability × cost to the attacker, in units of its expected gain)",
        columns: [
          { header: "response" },
          { header: "hours", right: true },
          { header: "P", right: true },
          { header: "cost", right: true },
          { header: "share", right: true },
        ],
        rows: mechanism.deterrence.terms.map((t) => [
          t.step,
          r1(t.hours),
          r3(t.probability),
          r3(t.cost),
          pct(t.share),
        ]),
      },
    ],
  };
}

/** Question 4. Which countries can participate, and which are willing? */
function answerParticipation(x: AnswerContext): Answer {
  const { c, table, objective, focusCoalition, schemesPerProblem } = x;
  const s = c.scenario;
  const eligibleIn = new Map<string, number>();
  table.coalitions.forEach((entry, k) => {
    const prepared = prepareProblem(
      coalitionProblemForScheme(c, entry.example, entry.requirements, { objective }),
    );
    const el = willingCapacity(prepared).eligible;
    prepared.ids.forEach((id, j) => {
      if (el[j]) eligibleIn.set(id, (eligibleIn.get(id) ?? 0) + schemesPerProblem[k]!);
    });
  });
  const contributors = s.actors.filter(
    (a) => a.id !== s.theater.protectedState && Object.keys(a.capabilities).length > 0,
  );
  return {
    id: 4,
    question: "Which countries can participate, and which are willing?",
    summary: [
      `${contributors.length} actors have a capability ledger; their willingness conditions bar them from some schemes.`,
      focusCoalition
        ? `In the focus scheme, ${focusCoalition.participants.length} contributors take part: ${focusCoalition.participants.join(", ")}${
            Object.keys(focusCoalition.gaps).length
              ? `; missing: ${Object.entries(focusCoalition.gaps)
                  .map(([k, v]) => `${v} ${k}`)
                  .join(", ")}`
              : ""
          }.`
        : "There is no consistent scheme.",
    ],
    tables: [
      {
        title: "Contributors: what they could provide [source], their conditions, and where they take part",
        columns: [
          { header: "actor" },
          { header: "ledger [source]" },
          { header: "conditions [source]" },
          { header: "willing in schemes", right: true },
          { header: "provides in focus scheme" },
        ],
        rows: contributors.map((a) => [
          a.id,
          `${Object.entries(a.capabilities)
            .map(([k, v]) => `${k} ${v!.value}`)
            .join(", ")} [${[...new Set(Object.values(a.capabilities).map((v) => v!.source))].join(", ")}]`,
          a.willingness
            .map(
              (w) => `${w.kind}${"capability" in w && w.capability ? ` ${w.capability}` : ""} [${w.source}]`,
            )
            .join("; ") || "—",
          pct(table.n ? (eligibleIn.get(a.id) ?? 0) / table.n : 0),
          focusCoalition?.allocation[a.id]
            ? Object.entries(focusCoalition.allocation[a.id]!)
                .map(([k, v]) => `${v} ${k}`)
                .join(", ")
            : "—",
        ]),
      },
    ],
  };
}

/** Question 5. Where are the boundaries of collective defence? */
function answerScope(x: AnswerContext): Answer {
  const { c, table, focusRow } = x;
  const question = "Where are the boundaries of collective defence?";
  const scopeDim = dimOfAttribute(c, "scope");
  if (scopeDim === undefined) {
    return { id: 5, question, summary: ["The scenario declares no `scope` attribute."], tables: [] };
  }
  const dim = c.dims[scopeDim]!;
  const g = groupTable(
    table,
    `Schemes by ${dim.id}`,
    dim.options,
    (i) => table.options[i * table.d + scopeDim]!,
  );
  return {
    id: 5,
    question,
    summary: dim.options.map((opt, o) => {
      const st = g.stats[o]!;
      return `${opt}: ${st.n.toLocaleString("en-US")} schemes, mean deterrence ${r3(st.n ? st.detSum / st.n : 0)}, ${st.acceptable.toLocaleString("en-US")} accepted by all.`;
    }),
    tables: [g.table, variantTable(table, focusRow, scopeDim, `The focus scheme with each ${dim.id}`)],
  };
}

/** Question 6. Must forces be deployed in peacetime? */
function answerPresence(x: AnswerContext): Answer {
  const { c, table, focusRow } = x;
  const groundDim = dimOfAttribute(c, "ground_mission");
  const g6 = groupTable(table, "Schemes by peacetime presence", PRESENCES, (i) => table.presence[i]!);
  return {
    id: 6,
    question: "Must forces be deployed in peacetime?",
    summary: PRESENCES.map((label, k) => {
      const st = g6.stats[k]!;
      return `${label}: ${st.n.toLocaleString("en-US")} schemes, ${pct(st.n ? st.feasible / st.n : 0)} feasible, ${st.acceptable.toLocaleString("en-US")} accepted by all, mean deterrence ${r3(st.n ? st.detSum / st.n : 0)}, mean cost USD ${Math.round(st.n ? st.costSum / st.n : 0).toLocaleString("en-US")} m/yr.`;
    }),
    tables: [
      g6.table,
      ...(groundDim === undefined
        ? []
        : [variantTable(table, focusRow, groundDim, `The focus scheme with each ${c.dims[groundDim]!.id}`)]),
    ],
  };
}

/** Question 7. How is the burden shared, and what fails without a main contributor? */
function answerBurden(x: AnswerContext): Answer {
  const { c, table, objective, focusRow, focusScheme, focusScored, focusCoalition } = x;
  const withouts: (string | number)[][] = [];
  if (focusCoalition) {
    const problem = coalitionProblemForScheme(
      c,
      focusScheme,
      table.coalitions[table.coalitionKey[focusRow]!]!.requirements,
      { objective },
    );
    const byCost = [...focusCoalition.participants].sort(
      (a, b) => (focusCoalition.costByContributor[b] ?? 0) - (focusCoalition.costByContributor[a] ?? 0),
    );
    for (const id of byCost.slice(0, 4)) {
      const prepared = prepareProblem({
        ...problem,
        contributors: problem.contributors.filter((x) => x.id !== id),
      });
      const { supply } = willingCapacity(prepared);
      const missing = prepared.caps.flatMap((cap, k) =>
        prepared.required[k]! > supply[k]! ? [`${prepared.required[k]! - supply[k]!} ${cap}`] : [],
      );
      withouts.push([`without ${id}`, missing.join(", ") || "nothing missing"]);
    }
  }
  const financingDim = dimOfAttribute(c, "europe_cost_share");
  return {
    id: 7,
    question: "How is the burden shared, and what fails without a main contributor?",
    summary: focusCoalition
      ? [
          `The focus scheme's coalition costs USD ${Math.round(focusCoalition.totalCost).toLocaleString("en-US")} m a year in contributors' unit and fixed costs (the requirement model puts the whole scheme, weapons included, at USD ${focusScored.costUsdMPerYear.toLocaleString("en-US")} m a year).`,
          financingDim === undefined
            ? ""
            : `Financing in the focus scheme: ${focusScored.scheme[c.dims[financingDim]!.id]}.`,
          ...withouts.map((w) => `${w[0]}: ${w[1]}.`),
        ].filter(Boolean)
      : ["There is no consistent scheme."],
    tables: focusCoalition
      ? [
          {
            title: "Who pays what in the focus scheme: cost share against GDP share",
            columns: [
              { header: "contributor" },
              { header: "provides" },
              { header: "cost USD m/yr", right: true },
              { header: "cost share", right: true },
              { header: "GDP share", right: true },
            ],
            rows: focusCoalition.participants.map((id) => [
              id,
              Object.entries(focusCoalition.allocation[id]!)
                .map(([k, v]) => `${v} ${k}`)
                .join(", "),
              Math.round(focusCoalition.costByContributor[id] ?? 0),
              pct(focusCoalition.costShare[id] ?? 0),
              focusCoalition.gdpShare[id] === undefined ? "—" : pct(focusCoalition.gdpShare[id]!),
            ]),
          },
          {
            title: "What the focus scheme lacks without each of its largest contributors",
            columns: [{ header: "case" }, { header: "missing" }],
            rows: withouts,
          },
        ]
      : [],
  };
}

/** Question 8. How far apart are the parties, and what would close the gap? */
function answerDistance(x: AnswerContext): Answer {
  const { c, table, top, focusScored, consensus } = x;
  const { both } = x.counts;
  const K = OBJECTIVES.length;
  const deterrentRejected: number[] = [];
  for (let i = 0; i < table.n; i++)
    if (isFeasible(table, i) && !acceptedByAll(table, i)) deterrentRejected.push(i);
  deterrentRejected.sort(
    (a, b) =>
      table.objectives[b * K + OBJ_DETERRENCE]! - table.objectives[a * K + OBJ_DETERRENCE]! ||
      better(table, a, b),
  );
  const unlock = deterrentRejected.slice(0, 3).map((row) => {
    const verdicts = partyVerdicts(c, schemeAt(table, row));
    const changes = verdicts.flatMap((v) => v.concessions);
    return { row, changes, cost: changes.reduce((sum, ch) => sum + ch.cost, 0) };
  });
  const nearest: number[] = [];
  for (let i = 0; i < table.n; i++) if (isFeasible(table, i)) nearest.push(i);
  nearest.sort(
    (a, b) =>
      table.objectives[b * K + OBJ_ACCEPTABILITY]! - table.objectives[a * K + OBJ_ACCEPTABILITY]! || a - b,
  );
  return {
    id: 8,
    question: "How far apart are the parties, and what would close the gap?",
    summary: [
      consensus.zone.size > 0
        ? `A zone of possible agreement exists: ${consensus.zone.size.toLocaleString("en-US")} consistent schemes every party accepts (distance to consensus ${r3(consensus.distance?.value ?? 0)}); ${both.toLocaleString("en-US")} of them are also feasible.`
        : `No consistent scheme is accepted by every party: the distance to consensus is ${r3(consensus.distance?.value ?? 0)} (the least satisfied party's shortfall in the nearest scheme, red lines counted).`,
      both === 0 && nearest.length > 0
        ? `Among feasible schemes the nearest to consensus has a least margin of ${r3(table.objectives[nearest[0]! * K + OBJ_ACCEPTABILITY]!)}.`
        : "",
      consensus.nash
        ? `Nash bargaining solution: ${schemeText(schemeToObject(c, consensus.nash.scheme))}.`
        : "No Nash bargaining solution: the zone is empty.",
      consensus.maximin
        ? `Maximin scheme: ${schemeText(schemeToObject(c, consensus.maximin.scheme))} (least margin ${r3(consensus.maximin.minMargin)}).`
        : "",
      consensus.zone.size > 0
        ? "No concession is needed for some scheme to be accepted by all; the table below shows what the most deterrent feasible schemes that a party rejects would need."
        : "",
      ...consensus.concessions.sets
        .filter((x) => x.changes.length > 0)
        .slice(0, 3)
        .map((x, k) => `Concession set ${k + 1} (cost ${r3(x.cost)}): ${concessionText(x)}.`),
    ].filter(Boolean),
    tables: [
      {
        title:
          both > 0
            ? "Feasible schemes nearest to consensus"
            : "Feasible schemes nearest to consensus, with what they lack",
        columns: [
          { header: "scheme" },
          { header: "least margin", right: true },
          { header: "rejected by" },
          { header: "deterrence", right: true },
        ],
        rows: nearest.slice(0, Math.min(top, 5)).map((i) => {
          const x = scored(table, i);
          return [
            schemeDiff(focusScored.scheme, x.scheme),
            x.acceptability,
            x.rejectedBy.join(", ") || "nobody",
            x.deterrence,
          ];
        }),
      },
      ...(unlock.length === 0
        ? []
        : [
            {
              title: "What it would take for the most deterrent feasible schemes that some party rejects",
              columns: [
                { header: "scheme (options that differ from the focus scheme)" },
                { header: "deterrence", right: true },
                { header: "cost", right: true },
                { header: "concessions needed [source]" },
              ],
              rows: unlock.map((u) => [
                schemeDiff(focusScored.scheme, scored(table, u.row).scheme),
                r3(table.objectives[u.row * K + OBJ_DETERRENCE]!),
                r3(u.cost),
                concessionText({ cost: u.cost, changes: u.changes, scheme: schemeAt(table, u.row) }),
              ]),
            } satisfies AnswerTable,
          ]),
      ...(consensus.zone.size > 0
        ? []
        : [
            {
              title: "Smallest sets of concessions and the scheme each unlocks",
              columns: [
                { header: "cost", right: true },
                { header: "changes [source]" },
                { header: "scheme unlocked" },
              ],
              rows: consensus.concessions.sets.map((x) => [
                r3(x.cost),
                concessionText(x) || "none needed",
                schemeText(schemeToObject(c, x.scheme)),
              ]),
            },
          ]),
    ],
  };
}

/**
 * Run the whole pipeline on a compiled scenario and answer the eight questions.
 * @param solver a MILP solver (`loadHighsSolver()`), used only for the coalitions the answers show
 * @example const analysis = analyzeScenario(compileScenario(scenario), await loadHighsSolver());
 */
export function analyzeScenario(
  c: CompiledScenario,
  solver: MilpSolver,
  options: AnalyzeOptions = {},
): Analysis {
  const top = options.top ?? 10;
  const objective: CoalitionObjective = options.objective ?? "min-cost";
  // The exact count (a cheap dynamic programme) gives the progress bar its total.
  const total = options.progress ? Number(countConsistent(c, c.rules, options.filter)) : undefined;
  const pass = createSchemePass(c, {
    objective,
    ...(options.parameters ? { parameters: options.parameters } : {}),
  });
  // The consensus analysis reads the pass's party scores: no party is evaluated twice.
  const consensus = new ConsensusAccumulator(pass.stances, { top, concessionSets: 5 });
  const table = evaluateSchemes(c, {
    ...options,
    pass,
    ...(total !== undefined ? { total } : {}),
    onScheme: (_, s, scores) => consensus.add(s, scores.parties, scores.outcome),
  });
  const s = c.scenario;

  let feasible = 0;
  let acceptable = 0;
  let both = 0;
  for (let i = 0; i < table.n; i++) {
    const f = isFeasible(table, i);
    const a = acceptedByAll(table, i);
    feasible += Number(f);
    acceptable += Number(a);
    both += Number(f && a);
  }
  const front = frontier(table);
  const frontRows = front.rows
    .map((row, k) => ({ row, ties: front.ties[k]! }))
    .sort((a, b) => better(table, a.row, b.row));
  // The focus is the best scheme by `better`: the first of the sorted front.
  const focusRow = frontRows[0]?.row ?? 0;
  const focus = { row: focusRow, why: FOCUS_WHY[table.n > 0 ? tier(table, focusRow) : 0]! };
  const focusScheme = schemeAt(table, focusRow);
  const focusScored = scored(table, focusRow);
  const focusCoalition = table.n > 0 ? coalitionFor(table, focusRow, solver, objective).result : undefined;
  const schemesPerProblem = new Int32Array(table.coalitions.length);
  for (let i = 0; i < table.n; i++) schemesPerProblem[table.coalitionKey[i]!]!++;

  const x: AnswerContext = {
    c,
    table,
    top,
    objective,
    focusRow,
    focusScheme,
    focusScored,
    focusCoalition,
    schemesPerProblem,
    counts: { feasible, acceptable, both },
    consensus: consensus.result(),
  };
  const answers = [
    answerFeasibility,
    answerAcceptability,
    answerMechanism,
    answerParticipation,
    answerScope,
    answerPresence,
    answerBurden,
    answerDistance,
  ].map((answer) => answer(x));

  const judgements = s.sources.filter((x) => x.kind === "judgement").map((x) => x.id);
  return {
    scenario: {
      id: s.id,
      title: s.title,
      asOf: s.asOf,
      currency: `${s.currency.code} ${s.currency.year}`,
      restrictedTo: Object.fromEntries(
        (options.filter ?? []).flatMap((allowed, d) =>
          allowed.every(Boolean) ? [] : [[c.dims[d]!.id, c.dims[d]!.options.filter((_, o) => allowed[o])]],
        ),
      ),
    },
    assumptions: [
      ...(options.filter?.some((a) => !a.every(Boolean))
        ? [
            `Only schemes with ${options.filter
              .flatMap((allowed, d) =>
                allowed.every(Boolean)
                  ? []
                  : [`${c.dims[d]!.id}=${c.dims[d]!.options.filter((_, o) => allowed[o]).join("|")}`],
              )
              .join(", ")} are analysed.`,
          ]
        : []),
      `Scenario ${s.id} as of ${s.asOf}: ${s.sources.length} sources, ${s.actors.length} actors, ${c.dims.length} dimensions, ${s.rules.length} consistency rules; money in ${s.currency.code} of ${s.currency.year}.`,
      `Judgements (not published figures) carry the source${judgements.length === 1 ? "" : "s"} ${judgements.join(", ") || "(none)"}; figures are point estimates (the mode or median of each parameter's distribution).`,
      "Feasible: willing contributors, under their capacities, willingness conditions and the scheme's provider restrictions, can provide every requirement (exact, from the coalition model's eligibility).",
      "Acceptability: each party accepts a scheme that crosses none of its red lines and gives it at least its reservation utility; the least satisfied party's margin is the scheme's acceptability.",
      "Deterrence: probability that renewed aggression is deterred, from the expected-cost model (docs/models.md); cost: the requirement model's yearly cost of the scheme, weapons included.",
      `Coalitions (who provides what at least ${objective === "min-cost" ? "cost" : objective}) are solved with HiGHS for the schemes shown.`,
    ],
    counts: {
      raw: countRaw(c, options.filter).toString(),
      consistent: table.n,
      feasible,
      acceptableToAll: acceptable,
      feasibleAndAcceptable: both,
      coalitionProblems: table.coalitions.length,
      solverCalls: focusCoalition?.solver.solves ?? 0,
    },
    frontier: frontRows.map(({ row, ties }) => ({ ...scored(table, row), ties })),
    focus: { ...focusScored, why: focus.why },
    answers,
  };
}
