/**
 * The work the server hands to the worker pool: one job per analysis or one-scheme command, on plain data (a
 * scenario already validated and settled on the request path), answering JSON text (and Markdown for an
 * analysis). The same library calls as the CLI's commands; bad arguments come back as data (`JobFailure`),
 * never as a thrown error, so that nothing crosses the thread boundary but plain values.
 */
import type { MessagePort } from "node:worker_threads";
import { loadHighsSolver } from "../adapters/highs.js";
import { readAtlas } from "../cli/atlas.js";
import { UsageError } from "../cli/command.js";
import { COVERAGE_STEP_DEG } from "../cli/commands/explain.js";
import { drawFigures } from "../cli/figures.js";
import { changedSchemeArg, fullSchemeArg, whereArg } from "../cli/scheme-arg.js";
import { VERSION } from "../cli/version.js";
import {
  type CoalitionObjective,
  coalitionProblemForScheme,
  type MilpSolver,
  solveCoalition,
} from "../coalition/index.js";
import { analyzeMechanism, compareSchemes } from "../deterrence/index.js";
import { analyzeScenario } from "../explore/analyze.js";
import { coalitionAllocation, politicsEvaluator } from "../explore/compare.js";
import { buildTerritory, territoryGrid } from "../models/coverage.js";
import {
  type RequirementOptions,
  schemeAirCoverage,
  schemeRequirements,
} from "../models/requirements/index.js";
import { resolveParameters } from "../parameters/index.js";
import { analyzeConsensus, compileStances, partyVerdicts, type ScoredScheme } from "../politics/index.js";
import { consensusJson } from "../report/consensus.js";
import { renderHtml } from "../report/html/index.js";
import { renderMarkdown, reportNames } from "../report/index.js";
import { renderUncertaintyMarkdown } from "../report/uncertainty.js";
import { type CompiledScenario, compileScenario, type Scheme, schemeToObject } from "../scenario/compile.js";
import { InputError } from "../scenario/diagnostics.js";
import { CAPABILITIES, type Scenario } from "../scenario/schema.js";
import { countConsistent, enumerateSchemes } from "../space/index.js";
import { analyzeUncertainty, type MonteCarloOptions, type UncertaintyAnswer } from "../uncertainty/index.js";

/** Rows per listing in a stored analysis (the CLI's default). */
export const ANALYSIS_TOP = 10;

interface JobBase {
  /** The settled scenario (`--set` scenario paths applied). */
  scenario: Scenario;
  /** Name shown in the results (`file` in the CLI's JSON). */
  file: string;
  /** Model parameters set by `set`, by id. */
  overrides: Record<string, number>;
}

export interface AnalyzeJob extends JobBase {
  kind: "analyze";
  objective: CoalitionObjective;
  where?: string;
  settings: { path: string; value: string }[];
  samples?: number;
  seed?: number;
  /** SHA-256 of the stored scenario's text, for the HTML report's provenance. */
  scenarioSha256: string;
}
export interface ExplainJob extends JobBase {
  kind: "explain";
  scheme: string;
  fighter?: string;
  territory?: string;
}
export interface CoalitionJob extends JobBase {
  kind: "coalition";
  scheme: string;
  objective: CoalitionObjective;
}
export interface MechanismJob extends JobBase {
  kind: "mechanism";
  scheme: string;
  compare?: string;
  coalition?: boolean;
}
export interface ConsensusJob extends JobBase {
  kind: "consensus";
  where?: string;
  top: number;
  sets: number;
}
export type Job = AnalyzeJob | ExplainJob | CoalitionJob | MechanismJob | ConsensusJob;

/** A job's input to the pool: the job, and a port for progress messages (`[done, total]`). */
export interface JobTask {
  job: Job;
  progress?: MessagePort;
}

export type JobOutcome =
  | { ok: true; json: string; markdown?: string; html?: string }
  | { ok: false; error: string; diagnostics?: InputError["diagnostics"] };

