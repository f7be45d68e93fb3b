import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCli } from "../helpers.js";

const MINI = readFileSync(join(FIXTURES, "mini.yaml"), "utf8");

/** mini.yaml with `dims` added before its rules and `rules` appended to them, in a fresh folder. */
function scenario(dims: string, rules = ""): string {
  const dir = mkdtempSync(join(tmpdir(), "guarantor-work-"));
  writeFileSync(join(dir, "s.yaml"), MINI.replace("rules:\n", `${dims}rules:\n${rules}`));
  return dir;
}

const dim = (id: string, n: number) =>
  `  - id: ${id}\n    options:\n${Array.from({ length: n }, (_, i) => `      - id: o${i}\n`).join("")}`;

describe("bounded work: a space is measured before it is enumerated or counted", () => {
  it("12 dimensions × 10 options linked by rules to one dimension: schemes --count refuses at once, with the numbers", async () => {
    const dims = Array.from({ length: 12 }, (_, i) => dim(`d${i}`, 10)).join("") + dim("hub", 2);
    const rules = Array.from(
      { length: 12 },
      (_, i) => `  - id: r${i}\n    forbid: { d${i}: o0, hub: o0 }\n    reason: linked\n`,
    ).join("");
    const r = await runCli(["schemes", "s.yaml", "--count"], scenario(dims, rules));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^guarantor schemes: the space cannot be counted exactly within the budget: more than 250,000 combinations of options at dimension d\d+, where the options of d0 \(10 options\), .* must be kept apart because rules link them to later dimensions; there are at most 36,000,000,000,000 schemes \(the raw count\)\. Fix some of these dimensions with --where/,
    );
    // Fixing most of the linked dimensions makes it countable.
    const where = Array.from({ length: 8 }, (_, i) => `d${i}=o1`).join(",");
    const fixed = await runCli(["schemes", "s.yaml", "--count", "--where", where], scenario(dims, rules));
    expect(fixed.code, fixed.stderr).toBe(0);
  });

  it("a space above 2^27 schemes is refused by analyze before any work, naming --where and --max-schemes", async () => {
    const dims = Array.from({ length: 28 }, (_, i) => dim(`b${i}`, 2)).join("");
    const r = await runCli(["analyze", "s.yaml"], scenario(dims));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "guarantor analyze: the space has 3,221,225,472 consistent schemes, more than the 50,000,000 allowed (--max-schemes); fix some dimensions with --where dim=option,..., give them fewer options, or raise --max-schemes (up to 2,000,000,000; the work grows with the number of schemes)\n",
    );
    for (const cmd of ["consensus", "sensitivity"]) {
      const other = await runCli([cmd, "s.yaml"], scenario(dims));
      expect(other.code).toBe(2);
      expect(other.stderr).toMatch(/the space has 3,221,225,472 consistent schemes/);
    }
  });

  it("a dimension with 1,000 options multiplies the space: analyze refuses it, --where brings it back", async () => {
    const dir = scenario(dim("wide", 1000));
    expect((await runCli(["analyze", "s.yaml", "--max-schemes", "5000"], dir)).stderr).toMatch(
      /the space has 12,000 consistent schemes, more than the 5,000 allowed/,
    );
    const ok = await runCli(
      ["analyze", "s.yaml", "--max-schemes", "5000", "--where", "wide=o7", "--json"],
      dir,
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).counts.consistent).toBe(12);
  });

  it("--max-schemes takes a whole number up to 2,000,000,000", async () => {
    const r = await runCli(["analyze", join(FIXTURES, "mini.yaml"), "--max-schemes", "1e9"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-schemes: expected a whole number ≥ 1 ≤ 2000000000, got "1e9"/);
  });
});
