/**
 * The report's pictures, one function per figure: each takes the analysis data (`FigureData`) and a DOM
 * document for Observable Plot to build in (linkedom's on the server, `window.document` in a browser), and
 * returns the figure's title, its text alternative and one SVG string. Pure: nothing is read or fetched.
 * Colours are colour-blind safe (Okabe–Ito for categories, ColorBrewer YlGnBu and RdBu for scales);
 * docs/models/report-figures.md says what every figure encodes.
 */
import * as Plot from "@observablehq/plot";
import type { Feature, Geometry } from "geojson";
import type { Analysis } from "../../explore/analyze.js";
import type { TornadoBar, UncertaintyAnswer } from "../../uncertainty/index.js";
import { stepsByTime } from "../answers/mechanism.js";
import { count, fixed, hours, money, pct, score, unitsText } from "../format.js";
import type { ReportNames } from "../names.js";
import { escapeXml, type SvgLike, stackSvg } from "./svg.js";
import type { TheatreData } from "./theatre.js";

/** Okabe–Ito: distinguishable with any common colour-vision deficiency. */
export const OKABE_ITO = {
  orange: "#E69F00",
  sky: "#56B4E9",
  green: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  black: "#000000",
} as const;

/** The DOM document Plot builds in (linkedom's on the server, `window.document` in a browser). */
export type PlotDocument = NonNullable<Plot.PlotOptions["document"]>;

/** `Plot.legend` with the document to build in (its types omit the option it takes). */
function legendSvg(document: PlotDocument, options: Plot.LegendScales & Record<string, unknown>): SvgLike {
  return Plot.legend({ ...options, document } as Plot.LegendScales) as unknown as SvgLike;
}

/** A scheme placed on the scatter by name (the Nash and maximin schemes, scored by the caller). */
export interface MarkedScheme {
  label: string;
  scheme: Record<string, string>;
  costUsdMPerYear: number;
  deterrence: number;
  acceptability: number;
}

/** Everything the figures draw. */
export interface FigureData {
  analysis: Analysis;
  names: ReportNames;
  /** The Nash and maximin schemes with their scores (the focus is the analysis's own). */
  marked?: MarkedScheme[];
  /** The map's data (`theatreData`); no map without it. */
  theatre?: TheatreData;
  /** Monte Carlo (`analyze --samples`); no interval figure without it. */
  uncertainty?: UncertaintyAnswer;
  /** The focus scheme's tornado on the least party margin (`sensitivity`); no tornado without it. */
  tornado?: { metric: string; point: number; bars: TornadoBar[] };
}

