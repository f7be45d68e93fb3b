import { createHash } from "node:crypto";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { loadHighsSolver } from "../../adapters/highs.js";
import { readInputFile } from "../../adapters/read-input.js";
import { COALITION_OBJECTIVES, type CoalitionObjective } from "../../coalition/index.js";
import { analyzeScenario } from "../../explore/analyze.js";
import {
  ID_NAMES,
  markdownPicture,
  type ReportPicture,
  renderMarkdown,
  renderText,
  reportNames,
} from "../../report/index.js";
import { renderUncertaintyMarkdown, renderUncertaintyText } from "../../report/uncertainty.js";
import type { Scenario } from "../../scenario/schema.js";
import { defaultScenarioText } from "../../scenarios/index.js";
import { MAX_SCHEMES_FLAG, maxSchemesHelp, schemesWithinBudget } from "../budget.js";
import { type Command, jsonOut, numberFlag, stringFlag, UsageError } from "../command.js";
import { checkOutputPath, OutputPathError, writeFileAtomic } from "../files.js";
import { progressBar } from "../progress.js";
import { loadScenarioFile } from "../scenario-file.js";
import { whereArg } from "../scheme-arg.js";
import { SETTINGS_FLAG, SETTINGS_HELP, settled } from "../settings.js";
import { runUncertainty, UNCERTAINTY_FLAGS, UNCERTAINTY_HELP, uncertaintyFlags } from "../uncertainty.js";
import { VERSION } from "../version.js";
import { reportWidth } from "../width.js";

/** `--accepted-by RUS,UKR`: party ids, each an actor with a stance. */
function acceptedByArg(s: Scenario, raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const parties = s.actors.filter((a) => a.stance).map((a) => a.id);
  const ids = raw.split(",").map((x) => x.trim());
  for (const id of ids)
    if (!parties.includes(id))
      throw new UsageError(
        `--accepted-by: "${id}" is not a party with a stance (expected one of ${parties.join(", ")})`,
      );
  return [...new Set(ids)];
}

