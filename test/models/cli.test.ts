import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers.js";
import { FIXTURE } from "./helpers.js";

describe("guarantor size", () => {
  it("size ground --mission observation --line-km 1000 --json prints deployed and generated troops with intervals", async () => {
    const r = await runCli(["size", "ground", "--mission", "observation", "--line-km", "1000", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // Unarmed observers (default posture): 0.27 × 500 × 2^0.19 = 154.0 → 155, × 3 = 465 (test/models/ground.test.ts).
    expect(j.posture).toBe("unarmed");
    expect(j.deployedTroops).toBe(155);
    expect(j.generatedTroops).toBe(465);
    expect(j.deployedTroops90).toEqual([28, 839]);
    expect(j.generatedTroops90).toEqual([84, 2517]);
  });

  it("size ground --mission interposition --posture light|robust --line-km 500 prints the density of each posture in text", async () => {
    const light = await runCli([
      "size",
      "ground",
      "--mission",
      "interposition",
      "--posture",
      "light",
      "--line-km",
      "500",
    ]);
    expect(light.code).toBe(0);
    // At the 500 km reference the fitted class is its density: 4.7 × 500 = 2,350.
    expect(light.stdout).toMatch(/deployed\s+2350\s+\[90%: \d+–\d+\]/);
    const robust = await runCli([
      "size",
      "ground",
      "--mission",
      "interposition",
      "--posture",
      "robust",
      "--line-km",
      "500",
    ]);
    expect(robust.stdout).toMatch(/deployed\s+37000\s+\[90%/);
  });

  it("size ground --mission stabilisation --area-km2 N --population N sizes on people; --nation costs it in a currency year", async () => {
    const r = await runCli([
      "size",
      "ground",
      "--mission",
      "stabilisation",
      "--area-km2",
      "70000",
      "--population",
      "5000000",
      "--nation",
      "FRA",
      "--currency-year",
      "2024",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.deployedTroops).toBe(17_500);
    expect(j.cost.basis).toBe("published");
    expect(j.cost.deployedUsdMPerYear).toBeCloseTo(17_500 * j.cost.usdMPerYear, 6);
    const noPeople = await runCli(["size", "ground", "--mission", "stabilisation", "--area-km2", "70000"]);
    expect(noPeople.code).toBe(2);
    expect(noPeople.stderr).toMatch(/--area-km2 needs --population/);
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
      [
        ["size", "ground", "--mission", "reassurance", "--line-km", "5"],
        /reassurance is sized as .*robust by --sites/,
      ],
      [
        ["size", "ground", "--mission", "observation", "--posture", "armed", "--line-km", "5"],
        /--posture: expected one of unarmed, light, robust/,
      ],
      [
        ["size", "ground", "--mission", "observation", "--line-km", "5", "--currency-year", "2020"],
        /--currency-year goes with --nation/,
      ],
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

  it("size air --qra --base lat,lon --area 175086 (the Baltic states, one base) gives a real detachment within its interval", async () => {
    const r = await runCli(["size", "air", "--qra", "--base", "55.89,23.39", "--area", "175086", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // Reach 1,000 km/h × (30 − 15 min) = 250 km; π × 250² = 196,350 km² ≥ the area: one base.
    expect(j.reachKm).toBeCloseTo(250, 9);
    expect(j.basesNeeded).toBe(1);
    expect(j.bases).toBe(1);
    // 1 base × 2 on alert × 2.4 = 4.8 → 5; the Baltic detachments of 2004-2014 had 4 (data/precedents/air.yaml).
    expect(j.aircraftDeployed).toBe(5);
    expect(j.aircraftDeployed90[0]).toBeLessThanOrEqual(4);
    expect(j.aircraftDeployed90[1]).toBeGreaterThanOrEqual(4);
    expect(j.aircraftGenerated).toBe(15);
    const text = await runCli(["size", "air", "--qra", "--area", "600000", "--launch-minutes", "15"]);
    expect(text.code).toBe(0);
    // 600,000 / 196,350 = 3.06 → 4 bases needed when none is given.
    expect(text.stdout).toMatch(/bases\s+4 \(4 needed\)/);
    const bad = await runCli(["size", "air", "--qra", "--area", "1000", "--response-minutes", "10"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--response-minutes must be longer than the launch time/);
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
      "--qra",
      "--area",
      "--posture",
      "--population",
      "--nation",
      "--json",
    ]) {
      expect(r.stdout).toContain(flag);
    }
  });
});

describe("guarantor calibrate", () => {
  it("calibrate prints the cross-validation tables; --json gives every fit and row", async () => {
    const r = await runCli(["calibrate"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| observation\.unarmed\.line \| fit \|/);
    expect(r.stdout).toMatch(/\*\*QRA fit\*\*/);
    const j = JSON.parse((await runCli(["calibrate", "--json"])).stdout);
    expect(j.ground.rows.length).toBeGreaterThanOrEqual(60);
    expect(j.qra.n).toBeGreaterThanOrEqual(10);
  });

  it("calibrate --library DIR with a bad file exits 2 with file:line:col and the field path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-lib-"));
    writeFileSync(
      join(dir, "bad.yaml"),
      "sources:\n  - { id: s, title: t }\nground:\n  - id: x\n    name: X\n    years: { start: 2000 }\n    mission: patrol\n",
    );
    const r = await runCli(["calibrate", "--library", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:7:14 ground\[0\]\.mission: expected one of "observation"/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    const none = await runCli(["calibrate", "--library", join(dir, "nope")]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no such folder/);
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
    // Robust interposition (the default posture) on 1,000 km: 74 per km × 1,000 (exponent 1) = 74,000 deployed
    // + 2,000 trainers; (74,000 + 2,000) × 3 generated.
    expect(j.deployedTroops).toBe(76_000);
    expect(j.troops).toBe(228_000);
    const deployed = j.breakdown.find((l: { id: string }) => l.id === "ground.deployed");
    expect(deployed.interval90[0]).toBeLessThan(74_000);
    expect(deployed.interval90[1]).toBeGreaterThan(74_000);
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
    expect(r.stdout).toContain("fitted on the precedent library (observation.unarmed.line");
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
