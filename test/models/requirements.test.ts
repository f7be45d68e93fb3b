import { describe, expect, it } from "vitest";
import {
  makeRequirementEvaluator,
  REQ_AIR_DEFENCE_BATTERIES,
  REQ_COST_USD_M_PER_YEAR,
  REQ_DEPLOYED_TROOPS,
  REQ_DRONE_ORBITS,
  REQ_LENGTH,
  REQ_NAMES,
  REQ_TROOPS,
  schemeRequirements,
} from "../../src/models/requirements/index.js";
import {
  type CompiledScenario,
  compileScenario,
  isConsistent,
  parseAssignment,
} from "../../src/scenario/compile.js";
import { CAPABILITIES } from "../../src/scenario/schema.js";
import { enumerateSchemes } from "../../src/space/index.js";
import { compileFile, FIXTURE, flagship } from "./helpers.js";

const c = compileFile(FIXTURE);

function scheme(cs: CompiledScenario, spec: string): Int32Array {
  const p = parseAssignment(cs, spec);
  if (!p.ok) throw new Error(p.errors.join("; "));
  return Int32Array.from(cs.dims.map((_, i) => p.value.get(i) ?? 0));
}

function agree(cs: CompiledScenario, every = 1, max = Infinity): number {
  const ev = makeRequirementEvaluator(cs);
  const out = new Float64Array(REQ_LENGTH);
  let n = 0;
  let k = 0;
  for (const s of enumerateSchemes(cs)) {
    if (k++ % every !== 0) continue;
    ev(s, out);
    const r = schemeRequirements(cs, s);
    const readable = [...CAPABILITIES.map((cap) => r[cap]), r.costUsdMPerYear, r.deployedTroops];
    for (let i = 0; i < REQ_LENGTH; i++) {
      if (Math.abs(out[i]! - readable[i]!) > 1e-6 * Math.max(1, Math.abs(readable[i]!))) {
        throw new Error(`${REQ_NAMES[i]}: fast ${out[i]} vs readable ${readable[i]}`);
      }
    }
    if (++n >= max) break;
  }
  return n;
}

