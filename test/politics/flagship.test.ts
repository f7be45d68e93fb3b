/**
 * On the flagship scenario, answers a reader can check against the article (Deep News, 20 Aug 2025).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeConsensus, compileStances, partyVerdicts } from "../../src/politics/index.js";
import { type CompiledScenario, parseAssignment } from "../../src/scenario/compile.js";
import { enumerateSchemes, optionFilter } from "../../src/space/index.js";
import { compileFile, ROOT } from "../helpers.js";

// The flagship must load: a broken file fails here with its located errors, never skips.
const c: CompiledScenario = compileFile(join(ROOT, "scenarios", "ukraine-2025-08.yaml"));

/** Up to `limit` consistent schemes with the given options fixed. */
function schemesWith(c: CompiledScenario, spec: string, limit = 300): Int32Array[] {
  const a = parseAssignment(c, spec);
  if (!a.ok) throw new Error(a.errors.join("; "));
  const out: Int32Array[] = [];
  for (const s of enumerateSchemes(c, { filter: optionFilter(c, a.value) })) {
    out.push(Int32Array.from(s));
    if (out.length >= limit) break;
  }
  return out;
}

/** The analysis restricted to the schemes with the given options. */
function analyzeWith(c: CompiledScenario, spec: string) {
  const a = parseAssignment(c, spec);
  if (!a.ok) throw new Error(a.errors.join("; "));
  return analyzeConsensus(compileStances(c), enumerateSchemes(c, { filter: optionFilter(c, a.value) }));
}

describe("politics on the flagship scenario", () => {
  const sc = c;
  it("analyzeConsensus(every scheme with European NATO troops in Ukraine): RUS accepts none, Zakharova's line excludes all", () => {
    const a = analyzeWith(sc, "ground_presence=reassurance_in_depth,ground_providers=european_coalition");
    expect(a.schemes).toBeGreaterThan(0);
    const rus = a.acceptance.find((x) => x.party === "RUS")!;
    expect(rus.accepts).toBe(0);
    const line = sc.scenario.actors
      .find((x) => x.id === "RUS")!
      .stance!.redLines.find((r) => r.source === "zakharova-2025-08-19")!;
    expect(rus.redLines.find((r) => r.id === line.id)!.excludes).toBe(a.schemes);
    // The smallest concession that unlocks such a scheme includes dropping that line.
    expect(a.concessions.sets[0]!.changes).toContainEqual(
      expect.objectContaining({ kind: "dropRedLine", party: "RUS", source: "zakharova-2025-08-19" }),
    );
  }, 60_000);

  it("analyzeConsensus(every scheme with a political declaration only): UKR accepts none", () => {
    const a = analyzeWith(sc, "commitment=political_declaration");
    expect(a.schemes).toBeGreaterThan(0);
    expect(a.acceptance.find((x) => x.party === "UKR")!.accepts).toBe(0);
  }, 60_000);

  it("partyVerdicts(NATO-country troops in Ukraine) has RUS reject, citing Zakharova on 19 Aug 2025", () => {
    const schemes = schemesWith(
      sc,
      "ground_presence=reassurance_in_depth,ground_providers=european_coalition",
    );
    expect(schemes.length).toBeGreaterThan(0);
    for (const s of schemes) {
      const rus = partyVerdicts(sc, s).find((v) => v.party === "RUS")!;
      expect(rus.accepts).toBe(false);
      expect(rus.redLines.map((r) => r.source)).toContain("zakharova-2025-08-19");
    }
  }, 60_000);

  it("partyVerdicts(a political declaration only) has UKR fall short on Zhao Long's binding and enforceable guarantee", () => {
    const schemes = schemesWith(sc, "commitment=political_declaration");
    expect(schemes.length).toBeGreaterThan(0);
    for (const s of schemes) {
      const ukr = partyVerdicts(sc, s).find((v) => v.party === "UKR")!;
      expect(ukr.accepts).toBe(false);
      expect(ukr.utility).toBeLessThan(ukr.reservation);
      const binding = ukr.shortfalls.find((x) => x.source === "zhao-long-2025-08-20" && x.score === 0);
      expect(binding?.id).toBe("binding-enforceable");
      expect(ukr.shortfalls[0]!.id).toBe("binding-enforceable");
    }
  }, 60_000);

  it("analyzeConsensus(flagship): no scheme of the zone puts NATO-country troops in Ukraine or lets Ukraine join NATO", () => {
    const a = analyzeConsensus(compileStances(sc), enumerateSchemes(sc), { top: 20 });
    const troops = sc.attributes[sc.attrIndex.get("troops_in_protected_state")!]!;
    const nato = sc.attributes[sc.attrIndex.get("troops_from_nato")!]!;
    const inNato = sc.attributes[sc.attrIndex.get("in_nato")!]!;
    for (const s of a.zone.best) {
      expect(troops.values[s.scheme[troops.dim]!] === true && nato.values[s.scheme[nato.dim]!] === true).toBe(
        false,
      );
      expect(inNato.values[s.scheme[inNato.dim]!]).toBe(false);
    }
    if (a.nash) expect(a.nash.accepts.every(Boolean)).toBe(true);
    expect(a.distance!.value === 0).toBe(a.zone.size > 0);
  }, 60_000);
});
