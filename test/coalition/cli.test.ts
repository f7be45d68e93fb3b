import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileText, ROOT, runCli } from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "guarantor-coalition-"));
const EXAMPLE = `{"requirements": {"troops": 20000, "fighters": 24},
 "contributors": [
   {"id": "GBR", "capacity": {"troops": 7500, "fighters": 12}, "unitCost": {"troops": 0.4, "fighters": 9}, "fixedCost": 5,
    "conditions": [{"kind": "requires", "actor": "USA", "capability": "fighters", "min": 1}]},
   {"id": "USA", "capacity": {"fighters": 40}, "unitCost": {"fighters": 10},
    "conditions": [{"kind": "maxShare", "capability": "fighters", "share": 0.5}]}],
 "objective": "min-cost"}`;
writeFileSync(join(dir, "p.json"), EXAMPLE);
writeFileSync(join(dir, "bad.json"), EXAMPLE.replace('"troops": 7500', '"troops": "lots"'));

describe("guarantor coalition", () => {
  it("coalition --problem p.json --json prints status, total cost, allocation and gaps of the issue's example", async () => {
    const r = await runCli(["coalition", "--problem", "p.json", "--json"], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.status).toBe("gaps");
    expect(out.totalCost).toBeCloseTo(3233, 9);
    expect(out.allocation).toEqual({ GBR: { troops: 7500, fighters: 12 }, USA: { fighters: 12 } });
    expect(out.gaps).toEqual({ troops: 12500 });
    expect(out.blocking.troops.reasons[0].kind).toBe("capacity");
  });

  it("coalition --problem p.json prints a table with cost shares and the gaps with their reasons", async () => {
    const r = await runCli(["coalition", "--problem", "p.json"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("objective min-cost: 2 of 2 willing contributors take part, total cost 3,233");
    expect(r.stdout).toMatch(/GBR\s+7,500\s+12\s+3,113\s+96\.3%/);
    expect(r.stdout).toContain("troops: 12,500 of 20,000 missing");
  });

  it("coalition --problem bad.json exits 2 with file:line:col and the field path", async () => {
    const r = await runCli(["coalition", "--problem", "bad.json"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json:3:41 contributors[0].capacity.troops: expected number, got "lots"');
  });

  it("coalition with a wrong objective, or with neither --problem nor --scheme, is a usage error", async () => {
    const a = await runCli(["coalition", "--problem", "p.json", "--objective", "cheapest"], dir);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--objective: expected one of min-cost, fair, fewest, got "cheapest"');
    const b = await runCli(["coalition"], dir);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("give either --problem p.json or --scheme");
    const c = await runCli(["coalition", "--problem", "p.json", "--objective", "fair"], dir);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("--objective fair needs a GDP for every contributor; missing: GBR, USA");
  });

  it("coalition [default scenario] --scheme (first option everywhere) --json answers with the scenario's actors", async () => {
    const file = join(ROOT, "scenarios", "ukraine-2025-08.yaml");
    const c = compileText(readFileSync(file, "utf8"));
    const spec = c.dims.map((d) => `${d.id}=${d.options[0]}`).join(",");
    const r = await runCli(["coalition", file, "--scheme", spec, "--objective", "fair", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.objective).toBe("fair");
    expect(out.costUnit).toBe("USD M/year");
    expect(out.eligible).not.toContain(c.scenario.theater.protectedState);
    expect(typeof out.unfairness).toBe("number");
  });
});
