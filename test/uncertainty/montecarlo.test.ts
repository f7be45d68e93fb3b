import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateSchemes } from "../../src/explore/index.js";
import { mulberry32 } from "../../src/random/index.js";
import { type CompiledScenario, parseAssignment } from "../../src/scenario/compile.js";
import { distributionQuantile, sampleDistribution } from "../../src/scenario/index.js";
import { optionFilter } from "../../src/space/index.js";
import {
  confidenceDistribution,
  inProcessExecutor,
  MonteCarloKernel,
  mergeBlocks,
  planTasks,
  runBlocks,
  uncertainInputs,
} from "../../src/uncertainty/index.js";
import { compileFile, ROOT, runCli } from "../helpers.js";
import { randomScenario } from "../politics/random-scenario.js";

const FLAGSHIP = `${ROOT}/scenarios/ukraine-2025-08.yaml`;
/** A corner of the flagship, small enough for several Monte-Carlo runs in a test. */
const CORNER =
  "commitment=article5_like,ground_presence=none,materiel=sustained,basing=none,financing=shared_as_2022_2024,territory=freeze_on_line,russia_role=none,sanctions=kept";

let c: CompiledScenario;
beforeAll(() => {
  c = compileFile(FLAGSHIP);
});

function cornerFilter() {
  const a = parseAssignment(c, CORNER);
  if (!a.ok) throw new Error(a.errors.join("; "));
  return optionFilter(c, a.value);
}

/** Whole-flagship runs (945,200 schemes) take a minute alone and more on a loaded 2-core machine. */
const FLAGSHIP_TIMEOUT_MS = 300_000;

describe("Monte Carlo", () => {
  it(
    "analyze --samples 24 --json is bit-identical with --workers 1, 2 and 4; another seed changes it",
    async () => {
      const out = await Promise.all(
        ["1", "2", "4"].map((w) =>
          runCli(["analyze", "--where", CORNER, "--samples", "24", "--workers", w, "--json"]),
        ),
      );
      for (const r of out) expect(r.code).toBe(0);
      expect(out[1]!.stdout).toBe(out[0]!.stdout);
      expect(out[2]!.stdout).toBe(out[0]!.stdout);
      const u = JSON.parse(out[0]!.stdout).uncertainty;
      expect(u.samples).toBe(24);
      expect(u.headline.feasible.p5).toBeLessThanOrEqual(u.headline.feasible.p95);
      const again = await runCli([
        "analyze",
        "--where",
        CORNER,
        "--samples",
        "24",
        "--workers",
        "2",
        "--json",
      ]);
      expect(again.stdout).toBe(out[0]!.stdout);
      const other = await runCli(["analyze", "--where", CORNER, "--samples", "24", "--seed", "7", "--json"]);
      expect(JSON.parse(other.stdout).uncertainty.headline).not.toEqual(u.headline);
    },
    FLAGSHIP_TIMEOUT_MS,
  );

  it(
    "with every input at its stated value, every probability is 0 or 1 and equals the deterministic verdict, on every scheme of the flagship",
    () => {
      const kernel = new MonteCarloKernel(c);
      const part = runBlocks(c.scenario, kernel, { samples: 2, collapse: true }, [0]);
      const table = evaluateSchemes(c);
      expect(kernel.n).toBe(table.n);
      const P = kernel.parties.length;
      const N = part.counts.draws;
      expect(N).toBe(2);
      let mismatches = 0;
      for (let s = 0; s < table.n; s++) {
        if (part.counts.feasible[s] !== N * table.feasible[s]!) mismatches++;
        if (part.counts.acceptedByAll[s] !== N * table.acceptedAll[s]!) mismatches++;
        for (let p = 0; p < P; p++)
          if (part.counts.accepts[s * P + p] !== N * table.accepts[s * P + p]!) mismatches++;
      }
      expect(mismatches).toBe(0);
      // The draw's figures are the deterministic counts.
      const f = part.figures[0]!;
      expect(f.feasible).toBe(table.feasible.reduce((a, b) => a + b, 0));
      expect(f.acceptedByAll).toBe(table.acceptedAll.reduce((a, b) => a + b, 0));
    },
    FLAGSHIP_TIMEOUT_MS,
  );

  it("property: P(accepted by all) ≤ min over parties of P(accepted by that party), for every scheme", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const rc = randomScenario(seed, [0, 2]);
        // Give every party's reservation a spread so that draws differ.
        for (const a of rc.scenario.actors)
          if (a.stance)
            a.stance.reservation = {
              ...a.stance.reservation,
              distribution: {
                kind: "uniform",
                min: 0,
                max: Math.min(1, 2 * a.stance.reservation.value) || 1,
              },
            };
        const kernel = new MonteCarloKernel(rc);
        const part = runBlocks(rc.scenario, kernel, { samples: 16, seed }, [0, 1]);
        const P = kernel.parties.length;
        for (let s = 0; s < kernel.n; s++) {
          let min = Number.POSITIVE_INFINITY;
          for (let p = 0; p < P; p++) min = Math.min(min, part.counts.accepts[s * P + p]!);
          if (P > 0) expect(part.counts.acceptedByAll[s]!).toBeLessThanOrEqual(min);
          expect(part.counts.both[s]!).toBeLessThanOrEqual(
            Math.min(part.counts.acceptedByAll[s]!, part.counts.feasible[s]!),
          );
        }
      }),
      { numRuns: 40 },
    );
  });

  it("merging blocks does not depend on how they are shared out: any split gives the same counters", async () => {
    const filter = cornerFilter();
    const kernel = new MonteCarloKernel(c, { filter });
    const options = { samples: 40, seed: 3, filter };
    const run = async (parts: number) =>
      mergeBlocks(await inProcessExecutor(c.scenario, kernel, options)(planTasks(40, parts)), kernel);
    const one = await run(1);
    const three = await run(3);
    expect(Array.from(three.counts.accepts)).toEqual(Array.from(one.counts.accepts));
    expect(Array.from(three.counts.deterrence)).toEqual(Array.from(one.counts.deterrence));
    expect(three.figures).toEqual(one.figures);
  });
});

