import { describe, expect, it } from "vitest";
import {
  analyzeConsensus,
  compileStances,
  createPartyEvaluation,
  createSequentialEvaluation,
  evaluateParties,
  evaluatePartiesSequential,
  numericScore,
  partyVerdicts,
  weightShiftFor,
} from "../../src/politics/index.js";
import { formatVerdicts } from "../../src/report/index.js";
import { parseAssignment } from "../../src/scenario/compile.js";
import { enumerateSchemes } from "../../src/space/index.js";
import { compileFixture } from "../helpers.js";

const c = compileFixture("politics-article.yaml");

function scheme(spec: string): Int32Array {
  const r = parseAssignment(c, spec);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return Int32Array.from(c.dims.map((_, d) => r.value.get(d) ?? 0));
}

describe("numericScore", () => {
  it("numericScore(0.8, [0.5, 1], higher) is 0.6 and clamps outside the range", () => {
    expect(numericScore(0.8, [0.5, 1], "higher")).toBeCloseTo(0.6, 12);
    expect(numericScore(0.2, [0.5, 1], "higher")).toBe(0);
    expect(numericScore(2, [0.5, 1], "higher")).toBe(1);
    expect(numericScore(0.8, [0, 1], "lower")).toBeCloseTo(0.2, 12);
  });
});

describe("partyVerdicts", () => {
  it("partyVerdicts(NATO-country troops in Ukraine) has RUS reject, citing Zakharova's red line", () => {
    const v = partyVerdicts(c, scheme("commitment=treaty,ground=nato_europeans,nato_path=closed"));
    const rus = v.find((x) => x.party === "RUS")!;
    expect(rus.accepts).toBe(false);
    expect(rus.redLines.map((r) => [r.id, r.source])).toEqual([["no-nato-troops", "zakharova-2025-08-19"]]);
    // Dropping it costs salience 0.8 × confidence 1; RUS utility 1 − 0.8 = 0.2 ≥ 0.15, so that is the gap.
    expect(rus.gap).toBeCloseTo(0.8, 12);
    expect(rus.concessions).toEqual([
      expect.objectContaining({ kind: "dropRedLine", redLine: "no-nato-troops" }),
    ]);
    expect(formatVerdicts(v)).toContain("red line no-nato-troops");
  });

  it("partyVerdicts(a declaration only) has UKR fall short on Zhao Long's binding-commitment preference", () => {
    const v = partyVerdicts(c, scheme("commitment=declaration,ground=none,nato_path=closed"));
    const ukr = v.find((x) => x.party === "UKR")!;
    // u = (3 × clamp((0.2 − 0.5)/0.5) + 1 × 0) / 4 = 0; reservation 0.5.
    expect(ukr.accepts).toBe(false);
    expect(ukr.utility).toBe(0);
    expect(ukr.gap).toBeCloseTo(0.5, 12);
    expect(ukr.shortfalls[0]).toMatchObject({ id: "binding", source: "zhao-long-2025-08-20", score: 0 });
    expect(ukr.shortfalls[0]!.lost).toBeCloseTo(0.75, 12);
    expect(ukr.shortfalls[1]).toMatchObject({ id: "troops-on-soil", lost: 0.25 });
  });

  it("partyVerdicts(treaty, non-NATO troops, no NATO path) has both accept with the hand-computed utilities", () => {
    const v = partyVerdicts(c, scheme("commitment=treaty,ground=non_nato,nato_path=closed"));
    expect(v.map((x) => x.accepts)).toEqual([true, true]);
    expect(v[0]!.utility).toBeCloseTo(0.2, 12); // 1 − 0.8
    expect(v[1]!.utility).toBeCloseTo(0.7, 12); // (3 × 0.6 + 1) / 4
  });

  it("partyVerdicts agrees with evaluateParties and evaluatePartiesSequential on every consistent scheme", () => {
    const t = compileStances(c);
    const e = createPartyEvaluation(t);
    const seq = createSequentialEvaluation(t);
    for (const s of enumerateSchemes(c)) {
      evaluateParties(t, s, e);
      evaluatePartiesSequential(t, s, seq);
      const v = partyVerdicts(c, s);
      v.forEach((x, p) => {
        expect(e.utility[p]).toBeCloseTo(x.utility, 12);
        expect(e.violated[p]).toBe(x.redLines.length);
      });
      expect(Array.from(seq.utility)).toEqual(Array.from(e.utility));
      expect(Array.from(seq.redLineMask)).toEqual(Array.from(e.redLineMask));
      expect(Array.from(seq.redLineCost)).toEqual(Array.from(e.redLineCost));
    }
  });
});

describe("weightShiftFor", () => {
  it("weightShiftFor(UKR, declaration with troops, gain 0.25) moves a third of the weight from binding to troops", () => {
    const party = compileStances(c).parties[1]!;
    // Scores: binding 0, troops 1; moving δ of weight from binding gains δ × (1 − 0).
    const w = weightShiftFor(
      c,
      party,
      scheme("commitment=declaration,ground=non_nato,nato_path=closed"),
      0.25,
    );
    expect(w).toEqual({ share: 0.25, from: [{ preference: "binding", share: 0.25 }], to: "troops-on-soil" });
  });
  it("weightShiftFor returns undefined when every preference scores the same", () => {
    const party = compileStances(c).parties[1]!;
    expect(weightShiftFor(c, party, scheme("commitment=declaration,ground=none,nato_path=closed"), 0.1)).toBe(
      undefined,
    );
  });
});

describe("analyzeConsensus on the article fixture", () => {
  const a = analyzeConsensus(compileStances(c), enumerateSchemes(c), { top: 3 });
  it("analyzeConsensus finds the one-scheme zone: treaty, non-NATO troops, NATO path closed", () => {
    expect(a.schemes).toBe(14);
    expect(a.zone.size).toBe(1);
    expect(Array.from(a.zone.best[0]!.scheme)).toEqual(
      Array.from(scheme("commitment=treaty,ground=non_nato")),
    );
    expect(a.nash!.product).toBeCloseTo(0.05 * 0.2, 12);
    expect(a.distance!.value).toBe(0);
    expect(a.concessions).toEqual({
      needed: false,
      sets: [expect.objectContaining({ cost: 0, changes: [] })],
    });
  });
  it("analyzeConsensus puts the forecast at the power × salience weighted mean of ideal points", () => {
    // RUS: ideal 0, weight 0.6 × 0.8; UKR: ideal 1, weight 0.4 × 1.
    expect(a.forecast!.positions[0]!.position).toBeCloseTo(0.4 / (0.48 + 0.4), 12);
    expect(c.dims[0]!.options[a.forecast!.scheme.scheme[0]!]).toBe("declaration");
  });
  it("analyzeConsensus counts how many schemes each red line excludes", () => {
    const rus = a.acceptance.find((x) => x.party === "RUS")!;
    // NATO-country troops: treaty/declaration × nato_europeans × 2 paths = 4; NATO path open: 7 of 14.
    expect(rus.redLines).toEqual([
      { id: "no-nato-troops", excludes: 4 },
      { id: "no-nato-membership", excludes: 7 },
    ]);
  });
});
