import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sizeGroundForce } from "../../src/models/ground.js";
import { resolveParameters } from "../../src/parameters/index.js";
import { GROUND_MISSIONS } from "../../src/scenario/index.js";

describe("sizeGroundForce", () => {
  it("sizeGroundForce(observation, 1000 km) deploys 400 + 2.1 × 1000 × 1.3 and generates three times that", () => {
    // Hand: core = 2.1 × 1000 = 2100; enablers = 0.3 × 2100 = 630; fixed HQ 400 → 3130 deployed; × 3 = 9390.
    const s = sizeGroundForce({ mission: "observation", geometry: { lineKm: 1000 } });
    expect(s.coreTroops).toBeCloseTo(2100, 9);
    expect(s.deployedTroops).toBe(3130);
    expect(s.generatedTroops).toBe(9390);
  });

  it("sizeGroundForce(reassurance, 3 sites, rotation 2) deploys three brigades plus HQ and halves the generation", () => {
    // Hand: 3 × 4200 = 12600; × 1.3 = 16380; + 400 = 16780; rule of halves × 2 = 33560.
    const s = sizeGroundForce({ mission: "reassurance", geometry: { sites: 3 } }, { rotation: 2 });
    expect(s.deployedTroops).toBe(16780);
    expect(s.generatedTroops).toBe(33560);
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
    expect(s.generatedTroops).toBe(6260);
  });

  it("sizeGroundForce(reassurance, by line) is a RangeError naming the geometry it takes", () => {
    expect(() => sizeGroundForce({ mission: "reassurance", geometry: { lineKm: 10 } })).toThrow(/sites/);
    expect(() => sizeGroundForce({ mission: "observation", geometry: { lineKm: -1 } })).toThrow(RangeError);
  });

  it("property: a longer line never needs fewer troops, for every line mission", () => {
    const lineMissions = GROUND_MISSIONS.filter((m) => m !== "reassurance");
    fc.assert(
      fc.property(
        fc.constantFrom(...lineMissions),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        (mission, a, b) => {
          const [short, long] = a <= b ? [a, b] : [b, a];
          const s = sizeGroundForce({ mission, geometry: { lineKm: short } });
          const l = sizeGroundForce({ mission, geometry: { lineKm: long } });
          return l.deployedTroops >= s.deployedTroops && l.generatedTroops >= s.generatedTroops;
        },
      ),
    );
  });
});
