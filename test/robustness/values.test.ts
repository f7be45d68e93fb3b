import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCoalitionProblem } from "../../src/coalition/index.js";
import { formatDiagnostic } from "../../src/scenario/diagnostics.js";
import { loadScenario } from "../../src/scenario/validate.js";
import { FIXTURES, runCli } from "../helpers.js";

const MINI = readFileSync(join(FIXTURES, "mini.yaml"), "utf8");

/** The formatted errors of `mini.yaml` after replacing `from` by `to` (which must occur). */
function errorsOf(from: string, to: string): string[] {
  expect(MINI).toContain(from);
  const r = loadScenario(MINI.replace(from, to), "m.yaml");
  return r.ok ? [] : r.errors.map(formatDiagnostic);
}

describe("numbers the models can bear", () => {
  it("a negative, absurd or denormal contact-line length is a located error with the accepted range", () => {
    const at = "m.yaml:23:24 theater.contactLine.lengthKm.value:";
    expect(errorsOf("lengthKm: { value: 1000,", "lengthKm: { value: -1000,")).toEqual([
      `${at} expected number to be >=0, got -1000`,
    ]);
    expect(errorsOf("lengthKm: { value: 1000,", "lengthKm: { value: 1e308,")).toEqual([
      `${at} expected number to be <=40075, got 1e+308`,
    ]);
    expect(errorsOf("lengthKm: { value: 1000,", "lengthKm: { value: 1e-320,")).toEqual([
      `${at} expected 0 or a number of size 1e-9 to 1e12, got 1e-320`,
    ]);
    expect(errorsOf("lengthKm: { value: 1000,", "lengthKm: { value: .inf,")).toEqual([
      `${at} expected number, got Infinity`,
    ]);
  });

  it("a reserved count such as cap_stations: 1e308 is refused with its range instead of running out of memory", () => {
    const withStations = (v: string) =>
      MINI.replace(
        "      - id: policing\n",
        `      - id: policing\n        attributes: { cap_stations: ${v} }\n`,
      ).replace(
        "  - id: air\n    options:",
        "  - id: air\n    attributes:\n      cap_stations: { type: number, default: 0 }\n    options:",
      );
    const errors = (v: string) => {
      const r = loadScenario(withStations(v), "m.yaml");
      return r.ok ? [] : r.errors.map(formatDiagnostic);
    };
    const at = "m.yaml:77:37 dimensions[2].options[1].attributes.cap_stations:";
    expect(errors("1e308")).toEqual([`${at} expected 0 or a number of size 1e-9 to 1e12, got 1e+308`]);
    expect(errors("5000")).toEqual([
      `${at} expected a number from 0 to 1000 for "cap_stations" (docs/attributes.md), got 5000`,
    ]);
    expect(errors("2")).toEqual([]);
  });

  it("a reserved attribute declared with the wrong type is caught by validate, located", async () => {
    expect(
      errorsOf("bindingness: { type: number, default: 0 }", 'bindingness: { type: string, default: "x" }'),
    ).toContain(
      'm.yaml:54:28 dimensions[0].attributes.bindingness.type: reserved attribute "bindingness" must be a number (docs/attributes.md), got string',
    );
  });

  it("a coalition problem with 1e15 units or a cost of 1e-320 is refused, located", () => {
    const r = parseCoalitionProblem(
      '{"requirements": {"troops": 1e15}, "contributors": [{"id": "a", "capacity": {"troops": 10}, "unitCost": {"troops": 1e-320}}]}',
      "p.json",
    );
    expect(!r.ok && r.errors.map(formatDiagnostic)).toEqual([
      "p.json:1:29 requirements.troops: expected number to be <=10000000, got 1000000000000000",
      "p.json:1:116 contributors[0].unitCost.troops: expected 0 or a number of size 1e-9 to 1e12, got 1e-320",
    ]);
  });

  it("more than 65,535 options in a dimension is a located error (option indexes are 16-bit)", () => {
    const options = Array.from({ length: 70_000 }, (_, i) => `      - id: o${i}`).join("\n");
    const r = loadScenario(
      MINI.replace("      - id: none\n      - id: policing\n", `${options}\n`),
      "m.yaml",
    );
    expect(!r.ok && r.errors.map(formatDiagnostic)).toEqual([
      "m.yaml:73:7 dimensions[2].options: expected array to have <=65535 items, got a list",
    ]);
  });
});

