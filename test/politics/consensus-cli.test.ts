import { describe, expect, it } from "vitest";
import { runCli } from "../helpers.js";

describe("guarantor consensus", () => {
  it("guarantor consensus <file> --json has the keys zone, distance, nash, maximin, concessions", async () => {
    const r = await runCli(["consensus", "test/fixtures/politics-article.yaml", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const k of ["zone", "distance", "nash", "maximin", "concessions", "forecast", "pareto"])
      expect(j).toHaveProperty(k);
    const zone = j.zone as { size: number; best: { scheme: Record<string, string>; verdicts: unknown[] }[] };
    expect(zone.size).toBe(1);
    expect(zone.best[0]!.scheme).toEqual({ commitment: "treaty", ground: "non_nato", nato_path: "closed" });
    expect(zone.best[0]!.verdicts).toHaveLength(2);
  });

  it("guarantor consensus <file> with an empty zone prints the distance and the concessions with their sources", async () => {
    const r = await runCli(["consensus", "test/fixtures/mini.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Zone of possible agreement: 0 of 12 schemes");
    expect(r.stdout).toContain("Distance to consensus: 0.100");
    expect(r.stdout).toContain("Nash bargaining scheme: none");
    expect(r.stdout).toContain("BBB lowers its reservation 0.300 → 0.200 [judgement], cost 0.100");
  });

  it("guarantor explain --scheme <NATO-country troops> shows RUS rejecting with Zakharova's red line", async () => {
    const r = await runCli([
      "explain",
      "test/fixtures/politics-article.yaml",
      "--scheme",
      "commitment=treaty,ground=nato_europeans,nato_path=closed",
    ]);
    expect(r.code).toBe(0);
    const section = r.stdout.slice(r.stdout.indexOf("Acceptability"));
    expect(section).toContain("RUS REJECTS");
    expect(section).toContain("red line no-nato-troops");
    expect(section).toContain("zakharova-2025-08-19");
    expect(section).toContain("UKR accepts");
  });

  it("guarantor consensus --where ground=nato_europeans lists RUS dropping Zakharova's red line as the smallest concession", async () => {
    const r = await runCli([
      "consensus",
      "test/fixtures/politics-article.yaml",
      "--where",
      "ground=nato_europeans",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      schemes: number;
      zone: { size: number };
      distance: { value: number };
      concessions: {
        needed: boolean;
        sets: { cost: number; changes: { party: string; redLine?: string }[] }[];
      };
    };
    // declaration/treaty × NATO path closed/open.
    expect(j.schemes).toBe(4);
    expect(j.zone.size).toBe(0);
    // Cheapest: treaty, path closed: RUS drops no-nato-troops (salience 0.8 × confidence 1); UKR accepts (0.7).
    expect(j.concessions.needed).toBe(true);
    expect(j.concessions.sets[0]!.cost).toBeCloseTo(0.8, 12);
    expect(j.concessions.sets[0]!.changes).toEqual([
      expect.objectContaining({ party: "RUS", redLine: "no-nato-troops" }),
    ]);
    expect(j.distance.value).toBeCloseTo(0.8, 12);
  });

  it("guarantor consensus --where nope=x exits 2 naming the dimension", async () => {
    const r = await runCli(["consensus", "test/fixtures/politics-article.yaml", "--where", "nope=x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown dimension "nope"');
  });

  it("guarantor consensus --top x exits 2 with a usage message", async () => {
    const r = await runCli(["consensus", "test/fixtures/mini.yaml", "--top", "x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--top");
  });

  it("guarantor consensus <missing file> exits 2 naming the file", async () => {
    const r = await runCli(["consensus", "test/fixtures/nope.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nope.yaml");
  });
});