let solver: Promise<MilpSolver> | undefined;
const highs = () => {
  solver ??= loadHighsSolver();
  return solver;
};

async function analyze(job: AnalyzeJob, c: CompiledScenario, progress?: MessagePort) {
  const parameters = resolveParameters(c.scenario, { overrides: job.overrides });
  const filter = job.where === undefined ? undefined : whereArg(c, job.where, "where");
  // The first message says the run has started, with the number of schemes of its pass.
  progress?.postMessage([0, Number(countConsistent(c, c.rules, filter))]);
  let last = 0;
  // Counted per option and party for the HTML report's heatmap; left out of the result, which is the CLI's --json.
  const { acceptanceByOption, ...analysis } = analyzeScenario(c, await highs(), {
    acceptanceByOption: true,
    objective: job.objective,
    top: ANALYSIS_TOP,
    parameters,
    settings: job.settings,
    ...(filter ? { filter } : {}),
    ...(progress
      ? {
          progress: (done: number, total: number) => {
            // At most a few messages a second's worth: one per percent.
            if (done === total || done - last >= total / 100) {
              last = done;
              progress.postMessage([done, total]);
            }
          },
        }
      : {}),
  });
  const names = reportNames(c.scenario);
  let markdown = renderMarkdown(analysis, { top: ANALYSIS_TOP, names });
  let uncertainty: UncertaintyAnswer | undefined;
  if (job.samples !== undefined) {
    const mc: MonteCarloOptions = {
      samples: job.samples,
      ...(job.seed !== undefined ? { seed: job.seed } : {}),
      ...(filter ? { filter } : {}),
      objective: job.objective,
      ...(Object.keys(job.overrides).length ? { overrides: job.overrides } : {}),
    };
    uncertainty = await analyzeUncertainty(c, analysis, mc);
    markdown += renderUncertaintyMarkdown(uncertainty, { names, base: analysis.focus?.scheme ?? {} });
  }
  // The page of `analyze --html`, drawn by the same function.
  const figures = await drawFigures(
    c,
    { ...analysis, acceptanceByOption },
    {
      names,
      parameters,
      objective: job.objective,
      filter,
      uncertainty,
    },
  );
  const html = renderHtml(
    {
      data: figures.data,
      figures: figures.figures,
      top: ANALYSIS_TOP,
      provenance: {
        tool: `guarantor ${VERSION}`,
        scenarioId: c.scenario.id,
        scenarioSha256: job.scenarioSha256,
        scenarioFile: job.file,
        asOf: c.scenario.asOf,
        objective: job.objective,
        ...(uncertainty ? { samples: uncertainty.samples, seed: job.seed ?? uncertainty.seed } : {}),
        ...(job.where !== undefined ? { where: job.where } : {}),
      },
    },
    figures.document,
  );
  const json = JSON.stringify(uncertainty ? { ...analysis, uncertainty } : analysis);
  return { ok: true as const, json, markdown, html };
}

function explain(job: ExplainJob, c: CompiledScenario) {
  const parameters = resolveParameters(c.scenario, { overrides: job.overrides });
  const scheme = fullSchemeArg(c, job.scheme, "scheme", { consistent: true });
  const territories = c.scenario.theater.territories;
  const territory =
    job.territory === undefined ? territories[0]! : territories.find((t) => t.id === job.territory);
  if (!territory)
    throw new UsageError(
      `territory: no territory "${job.territory}"; territories: ${territories.map((t) => t.id).join(", ")}`,
    );
  const options: RequirementOptions =
    job.fighter === undefined ? { parameters } : { fighter: job.fighter, parameters };
  const req = schemeRequirements(c, scheme, options);
  const atlas = readAtlas();
  const notes: string[] = [];
  if (atlas) {
    const grid = territoryGrid(buildTerritory(atlas, territory), COVERAGE_STEP_DEG);
    req.breakdown.push(schemeAirCoverage(c, scheme, grid, territory.name, options));
  } else notes.push("world-atlas/countries-50m.json not found: no coverage share");
  const verdicts = partyVerdicts(c, scheme);
  return { file: job.file, scheme: schemeToObject(c, scheme), ...req, verdicts, notes };
}

