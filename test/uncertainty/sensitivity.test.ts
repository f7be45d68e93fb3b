import { describe, expect, it } from "vitest";
import { spearman } from "../../src/uncertainty/index.js";
import { runCli } from "../helpers.js";

describe("guarantor sensitivity", () => {
  it("sensitivity --scheme focus --metric margin names the inputs that move Russia's and Ukraine's margins most, with sources; Russia's switching value matches a --set run that flips its verdict", async () => {
    const r = await runCli([
      "sensitivity",
      "--scheme",
      "focus",
      "--metric",
      "margin",
      "--samples",
      "0",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const party of ["RUS", "UKR"]) {
      const bars = out.tornadoByParty[party];
      expect(bars.length).toBeGreaterThan(0);
      expect(bars[0].swing).toBeGreaterThan(0);
      for (const b of bars) expect(b.source.length).toBeGreaterThan(0);
      // Swings are sorted, largest first.
      for (let i = 1; i < bars.length; i++) expect(bars[i - 1].swing).toBeGreaterThanOrEqual(bars[i].swing);
    }
    const rus = out.switching.find((s: { party: string }) => s.party === "RUS");
    expect(rus.reservation.to).toBeDefined();
    const scheme = Object.entries(out.scheme as Record<string, string>)
      .map(([d, o]) => `${d}=${o}`)
      .join(",");
    const verdictAt = async (reservation: number) => {
      const e = await runCli([
        "explain",
        "--scheme",
        scheme,
        "--set",
        `actors.RUS.stance.reservation=${reservation}`,
        "--json",
      ]);
      expect(e.code).toBe(0);
      return JSON.parse(e.stdout).verdicts.find((v: { party: string }) => v.party === "RUS")
        .accepts as boolean;
    };
    const flip = rus.reservation.to as number;
    expect(await verdictAt(Math.max(0, flip - 0.002))).toBe(rus.accepts);
    expect(await verdictAt(Math.min(1, flip + 0.002))).toBe(!rus.accepts);
  });

  it("sensitivity rejects an unknown metric and a scheme that breaks a rule", async () => {
    const bad = await runCli(["sensitivity", "--metric", "happiness"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--metric: expected one of margin, deterrence, zone, feasible/);
  });

  it("spearman gives ±1 for monotone relations and 0 without variation", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 25, 100])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBe(0);
  });
});
