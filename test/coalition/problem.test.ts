import { describe, expect, it } from "vitest";
import { parseCoalitionProblem } from "../../src/coalition/problem.js";
import { formatDiagnostic } from "../../src/scenario/diagnostics.js";

function errors(text: string): string[] {
  const r = parseCoalitionProblem(text, "p.json");
  return r.ok ? [] : r.errors.map(formatDiagnostic);
}

describe("parseCoalitionProblem", () => {
  it("parseCoalitionProblem(issue example) fills the defaults: no fixed cost, no conditions, objective kept", () => {
    const r = parseCoalitionProblem(
      `{"requirements": {"troops": 20000, "fighters": 24},
        "contributors": [{"id": "USA", "capacity": {"fighters": 40}, "unitCost": {"fighters": 10}}],
        "objective": "fewest"}`,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.contributors[0]).toEqual({
      id: "USA",
      capacity: { fighters: 40 },
      unitCost: { fighters: 10 },
      fixedCost: 0,
      conditions: [],
    });
    expect(r.value.objective).toBe("fewest");
  });

  it("parseCoalitionProblem(a word where a number belongs) points at file:line:col and the field path", () => {
    const text = `{"requirements": {"troops": 20000},
 "contributors": [
   {"id": "GBR", "capacity": {"troops": "many"}, "unitCost": {"troops": 0.4}}]}`;
    expect(errors(text)).toEqual([
      'p.json:3:41 contributors[0].capacity.troops: expected number, got "many"',
    ]);
  });

  it("parseCoalitionProblem(unknown condition kind) names the accepted kinds at the kind field", () => {
    const text = `{"requirements": {"troops": 1},
 "contributors": [{"id": "GBR", "capacity": {"troops": 1}, "unitCost": {"troops": 1},
   "conditions": [{"kind": "sometimes"}]}]}`;
    expect(errors(text)).toEqual([
      'p.json:3:28 contributors[0].conditions[0].kind: expected one of "requires", "maxShare", "never", got "sometimes"',
    ]);
  });

  it("parseCoalitionProblem(semantic mistakes) reports duplicates, unknown backstops, missing costs and GDP", () => {
    const text = `{"requirements": {"troops": 5},
 "contributors": [
   {"id": "GBR", "capacity": {"troops": 5}, "gdp": 3,
    "conditions": [{"kind": "requires", "actor": "USA", "capability": "fighters", "min": 1}]},
   {"id": "GBR", "unitCost": {}}],
 "objective": "fair"}`;
    expect(errors(text)).toEqual([
      'p.json:5:11 contributors[1].id: duplicate contributor id "GBR" (first at contributors[0])',
      'p.json:3:41 contributors[0].capacity.troops: no unit cost for "troops"; add unitCost.troops (0 if it is free)',
      'p.json:4:50 contributors[0].conditions[0].actor: unknown contributor "USA"; contributors: GBR',
      'p.json:5:4 contributors[1]: missing "gdp": the fair objective compares each contributor\'s cost share with its GDP share',
    ]);
  });

  it("parseCoalitionProblem(broken JSON, negative requirement, unknown field) reports each with its position", () => {
    expect(errors(`{"requirements": {"troops": 1}, "contributors": [ {"id": "GBR",, }]}`)).toEqual([
      "p.json:1:64 (root): YAML syntax: Unexpected , in flow map",
    ]);
    expect(errors(`{"requirements": {"troops": -1}, "contributors": [], "objectiv": "x"}`)).toEqual([
      "p.json:1:29 requirements.troops: expected number to be >=0, got -1",
      'p.json:1:54 objectiv: unknown field "objectiv"',
    ]);
  });
});
