/**
 * What the web app computes, on the same core as the CLI (src/): the field with its exact counts, one scheme's
 * explanation (requirements, feasibility, verdicts, deterrence and its ladder, who pays) and the best
 * completions of a partial selection (the analysis restricted to it). Pure: the solver is passed in, the
 * results are plain data that can cross a worker's message channel (BigInt counts as decimal strings).
 */
import {
  type CoalitionResult,
  coalitionProblemForScheme,
  type MilpSolver,
  solveCoalition,
} from "../../src/coalition/index.js";
import { analyzeMechanism, type MechanismReport } from "../../src/deterrence/index.js";
import { analyzeScenario, createSchemePass, type SchemeSummary } from "../../src/explore/index.js";
import type { WorldAtlas } from "../../src/models/coverage.js";
import type { BreakdownLine } from "../../src/models/index.js";
import { schemeRequirements } from "../../src/models/requirements/index.js";
import {
  PARAMETERS,
  parameterDef,
  type ResolvedParameters,
  resolveParameters,
} from "../../src/parameters/index.js";
import { type PartyVerdict, partyVerdicts } from "../../src/politics/index.js";
import { allFigures, type Figure, figureData, type PlotDocument } from "../../src/report/html/index.js";
import { reportNames } from "../../src/report/names.js";
import {
  applySettings,
  brokenRule,
  CAPABILITIES,
  type CompiledScenario,
  compileScenario,
  type Diagnostic,
  distributionSupport,
  loadScenario,
  type Scenario,
  type Setting,
} from "../../src/scenario/index.js";
import { countConsistent, optionFilter } from "../../src/space/index.js";

/** The options fixed so far: dimension id → option id. */
export type Fixes = Record<string, string>;

/** A scenario ready to explore: compiled with the what-if settings applied, and its parameters. */
export interface Prepared {
  scenario: Scenario;
  c: CompiledScenario;
  parameters: ResolvedParameters;
  settings: Setting[];
}

/**
 * Load a scenario's YAML with the loader's own located diagnostics.
 * @example const r = openScenario(text, "ukraine.yaml"); if (!r.ok) show(r.errors)
 */
export function openScenario(
  text: string,
  file: string,
): { ok: true; scenario: Scenario; warnings: Diagnostic[] } | { ok: false; errors: Diagnostic[] } {
  const r = loadScenario(text, file);
  if (!r.ok) return { ok: false, errors: r.errors };
  return { ok: true, scenario: r.value, warnings: r.warnings };
}

/**
 * Apply what-if settings (the CLI's `--set`: scenario paths and parameter ids) and compile.
 * @example prepare(s, [{ path: "actors.RUS.stance.reservation", value: "0.4" }])
 */
export function prepare(
  scenario: Scenario,
  settings: readonly Setting[],
): { ok: true; value: Prepared } | { ok: false; errors: Diagnostic[] } {
  const applied = applySettings(scenario, settings, (id) => parameterDef(id) !== undefined);
  if (!applied.ok) return { ok: false, errors: applied.errors };
  const s = applied.value.scenario;
  const parameters = resolveParameters(s, { overrides: applied.value.parameters });
  return { ok: true, value: { scenario: s, c: compileScenario(s), parameters, settings: [...settings] } };
}

/** The selection as the core's option filter (unknown ids are ignored: they come from an older version). */
export function fixesToMap(c: CompiledScenario, fixes: Fixes): Map<number, number> {
  const m = new Map<number, number>();
  c.dims.forEach((d, i) => {
    const id = fixes[d.id];
    const o = id === undefined ? undefined : d.optionIndex.get(id);
    if (o !== undefined) m.set(i, o);
  });
  return m;
}

export interface FieldOption {
  id: string;
  label: string;
  /** Consistent schemes with the current fixes and this option instead of the dimension's fixed one. */
  count: string;
  fixed: boolean;
}
export interface FieldDimension {
  id: string;
  label: string;
  options: FieldOption[];
}
export interface FieldState {
  /** Consistent schemes left with the current fixes (exact). */
  count: string;
  /** Consistent schemes with no fix. */
  total: string;
  dims: FieldDimension[];
}

/**
 * The morphological field under the current fixes: the exact count left, and for every option the count the
 * selection would have with it (0: greyed, no consistent scheme reaches it). One dynamic programme
 * (`countConsistent`) per option.
 * @example field(c, { ground_presence: "monitors" }).count // "315072"
 */