describe("schemeRequirements", () => {
  it("schemeRequirements(monitors along the whole line, nothing else) needs 465 troops and no aircraft", () => {
    // Hand: unarmed observers (the default posture), 0.27 × 500 × (1000 / 500)^0.19 = 154.0 → 155 deployed;
    // × 3 (the fixture's rotation_factor mode) = 465.
    const r = schemeRequirements(c, scheme(c, "ground=monitors,air=none,isr=none,ad=none,support=none"));
    expect(r.troops).toBe(465);
    expect(r.deployedTroops).toBe(155);
    expect(r.fighters + r.tankers + r.aew + r.droneOrbits + r.airDefenceBatteries).toBe(0);
    // 155 × 6.5 kg = 1.0 t/day; 10 % flown = 0.1 t → 0.0022 sorties/day → ⌈0.0022 / 1 / 0.6⌉ = 1 airlifter.
    expect(r.airlift).toBe(1);
    expect(r.costUsdMPerYear).toBeCloseTo(155 * 0.5, 9);
    // The breakdown carries the calibration's 90% intervals for the deployed and generated troops.
    const deployed = r.breakdown.find((l) => l.id === "ground.deployed")!;
    expect(deployed.interval90).toEqual([28, 839]);
    expect(r.breakdown.find((l) => l.id === "ground.generated")!.interval90).toEqual([84, 2517]);
    expect(r.currency).toEqual({ code: "USD", year: 2024 });
  });

  it("schemeRequirements(full ISR, three defended cities) needs 10 orbits and 6 batteries covering 76 % of people", () => {
    const r = schemeRequirements(c, scheme(c, "ground=none,air=none,isr=full,ad=three,support=none"));
    // ⌈1000 km × 1 / 100 km per orbit⌉ = 10.
    expect(r.droneOrbits).toBe(10);
    // Kyiv: r = √(2,952,301 / (π × 3000)) = 17.7 km < 20 km → max(2, 1) = 2; the same for Kharkiv and Odesa.
    expect(r.airDefenceBatteries).toBe(6);
    const share = r.breakdown.find((l) => l.id === "ad.population_share")!.value;
    // (2,952,301 + 1,421,125 + 1,010,537) / 7,069,738 = 0.7616.
    expect(share).toBeCloseTo(0.7616, 4);
  });

  it("schemeRequirements(air policing without qra_bases) holds 2 QRA bases of 2 × 2.4 aircraft: 10 fighters [5, 18]", () => {
    const r = schemeRequirements(c, scheme(c, "ground=none,air=policing,isr=none,ad=none,support=none"));
    // air.policing_detachments (2) bases × 2 on alert × 2.4 = 9.6 → 10; interval 9.6 ×/÷ exp(1.645 × 0.35).
    expect(r.fighters).toBe(10);
    const line = r.breakdown.find((l) => l.id === "air.policing")!;
    expect(line.interval90).toEqual([5, 18]);
    expect(line.inputs.map((i) => i.name)).toContain("air.policing_detachments");
  });

  it("schemeRequirements traces every breakdown input to a source", () => {
    const r = schemeRequirements(c, scheme(c, "ground=buffer,air=cap2,isr=full,ad=three,support=arms"));
    expect(r.breakdown.length).toBeGreaterThan(10);
    for (const line of r.breakdown) {
      expect(line.formula.length).toBeGreaterThan(0);
      for (const input of line.inputs)
        expect(input.source.length, `${line.id} ${input.name}`).toBeGreaterThan(0);
    }
    expect(r.breakdown.find((l) => l.id === "ground.deployed")!.inputs.map((i) => i.source)).toContain(
      "scheme ground=buffer",
    );
  });

  it("schemeRequirements rejects an unknown ground_mission with the option that sets it", () => {
    const bad = structuredClone(c.scenario);
    bad.dimensions[0]!.options[1]!.attributes.ground_mission = "patrol";
    const cb = compileScenario(bad);
    expect(() => schemeRequirements(cb, scheme(cb, "ground=monitors"))).toThrow(/patrol.*ground=monitors/);
  });
});

describe("makeRequirementEvaluator", () => {
  it("makeRequirementEvaluator agrees with schemeRequirements on every consistent scheme of the fixture", () => {
    const all = [...enumerateSchemes(c)].length;
    expect(agree(c)).toBe(all);
  });

  it("makeRequirementEvaluator agrees with schemeRequirements on a sample of the flagship's schemes", () => {
    const f = flagship();
    expect(agree(f, 197, 800)).toBeGreaterThan(100);
  });

  it("makeRequirementEvaluator lays capabilities out in CAPABILITIES order, then cost and deployed troops", () => {
    expect(REQ_NAMES.slice(0, CAPABILITIES.length)).toEqual([...CAPABILITIES]);
    expect(REQ_NAMES[REQ_COST_USD_M_PER_YEAR]).toBe("costUsdMPerYear");
    expect(REQ_NAMES[REQ_DEPLOYED_TROOPS]).toBe("deployedTroops");
    const ev = makeRequirementEvaluator(c);
    const out = new Float64Array(REQ_LENGTH).fill(7);
    const s = scheme(c, "ground=reassurance,air=none,isr=full,ad=three,support=none");
    expect(isConsistent(c, s)).toBe(true);
    ev(s, out);
    // 3 sites: 400 + 3 × 4200 × 1.3 = 16,780 deployed, × 3 = 50,340.
    expect(out[REQ_TROOPS]).toBe(50340);
    expect(out[REQ_DRONE_ORBITS]).toBe(10);
    expect(out[REQ_AIR_DEFENCE_BATTERIES]).toBe(6);
  });
});
