/**
 * `guarantor explain [file] --scheme dim=option,...`: what one scheme needs, each figure traced to its formula
 * and the sources of its inputs.
 */
import { buildTerritory, territoryGrid } from "../../models/coverage.js";
import {
  type RequirementOptions,
  schemeAirCoverage,
  schemeRequirements,
} from "../../models/requirements/index.js";
import { AIRCRAFT, aircraftIds } from "../../parameters/index.js";
import { partyVerdicts } from "../../politics/index.js";
import { renderExplanation } from "../../report/explain.js";
import { schemeToObject } from "../../scenario/compile.js";
import { readAtlas } from "../atlas.js";
import { type Command, jsonOut, stringFlag, UsageError } from "../command.js";
import { loadScenarioFile } from "../scenario-file.js";
import { lazyAnalysis, SCHEME_SHORTCUTS_HELP, schemeArg } from "../scheme-arg.js";
import { SETTINGS_FLAG, SETTINGS_HELP, settled } from "../settings.js";

/** Grid step for the coverage share, degrees (also the server's; ≈28 km: the share moves by well under 1 % against 0.1°). */
export const COVERAGE_STEP_DEG = 0.25;

const HELP = `Usage: guarantor explain [file] --scheme dim=option,... [--fighter <type>] [--territory <id>] [--json]

Prints what one scheme needs: troops to generate, fighters, tankers, airborne early warning, drone orbits,
air-defence batteries, airlift and money per year (millions of USD of the scenario's currency year), then
the breakdown: every figure with its formula and each input with its source (a scheme option, a theater fact
or a model parameter). Also the share of the territory within reach of the scheme's air patrols and alert
aircraft, on Natural Earth borders, and each party's verdict on the scheme with its reasons: the red lines
it crosses (with sources) and the preferences that fall short (docs/models/politics.md).

The scheme names one option for every dimension. A partial scheme is an error listing the dimensions
missing; a scheme that breaks a consistency rule is an error naming the rule and its reason.
With no file, uses the embedded default scenario.

Options:
  --scheme dim=option,...   the scheme (required): one option for every dimension, or
                      ${SCHEME_SHORTCUTS_HELP}
  --fighter <type>          fighter flying the patrols: ${aircraftIds("fighter").join(", ")} (default F-16)
  --territory <id>          territory for the coverage share (default: the scenario's first)
  --json                    print the requirements and breakdown as JSON
${SETTINGS_HELP}
Exit codes: 0 success, 2 bad scheme, flags or scenario.`;

/** Natural Earth borders from the world-atlas package (src/cli/atlas.ts; exported here for src/server). */

export const explainCommand: Command = {
  name: "explain",
  help: HELP,
  options: {
    scheme: { type: "string" },
    fighter: { type: "string" },
    territory: { type: "string" },
    json: { type: "boolean" },
    ...SETTINGS_FLAG,
  },
  maxPositionals: 1,
  async run(ctx) {
    const spec = stringFlag(ctx, "scheme");
    if (spec === undefined) throw new UsageError("--scheme dim=option,... is required");
    const fighter = stringFlag(ctx, "fighter");
    if (fighter !== undefined && AIRCRAFT[fighter]?.role !== "fighter") {
      throw new UsageError(
        `--fighter: expected one of ${aircraftIds("fighter").join(", ")}, got "${fighter}"`,
      );
    }
    const { c, parameters } = settled(ctx, await loadScenarioFile(ctx.positionals[0], ctx.io.cwd));
    const { scheme, note } = await schemeArg(c, spec, lazyAnalysis(c, parameters), "--scheme", {
      consistent: true,
    });
    if (note) ctx.io.stderr(`--scheme ${note}\n`);
    const territoryId = stringFlag(ctx, "territory");
    const territories = c.scenario.theater.territories;
    const territory =
      territoryId === undefined ? territories[0]! : territories.find((t) => t.id === territoryId);
    if (!territory) {
      throw new UsageError(
        `--territory: no territory "${territoryId}"; territories: ${territories.map((t) => t.id).join(", ")}`,
      );
    }
    const options: RequirementOptions = fighter === undefined ? { parameters } : { fighter, parameters };
    const req = schemeRequirements(c, scheme, options);
    const atlas = readAtlas();
    let notes: string[] = [];
    if (atlas) {
      const grid = territoryGrid(buildTerritory(atlas, territory), COVERAGE_STEP_DEG);
      req.breakdown.push(schemeAirCoverage(c, scheme, grid, territory.name, options));
    } else notes = ["world-atlas/countries-50m.json not found: no coverage share"];
    if (ctx.values.json) {
      const verdicts = partyVerdicts(c, scheme);
      ctx.io.stdout(jsonOut({ file: c.file, scheme: schemeToObject(c, scheme), ...req, verdicts, notes }));
      return 0;
    }
    ctx.io.stdout(
      renderExplanation({
        file: c.file,
        scheme: schemeToObject(c, scheme),
        requirements: req,
        verdicts: partyVerdicts(c, scheme),
        notes,
      }),
    );
    return 0;
  },
};