export interface Figure {
  id: string;
  title: string;
  /** What the picture shows, in words, for readers who cannot see it. */
  alt: string;
  svg: string;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const WIDTH = 760;

/** Plot's common options: its document, a fixed width, our font. */
function base(document: PlotDocument, extra: Plot.PlotOptions): Plot.PlotOptions {
  return {
    document,
    width: WIDTH,
    style: { fontFamily: FONT, fontSize: "11px", background: "white" },
    ...extra,
  };
}

type Shape = "dot" | "line" | "ring" | "dash" | "triangle" | "cross";

/** A legend of swatches, `[colour, label, shape]`, in rows no wider than the figure, as one SVG. */
function swatches(items: readonly [string, string, Shape][]): SvgLike {
  let x = 0;
  let y = 0;
  let width = 0;
  const parts: string[] = [];
  for (const [colour, label, shape] of items) {
    const step = 28 + label.length * 6.2;
    if (x > 0 && x + step > WIDTH) {
      x = 0;
      y += 22;
    }
    const c = escapeXml(colour);
    const glyph =
      shape === "line"
        ? `<line x1="${x}" y1="${y + 10}" x2="${x + 16}" y2="${y + 10}" stroke="${c}" stroke-width="3"/>`
        : shape === "dash"
          ? `<line x1="${x}" y1="${y + 10}" x2="${x + 16}" y2="${y + 10}" stroke="${c}" stroke-width="2" stroke-dasharray="4 3"/>`
          : shape === "ring"
            ? `<circle cx="${x + 8}" cy="${y + 10}" r="6" fill="${c}" fill-opacity="0.25" stroke="${c}"/>`
            : shape === "triangle"
              ? `<path d="M${x + 8},${y + 4}L${x + 14},${y + 15}L${x + 2},${y + 15}Z" fill="${c}"/>`
              : shape === "cross"
                ? `<text x="${x + 8}" y="${y + 15}" text-anchor="middle" font-size="15" font-weight="bold" fill="${c}">×</text>`
                : `<rect x="${x + 1}" y="${y + 3}" width="14" height="14" fill="${c}" stroke="#666" stroke-width="0.5"/>`;
    parts.push(`${glyph}<text x="${x + 21}" y="${y + 14}">${escapeXml(label)}</text>`);
    x += step;
    width = Math.max(width, x);
  }
  const w = Math.min(WIDTH, Math.ceil(width));
  const h = y + 24;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="${escapeXml(FONT)}" font-size="11">${parts.join("")}</svg>`;
  return {
    outerHTML: svg,
    getAttribute: (n) => (n === "width" ? String(w) : n === "height" ? String(h) : null),
  };
}

/** A long label cut to `n` characters with an ellipsis (the full text stays in the element's title). */
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function feature(geometry: Geometry): Feature {
  return { type: "Feature", properties: {}, geometry };
}

/**
 * The theatre: territories, neighbouring countries, the contact line, places and airbases, and the focus
 * scheme's patrol and alert reach and air-defence rings.
 * @example mapFigure(data, document)?.svg
 */
export function mapFigure(d: FigureData, document: PlotDocument): Figure | undefined {
  const t = d.theatre;
  if (!t) return undefined;
  const [[w, s], [e, nn]] = t.bounds;
  const frame = {
    type: "MultiPoint" as const,
    coordinates: [
      [w, s],
      [e, s],
      [e, nn],
      [w, nn],
      [(w + e) / 2, s],
      [(w + e) / 2, nn],
    ],
  };
  const fills = [OKABE_ITO.sky, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.purple];
  const [first, ...rest] = t.territories;
  const cities = t.places.filter((p) => p.kind === "city");
  const labelled = [...cities].sort((a, b) => (b.population ?? 0) - (a.population ?? 0)).slice(0, 6);
  const sites = t.places.filter((p) => p.kind !== "city");
  const plot = Plot.plot(
    base(document, {
      height: 560,
      projection: {
        type: "conic-equal-area",
        parallels: [44, 52],
        rotate: [-(w + e) / 2, 0],
        domain: feature(frame),
        inset: 4,
      },
      marks: [
        Plot.geo(
          t.countries.map((c) => feature(c.geometry)),
          { fill: "#f2f2f2", stroke: "#b5b5b5", strokeWidth: 0.6 },
        ),
        ...(first
          ? [
              Plot.geo([feature(first.geometry)], { fill: "#ffffff", stroke: "#333333", strokeWidth: 1.2 }),
              ...rest.flatMap((x, i) => [
                Plot.geo([feature(x.geometry)], {
                  fill: fills[i % fills.length],
                  fillOpacity: 0.28,
                  stroke: fills[i % fills.length],
                  strokeWidth: 0.8,
                }),
              ]),
              // The frame of reference's border on top again, and every later territory's outline.
              Plot.geo([feature(first.geometry)], { fill: "none", stroke: "#333333", strokeWidth: 1.2 }),
            ]
          : []),
        Plot.geo(
          t.airDefence.map((c) => feature(c.geometry)),
          { fill: OKABE_ITO.purple, fillOpacity: 0.25, stroke: OKABE_ITO.purple, strokeWidth: 1 },
        ),
        Plot.geo(
          t.alert.map((c) => feature(c.geometry)),
          { fill: "none", stroke: OKABE_ITO.blue, strokeWidth: 1, strokeDasharray: "4 3" },
        ),
        Plot.geo(
          t.patrols.map((c) => feature(c.geometry)),
          { fill: OKABE_ITO.green, fillOpacity: 0.1, stroke: OKABE_ITO.green, strokeWidth: 1.2 },
        ),
        Plot.line(t.contactLine, {
          x: (p: [number, number]) => p[0],
          y: (p: [number, number]) => p[1],
          stroke: OKABE_ITO.vermillion,
          strokeWidth: 2.5,
        }),
        Plot.dot(t.airbases, {
          x: "lon",
          y: "lat",
          symbol: "triangle",
          r: 4,
          fill: OKABE_ITO.blue,
          title: (b: { id: string; name: string }) => `${b.name} (${b.id})`,
        }),
        Plot.dot(sites, {
          x: "lon",
          y: "lat",
          symbol: "square",
          r: 2.5,
          fill: "#555555",
          title: "name",
        }),
        Plot.dot(cities, { x: "lon", y: "lat", r: 3, fill: "#111111", title: "name" }),
        Plot.text(labelled, {
          x: "lon",
          y: "lat",
          text: "name",
          dy: -8,
          fontSize: 11,
          fill: "#111111",
          stroke: "white",
          strokeWidth: 3,
        }),
      ],
    }),
  ) as unknown as SvgLike;
  const legend = swatches([
    ...t.territories.map(
      (x, i) =>
        [
          i === 0 ? "#ffffff" : fills[(i - 1) % fills.length]!,
          x.name.replace(/\s*\([^)]*\)/g, ""),
          "dot",
        ] as [string, string, "dot"],
    ),
  ]);
  // Only the layers the scheme has.
  const legend2 = swatches([
    [OKABE_ITO.vermillion, "contact line", "line"],
    ...(t.patrols.length
      ? [[OKABE_ITO.green, `patrol reach within ${t.budgetHours} h`, "ring"] as [string, string, Shape]]
      : []),
    ...(t.alert.length
      ? [
          [OKABE_ITO.blue, `alert aircraft reach within ${t.budgetHours} h`, "dash"] as [
            string,
            string,
            Shape,
          ],
        ]
      : []),
    ...(t.airDefence.length
      ? [[OKABE_ITO.purple, "air-defence ring", "ring"] as [string, string, Shape]]
      : []),
    [OKABE_ITO.blue, "airbase", "triangle"],
    ["#111111", "city", "dot"],
  ]);
  const title = "The theatre, with the focus scheme's air reach and air defence";
  const alt = `Map of the theatre from ${fixed(w + 1, 0)}°E to ${fixed(e - 1, 0)}°E and ${fixed(s + 1, 0)}°N to ${fixed(nn - 1, 0)}°N: ${t.territories
    .map((x) => x.name)
    .join(
      "; ",
    )}; the contact line (${t.contactLine.length} points); ${count(cities.length)} cities (${labelled
    .map((p) => p.name)
    .join(
      ", ",
    )} labelled), ${count(sites.length)} other sites and ${count(t.airbases.length)} airbases (${t.airbases
    .map((b) => b.id)
    .join(", ")}). In the focus scheme: ${
    t.patrols.length
      ? `${t.patrols.length} patrol station${t.patrols.length === 1 ? "" : "s"} reaching ${fixed(t.patrols[0]!.radiusKm, 0)} km within ${t.budgetHours} h`
      : "no standing patrols"
  }; ${
    t.alert.length
      ? `alert aircraft at ${t.alert.length} bases reaching ${fixed(t.alert[0]!.radiusKm, 0)} km`
      : "no alert aircraft"
  }; ${
    t.airDefence.length
      ? `air-defence rings of ${fixed(t.airDefence[0]!.radiusKm, 0)} km at ${t.airDefence.map((c) => t.places.find((p) => p.id === c.label)?.name ?? c.label).join(", ")}`
      : "no guarantor air defence"
  }.`;
  return { id: "map", title, alt, svg: stackSvg([legend, legend2, plot], alt) };
}

/** Equal-width bins over the values (and a break at 0 when they straddle it), for a threshold colour scale. */
function bins(values: readonly number[], k: number): number[] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!(hi > lo)) return [lo];
  const out = Array.from({ length: k - 1 }, (_, i) => lo + ((hi - lo) * (i + 1)) / k);
  if (lo < 0 && hi > 0) out.push(0);
  return [...new Set(out.map((x) => Math.round(x * 100) / 100))].sort((a, b) => a - b);
}

/**
 * The Pareto front as a scatter: yearly cost against deterrence, coloured by the least party margin; the
 * focus, Nash and maximin schemes marked.
 */
export function paretoFigure(d: FigureData, document: PlotDocument): Figure | undefined {
  const a = d.analysis;
  if (a.frontier.length === 0) return undefined;
  const rows = a.frontier.map((f, i) => ({
    rank: i + 1,
    cost: f.costUsdMPerYear,
    deterrence: f.deterrence,
    margin: f.acceptability,
    feasible: f.feasible,
    rejectedBy: f.rejectedBy.length,
  }));
  const marks = [
    ...(a.focus
      ? [
          {
            label: "focus",
            cost: a.focus.costUsdMPerYear,
            deterrence: a.focus.deterrence,
            margin: a.focus.acceptability,
          },
        ]
      : []),
    ...(d.marked ?? []).map((m) => ({
      label: m.label,
      cost: m.costUsdMPerYear,
      deterrence: m.deterrence,
      margin: m.acceptability,
    })),
  ];
  const tip = (r: (typeof rows)[number]) =>
    `#${r.rank}: ${money(r.cost)}, deterrence ${score(r.deterrence)}, least margin ${score(r.margin)}${r.feasible ? "" : ", not feasible"}`;
  const thresholds = bins([...rows.map((r) => r.margin), ...marks.map((m) => m.margin)], 4);
  // Viridis, dark (least margin) to light: ordered for any colour vision, and none of it white.
  const palette = ["#440154", "#3b528b", "#21918c", "#5ec962", "#b8de29"];
  const range = palette.slice(0, thresholds.length + 1);
  const color = {
    type: "threshold" as const,
    domain: thresholds,
    range,
    label: "Least party margin (utility − reservation; negative: some party rejects)",
  };
  const plot = Plot.plot(
    base(document, {
      height: 420,
      marginLeft: 50,
      marginRight: 40,
      marginBottom: 40,
      grid: true,
      x: { label: "Cost, USD m a year →", tickFormat: (x: number) => fixed(x, 0), nice: true },
      y: { label: "↑ Deterrence: P(renewed aggression deterred)", domain: [0, 1] },
      color,
      marks: [
        Plot.dot(
          rows.filter((r) => !r.feasible),
          { x: "cost", y: "deterrence", fill: "white", stroke: "margin", r: 5, strokeWidth: 2, title: tip },
        ),
        Plot.dot(
          rows.filter((r) => r.feasible),
          {
            x: "cost",
            y: "deterrence",
            fill: "margin",
            stroke: "#333333",
            r: 5,
            strokeWidth: 0.5,
            title: tip,
          },
        ),
        Plot.dot(marks, {
          x: "cost",
          y: "deterrence",
          r: 10,
          stroke: "#000000",
          strokeWidth: 2,
          fill: "none",
        }),
        Plot.text(marks, {
          x: "cost",
          y: "deterrence",
          text: "label",
          dx: 13,
          textAnchor: "start",
          fontWeight: "bold",
          fontSize: 12,
          stroke: "white",
          strokeWidth: 3,
          fill: "#000000",
        }),
      ],
    }),
  ) as unknown as SvgLike;
  const legend = legendSvg(document, {
    color: { ...color, tickFormat: (x: number) => score(x) },
    width: 380,
  });
  const cost = rows.map((r) => r.cost);
  const det = rows.map((r) => r.deterrence);
  const alt = `Scatter of the ${count(rows.length)} schemes on the Pareto front: cost from ${money(Math.min(...cost))} to ${money(Math.max(...cost))}, deterrence from ${score(Math.min(...det))} to ${score(Math.max(...det))}, least party margin from ${score(Math.min(...rows.map((r) => r.margin)))} to ${score(Math.max(...rows.map((r) => r.margin)))}; ${count(rows.filter((r) => r.feasible).length)} feasible (filled), the others hollow. Marked: ${marks
    .map(
      (m) => `${m.label} at ${money(m.cost)}, deterrence ${score(m.deterrence)}, margin ${score(m.margin)}`,
    )
    .join("; ")}.`;
  return {
    id: "pareto",
    title: "Pareto front: cost against deterrence, coloured by the least party margin",
    alt,
    svg: stackSvg([legend, plot], alt),
  };
}

/**
 * Acceptance by party and option: for each option of each dimension, the share of the schemes with it that
 * each party accepts; × where every such scheme crosses one of that party's red lines.
 */
export function acceptanceFigure(d: FigureData, document: PlotDocument): Figure | undefined {
  const t = d.analysis.acceptanceByOption;
  if (!t || t.parties.length === 0) return undefined;
  const n = d.names;
  const parties = t.parties.map((p) => n.actor(p));
  const rows: {
    row: string;
    full: string;
    party: string;
    share: number;
    redLine: boolean;
    schemes: number;
  }[] = [];
  const order: string[] = [];
  const heads: { row: string; dim: string }[] = [];
  for (const dim of t.dims)
    dim.options.forEach((o, i) => {
      const full = `${n.dim(dim.dim)}: ${n.option(dim.dim, o.option)}`;
      // Rows by option label (made unique by the dimension where two dimensions share a label, e.g. "none").
      let row = cut(n.option(dim.dim, o.option), 46);
      if (order.includes(row)) row = cut(`${row} (${n.dim(dim.dim)})`, 46);
      order.push(row);
      if (i === 0) heads.push({ row, dim: cut(n.dim(dim.dim), 30) });
      for (let k = 0; k < t.parties.length; k++)
        rows.push({
          row,
          full,
          party: parties[k]!,
          share: o.schemes ? o.accepts[k]! / o.schemes : 0,
          redLine: o.schemes > 0 && o.redLined[k] === o.schemes,
          schemes: o.schemes,
        });
    });
  const color = {
    type: "threshold" as const,
    domain: [1e-9, 0.05, 0.25, 0.5, 0.75],
    range: ["#eeeeee", "#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
    label: "Share of the schemes with the option that the party accepts",
    tickFormat: (x: number) => (x < 1e-6 ? "0" : pct(x).replace(".0%", "%")),
  };
  const plot = Plot.plot(
    base(document, {
      height: 76 + 15 * order.length,
      marginLeft: 290,
      marginRight: 200,
      marginTop: 70,
      marginBottom: 6,
      x: { axis: "top", label: null, domain: parties, tickRotate: -35 },
      y: { label: null, domain: order, tickSize: 0 },
      color,
      marks: [
        Plot.cell(rows, {
          x: "party",
          y: "row",
          fill: "share",
          inset: 0.5,
          title: (r: (typeof rows)[number]) =>
            `${r.party} accepts ${pct(r.share)} of the ${count(r.schemes)} schemes with ${r.full}${r.redLine ? "; every one crosses one of its red lines" : ""}`,
        }),
        // Each dimension's label, right of the cells, at its first option.
        Plot.text(heads, {
          y: "row",
          frameAnchor: "right",
          dx: 10,
          dy: -6,
          textAnchor: "start",
          text: "dim",
          lineAnchor: "top",
          fontWeight: "bold",
          fill: "#333333",
        }),
        Plot.ruleY(heads, { y: "row", dy: -7.5, stroke: "#999999", strokeWidth: 0.6 }),
        Plot.text(
          rows.filter((r) => r.redLine),
          {
            x: "party",
            y: "row",
            text: () => "×",
            fill: OKABE_ITO.vermillion,
            fontSize: 13,
            fontWeight: "bold",
          },
        ),
      ],
    }),
  ) as unknown as SvgLike;
  const legend = legendSvg(document, { color, width: 420 });
  const red = swatches([
    [OKABE_ITO.vermillion, "× every scheme with the option crosses a red line of the party", "dot"],
  ]);
  const blocked = rows.filter((r) => r.redLine);
  const byParty = parties
    .map((p) => ({ p, k: blocked.filter((r) => r.party === p).length }))
    .filter((x) => x.k > 0)
    .map((x) => `${x.p} ${x.k}`);
  const alt = `Heatmap of ${count(order.length)} options (rows, grouped by dimension) by ${parties.length} parties (columns): the share of the schemes with each option that each party accepts. Options ruled out by a red line (every scheme with them crosses one), by party: ${byParty.join(", ") || "none"}.`;
  return {
    id: "acceptance",
    title: "Who accepts which option: share of the schemes with each option that each party accepts",
    alt,
    svg: stackSvg([legend, red, plot], alt),
  };
}

/** Burden sharing in the focus scheme's coalition: each contributor's cost share against its GDP share. */
export function burdenFigure(d: FigureData, document: PlotDocument): Figure | undefined {
  const k = d.analysis.answers[6].coalition;
  if (!k || k.contributors.length === 0) return undefined;
  const n = d.names;
  const missing = new Map(k.withouts.map((w) => [w.without, unitsText(w.missing, n) || "nothing"]));
  const rows = k.contributors.map((x) => ({
    who: n.actor(x.id),
    cost: x.costShare,
    gdp: x.gdpShare,
    usd: x.costUsdMPerYear,
    without: missing.get(x.id),
  }));
  const long = rows.flatMap((r) => [
    { who: r.who, kind: "cost share", share: r.cost },
    ...(r.gdp === undefined ? [] : [{ who: r.who, kind: "GDP share", share: r.gdp }]),
  ]);
  const plot = Plot.plot(
    base(document, {
      height: 50 + 34 * rows.length,
      marginLeft: 140,
      marginRight: 230,
      x: {
        label: "Share of the coalition's total →",
        tickFormat: (x: number) => pct(x).replace(".0%", "%"),
        domain: [0, 1],
        grid: true,
      },
      y: { label: null, domain: rows.map((r) => r.who) },
      color: { domain: ["cost share", "GDP share"], range: [OKABE_ITO.vermillion, OKABE_ITO.blue] },
      marks: [
        Plot.ruleY(
          rows.filter((r) => r.gdp !== undefined),
          { y: "who", x1: "cost", x2: "gdp", stroke: "#999999", strokeWidth: 2 },
        ),
        Plot.dot(long, {
          x: "share",
          y: "who",
          fill: "kind",
          r: 6,
          title: (r: (typeof long)[number]) => `${r.who}: ${r.kind} ${pct(r.share)}`,
        }),
        Plot.text(
          rows.filter((r) => r.without !== undefined),
          {
            y: "who",
            frameAnchor: "right",
            dx: 14,
            textAnchor: "start",
            text: (r: (typeof rows)[number]) => `without it, missing: ${cut(r.without!, 24)}`,
            fill: "#333333",
          },
        ),
      ],
    }),
  ) as unknown as SvgLike;
  const legend = swatches([
    [OKABE_ITO.vermillion, "cost share", "dot"],
    [OKABE_ITO.blue, "GDP share among the contributors", "dot"],
  ]);
  const alt = `Dot plot for the ${rows.length} contributors of the focus scheme's coalition (total ${money(k.totalCostUsdMPerYear)}): ${rows
    .map(
      (r) =>
        `${r.who} pays ${pct(r.cost)} (${money(r.usd)})${r.gdp === undefined ? "" : ` with ${pct(r.gdp)} of the GDP`}`,
    )
    .join("; ")}.`;
  return {
    id: "burden",
    title:
      "Burden sharing in the focus scheme: cost share against GDP share, and what is missing without each",
    alt,
    svg: stackSvg([legend, plot], alt),
  };
}

/** The focus scheme's response ladder as a timeline in hours after an attack. */
export function ladderFigure(d: FigureData, document: PlotDocument): Figure | undefined {
  const ladder = d.analysis.answers[2].ladder;
  if (!ladder || ladder.steps.length === 0) return undefined;
  const n = d.names;
  const steps = stepsByTime(ladder.steps).map((s) => ({
    label: s.label,
    hours: s.timeHours,
    complete: s.completeHours,
    inPlace: s.inPlace,
    who: s.actors.map((x) => n.actor(x)).join(", ") || "—",
    basis: s.timeBasis,
  }));
  const max = Math.max(...steps.map((s) => s.complete ?? s.hours));
  const plot = Plot.plot(
    base(document, {
      height: 50 + 34 * steps.length,
      marginLeft: 220,
      marginRight: 70,
      x: { label: "Hours after an attack →", domain: [0, max * 1.05], grid: true },
      y: { label: null, domain: steps.map((s) => s.label) },
      marks: [
        Plot.ruleY(steps, { y: "label", x1: 0, x2: "hours", stroke: "#bbbbbb", strokeWidth: 2 }),
        Plot.ruleY(
          steps.filter((s) => s.complete !== undefined),
          {
            y: "label",
            x1: "hours",
            x2: "complete",
            stroke: OKABE_ITO.blue,
            strokeWidth: 2,
            strokeDasharray: "4 3",
          },
        ),
        Plot.dot(steps, {
          x: "hours",
          y: "label",
          r: 6,
          fill: (s: (typeof steps)[number]) => (s.inPlace ? OKABE_ITO.green : OKABE_ITO.blue),
          title: (s: (typeof steps)[number]) => `${s.label} at ${hours(s.hours)}: ${s.basis} (${s.who})`,
        }),
        Plot.text(steps, {
          x: "hours",
          y: "label",
          text: (s: (typeof steps)[number]) => hours(s.hours),
          dy: -11,
          fontSize: 11,
        }),
      ],
    }),
  ) as unknown as SvgLike;
  const legend = swatches([
    [OKABE_ITO.blue, "after consultations", "dot"],
    [OKABE_ITO.green, "forces in place", "dot"],
    [OKABE_ITO.blue, "until the main body has landed", "dash"],
  ]);
  const alt = `Timeline of the focus scheme's ${steps.length} response steps, in hours after an attack: ${steps
    .map(
      (s) =>
        `${s.label} at ${hours(s.hours)}${s.complete !== undefined ? ` (complete at ${hours(s.complete)})` : ""}`,
    )
    .join("; ")}.`;
  return {
    id: "ladder",
    title: "Response ladder of the focus scheme, in hours after an attack",
    alt,
    svg: stackSvg([legend, plot], alt),
  };
}

/** Monte Carlo: the headline counts with their 90% intervals. */
export function intervalsFigure(d: FigureData, document: PlotDocument): Figure | undefined {
  const u = d.uncertainty;
  if (!u) return undefined;
  const n = d.names;
  const h = u.headline;
  const rows = [
    { label: "feasible", ...h.feasible },
    { label: "accepted by every party", ...h.acceptedByAll },
    { label: "feasible and accepted by all", ...h.both },
    ...Object.entries(h.accepts).map(([p, x]) => ({ label: `accepted by ${n.actor(p)}`, ...x })),
  ];
  const plot = Plot.plot(
    base(document, {
      height: 50 + 26 * rows.length,
      marginLeft: 200,
      marginRight: 30,
      x: { label: "Schemes →", tickFormat: (x: number) => fixed(x, 0), grid: true },
      y: { label: null, domain: rows.map((r) => r.label) },
      marks: [
        Plot.ruleY(rows, {
          y: "label",
          x1: "p5",
          x2: "p95",
          stroke: OKABE_ITO.blue,
          strokeWidth: 6,
          strokeOpacity: 0.45,
        }),
        Plot.tickX(rows, { y: "label", x: "p50", stroke: OKABE_ITO.blue, strokeWidth: 2 }),
        Plot.dot(rows, {
          y: "label",
          x: "point",
          r: 4,
          fill: OKABE_ITO.vermillion,
          title: (r: (typeof rows)[number]) =>
            `${r.label}: ${count(Math.round(r.point))} at the point estimates; 90% of draws ${count(Math.round(r.p5))}–${count(Math.round(r.p95))}`,
        }),
      ],
    }),
  ) as unknown as SvgLike;
  const legend = swatches([
    [OKABE_ITO.blue, "5th–95th percentile over the draws (tick: median)", "line"],
    [OKABE_ITO.vermillion, "point estimate", "dot"],
  ]);
  const alt = `Intervals over ${count(u.samples)} Monte-Carlo draws (seed ${u.seed}): ${rows
    .map(
      (r) =>
        `${r.label} ${count(Math.round(r.point))} (90%: ${count(Math.round(r.p5))}–${count(Math.round(r.p95))})`,
    )
    .join("; ")}.`;
  return {
    id: "intervals",
    title: `How sure: schemes counted in ${count(u.samples)} Monte-Carlo draws, 90% intervals`,
    alt,
    svg: stackSvg([legend, plot], alt),
  };
}

/** The tornado: the focus scheme's least party margin with each uncertain input at its 5th and 95th percentile. */
export function tornadoFigure(d: FigureData, document: PlotDocument): Figure | undefined {
  const t = d.tornado;
  const moving = t?.bars.filter((b) => b.swing > 0) ?? [];
  if (!t || moving.length === 0) return undefined;
  const rows = moving.map((b) => ({
    input: cut(d.names.input(b.input), 48),
    full: d.names.input(b.input),
    low: b.low.metric,
    high: b.high.metric,
    lowInput: b.low.input,
    highInput: b.high.input,
  }));
  const plot = Plot.plot(
    base(document, {
      height: 50 + 24 * rows.length,
      marginLeft: 280,
      marginRight: 30,
      x: { label: "Least party margin →", grid: true },
      y: { label: null, domain: rows.map((r) => r.input) },
      marks: [
        Plot.barX(rows, {
          y: "input",
          x1: t.point,
          x2: "low",
          fill: OKABE_ITO.blue,
          title: (r: (typeof rows)[number]) =>
            `${r.full}: ${score(r.low)} at ${fixed(r.lowInput, 2)}, ${score(r.high)} at ${fixed(r.highInput, 2)}`,
        }),
        Plot.barX(rows, { y: "input", x1: t.point, x2: "high", fill: OKABE_ITO.orange }),
        Plot.ruleX([t.point], { stroke: "#000000" }),
      ],
    }),
  ) as unknown as SvgLike;
  const legend = swatches([
    [OKABE_ITO.blue, "input at its 5th percentile (no)", "dot"],
    [OKABE_ITO.orange, "input at its 95th percentile (yes)", "dot"],
  ]);
  const alt = `Tornado of the ${rows.length} inputs (of those listed) that move the focus scheme's least party margin most (stated value ${score(t.point)}): ${rows
    .map((r) => `${r.full} from ${score(r.low)} to ${score(r.high)}`)
    .join("; ")}.`;
  return {
    id: "tornado",
    title: "What moves the verdict most: the focus scheme's least party margin, one input at a time",
    alt,
    svg: stackSvg([legend, plot], alt),
  };
}

/** Where each figure goes in the reports: "top" (after the brief), "frontier", or the number of the question
 *  it answers (9: Monte Carlo). */
export const FIGURE_PLACES: Readonly<Record<string, string>> = {
  map: "top",
  pareto: "frontier",
  acceptance: "2",
  ladder: "3",
  burden: "7",
  intervals: "9",
  tornado: "9",
};

/** Every figure the data allows, in the report's order. */
export function allFigures(d: FigureData, document: PlotDocument): Figure[] {
  return [
    mapFigure,
    paretoFigure,
    acceptanceFigure,
    ladderFigure,
    burdenFigure,
    intervalsFigure,
    tornadoFigure,
  ].flatMap((f) => f(d, document) ?? []);
}
