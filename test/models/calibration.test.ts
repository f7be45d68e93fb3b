import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPrecedentLibrary } from "../../src/cli/library.js";
import { calibrateGround, calibrateQra, groundCases } from "../../src/models/calibration/index.js";
import { sizeGroundForce } from "../../src/models/ground.js";
import { SIZING_CLASSES } from "../../src/models/ground-classes.js";
import { sizeQra } from "../../src/models/qra.js";
import { parameterDef } from "../../src/parameters/index.js";
import { loadPrecedentFile } from "../../src/precedents/index.js";
import { formatDiagnostic } from "../../src/scenario/index.js";
import { ROOT } from "../helpers.js";

const library = readPrecedentLibrary(join(ROOT, "data", "precedents"), ROOT);
const ground = calibrateGround(library);
const qra = calibrateQra(library);
const within = (ratio: number, f: number) => ratio >= 1 / f && ratio <= f;

describe("the precedent library (data/precedents)", () => {
  it("loadPrecedentFile validates every file, with at least 30 real missions across types, postures and air policing", () => {
    const missions = library.ground.filter((m) => !m.excluded);
    expect(missions.length + library.air.length).toBeGreaterThanOrEqual(30);
    expect(new Set(missions.map((m) => m.mission)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(missions.map((m) => m.posture))).toEqual(new Set(["unarmed", "light", "robust"]));
    expect(library.air.filter((a) => !a.excluded).length).toBeGreaterThanOrEqual(10);
  });

  it("every figure of the library names a source with a title, and weak ones carry a confidence below 1", () => {
    const figures = library.ground.flatMap((m) =>
      [m.strength, m.lineKm, m.areaKm2, m.population, m.sites].filter((f) => f !== undefined),
    );
    for (const f of figures) expect(library.sources.get(f.source)?.title, f.source).toBeTruthy();
    expect(figures.some((f) => (f.confidence ?? 1) < 1)).toBe(true);
  });

  it("loadPrecedentFile locates a bad figure at its line and column, with the field path", () => {
    const text = readFileSync(join(ROOT, "data", "precedents", "air.yaml"), "utf8").replace(
      "aircraft: { value: 6, source: defencetalk-2012-bap",
      'aircraft: { value: "six", source: nowhere',
    );
    const r = loadPrecedentFile(text, "air.yaml");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const msg = r.errors.map(formatDiagnostic).join("\n");
    expect(msg).toMatch(/^air\.yaml:\d+:\d+ air\[1\]\.aircraft\.value: expected number, got "six"/m);
  });
});

describe("calibrateGround(library)", () => {
  it("groundCases gives every class at least one case, and every fitted class at least two", () => {
    const cases = groundCases(library);
    for (const c of SIZING_CLASSES) {
      const n = cases.filter((k) => k.classId === c.id).length;
      expect(n, c.id).toBeGreaterThanOrEqual(c.form === "fit" ? 2 : 1);
    }
  });

  it("the code defaults are the fit, rounded: density within 5 %, exponent within 0.01, spread within 5 %", () => {
    for (const c of ground.classes) {
      const d = parameterDef(c.densityParameter)!;
      if (c.form === "fit") {
        expect(Math.abs(d.value / c.density - 1), c.densityParameter).toBeLessThan(0.05);
        const b = c.exponentParameter ? parameterDef(c.exponentParameter)!.value : 1;
        expect(Math.abs(b - c.exponent), c.classId).toBeLessThanOrEqual(0.01);
      }
      expect(d.distribution?.kind, c.densityParameter).toBe("lognormal");
      if (d.distribution?.kind !== "lognormal") continue;
      expect(d.distribution.median, c.densityParameter).toBe(d.value);
      expect(
        Math.abs(d.distribution.sigma / c.distributionSigma - 1),
        `${c.densityParameter} σ`,
      ).toBeLessThan(0.05);
    }
  });

  it("leave-one-out: at least 13 of the 16 line-based observation and interposition missions within ×3 and inside their 90% interval", () => {
    const line = ground.rows.filter(
      (r) => r.geometry === "line" && ["observation", "interposition"].includes(r.mission),
    );
    expect(line.length).toBeGreaterThanOrEqual(16);
    for (const p of ["unarmed", "light", "robust"])
      expect(
        line.some((r) => r.posture === p),
        p,
      ).toBe(true);
    const hits = line.filter((r) => within(r.looRatio, 3) && r.inside90);
    expect(hits.length).toBeGreaterThanOrEqual(13);
  });

  it("the 90% intervals are honest out of sample: the actual lies inside for 85-98 % of all cases", () => {
    const share = ground.rows.filter((r) => r.inside90).length / ground.rows.length;
    expect(share).toBeGreaterThanOrEqual(0.85);
    expect(share).toBeLessThanOrEqual(0.98);
  });

  it("sizeGroundForce's interval at a case's amount is the same spread the calibration reports for its class", () => {
    const c = ground.classes.find((x) => x.classId === "stabilisation.robust.population")!;
    const s = sizeGroundForce({ mission: "stabilisation", posture: "robust", geometry: { population: 5e6 } });
    const factor = s.deployedTroops90[1] / s.deployedTroops;
    expect(Math.abs(Math.log(factor) / c.halfWidthLog - 1)).toBeLessThan(0.06);
  });
});

describe("calibrateQra(library)", () => {
  it("fits 2.4 aircraft per aircraft on alert with the code default and spread within 5 %", () => {
    const d = parameterDef("air.qra.aircraft_per_alert_aircraft")!;
    expect(Math.abs(d.value / qra.aircraftPerAlertAircraft - 1)).toBeLessThan(0.05);
    expect(
      d.distribution?.kind === "lognormal" && Math.abs(d.distribution.sigma / qra.distributionSigma - 1),
    ).toBeLessThan(0.05);
    expect(qra.inside90 / qra.n).toBeGreaterThanOrEqual(0.85);
  });

  it("sizeQra(Baltic states, one base, 15-minute launch) needs one base and a real detachment lies in its interval", () => {
    const s = sizeQra({ areaKm2: 175_086, bases: 1 });
    expect(s.launchHours).toBe(0.25);
    expect(s.basesNeeded).toBe(1);
    expect(s.responseTargetMet).toBe(true);
    const real = library.air.find((a) => a.id === "bap-2004")!.aircraft!.value;
    expect(real).toBe(4);
    expect(s.aircraftDeployed90[0]).toBeLessThanOrEqual(real);
    expect(s.aircraftDeployed90[1]).toBeGreaterThanOrEqual(real);
    expect(within(s.aircraftDeployed / real, 3)).toBe(true);
  });
});
