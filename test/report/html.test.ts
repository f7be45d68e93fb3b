/**
 * The HTML report's pieces without a browser: the figures as SVG strings built in linkedom's DOM, and the
 * Monte-Carlo slots filled when analyze runs with --samples.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDocument } from "../../src/adapters/dom.js";
import type { Analysis } from "../../src/explore/analyze.js";
import { ladderFigure, paretoFigure, renderHtml } from "../../src/report/html/index.js";
import { ID_NAMES } from "../../src/report/index.js";
import { runCli } from "../helpers.js";

/** 900 consistent schemes of the flagship (120 of which Russia accepts). */
const WHERE =
  "commitment=article5_like,air=none,isr=ukrainian_only,air_defence=none,financing=shared_as_2022_2024,basing=none,russia_role=co_guarantor_veto,nato_path=permanent_neutrality";

/** analyze on WHERE with 8 Monte-Carlo draws, seed 7, one worker, the HTML page to `html`. */
const mc = (html: string) => [
  "analyze",
  "--quiet",
  "--where",
  WHERE,
  "--samples",
  "8",
  "--workers",
  "1",
  "--seed",
  "7",
  "--html",
  html,
];

describe("the HTML report", () => {
  it("with --samples fills the Monte-Carlo slots (intervals, the focus scheme's tornado, the seed); --md writes the same pictures as SVG files beside it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-html-"));
    const r = await runCli([...mc("r.html"), "--md", "r.md", "--json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    for (const f of ["map", "pareto", "acceptance", "ladder", "burden", "intervals", "tornado"])
      expect(html).toMatch(new RegExp(`data-figure="${f}"[^]*?<svg [^>]*role="img"[^]*?<path`));
    expect(html).toContain("<dd>7 (8 draws)</dd>");
    expect(html).toContain(`<dd>${WHERE}</dd>`);
    expect(html).not.toMatch(/<script/i);
    // The Markdown report: the same names, each picture an SVG file beside it, linked where it answers.
    const md = readFileSync(join(dir, "r.md"), "utf8");
    for (const f of ["map", "pareto", "acceptance", "ladder", "burden", "intervals", "tornado"]) {
      expect(md).toContain(`](r-figures/${f}.svg)`);
      expect(readFileSync(join(dir, "r-figures", `${f}.svg`), "utf8")).toMatch(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
      );
    }
    expect(md).toContain("Russia a co-guarantor, with a veto");
    expect(md).not.toMatch(/\bco_guarantor_veto\b/);
    expect(md.indexOf("](r-figures/ladder.svg)")).toBeGreaterThan(
      md.indexOf("## 3. How would the mechanism operate?"),
    );
    // The heatmap's counts come with the JSON when --html asks for them, and add up.
    const a = JSON.parse(r.stdout) as Analysis;
    const t = a.acceptanceByOption!;
    const rus = t.parties.indexOf("RUS");
    const accepts = a.answers[1].parties.find((p) => p.party === "RUS")!.accepts;
    for (const d of t.dims) {
      expect(d.options.reduce((s, o) => s + o.schemes, 0)).toBe(a.counts.consistent);
      expect(d.options.reduce((s, o) => s + o.accepts[rus]!, 0)).toBe(accepts);
    }
    // Same figures, same bytes: the page is a function of the input.
    const again = await runCli(mc("s.html"), dir);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, "s.html"), "utf8")).toBe(html);
  }, 120_000);

  it("draws each figure from data alone, and leaves out what the data lacks", () => {
    const document = createDocument();
    const analysis = {
      scenario: { id: "t", title: "T", asOf: "2025-08-20" },
      run: { objective: "min-cost", solver: "x", overrides: {}, settings: [] },
      counts: { consistent: 2, feasible: 1, acceptableToAll: 0, feasibleAndAcceptable: 0 },
      frontier: [
        {
          scheme: { a: "x" },
          feasible: true,
          costUsdMPerYear: 100,
          deterrence: 0.5,
          acceptability: -1,
          rejectedBy: ["P"],
          acceptedBy: [],
          gaps: {},
        },
        {
          scheme: { a: "y" },
          feasible: false,
          costUsdMPerYear: 300,
          deterrence: 0.9,
          acceptability: -2,
          rejectedBy: ["P"],
          acceptedBy: [],
          gaps: { troops: 5 },
        },
      ],
      focus: undefined,
      answers: [{}, {}, { ladder: undefined }],
    } as unknown as Analysis;
    const p = paretoFigure({ analysis, names: ID_NAMES }, document)!;
    expect(p.svg).toMatch(/^<svg [^>]*role="img"/);
    expect((p.svg.match(/<circle/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(p.alt).toMatch(/2 schemes on the Pareto front: cost from USD 100 m\/yr to USD 300 m\/yr/);
    expect(ladderFigure({ analysis, names: ID_NAMES }, document)).toBeUndefined();
    expect(typeof renderHtml).toBe("function");
  });
});
