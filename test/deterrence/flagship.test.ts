import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareSchemes, readMechanismAttributes } from "../../src/deterrence/index.js";
import { partyVerdicts } from "../../src/politics/index.js";
import { brokenRule } from "../../src/scenario/compile.js";
import { compileFile, ROOT, repairScheme, scheme } from "./helpers.js";

const FLAGSHIP = join(ROOT, "scenarios", "ukraine-2025-08.yaml");

describe("flagship scenario: in-place reassurance force against air support from Poland and Romania only", () => {
  const c = compileFile(FLAGSHIP);
  // The rest of each scheme is fixed here, then repaired against the scenario's consistency rules without
  // touching the dimensions compared (the file is written in parallel and its rules still change).
  const BASE =
    "commitment=article5_like,command=lead_nations,isr=european_drones,air_defence=none," +
    "enablers=european_training_logistics,materiel=sustained,financing=shared_as_2022_2024," +
    "ukraine_force=army_800k,nato_path=membership_deferred,sequencing=ceasefire_first," +
    "scope=controlled_territory,air=air_policing_from_neighbours";
  const KEEP = ["commitment", "scope", "ground_presence", "air", "ukraine_force", "materiel", "enablers"];
  const reassurance = repairScheme(
    c,
    scheme(
      c,
      `${BASE},ground_presence=reassurance_in_depth,ground_providers=european_coalition,basing=rotational`,
    ),
    KEEP,
  );
  const airFromNeighbours = repairScheme(
    c,
    scheme(c, `${BASE},ground_presence=none,ground_providers=none,basing=none`),
    KEEP,
  );

  it("both schemes are consistent and differ in the ground force only: a force in Ukraine, or European aircraft outside it alone", () => {
    expect(brokenRule(c, reassurance)).toBeUndefined();
    expect(brokenRule(c, airFromNeighbours)).toBeUndefined();
    const a = readMechanismAttributes(c, reassurance);
    const b = readMechanismAttributes(c, airFromNeighbours);
    expect(a).toMatchObject({ groundMission: "reassurance", troopsInProtectedState: true });
    expect(b).toMatchObject({
      groundMission: "none",
      troopsInProtectedState: false,
      airPolicing: true,
      aircraftInProtectedState: false,
      usAirSupport: false,
    });
  });

  it("the reassurance force deters more; the reasons name direct defence at 0 h and the forces-in-place factor", () => {
    const cmp = compareSchemes(c, reassurance, airFromNeighbours, {
      evaluators: {
        acceptability: (cc, s) =>
          Object.fromEntries(
            partyVerdicts(cc, s).map((v) => [
              v.party,
              { accepts: v.accepts, reasons: v.redLines.map((r) => r.id) },
            ]),
          ),
      },
    });
    expect(cmp.deterrence.higher).toBe("a");
    expect(cmp.a.presence).toBe("in_place");
    expect(cmp.b.presence).toBe("over_the_horizon");
    // The biggest single difference: the force in place defends at once; without it, direct defence waits for
    // consultations and the first aircraft from Poland or Romania.
    expect(cmp.terms[0]?.step).toBe("direct_defence");
    expect(cmp.a.ladder.steps.find((s) => s.kind === "direct_defence")?.timeHours).toBe(0);
    expect(cmp.b.ladder.steps.find((s) => s.kind === "direct_defence")?.timeHours).toBeGreaterThan(72);
    expect(cmp.reasons.some((r) => r.startsWith("forces in place: 0.60 (A) vs 0.00 (B)"))).toBe(true);
    expect(cmp.reasons.some((r) => r.startsWith("direct defence: contribution"))).toBe(true);
    // Both have the same air policing from Poland and Romania; with a force in place it is likelier to be used.
    const airA = cmp.terms.find((t) => t.step === "air_support")!;
    expect(airA.a!.probability).toBeGreaterThan(airA.b!.probability);
    expect(cmp.reasons.some((r) => r.startsWith("air support: contribution"))).toBe(true);
    // Air support from outside Ukraine flies from Polish or Romanian bases, by European air forces only.
    const air = cmp.b.ladder.steps.find((s) => s.kind === "air_support")!;
    expect(air.actors).not.toContain("USA");
    expect(cmp.b.ladder.airResponse?.detail).toMatch(/from (EP|LR)/);
    expect(cmp.acceptability).toBeDefined();
  });
});