describe("uncertain inputs", () => {
  it("uncertainInputs(flagship) finds the stated distributions and derives the rest from confidence", () => {
    const inputs = uncertainInputs(c.scenario);
    expect(inputs.length).toBeGreaterThan(20);
    expect(new Set(inputs.map((x) => x.id)).size).toBe(inputs.length);
    for (const x of inputs) {
      if (x.kind === "bernoulli") expect(x.probability).toBeGreaterThan(0);
      else expect(x.distribution).toBeDefined();
    }
    expect(inputs.some((x) => x.id.startsWith("actors.RUS.stance."))).toBe(true);
  });

  it("confidenceDistribution: a share keeps to [0, 1], a quantity stays positive, certainty gives no spread", () => {
    expect(confidenceDistribution(0.9, 0.5, "unit")).toEqual({
      kind: "triangular",
      min: 0.65,
      mode: 0.9,
      max: 1,
    });
    expect(confidenceDistribution(100, 0.8, "positive")).toEqual({
      kind: "triangular",
      min: 80,
      mode: 100,
      max: 120,
    });
    expect(confidenceDistribution(0.4, 1, "unit")).toBeUndefined();
    expect(confidenceDistribution(0, 0.3, "positive")).toBeUndefined();
  });

  it("property: distributionQuantile(d, q) leaves a share q of the draws below it, for every kind", () => {
    const kinds = [
      { kind: "uniform" as const, min: 2, max: 9 },
      { kind: "triangular" as const, min: 0, mode: 1, max: 5 },
      { kind: "pert" as const, min: 10, mode: 12, max: 30 },
      { kind: "lognormal" as const, median: 3, sigma: 0.7 },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.double({ min: 0.02, max: 0.98, noNaN: true }), (d, q) => {
        const x = distributionQuantile(d, q);
        const random = mulberry32(99);
        let below = 0;
        const n = 20_000;
        for (let i = 0; i < n; i++) if (sampleDistribution(d, random) <= x) below++;
        // Binomial standard error at n = 20,000 is at most 0.0036: allow 5 of them.
        expect(Math.abs(below / n - q)).toBeLessThan(0.018);
      }),
      { numRuns: 40 },
    );
  });
});
