import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sizeGroundForce } from "../../src/models/ground.js";
import { SIZING_CLASSES } from "../../src/models/ground-classes.js";
import { resolveParameters } from "../../src/parameters/index.js";
import { GROUND_MISSIONS } from "../../src/scenario/index.js";

describe("sizeGroundForce", () => {
  it("sizeGroundForce(observation, 1000 km) sizes unarmed observers on the fitted power law, with its 90% interval", () => {
    // Hand: 0.27 per km × 500 km × (1000 / 500)^0.19 = 135 × 1.1408 = 154.0 → 155 deployed; × 3 = 465.
    const s = sizeGroundForce({ mission: "observation", geometry: { lineKm: 1000 } });
    expect(s.posture).toBe("unarmed");
    expect(s.classId).toBe("observation.unarmed.line");
    expect(s.coreTroops).toBeCloseTo(135 * 2 ** 0.19, 9);
    expect(s.deployedTroops).toBe(155);
    expect(s.generatedTroops).toBe(465);
    // 154.0 × exp(±1.645 × 1.03) = 154.0 ×/÷ 5.44 → [28, 839].
    expect(s.deployedTroops90).toEqual([28, 839]);
    expect(s.generatedTroops90).toEqual([84, 2517]);
  });

  it("sizeGroundForce(interposition, 1000 km) differs by posture: light and robust an order of magnitude apart", () => {
    const light = sizeGroundForce({ mission: "interposition", posture: "light", geometry: { lineKm: 1000 } });
    const robust = sizeGroundForce({
      mission: "interposition",
      posture: "robust",
      geometry: { lineKm: 1000 },
    });
    // Light: 4.7 × 500 × 2^0.55 = 3,437; robust: 74 × 1000 = 74,000 (exponent 1).
    expect(light.deployedTroops).toBe(Math.ceil(4.7 * 500 * 2 ** 0.55));
    expect(robust.deployedTroops).toBe(74_000);
    expect(robust.deployedTroops / light.deployedTroops).toBeGreaterThan(10);
  });

  it("sizeGroundForce(reassurance, 3 sites, rotation 2) deploys three brigades plus HQ and halves the generation", () => {
    // Designed: 3 × 4200 = 12600; × 1.3 = 16380; + 400 = 16780; rule of halves × 2 = 33560.
    const s = sizeGroundForce({ mission: "reassurance", geometry: { sites: 3 } }, { rotation: 2 });
    expect(s.form).toBe("design");
    expect(s.deployedTroops).toBe(16780);
    expect(s.generatedTroops).toBe(33560);
  });

  it("sizeGroundForce(stabilisation, 5 million people) uses the population, and refuses an area without it", () => {
    const s = sizeGroundForce({
      mission: "stabilisation",
      geometry: { population: 5_000_000, areaKm2: 70_000 },
    });
    // At the reference population the power law is the density: 3.5 per 1,000 × 5,000 = 17,500.
    expect(s.deployedTroops).toBe(17_500);
    expect(s.areaKm2).toBe(70_000);
    expect(() =>
      sizeGroundForce({
        mission: "stabilisation",
        geometry: { areaKm2: 70_000 } as unknown as { population: number },
      }),
    ).toThrow(/people living in it, not on km²/);
  });

  it("sizeGroundForce(interposition, 0 km) needs no troops at all", () => {
    const s = sizeGroundForce({ mission: "interposition", geometry: { lineKm: 0 } });
    expect(s.deployedTroops).toBe(0);
    expect(s.generatedTroops).toBe(0);
  });

  it("sizeGroundForce reads a scenario's own rotation factor through its alias", () => {
    const parameters = resolveParameters({
      parameters: [
        { id: "rotation_factor", unit: "ratio", distribution: { kind: "point", value: 2 }, source: "x" },
      ],
    });
    const s = sizeGroundForce({ mission: "observation", geometry: { lineKm: 1000 } }, { parameters });
    expect(s.generatedTroops).toBe(310);
  });

  it("sizeGroundForce(reassurance by line, robust observation) is a RangeError naming what the mission takes", () => {
    expect(() => sizeGroundForce({ mission: "reassurance", geometry: { lineKm: 10 } })).toThrow(
      /robust by sites/,
    );
    expect(() =>
      sizeGroundForce({ mission: "observation", posture: "robust", geometry: { lineKm: 10 } }),
    ).toThrow(/unarmed by line, light by line/);
    expect(() => sizeGroundForce({ mission: "observation", geometry: { lineKm: -1 } })).toThrow(RangeError);
  });

  it("property: a longer line never needs fewer troops, for every line mission and posture", () => {
    const lineClasses = SIZING_CLASSES.filter((c) => c.geometry === "line");
    fc.assert(
      fc.property(
        fc.constantFrom(...lineClasses),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        (c, a, b) => {
          const [short, long] = a <= b ? [a, b] : [b, a];
          const input = { mission: c.missions[0]!, posture: c.posture };
          const s = sizeGroundForce({ ...input, geometry: { lineKm: short } });
          const l = sizeGroundForce({ ...input, geometry: { lineKm: long } });
          return l.deployedTroops >= s.deployedTroops && l.generatedTroops >= s.generatedTroops;
        },
      ),
    );
  });

  it("property: the 90% interval always contains the point, for every class and amount", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SIZING_CLASSES),
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        (c, x) => {
          const amount = c.geometry === "sites" ? Math.ceil(x / 1e5) : c.geometry === "line" ? x / 1e3 : x;
          const geometry =
            c.geometry === "line"
              ? { lineKm: amount }
              : c.geometry === "population"
                ? { population: amount }
                : { sites: amount };
          const s = sizeGroundForce({ mission: c.missions[0]!, posture: c.posture, geometry });
          return s.deployedTroops90[0] <= s.deployedTroops && s.deployedTroops <= s.deployedTroops90[1];
        },
      ),
    );
  });

  it("every scenario ground mission has a class at its default posture", () => {
    for (const m of GROUND_MISSIONS) {
      const geometry = m === "reassurance" ? { sites: 2 } : { lineKm: 100 };
      expect(sizeGroundForce({ mission: m, geometry }).deployedTroops, m).toBeGreaterThan(0);
    }
  });
});
