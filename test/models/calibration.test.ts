import { describe, expect, it } from "vitest";
import { type CalibrationRow, calibrateGround, groundCases } from "../../src/models/ground.js";
import { MILITARY_PARAMETERS, resolveParameters } from "../../src/parameters/index.js";
import { compileFile, FIXTURE, flagship } from "./helpers.js";

function table(title: string, rows: readonly CalibrationRow[]): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");
  const lines = rows.map(
    (r) =>
      `| ${r.id} | ${r.mission} | ${r.geometry} ${r.amount} | ${r.actualTroops} | ${Math.round(r.modelTroops)} | ${f(r.modelRatio)} | ${Number.isFinite(r.leaveOneOutTroops) ? Math.round(r.leaveOneOutTroops) : "—"} | ${f(r.leaveOneOutRatio)} |`,
  );
  return [
    `\n${title}`,
    "| precedent | mission | geometry | actual | model | model/actual | leave-one-out | LOO/actual |",
    "|---|---|---|---|---|---|---|---|",
    ...lines,
  ].join("\n");
}

const within2 = (r: number) => r >= 0.5 && r <= 2;

describe("ground model calibration on precedents", () => {
  const c = compileFile(FIXTURE);
  const cal = calibrateGround(groundCases(c.scenario.precedents));

  it("calibrateGround(fixture precedents) prints predicted against actual size", () => {
    console.log(table("Fixture precedents (test/fixtures/models-ukraine.yaml)", cal.rows));
    expect(cal.rows.length).toBeGreaterThanOrEqual(8);
  });

  it("the code's default densities are the fit on the fixture's precedents, rounded (within 5 %)", () => {
    for (const [id, fitted] of cal.densities) {
      const code = MILITARY_PARAMETERS.find((p) => p.id === id)!.value;
      expect(Math.abs(code / fitted - 1), id).toBeLessThan(0.05);
    }
  });

  it("leave-one-out: at least 5 of the 7 observation and interposition missions are predicted within a factor 2", () => {
    const line = cal.rows.filter(
      (r) => r.geometry === "line" && ["observation", "interposition"].includes(r.mission),
    );
    expect(line).toHaveLength(7);
    const hits = line.filter((r) => within2(r.leaveOneOutRatio));
    // The misses, explained in docs/models/military.md: the OSCE's unarmed civilian monitors (over-predicted)
    // and UNDOF on a short 80 km line (under-predicted).
    expect(hits.length).toBeGreaterThanOrEqual(5);
  });

  it("the model as parameterised runs on every precedent of the flagship scenario that has a mission, size and geometry", () => {
    const f = flagship();
    const rows = calibrateGround(groundCases(f.scenario.precedents), resolveParameters(f.scenario)).rows;
    console.log(table("Flagship precedents (scenarios/ukraine-2025-08.yaml), model as parameterised", rows));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.modelTroops).toBeGreaterThan(0);
  });
});
