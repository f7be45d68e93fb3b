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
  it("analyzeConsensus(every scheme with European NATO troops in Ukraine): RUS accepts none; Zakharova's line and the memorandum's exclude them all", () => {
    const a = analyzeWith(sc, "ground_presence=reassurance_in_depth,ground_providers=european_coalition");
    expect(a.schemes).toBeGreaterThan(0);
    const rus = a.acceptance.find((x) => x.party === "RUS")!;
    expect(rus.accepts).toBe(0);
    for (const id of ["no-nato-contingents", "no-third-country-military-activity"])
      expect(rus.redLines.find((r) => r.id === id)!.excludes, id).toBe(a.schemes);
    // Dropping Zakharova's line alone is not enough: the smallest concession drops the memorandum's ban too.
    const drops = a.concessions.sets[0]!.changes.filter((x) => x.kind === "dropRedLine" && x.party === "RUS");
    expect(drops).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: "zakharova-2025-08-18" }),
        expect.objectContaining({
          source: "rus-memorandum-2025-06-02",
          redLine: "no-third-country-military-activity",
        }),
      ]),
    );
  }, 60_000);

  it("analyzeConsensus(every scheme short of an Article-5-like treaty): UKR accepts none", () => {
    for (const spec of ["commitment=political_declaration", "commitment=bilateral_agreements"]) {
      const a = analyzeWith(sc, spec);
      expect(a.schemes).toBeGreaterThan(0);
      expect(a.acceptance.find((x) => x.party === "UKR")!.accepts, spec).toBe(0);
    }
  }, 60_000);

  it("partyVerdicts(NATO-country troops in Ukraine) has RUS reject, citing Zakharova on 18 Aug 2025 in her words", () => {
    const schemes = schemesWith(
      sc,
      "ground_presence=reassurance_in_depth,ground_providers=european_coalition",
    );
    expect(schemes.length).toBeGreaterThan(0);
    for (const s of schemes) {
      const rus = partyVerdicts(sc, s).find((v) => v.party === "RUS")!;
      expect(rus.accepts).toBe(false);
      expect(rus.redLines.map((r) => r.source)).toContain("zakharova-2025-08-18");
      // The verdict carries the party's own words for reports to show.
      expect(rus.redLines.find((r) => r.source === "zakharova-2025-08-18")?.quote).toMatch(
        /^Any scenarios involving the appearance of NATO military contingents in Ukraine are unacceptable/,
      );
    }
  }, 60_000);

  it("partyVerdicts(a political declaration only) has UKR reject on its own words: security that works in practice like Article 5", () => {
    const schemes = schemesWith(sc, "commitment=political_declaration");
    expect(schemes.length).toBeGreaterThan(0);
    for (const s of schemes) {
      const ukr = partyVerdicts(sc, s).find((v) => v.party === "UKR")!;
      expect(ukr.accepts).toBe(false);
      expect(ukr.redLines.find((r) => r.id === "article-5-in-practice")?.source).toBe(
        "ukr-zelensky-article5-2025-08-17",
      );
    }
  }, 60_000);

  it("partyVerdicts(the frozen line without recognition) has RUS reject on territory and UKR not; Russia's terms the other way round", () => {
    const freeze = schemesWith(sc, "territory=freeze_on_line", 100);
    for (const s of freeze) {
      const v = partyVerdicts(sc, s);
      const rus = v.find((x) => x.party === "RUS")!;
      const ukr = v.find((x) => x.party === "UKR")!;
      expect(rus.redLines.map((r) => r.id)).toEqual(
        expect.arrayContaining(["recognition-of-the-new-regions", "ukrainian-withdrawal"]),
      );
      expect(ukr.redLines.map((r) => r.id)).not.toContain("no-legal-recognition");
      expect(ukr.redLines.map((r) => r.id)).not.toContain("no-withdrawal-from-donbas");
    }
    for (const s of schemesWith(sc, "territory=four_oblasts_de_jure", 100)) {
      const v = partyVerdicts(sc, s);
      const rus = v.find((x) => x.party === "RUS")!;
      const ukr = v.find((x) => x.party === "UKR")!;
      expect(rus.redLines.map((r) => r.id)).not.toContain("recognition-of-the-new-regions");
      expect(rus.redLines.map((r) => r.id)).not.toContain("ukrainian-withdrawal");
      expect(ukr.redLines.map((r) => r.id)).toEqual(
        expect.arrayContaining(["no-legal-recognition", "no-withdrawal-from-donbas"]),
      );
    }
  }, 60_000);

  it("analyzeConsensus(flagship): no scheme is accepted by all; the smallest concession asks Russia to give up its territorial, neutrality, cap and guarantor terms", () => {
    const a = analyzeConsensus(compileStances(sc), enumerateSchemes(sc), { top: 5 });
    expect(a.zone.size).toBe(0);
    expect(a.nash).toBeUndefined();
    expect(a.distance!.value).toBeGreaterThan(0);
    const first = a.concessions.sets[0]!;
    const rus = first.changes
      .filter((x) => x.kind === "dropRedLine" && x.party === "RUS")
      .map((x) => (x.kind === "dropRedLine" ? x.redLine : ""));
    expect(rus.sort()).toEqual(
      [
        "caps-on-ukraines-forces",
        "neutrality",
        "recognition-of-the-new-regions",
        "russia-among-the-guarantors",
        "ukrainian-withdrawal",
      ].sort(),
    );
    // Every change in it is Russia's: the scheme it unlocks is one Kyiv and the Europeans already accept.
    expect(first.changes.every((x) => x.party === "RUS")).toBe(true);
    const unlocked = Object.fromEntries(sc.dims.map((d, i) => [d.id, d.options[first.scheme[i]!]!]));
    expect(unlocked).toMatchObject({
      commitment: "article5_like",
      ground_presence: "none",
      ukraine_force: "army_800k",
      nato_path: "membership_deferred",
      territory: "freeze_on_line",
      russia_role: "none",
    });
  }, 120_000);
});