describe("names are data: built-in object names are refused the same way everywhere", () => {
  it("an option attribute named toString or constructor is a located error, not 'expected a undefined'", () => {
    for (const name of ["toString", "constructor", "hasOwnProperty", "valueOf"]) {
      const errors = errorsOf(
        "bindingness: { type: number, default: 0 }",
        `${name}: { type: number, default: 0 }`,
      );
      expect(errors[0]).toBe(
        `m.yaml:54:7 dimensions[0].attributes.${name}: is a built-in name of JavaScript objects (constructor, toString, valueOf, …); choose another name, got the key "${name}"`,
      );
    }
  });

  it("ids named constructor are refused; a __proto__ key anywhere is refused, never silently dropped", () => {
    expect(errorsOf("  - id: AAA\n", "  - id: constructor\n")[0]).toMatch(
      /^m\.yaml:29:9 actors\[0\]\.id: is a built-in name of JavaScript objects .*, got "constructor"$/,
    );
    expect(errorsOf("    name: Protected\n", "    name: Protected\n    __proto__: { x: 1 }\n")).toEqual([
      'm.yaml:31:5 (root): YAML: the key "__proto__" is not accepted (a built-in name of JavaScript objects)',
    ]);
  });

  it("coalition --problem with requirements named constructor or __proto__: located errors, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-names-"));
    const problem = (req: string) =>
      `{"requirements": {"troops": 5, ${req}}, "contributors": [{"id": "a", "capacity": {"troops": 10}, "unitCost": {"troops": 1}}]}`;
    writeFileSync(join(dir, "ctor.json"), problem('"constructor": 2'));
    writeFileSync(join(dir, "proto.json"), problem('"__proto__": 3'));
    const ctor = await runCli(["coalition", "--problem", "ctor.json"], dir);
    expect(ctor.code).toBe(2);
    expect(ctor.stderr).toMatch(
      /^ctor\.json:1:32 requirements\.constructor: is a built-in name of JavaScript objects/,
    );
    const proto = await runCli(["coalition", "--problem", "proto.json"], dir);
    expect(proto.code).toBe(2);
    expect(proto.stderr).toMatch(/^proto\.json:1:32 \(root\): YAML: the key "__proto__" is not accepted/);
  });
});

describe("model parameters within a factor of 1,000 of their defaults", () => {
  it("a scenario parameter whose distribution reaches 1e9 is a located error at its distribution", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-param-"));
    writeFileSync(
      join(dir, "p.yaml"),
      MINI.replace(
        "  - id: rotation_factor\n    unit: ratio\n    distribution: { kind: triangular, min: 2, mode: 3, max: 4 }",
        "  - id: ground.rotation_factor\n    unit: ratio\n    distribution: { kind: triangular, min: 2, mode: 3, max: 1e9 }",
      ),
    );
    const r = await runCli(["validate", "p.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(
      "p.yaml:86:19 parameters[0].distribution: expected a number from 0.003 to 3000 for ground.rotation_factor (units generated per unit deployed; its default is 3), got 1000000000",
    );
  });

  it("--set air.policing_detachments=1e308 or an availability of 1e-9 is refused; 2 is taken", async () => {
    const mini = join(FIXTURES, "mini.yaml");
    const huge = await runCli(["analyze", mini, "--set", "air.policing_detachments=1e308"]);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/expected a number from 0\.002 to 2000 for air\.policing_detachments/);
    const tiny = await runCli(["analyze", mini, "--set", "aircraft.F-16.availability=1e-9"]);
    expect(tiny.code).toBe(2);
    expect(tiny.stderr).toMatch(/expected a number from 0\.0006 to 600 for aircraft\.F-16\.availability/);
    expect((await runCli(["analyze", mini, "--set", "ground.rotation_factor=2", "--quiet"])).code).toBe(0);
  });
});