export function field(c: CompiledScenario, fixes: Fixes): FieldState {
  const fixed = fixesToMap(c, fixes);
  const count = (m: Map<number, number>) => countConsistent(c, c.rules, optionFilter(c, m)).toString();
  const dims = c.scenario.dimensions;
  return {
    count: count(fixed),
    total: count(new Map()),
    dims: c.dims.map((d, i) => ({
      id: d.id,
      label: dims[i]!.label ?? d.id,
      options: d.options.map((id, o) => {
        const with_ = new Map(fixed).set(i, o);
        return {
          id,
          label: dims[i]!.options[o]!.label ?? id,
          count: fixed.get(i) === o ? count(fixed) : count(with_),
          fixed: fixed.get(i) === o,
        };
      }),
    })),
  };
}

/** One contributor's part in the coalition: units by capability and cost. */
export interface Contribution {
  actor: string;
  name: string;
  units: Record<string, number>;
  costUsdMPerYear: number;
  share: number;
}

/** Everything about one scheme. */
export interface Explanation {
  scheme: Record<string, string>;
  brokenRule: { id: string; reason: string } | undefined;
  requirements: Record<string, number>;
  costUsdMPerYear: number;
  deployedTroops: number;
  currencyYear: number;
  breakdown: BreakdownLine[];
  feasibility: number;
  feasible: boolean;
  gaps: Record<string, number>;
  verdicts: PartyVerdict[];
  mechanism: Pick<MechanismReport, "presence" | "ladder" | "deterrence">;
  coalition: {
    status: CoalitionResult["status"];
    totalCost: number;
    contributions: Contribution[];
    gaps: Record<string, number>;
  };
}

/** A full scheme from the selection (every dimension fixed), or undefined. */
export function fullScheme(c: CompiledScenario, fixes: Fixes): Int32Array | undefined {
  const m = fixesToMap(c, fixes);
  if (m.size < c.dims.length) return undefined;
  return Int32Array.from(c.dims.map((_, i) => m.get(i)!));
}

/**
 * Explain one scheme: requirements with the breakdown, feasibility and gaps, each party's verdict with reasons,
 * the mechanism (deterrence and the response ladder, with the min-cost coalition acting) and who pays.
 * @example explain(p, scheme, solver).verdicts.find((v) => v.party === "RUS")?.accepts
 */
export function explain(p: Prepared, scheme: Int32Array, solver: MilpSolver): Explanation {
  const { c, parameters } = p;
  const req = schemeRequirements(c, scheme, { parameters });
  const pass = createSchemePass(c, { parameters });
  const scores = pass.score(scheme);
  const entry = pass.coalitions[scores.coalition]!;
  const requirements = Object.fromEntries(CAPABILITIES.map((k) => [k, req[k]]));
  const result = solveCoalition(
    coalitionProblemForScheme(c, scheme, requirements, { objective: "min-cost" }),
    solver,
  );
  const mech = analyzeMechanism(c, scheme, { allocation: result.allocation, parameters });
  const names = new Map(c.scenario.actors.map((a) => [a.id, a.name]));
  const broken = brokenRule(c, scheme);
  return {
    scheme: Object.fromEntries(c.dims.map((d, i) => [d.id, d.options[scheme[i]!]!])),
    brokenRule: broken ? { id: broken.id, reason: broken.reason } : undefined,
    requirements,
    costUsdMPerYear: req.costUsdMPerYear,
    deployedTroops: req.deployedTroops,
    currencyYear: req.currency.year,
    breakdown: req.breakdown,
    feasibility: scores.feasibility,
    feasible: scores.feasible,
    gaps: { ...entry.gaps },
    verdicts: partyVerdicts(c, scheme),
    mechanism: { presence: mech.presence, ladder: mech.ladder, deterrence: mech.deterrence },
    coalition: {
      status: result.status,
      totalCost: result.totalCost,
      gaps: result.gaps,
      contributions: result.participants.map((a) => ({
        actor: a,
        name: names.get(a) ?? a,
        units: result.allocation[a] ?? {},
        costUsdMPerYear: result.costByContributor[a] ?? 0,
        share: result.costShare[a] ?? 0,
      })),
    },
  };
}

/** The best completions of a partial selection and how the parties stand over it. */
export interface Completions {
  consistent: number;
  feasible: number;
  acceptedByAll: number;
  both: number;
  /** Each party: the schemes of the selection it accepts, and its reservation. */
  parties: { party: string; name: string; accepts: number; reservation: number }[];
  /** The zone of possible agreement: schemes of the selection every party accepts. */
  zone: number;
  focus: (SchemeSummary & { tier: number }) | undefined;
  nash: Record<string, string> | undefined;
  maximin: { scheme: Record<string, string>; minMargin: number } | undefined;
  frontier: SchemeSummary[];
  /** The HTML report's pictures of the selection (map of the focus scheme, Pareto scatter, acceptance by
   *  option, burden, response ladder), when a DOM and the atlas were given. */
  figures: Figure[];
}