export const analyzeCommand: Command = {
  name: "analyze",
  help: `Usage: guarantor analyze [file] [--where dim=option,...] [--accepted-by PARTY,...] [--json] [--md FILE]
                         [--html FILE] [--top N] [--objective min-cost|fair|fewest] [--samples N [--seed S] [--workers W]]
                         [--ids] [--verbose] [--quiet]

Runs the whole pipeline over every consistent scheme of a scenario (the embedded default when no file is
given): requirements, coalition, each party's verdict, deterrence and cost; the Pareto front on feasibility,
acceptability, deterrence and cost; and answers to the eight questions of the design brief, with tables.
The text report opens with the answer in brief and is wrapped to COLUMNS, else the terminal, else 100.

Options:
  --where d=o,.. analyze only the schemes with these options
  --accepted-by P,..  analyze only the schemes these parties (actor ids) accept
  --json         print the analysis as data: scenario, run, counts, frontier, focus, answers
  --md FILE      also write the report as Markdown to FILE (written whole or not at all), its pictures as SVG
                 files in FILE-figures/ beside it
  --html FILE    also write the report as one self-contained HTML page with a map and charts (no script, nothing
                 fetched; with --samples, the Monte-Carlo intervals and the focus scheme's tornado too); with
                 --json, the JSON then carries acceptanceByOption, the counts its heatmap draws
  --top N        rows of the frontier shown in the text report (default 10; the JSON has them all)
  --objective O  coalition objective for the schemes shown: min-cost (default), fair, fewest
  --ids          name dimensions, options, actors and capabilities by their ids in the text reports
  --verbose      add the engine's diagnostics (coalition problems, solver calls)
  --quiet        no progress bar (none is shown anyway when stderr is not a terminal)
${UNCERTAINTY_HELP}
${SETTINGS_HELP}
${maxSchemesHelp()}
The same input gives byte-identical JSON.`,
  options: {
    json: { type: "boolean" },
    md: { type: "string" },
    html: { type: "string" },
    top: { type: "string" },
    objective: { type: "string" },
    quiet: { type: "boolean" },
    where: { type: "string" },
    "accepted-by": { type: "string" },
    ids: { type: "boolean" },
    verbose: { type: "boolean" },
    ...UNCERTAINTY_FLAGS,
    ...SETTINGS_FLAG,
    ...MAX_SCHEMES_FLAG,
  },
  maxPositionals: 1,
  async run(ctx) {
    const { values, positionals, io } = ctx;
    const top = numberFlag(ctx, "top", { min: 1, max: 1000, integer: true }) ?? 10;
    const objective = stringFlag(ctx, "objective") ?? "min-cost";
    if (!(COALITION_OBJECTIVES as readonly string[]).includes(objective)) {
      throw new UsageError(
        `--objective: expected one of ${COALITION_OBJECTIVES.join(", ")}, got "${objective}"`,
      );
    }
    const md = stringFlag(ctx, "md");
    const html = stringFlag(ctx, "html");
    if (md !== undefined) outputTarget(resolve(io.cwd, md), md, "--md");
    if (html !== undefined) outputTarget(resolve(io.cwd, html), html, "--html");
    const width = reportWidth();
    const mc = uncertaintyFlags(ctx);
    // One line on a terminal names each phase of the run, with a bar during the pass (after a second).
    const bar = progressBar(io, "analyze", Boolean(values.quiet));
    // HiGHS compiles its WebAssembly off the main thread: start it now, while the scenario is read.
    const solverReady = loadHighsSolver();
    solverReady.catch(() => {}); // awaited below; an early usage error must not leave it unhandled
    try {
      bar.report(0, 0, "reading the scenario");
      const { c, parameters, settings } = settled(ctx, await loadScenarioFile(positionals[0], io.cwd));
      const where = stringFlag(ctx, "where");
      const filter = where === undefined ? undefined : whereArg(c, where);
      const acceptedBy = acceptedByArg(c.scenario, stringFlag(ctx, "accepted-by"));
      schemesWithinBudget(ctx, c, filter);
      bar.report(0, 0, "loading the solver");
      const solver = await solverReady;
      const analysis = analyzeScenario(c, solver, {
        objective: objective as CoalitionObjective,
        progress: bar.report,
        top,
        parameters,
        settings,
        ...(filter ? { filter } : {}),
        ...(acceptedBy ? { acceptedBy } : {}),
        ...(html !== undefined || md !== undefined ? { acceptanceByOption: true } : {}),
      });
      if (mc) bar.done(); // the draws have their own bar
      const uncertainty = mc
        ? await runUncertainty(ctx, c, analysis, mc, {
            ...(filter ? { filter } : {}),
            overrides: Object.fromEntries(
              [...parameters].filter(([, v]) => v.origin === "override").map(([id, v]) => [id, v.value]),
            ),
            objective: objective as CoalitionObjective,
            quiet: Boolean(values.quiet),
          })
        : undefined;
      const names = values.ids ? ID_NAMES : reportNames(c.scenario);
      const report = { top, names, verbose: Boolean(values.verbose) };
      const base = analysis.focus?.scheme ?? {};
      // The pictures, drawn once for the HTML page and the Markdown report's SVG files; their modules (Plot, d3,
      // linkedom) and the HTML report's are imported only then.
      if (html !== undefined || md !== undefined) bar.report(0, 0, "drawing the figures");
      const figures =
        html !== undefined || md !== undefined
          ? await (await import("../figures.js")).drawFigures(c, analysis, {
              names,
              parameters,
              objective: objective as CoalitionObjective,
              filter,
              uncertainty,
            })
          : undefined;
      if (md !== undefined || html !== undefined) bar.report(0, 0, "writing the reports");
      if (md !== undefined) {
        const { FIGURE_PLACES } = await import("../../report/html/index.js");
        const target = resolve(io.cwd, md);
        const folder = `${basename(target).replace(/\.md$/i, "")}-figures`;
        const pictures: Record<string, ReportPicture[]> = {};
        try {
          // The folder beside the file (its parent must exist, as for the file itself); none for a device such
          // as /dev/stdout or /dev/null, whose folder is /dev.
          const device = statSync(target, { throwIfNoEntry: false })?.isCharacterDevice() === true;
          if (!device && !existsSync(join(dirname(target), folder))) mkdirSync(join(dirname(target), folder));
          for (const f of device ? [] : figures!.figures) {
            const place = FIGURE_PLACES[f.id]!;
            writeFileAtomic(join(dirname(target), folder, `${f.id}.svg`), `${f.svg}\n`);
            pictures[place] = [
              ...(pictures[place] ?? []),
              { src: `${folder}/${f.id}.svg`, title: f.title, alt: f.alt },
            ];
          }
          const mcPictures = (pictures["9"] ?? []).map(markdownPicture).join("\n");
          writeFileAtomic(
            target,
            renderMarkdown(analysis, { ...report, pictures }) +
              (uncertainty ? renderUncertaintyMarkdown(uncertainty, { names, base }) + mcPictures : ""),
          );
        } catch (e) {
          if (e instanceof OutputPathError) throw new UsageError(`--md: cannot write ${md}: ${e.message}`);
          throw new UsageError(`--md: cannot write ${md}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
        }
      }
      if (html !== undefined) {
        const { renderHtml } = await import("../../report/html/index.js");
        const text =
          positionals[0] === undefined ? defaultScenarioText : readInputFile(positionals[0], io.cwd).text;
        const page = renderHtml(
          {
            data: figures!.data,
            figures: figures!.figures,
            top,
            provenance: {
              tool: `guarantor ${VERSION}`,
              scenarioId: c.scenario.id,
              scenarioSha256: createHash("sha256").update(text).digest("hex"),
              scenarioFile: c.file,
              asOf: c.scenario.asOf,
              objective,
              ...(mc ? { samples: mc.samples, seed: mc.seed } : {}),
              ...(where !== undefined ? { where } : {}),
            },
          },
          figures!.document,
        );
        try {
          writeFileAtomic(resolve(io.cwd, html), page);
        } catch (e) {
          throw new UsageError(
            `--html: cannot write ${html}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
          );
        }
      }
      bar.done();
      io.stdout(
        values.json
          ? jsonOut(uncertainty ? { ...analysis, uncertainty } : analysis)
          : renderText(analysis, { ...report, width }) +
              (uncertainty ? renderUncertaintyText(uncertainty, { names, base, width }) : ""),
      );
      return 0;
    } finally {
      bar.done();
    }
  },
};

/** Check an output target before the analysis starts, so that a missing folder is not found after it. */
function outputTarget(path: string, given: string, flag: string): void {
  try {
    checkOutputPath(path);
  } catch (e) {
    if (e instanceof OutputPathError) throw new UsageError(`${flag}: cannot write ${given}: ${e.message}`);
    throw e;
  }
}
