/**
 * The report's pictures as `analyze --html`, `analyze --md` and the server's HTML report draw them: the figures'
 * data (the map on the world-atlas borders, the scored Nash and maximin schemes, with Monte Carlo the focus
 * scheme's tornado on the least party margin) and every figure it allows, in a linkedom DOM.
 */
import { createDocument } from "../adapters/dom.js";
import type { CoalitionObjective } from "../coalition/index.js";
import type { Analysis } from "../explore/analyze.js";
import type { ResolvedParameters } from "../parameters/index.js";
import { allFigures, figureData, schemeOf } from "../report/html/index.js";
import type { ReportNames } from "../report/index.js";
import type { CompiledScenario } from "../scenario/compile.js";
import type { OptionFilter } from "../space/index.js";
import {
  MonteCarloKernel,
  sensitivity,
  type TornadoBar,
  type UncertaintyAnswer,
} from "../uncertainty/index.js";
import { readAtlas } from "./atlas.js";

/** The figures' data and every figure it allows (see the file's comment). */
export async function drawFigures(
  c: CompiledScenario,
  analysis: Analysis,
  o: {
    names: ReportNames;
    parameters: ResolvedParameters;
    objective: CoalitionObjective;
    filter: OptionFilter | undefined;
    uncertainty: UncertaintyAnswer | undefined;
  },
) {
  let tornado: { metric: string; point: number; bars: TornadoBar[] } | undefined;
  if (o.uncertainty && analysis.focus) {
    const kernel = new MonteCarloKernel(c, {
      ...(o.filter ? { filter: o.filter } : {}),
      objective: o.objective,
    });
    const overrides = Object.fromEntries(
      [...o.parameters].filter(([, v]) => v.origin === "override").map(([id, v]) => [id, v.value]),
    );
    const r = sensitivity(c, kernel, kernel.indexOf(schemeOf(c, analysis.focus.scheme)), {
      metric: "margin",
      samples: 0,
      overrides,
    });
    tornado = { metric: r.metric, point: r.point.value, bars: r.tornado };
  }
  const atlas = readAtlas();
  const data = figureData(c, analysis, {
    names: o.names,
    parameters: o.parameters,
    objective: o.objective,
    ...(atlas ? { atlas } : {}),
    ...(o.uncertainty ? { uncertainty: o.uncertainty } : {}),
    ...(tornado ? { tornado } : {}),
  });
  const document = createDocument();
  return { data, document, figures: allFigures(data, document) };
}