/** What the pictures need: a DOM document for Observable Plot and the world-atlas topology for the map. */
export interface Pictures {
  document: PlotDocument;
  atlas: WorldAtlas | undefined;
}

/**
 * The analysis (`guarantor analyze --where …`) restricted to the selection: counts, each party's acceptance,
 * the zone, and the focus, Nash and maximin completions.
 * @example completions(p, { commitment: "article5_like" }, solver).focus?.scheme
 */
export function completions(p: Prepared, fixes: Fixes, solver: MilpSolver, pictures?: Pictures): Completions {
  const { c, parameters } = p;
  const a = analyzeScenario(c, solver, {
    filter: optionFilter(c, fixesToMap(c, fixes)),
    parameters,
    top: 5,
    ...(pictures ? { acceptanceByOption: true } : {}),
  });
  const [, acceptability, , , , , , distance] = a.answers;
  const names = new Map(c.scenario.actors.map((x) => [x.id, x.name]));
  return {
    consistent: a.counts.consistent,
    feasible: a.counts.feasible,
    acceptedByAll: a.counts.acceptableToAll,
    both: a.counts.feasibleAndAcceptable,
    parties: acceptability.parties.map((x) => ({
      party: x.party,
      name: names.get(x.party) ?? x.party,
      accepts: x.accepts,
      reservation: x.reservation,
    })),
    zone: distance.zoneSize,
    focus: a.focus,
    nash: distance.nash,
    maximin: distance.maximin,
    frontier: a.frontier.slice(0, 5),
    figures: pictures
      ? allFigures(
          figureData(c, a, {
            names: reportNames(c.scenario),
            parameters,
            ...(pictures.atlas ? { atlas: pictures.atlas } : {}),
          }),
          pictures.document,
        )
      : [],
  };
}

/** A what-if slider: a setting path (the CLI's `--set`), its range and its value in the scenario. */
export interface Control {
  path: string;
  group: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** Where the range comes from. */
  range: string;
}

/** Preferences per party that get a weight slider (the heaviest). */
export const TOP_WEIGHTS = 3;

function stepOf(min: number, max: number): number {
  const span = max - min;
  if (span <= 0) return 1;
  const raw = span / 100;
  return 10 ** Math.floor(Math.log10(raw));
}

/**
 * The what-if sliders of a scenario: each party's reservation (0 to 1) and its heaviest preference weights
 * (0 to three times the largest), and every model parameter with its range (its distribution's support when it
 * has one, else half to twice its value).
 * @example controls(s).find((x) => x.path === "actors.RUS.stance.reservation")?.value
 */
export function controls(s: Scenario): Control[] {
  const out: Control[] = [];
  for (const a of s.actors) {
    const st = a.stance;
    if (!st) continue;
    out.push({
      path: `actors.${a.id}.stance.reservation`,
      group: a.name,
      label: "reservation utility",
      value: st.reservation.value,
      min: 0,
      max: 1,
      step: 0.01,
      range: "utility 0 to 1",
    });
    const prefs = [...st.preferences].sort((x, y) => y.weight - x.weight).slice(0, TOP_WEIGHTS);
    const top = prefs[0]?.weight ?? 1;
    for (const pr of prefs) {
      out.push({
        path: `actors.${a.id}.stance.preferences.${pr.id}.weight`,
        group: a.name,
        label: `weight: ${pr.description ?? pr.id}`,
        value: pr.weight,
        min: 0,
        max: 3 * top,
        step: stepOf(0, 3 * top),
        range: "0 to three times the heaviest weight",
      });
    }
  }
  const resolved = resolveParameters(s);
  for (const d of PARAMETERS) {
    const v = resolved.get(d.id)!;
    const declared = s.parameters?.find((x) => x.id === d.id);
    const dist = declared?.distribution ?? d.distribution;
    let [min, max] = dist ? distributionSupport(dist) : [v.value / 2, v.value * 2];
    let range = dist ? "the distribution's support" : "half to twice the value (no distribution given)";
    if (!Number.isFinite(min) || !Number.isFinite(max) || min === max) {
      [min, max] =
        v.value === 0 ? [0, 1] : [Math.min(v.value / 2, v.value * 2), Math.max(v.value / 2, v.value * 2)];
      range = "half to twice the value";
    }
    out.push({
      path: d.id,
      group: `parameters: ${d.model}`,
      label: `${d.description} (${d.unit})`,
      value: v.value,
      min,
      max,
      step: stepOf(min, max),
      range,
    });
  }
  return out;
}
