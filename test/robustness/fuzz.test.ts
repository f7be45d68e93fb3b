import { describe, expect, it } from "vitest";
import { judge, runFuzz } from "../../scripts/fuzz.js";

const base = { id: 0, stdout: "", maxRssBytes: 0 };

describe("the fuzzing harness (npm run fuzz)", () => {
  it("judge() tells a clean rejection from a stack trace, an unlocated error, a hang and a NaN", () => {
    const clean = { ...base, code: 2, stderr: "s.yaml:3:7 title: expected string, got 42\n1 error\n" };
    expect(judge(clean, "")).toBeUndefined();
    expect(
      judge(
        {
          ...base,
          code: 2,
          stderr: "s.yaml (root): file too large: 9 bytes, at most 1 (whole file)\n1 error\n",
        },
        "",
      ),
    ).toBeUndefined();
    expect(
      judge(
        {
          ...base,
          code: 2,
          stderr: "guarantor analyze: the space has 9 consistent schemes, more than the 1 allowed\n",
        },
        "",
      ),
    ).toBeUndefined();
    expect(
      judge({ ...base, code: 2, stderr: "s.yaml theater.contactLine: expected object\n1 error\n" }, "")?.kind,
    ).toBe("unlocated");
    expect(
      judge({ ...base, code: 1, stderr: "", internal: "TypeError: x\n    at f (a.ts:1:2)" }, "")?.kind,
    ).toBe("stack-trace");
    expect(judge({ ...base, code: 0, stderr: "", stdout: "troops  Infinity" }, "title: x")?.kind).toBe(
      "non-finite",
    );
    expect(judge({ ...base, code: 0, stderr: "", stdout: "label NaN" }, "label: NaN")).toBeUndefined();
    expect(judge({ hang: true }, "")?.kind).toBe("hang");
    expect(judge({ crash: "worker died (SIGABRT)" }, "")?.kind).toBe("crash");
  });

  it("a short seeded run over the small scenarios and coalition problems finds no crash, hang, stack trace or unlocated error", async () => {
    const report = await runFuzz({
      seconds: 10,
      maxCopies: 50,
      seed: 20251204,
      seeds: "small",
      timeLimitMs: 30_000,
      minimiseTries: 10,
    });
    expect(report.inputs).toBeGreaterThanOrEqual(3);
    expect(report.commands).toBeGreaterThanOrEqual(report.inputs);
    expect(
      report.findings.map(
        (f) => `${f.kind}: guarantor ${f.args.join(" ")}: ${f.detail}\n${f.text.slice(0, 2000)}`,
      ),
    ).toEqual([]);
  }, 120_000);
});
