import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT, runCli } from "../helpers.js";

const MINI = join(FIXTURES, "mini.yaml");

describe("guarantor CLI", () => {
  it("guarantor --help lists the commands; a bare call prints help and exits 2", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate .*\n.*schemes/s);
    expect((await runCli([])).code).toBe(2);
    const unknown = await runCli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it("guarantor validate <valid file> exits 0; <broken file> exits 2 with every error located", async () => {
    expect((await runCli(["validate", MINI])).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), "guarantor-"));
    const bad = join(dir, "bad.yaml");
    writeFileSync(
      bad,
      readFileSync(MINI, "utf8")
        .replace("lengthKm: { value: 1000,", 'lengthKm: { value: "long",')
        .replace("title: Minimal test scenario", "title: 42\ntitel: typo"),
    );
    const r = await runCli(["validate", "bad.yaml"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^bad\.yaml:\d+:\d+ theater\.contactLine\.lengthKm\.value: expected number, got "long"$/m,
    );
    expect(r.stderr).toMatch(/^bad\.yaml:\d+:8 title: expected string, got 42$/m);
    expect(r.stderr).toMatch(/^bad\.yaml:\d+:1 titel: unknown field "titel"$/m);
    expect(r.stderr).toMatch(/^3 errors$/m);
  });

  it("guarantor validate <a file citing a later source> warns with file:line:col; --strict makes it an error, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-"));
    const later = join(dir, "later.yaml");
    const text = readFileSync(MINI, "utf8").replace(
      'title: Test article\n    date: "2025-08-20"',
      'title: Test article\n    date: "2026-01-06"',
    );
    expect(text).toContain('"2026-01-06"');
    writeFileSync(later, text);
    const line = text.split("\n").findIndex((l) => l.includes('"2026-01-06"')) + 1;
    const warned = await runCli(["validate", "later.yaml"], dir);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/later\.yaml: valid \(.*, 1 warning\)/);
    expect(warned.stderr).toMatch(
      new RegExp(
        `^later\\.yaml:${line}:11 sources\\[0\\]\\.date: warning: published 2026-01-06, after the scenario's asOf 2025-08-20`,
        "m",
      ),
    );
    const json = JSON.parse((await runCli(["validate", "later.yaml", "--json"], dir)).stdout);
    expect(json.warnings).toEqual([expect.objectContaining({ path: "sources[0].date", line, col: 11 })]);
    const strict = await runCli(["validate", "later.yaml", "--strict"], dir);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toMatch(
      new RegExp(
        `^later\\.yaml:${line}:11 sources\\[0\\]\\.date: published 2026-01-06, after the scenario's asOf`,
        "m",
      ),
    );
    expect(strict.stderr).toMatch(/^1 error$/m);
  });

  it("guarantor validate --strict on the default (flagship) scenario: no source after its asOf, exit 0", async () => {
    const r = await runCli(["validate", "--strict", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, asOf: "2025-08-20", warnings: [] });
  });

  it("guarantor validate on a missing file exits 2 naming it", async () => {
    const r = await runCli(["validate", "no-such.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^no-such\.yaml \(root\): no such file/m);
  });

  it("guarantor schemes --count --json prints raw and consistent counts as decimal strings", async () => {
    const r = await runCli(["schemes", MINI, "--count", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.raw).toBe("18");
    expect(out.consistent).toBe("12");
    expect(out.rules).toHaveLength(2);
  });

  it("guarantor schemes --list --limit 5 --json prints 5 schemes, each an object from dimension to option", async () => {
    const r = await runCli(["schemes", MINI, "--list", "--limit", "5", "--json"]);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(5);
    expect(out[0]).toEqual({ commitment: "none", ground: "none", air: "none" });
  });

  it("guarantor schemes --where fixes dimensions, and rejects unknown ones", async () => {
    const r = await runCli(["schemes", MINI, "--list", "--where", "ground=reassurance", "--json"]);
    const out = JSON.parse(r.stdout) as Record<string, string>[];
    expect(out).toHaveLength(2);
    expect(out.every((s) => s.ground === "reassurance" && s.air === "policing")).toBe(true);
    const bad = await runCli(["schemes", MINI, "--count", "--where", "ground=tanks"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option "tanks" of ground; options: none, monitors, reassurance/);
    const both = await runCli(["schemes", MINI, "--count", "--list"]);
    expect(both.code).toBe(2);
  });

  it("guarantor init writes the default scenario and refuses to overwrite without --force", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-"));
    expect((await runCli(["init", "s.yaml"], dir)).code).toBe(0);
    expect(existsSync(join(dir, "s.yaml"))).toBe(true);
    expect((await runCli(["validate", "s.yaml"], dir)).code).toBe(0);
    const again = await runCli(["init", "s.yaml"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; use --force/);
    expect((await runCli(["init", "s.yaml", "--force"], dir)).code).toBe(0);
  });

  it("the built executable reports bad input without a stack trace", () => {
    const bin = join(ROOT, "dist", "cli", "bin.js");
    const dir = mkdtempSync(join(tmpdir(), "guarantor-"));
    writeFileSync(
      join(dir, "bomb.yaml"),
      `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`,
    );
    const r = spawnSync(process.execPath, [bin, "validate", "bomb.yaml"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bomb\.yaml:1:1 \(root\): YAML aliases/m);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('the package is importable as a library: import { loadScenario } from "guarantor"', () => {
    const script = `import { loadScenario, compileScenario, countSchemes } from "guarantor";
import { readFileSync } from "node:fs";
const r = loadScenario(readFileSync("test/fixtures/mini.yaml", "utf8"), "mini.yaml");
if (!r.ok) process.exit(3);
console.log(String(countSchemes(compileScenario(r.value)).consistent));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("12");
  });

  it('the solver and the scenarios are separate entries: "guarantor/highs", "guarantor/scenarios"', () => {
    const script = `import { analyzeScenario, compileScenario, loadScenario } from "guarantor";
import { loadHighsSolver } from "guarantor/highs";
import { defaultScenarioText } from "guarantor/scenarios";
const r = loadScenario(defaultScenarioText, "default.yaml");
if (!r.ok) process.exit(3);
const solver = await loadHighsSolver();
const a = analyzeScenario(compileScenario(r.value), solver);
console.log(a.counts.consistent > 0 ? "ok" : "empty", solver.name.startsWith("HiGHS"));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("ok true");
  });
});
