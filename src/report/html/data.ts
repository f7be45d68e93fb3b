/** The figures' data from a compiled scenario and its analysis (pure: the atlas is passed in). */
import type { CoalitionObjective } from "../../coalition/index.js";
import type { Analysis } from "../../explore/analyze.js";
import { createSchemePass } from "../../explore/pass.js";
import type { WorldAtlas } from "../../models/coverage.js";
import type { ResolvedParameters } from "../../parameters/index.js";
import type { CompiledScenario } from "../../scenario/compile.js";
import type { TornadoBar, UncertaintyAnswer } from "../../uncertainty/index.js";
import type { ReportNames } from "../names.js";
import type { FigureData, MarkedScheme } from "./figures.js";
import { schemeOf, theatreData } from "./theatre.js";

export interface FigureDataOptions {
  names: ReportNames;
  /** The world-atlas topology (countries-50m.json); no map without it. */
  atlas?: WorldAtlas;
  parameters?: ResolvedParameters;
  objective?: CoalitionObjective;
  uncertainty?: UncertaintyAnswer;
  tornado?: { metric: string; point: number; bars: TornadoBar[] };
}

/**
 * The data every figure draws: the analysis, the map of its focus scheme, and the Nash and maximin schemes
 * scored with the analysis's parameters so that the scatter can place them.
 * @example allFigures(figureData(c, analysis, { names: reportNames(c.scenario), atlas }), document)
 */
export function figureData(c: CompiledScenario, a: Analysis, options: FigureDataOptions): FigureData {
  const q8 = a.answers[7];
  const wanted: [string, Record<string, string> | undefined][] = [
    ["Nash", q8.nash],
    ["maximin", q8.maximin?.scheme],
  ];
  const marked: MarkedScheme[] = [];
  if (wanted.some(([, s]) => s)) {
    const pass = createSchemePass(c, {
      ...(options.parameters ? { parameters: options.parameters } : {}),
      ...(options.objective ? { objective: options.objective } : {}),
    });
    for (const [label, scheme] of wanted) {
      if (!scheme) continue;
      const x = pass.score(schemeOf(c, scheme));
      marked.push({
        label,
        scheme,
        costUsdMPerYear: x.cost,
        deterrence: x.deterrence,
        acceptability: x.outcome.minMargin,
      });
    }
  }
  return {
    analysis: a,
    names: options.names,
    marked,
    ...(options.atlas && a.focus
      ? {
          theatre: theatreData(c, options.atlas, a.focus.scheme, {
            ...(options.parameters ? { parameters: options.parameters } : {}),
          }),
        }
      : {}),
    ...(options.uncertainty ? { uncertainty: options.uncertainty } : {}),
    ...(options.tornado ? { tornado: options.tornado } : {}),
  };
}
