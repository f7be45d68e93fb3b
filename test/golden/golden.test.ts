/**
 * Golden fixtures for the models' outputs: for each scenario in test/fixtures/in/, the requirements, every
 * party's verdict, deterrence and feasibility of evenly spaced consistent schemes, and the consensus summary,
 * compared with test/fixtures/out/<name>.json (floats to 6 significant digits). `REGEN=1 npx vitest run
 * test/golden` rewrites them; review the diff before committing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeDeterrenceEvaluator } from "../../src/deterrence/index.js";
import { createSchemePass } from "../../src/explore/index.js";
import { schemeRequirements } from "../../src/models/index.js";
import { analyzeConsensus, compileStances } from "../../src/politics/index.js";
import { type CompiledScenario, schemeToObject } from "../../src/scenario/compile.js";
import { countSchemes, enumerateSchemes } from "../../src/space/index.js";
import { compileFile, FIXTURES } from "../helpers.js";

const IN = join(FIXTURES, "in");
const OUT = join(FIXTURES, "out");
/** Schemes kept per scenario, evenly spaced in enumeration order. */
const SAMPLE = 24;

/** Round every float to 6 significant digits, so that the goldens do not turn on the last bit. */
function rounded(v: unknown): unknown {
  if (typeof v === "number") return Number.isInteger(v) ? v : Number(v.toPrecision(6));
  if (Array.isArray(v)) return v.map(rounded);
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]));
  return v;
}

function golden(c: CompiledScenario) {
  const count = countSchemes(c);
  const n = Number(count.consistent);
  const step = Math.max(1, Math.floor(n / SAMPLE));
  const pass = createSchemePass(c);
  const deterrence = makeDeterrenceEvaluator(c);
  const parties = pass.stances.parties;
  const schemes: unknown[] = [];
  let i = 0;
  for (const s of enumerateSchemes(c)) {
    if (i++ % step !== 0 || schemes.length >= SAMPLE) continue;
    const req = schemeRequirements(c, s);
    const x = pass.score(s);
    const d = deterrence(s);
    schemes.push({
      scheme: schemeToObject(c, s),
      requirements: Object.fromEntries(
        Object.entries(req).filter(([k]) => k !== "breakdown" && k !== "currency"),
      ),
      parties: Object.fromEntries(
        parties.map((p, k) => [
          p.id,
          { utility: x.parties.utility[k], accepts: x.outcome.accepts[k] === 1, margin: x.outcome.margin[k] },
        ]),
      ),
      deterrence: { probability: d.probability, expectedCost: d.expectedCost },
      feasibility: x.feasibility,
      gaps: pass.coalitions[x.coalition]!.gaps,
    });
  }
  const k = analyzeConsensus(compileStances(c), enumerateSchemes(c));
  return rounded({
    counts: { raw: count.raw.toString(), consistent: count.consistent.toString() },
    schemes,
    consensus: {
      zone: k.zone.size,
      distance: k.distance?.value ?? null,
      nash: k.nash ? schemeToObject(c, k.nash.scheme) : null,
      maximin: k.maximin ? schemeToObject(c, k.maximin.scheme) : null,
      acceptance: Object.fromEntries(k.acceptance.map((a) => [a.party, a.accepts])),
    },
  });
}

describe("golden fixtures (test/fixtures/in → out)", () => {
  const inputs = readdirSync(IN)
    .filter((f) => f.endsWith(".yaml"))
    .sort();
  it("there are inputs to check", () => {
    expect(inputs.length).toBeGreaterThanOrEqual(4);
  });
  for (const f of inputs) {
    it(`models on ${f} give the golden outputs in out/${f.replace(/\.yaml$/, ".json")}`, () => {
      const got = golden(compileFile(join(IN, f)));
      const out = join(OUT, f.replace(/\.yaml$/, ".json"));
      if (process.env.REGEN === "1") writeFileSync(out, `${JSON.stringify(got, null, 2)}\n`);
      expect(existsSync(out), `${out} is missing: run REGEN=1 npx vitest run test/golden`).toBe(true);
      expect(got).toEqual(JSON.parse(readFileSync(out, "utf8")));
    });
  }
});