async function coalition(job: CoalitionJob, c: CompiledScenario) {
  const scheme = fullSchemeArg(c, job.scheme, "scheme");
  const req = schemeRequirements(c, scheme, {
    parameters: resolveParameters(c.scenario, { overrides: job.overrides }),
  });
  const requirements = Object.fromEntries(CAPABILITIES.map((k) => [k, req[k]]));
  const problem = coalitionProblemForScheme(c, scheme, requirements, { objective: job.objective });
  if (job.objective === "fair") {
    const missing = problem.contributors.filter((x) => x.gdp === undefined).map((x) => x.id);
    if (missing.length > 0)
      throw new UsageError(
        `objective fair needs a GDP for every contributor; missing: ${missing.join(", ")}`,
      );
  }
  const result = solveCoalition(problem, await highs(), { objective: job.objective });
  return { source: `${job.file}, scheme ${job.scheme}`, costUnit: problem.costUnit, ...result };
}

async function mechanism(job: MechanismJob, c: CompiledScenario) {
  const parameters = resolveParameters(c.scenario, { overrides: job.overrides });
  const a = fullSchemeArg(c, job.scheme, "scheme");
  const lp = job.coalition ? await highs() : undefined;
  const allocationFor = (s: Scheme) => (lp ? coalitionAllocation(c, s, lp) : undefined);
  if (job.compare === undefined) {
    const allocation = allocationFor(a);
    return {
      file: job.file,
      ...analyzeMechanism(c, a, allocation ? { allocation, parameters } : { parameters }),
    };
  }
  const b = changedSchemeArg(c, a, job.compare, "compare");
  return {
    file: job.file,
    ...compareSchemes(c, a, b, { evaluators: politicsEvaluator(), allocationFor, parameters }),
  };
}

function consensus(job: ConsensusJob, c: CompiledScenario) {
  const filter = whereArg(c, job.where, "where");
  const a = analyzeConsensus(compileStances(c), enumerateSchemes(c, { filter }), {
    top: job.top,
    concessionSets: job.sets,
  });
  const fixed: Record<string, string> = {};
  c.dims.forEach((d, i) => {
    const kept = d.options.filter((_, o) => filter[i]![o]);
    if (kept.length < d.options.length && kept.length === 1) fixed[d.id] = kept[0]!;
  });
  return consensusJson({
    c,
    file: job.file,
    where: fixed,
    analysis: a,
    verdictsOf: (s: ScoredScheme) => partyVerdicts(c, s.scheme),
  });
}

/**
 * Run one job (in a pool worker, or in process in tests).
 * @example const out = await runJob({ job: { kind: "consensus", scenario, file: "x", overrides: {}, top: 3, sets: 5 } });
 */
export async function runJob({ job, progress }: JobTask): Promise<JobOutcome> {
  try {
    const c = compileScenario(job.scenario);
    switch (job.kind) {
      case "analyze":
        return await analyze(job, c, progress);
      case "explain":
        return { ok: true, json: JSON.stringify(explain(job, c)) };
      case "coalition":
        return { ok: true, json: JSON.stringify(await coalition(job, c)) };
      case "mechanism":
        return { ok: true, json: JSON.stringify(await mechanism(job, c)) };
      case "consensus":
        return { ok: true, json: JSON.stringify(consensus(job, c)) };
      default:
        throw new Error(`unknown job ${(job as { kind: string }).kind}`);
    }
  } catch (e) {
    if (e instanceof UsageError) return { ok: false, error: e.message };
    if (e instanceof InputError) return { ok: false, error: e.message, diagnostics: e.diagnostics };
    throw e;
  } finally {
    progress?.close();
  }
}
