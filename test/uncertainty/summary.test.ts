import { describe, expect, it } from "vitest";
import {
  MonteCarloKernel,
  runBlocks,
  summarizeMonteCarlo,
  uncertainInputs,
} from "../../src/uncertainty/index.js";
import { fieldScenario } from "../helpers.js";

describe("summarizeMonteCarlo", () => {
  it("summarizeMonteCarlo(262,144 schemes all tied on P(feasible and accepted)) ranks them without overflowing the call stack", () => {
    // Every scheme of a field with no stance and no requirement is feasible and accepted in every draw, so all
    // tie; the flagship of 20 Aug 2025, where no scheme is accepted by all, ties its 945,200 schemes the same way.
    const dims = Array.from({ length: 18 }, (_, i) => ({ id: `d${i}`, options: [{ id: "a" }, { id: "b" }] }));
    const c = fieldScenario(dims);
    const kernel = new MonteCarloKernel(c);
    expect(kernel.n).toBe(2 ** 18);
    const merged = runBlocks(c.scenario, kernel, { samples: 1 }, [0]);
    const u = summarizeMonteCarlo(
      c,
      kernel,
      merged,
      uncertainInputs(c.scenario),
      { samples: 1 },
      {
        feasible: kernel.n,
        acceptedByAll: kernel.n,
        both: kernel.n,
        accepts: {},
        distance: 0,
        focusDeterrence: Number.NaN,
        focusCostUsdMPerYear: Number.NaN,
        focus: undefined,
      },
    );
    expect(u.mostProbable).toHaveLength(10);
    // Ties go to enumeration order.
    expect(u.mostProbable.map((x) => x.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
