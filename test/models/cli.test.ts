import { describe, expect, it } from "vitest";
import { runCli } from "../helpers.js";
import { FIXTURE } from "./helpers.js";

describe("guarantor size", () => {
  it("size ground --mission observation --line-km 1000 --json prints deployed and generated troops", async () => {
    const r = await runCli(["size", "ground", "--mission", "observation", "--line-km", "1000", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.deployedTroops).toBe(3130);
    expect(j.generatedTroops).toBe(9390);
  });

  it("size ground --sites 2 --rotation 2 --mission reassurance halves the generation", async () => {
    const r = await runCli([
      "size",
      "ground",
      "--mission",
      "reassurance",
      "--sites",
      "2",
      "--rotation",
      "2",
      "--json",
    ]);
    expect(JSON.parse(r.stdout).generatedTroops).toBe(2 * (400 + 2 * 4200 * 1.3));
  });

  it("size ground with bad flags exits 2 with a clear message", async () => {
    const cases: [string[], RegExp][] = [
      [["size", "ground", "--line-km", "10"], /--mission is required/],
      [["size", "ground", "--mission", "patrol", "--line-km", "10"], /--mission: expected one of/],
      [["size", "ground", "--mission", "observation"], /exactly one of --line-km/],
      [["size", "ground", "--mission", "observation", "--line-km", "5", "--sites", "2"], /exactly one of/],
      [["size", "ground", "--mission", "observation", "--line-km=-5"], /--line-km: expected a number ≥ 0/],
      [["size", "ground", "--mission", "observation", "--line-km", "ten"], /--line-km: expected a number/],
      [["size", "ground", "--mission", "reassurance", "--line-km", "5"], /sized by --sites/],
      [
        ["size", "ground", "--mission", "observation", "--line-km", "5", "--tanker"],
        /--tanker does not apply/,
      ],
      [["size", "boats"], /unknown kind "boats"/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it("size air --base EPRZ (from the scenario file) --station Kyiv --aircraft F-16 --tanker --json", async () => {
    const r = await runCli([
      "size",
      "air",
      "--base",
      "EPRZ",
      "--station",
      "50.45,30.52",
      "--aircraft",
      "F-16",
      "--tanker",
      FIXTURE,
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.distanceKm).toBeGreaterThan(600);
    expect(j.distanceKm).toBeLessThan(610);
    expect(j.transitHours).toBeCloseTo(j.distanceKm / 850, 9);
    expect(j.onStationHours).toBeCloseTo(4 - 2 * j.transitHours - 0.5, 9);
    expect(j.aircraftRequired).toBe(20);
  });

  it("size air --base lat,lon works without a scenario and bad values exit 2", async () => {
    const ok = await runCli([
      "size",
      "air",
      "--base",
      "50.11,22.02",
      "--station",
      "50.45,30.52",
      "--aircraft",
      "gripen",
      "--json",
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).aircraft).toBe("Gripen");
    const bad: [string[], RegExp][] = [
      [
        ["size", "air", "--base", "1,2", "--station", "95,3", "--aircraft", "F-16"],
        /--station: expected "lat,lon"/,
      ],
      [["size", "air", "--base", "1,2", "--station", "5,3", "--aircraft", "F-99"], /unknown type "F-99"/],
      [
        ["size", "air", "--base", "XXXX", "--station", "5,3", "--aircraft", "F-16", FIXTURE],
        /no airbase "XXXX"/,
      ],
      [["size", "air", "--station", "5,3", "--aircraft", "F-16"], /--base is required/],
    ];
    for (const [args, message] of bad) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it("size --help documents both kinds and every flag", async () => {
    const r = await runCli(["size", "--help"]);
    for (const flag of [
      "--mission",
      "--line-km",
      "--area-km2",
      "--sites",
      "--rotation",
      "--base",
      "--station",
      "--aircraft",
      "--tanker",
      "--json",
    ]) {
      expect(r.stdout).toContain(flag);
    }
  });
});

describe("guarantor explain", () => {
  it("explain <fixture> --scheme … --json gives requirements, sources and the coverage share", async () => {
    const r = await runCli([
      "explain",
      FIXTURE,
      "--scheme",
      "ground=buffer,air=cap2,isr=full,ad=three,support=arms",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.scheme.ground).toBe("buffer");
    // 400 + 55 × 1000 × 1.3 = 71,900 deployed + 2,000 trainers; (71,900 + 2,000) × 3 generated.
    expect(j.deployedTroops).toBe(73_900);
    expect(j.troops).toBe(221_700);
    expect(j.fighters).toBeGreaterThan(0);
    const coverage = j.breakdown.find((l: { id: string }) => l.id === "air.coverage");
    expect(coverage.value).toBeGreaterThan(0);
    expect(coverage.value).toBeLessThanOrEqual(1);
  });

  it("explain text output lists the requirements and each line's formula and inputs", async () => {
    const r = await runCli([
      "explain",
      FIXTURE,
      "--scheme",
      "ground=monitors,air=none,isr=none,ad=none,support=none",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("troops to generate");
    expect(r.stdout).toContain("ground.deployed");
    expect(r.stdout).toContain("= fixed HQ + troops per km");
    expect(r.stdout).toContain("[bbc-2025]");
  });

  it("explain with a partial, unknown or inconsistent scheme exits 2 and says why", async () => {
    const partial = await runCli(["explain", FIXTURE, "--scheme", "ground=buffer,air=cap2"]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/missing dimensions isr \(none \| full\), ad \(none \| three\), support/);
    const unknown = await runCli(["explain", FIXTURE, "--scheme", "ground=bufer"]);
    expect(unknown.stderr).toMatch(/unknown option "bufer" of ground; options: none, monitors, buffer/);
    const broken = await runCli([
      "explain",
      FIXTURE,
      "--scheme",
      "ground=buffer,air=none,isr=none,ad=none,support=none",
    ]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /breaks rule "buffer-needs-isr": a buffer force along the whole line needs drones/,
    );
    const none = await runCli(["explain", FIXTURE]);
    expect(none.stderr).toMatch(/--scheme dim=option,... is required/);
    const missingFile = await runCli(["explain", "nope.yaml", "--scheme", "a=b"]);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toMatch(/nope.yaml.*no such file/);
  });
});
