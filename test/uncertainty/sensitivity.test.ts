import { describe, expect, it } from "vitest";
import { spearman } from "../../src/uncertainty/index.js";
import { runCli } from "../helpers.js";

/** Whole-flagship runs (945,200 schemes) take a minute alone and more on a loaded 2-core machine. */
const FLAGSHIP_TIMEOUT_MS = 300_000;

describe("guarantor sensitivity", () => {
  it(
    "sensitivity --scheme focus --metric margin names the inputs that move Russia's and Ukraine's margins most, with sources; both reject the focus on red lines, which no reservation flips",
    async () => {
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
        // No scheme is accepted by all in the flagship of 20 Aug 2025: the focus crosses red lines of both.
        const sw = out.switching.find((s: { party: string }) => s.party === party);
        expect(sw.accepts).toBe(false);
        expect(sw.reservation.to).toBeUndefined();
        expect(sw.reservation.note).toMatch(/red line/);
      }
    },
    FLAGSHIP_TIMEOUT_MS,
  );

  it(
    "sensitivity on a scheme Russia accepts (its memorandum's terms): Russia's switching value matches a --set run that flips its verdict",
    async () => {
      // The memorandum's package: the four regions recognised, neutrality, a cap, Russia a co-guarantor, sanctions
      // lifted, no foreign forces in Ukraine.
      const scheme =
        "commitment=article5_like,ground_presence=none,ground_providers=none,command=lead_nations," +
        "air=air_policing_from_neighbours,isr=ukrainian_only,air_defence=none,enablers=us_enablers,materiel=reduced," +
        "financing=shared_as_2022_2024,ukraine_force=cap_85k,nato_path=permanent_neutrality," +
        "sequencing=peace_agreement_first,scope=controlled_territory,basing=none,territory=four_oblasts_de_jure," +
        "russia_role=co_guarantor_veto,sanctions=lifted";
      const r = await runCli([
        "sensitivity",
        "--scheme",
        scheme,
        "--metric",
        "margin",
        "--samples",
        "0",
        "--json",
      ]);
      expect(r.code).toBe(0);
      const rus = JSON.parse(r.stdout).switching.find((s: { party: string }) => s.party === "RUS");
      expect(rus.accepts).toBe(true);
      expect(rus.reservation.to).toBeDefined();
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
    },
    FLAGSHIP_TIMEOUT_MS,
  );

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
