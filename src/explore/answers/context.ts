/**
 * What every answer reads: the reduced pass over the scheme space (counts, per-option and per-presence
 * statistics, the consensus analysis, the focus scheme and the few rows the answers list), and how a kept row
 * reads as data.
 */
import type { CoalitionObjective, CoalitionResult } from "../../coalition/index.js";
import type { ConsensusAnalysis } from "../../politics/index.js";
import { type CompiledScenario, schemeToObject } from "../../scenario/compile.js";
import type { GroupStats } from "../groups.js";
import type { SchemePass } from "../pass.js";
import { OBJ_ACCEPTABILITY, OBJ_COST, OBJ_DETERRENCE, OBJ_FEASIBILITY, type RowScores } from "../rank.js";

/** A scheme as the answers report it: options by dimension id, scores, who accepts, what is missing. */
export interface SchemeSummary {
  scheme: Record<string, string>;
  /** Mean over required capabilities of min(1, willing supply / required). */
  feasibility: number;
  feasible: boolean;
  /** The least satisfied party's margin: utility − reservation when every party accepts, else −(largest gap). */
  acceptability: number;
  acceptedBy: string[];
  rejectedBy: string[];
  /** Probability that renewed aggression is deterred (docs/models.md, deterrence). */
  deterrence: number;
  /** The requirement model's yearly cost, USD m of the scenario's currency year. */
  costUsdMPerYear: number;
  /** Units missing per capability. */
  gaps: Record<string, number>;
}

/** Statistics of the schemes with one option of a dimension (or in one class). */
export interface GroupRow<K extends string = string> {
  group: K;
  stats: GroupStats;
}

/** The focus scheme with one dimension set to each of its options (the nearest consistent scheme). */
export interface VariantRow {
  option: string;
  /** True when this option is the focus scheme's own. */
  isFocus: boolean;
  /** Undefined when no consistent scheme has this option. */
  scheme: SchemeSummary | undefined;
  /** The other dimensions whose options the rules force to change, from the focus scheme's. */
  forced: Record<string, string>;
}

export interface AnswerContext {
  c: CompiledScenario;
  pass: SchemePass;
  objective: CoalitionObjective;
  /** Rows per listing. */
  top: number;
  consistent: number;
  counts: { feasible: number; acceptable: number; both: number };
  consensus: ConsensusAnalysis;
  /** Per dimension, per option. */
  byOption: GroupStats[][];
  /** Per class of `PRESENCES`. */
  byPresence: GroupStats[];
  /** Lowest and highest of each requirement (REQ_* order) over the schemes. */
  requirementRange: { lowest: number; highest: number }[];
  /** Schemes per coalition problem. */
  schemesPerProblem: readonly number[];
  focus: RowScores | undefined;
  focusCoalition: CoalitionResult | undefined;
  /** The most deterrent feasible schemes some party rejects (best first). */
  deterrentRejected: RowScores[];
  /** Feasible schemes nearest to consensus (best first). */
  nearestFeasible: RowScores[];
  /** For some dimensions: the nearest consistent scheme to the focus with each option (by option). */
  variants: ReadonlyMap<number, readonly (RowScores | undefined)[]>;
}

/** A kept row as data. */
export function summarize(x: AnswerContext, r: RowScores): SchemeSummary {
  const parties = x.pass.stances.parties;
  const acceptedBy: string[] = [];
  const rejectedBy: string[] = [];
  parties.forEach((p, k) => {
    (r.accepts[k] ? acceptedBy : rejectedBy).push(p.id);
  });
  return {
    scheme: schemeToObject(x.c, r.scheme),
    feasibility: r.objectives[OBJ_FEASIBILITY]!,
    feasible: r.feasible,
    acceptability: r.objectives[OBJ_ACCEPTABILITY]!,
    acceptedBy,
    rejectedBy,
    deterrence: r.objectives[OBJ_DETERRENCE]!,
    costUsdMPerYear: r.objectives[OBJ_COST]!,
    gaps: x.pass.coalitions[r.coalition]!.gaps,
  };
}

/** The options of `s` that differ from `base`. */
export function schemeDifference(
  base: Record<string, string>,
  s: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(s).filter(([d, o]) => base[d] !== o));
}

/** The dimension whose options set an attribute, if the scenario declares it. */
export function dimOfAttribute(c: CompiledScenario, attr: string): number | undefined {
  const i = c.attrIndex.get(attr);
  return i === undefined ? undefined : c.attributes[i]!.dim;
}

/** Each option of a dimension with its statistics. */
export function optionRows(x: AnswerContext, dim: number): GroupRow[] {
  return x.c.dims[dim]!.options.map((option, o) => ({ group: option, stats: x.byOption[dim]![o]! }));
}

/** The focus scheme's variants along a dimension, as data. */
export function variantRows(x: AnswerContext, dim: number): VariantRow[] {
  const focus = x.focus;
  const rows = x.variants.get(dim);
  if (!focus || !rows) return [];
  const dimId = x.c.dims[dim]!.id;
  const base = schemeToObject(x.c, focus.scheme);
  return x.c.dims[dim]!.options.map((option, o) => {
    const v = rows[o];
    if (!v) return { option, isFocus: false, scheme: undefined, forced: {} };
    const scheme = summarize(x, v);
    const forced = schemeDifference(base, scheme.scheme);
    delete forced[dimId];
    return { option, isFocus: v.index === focus.index, scheme, forced };
  });
}
