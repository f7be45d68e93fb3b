/** The HTML report and its figures (pure: each figure takes the analysis data and a DOM document and returns
 *  an SVG string; the page is one string). */
export { type FigureDataOptions, figureData } from "./data.js";
export {
  acceptanceFigure,
  allFigures,
  burdenFigure,
  FIGURE_PLACES,
  type Figure,
  type FigureData,
  intervalsFigure,
  ladderFigure,
  type MarkedScheme,
  mapFigure,
  OKABE_ITO,
  type PlotDocument,
  paretoFigure,
  tornadoFigure,
} from "./figures.js";
export { type HtmlReportInput, type Provenance, renderHtml } from "./page.js";
export { escapeXml, stackSvg } from "./svg.js";
export { schemeOf, type TheatreCircle, type TheatreData, theatreData } from "./theatre.js";
