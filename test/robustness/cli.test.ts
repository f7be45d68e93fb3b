import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT, runCli } from "../helpers.js";

const MINI = join(FIXTURES, "mini.yaml");

describe("CLI flags: numbers as people write them, within their ranges", () => {
  it.each([
    [["analyze", MINI, "--top", "0x10"], '--top: expected a whole number ≥ 1 ≤ 1000, got "0x10"'],
    [["analyze", MINI, "--top", "1e12"], '--top: expected a whole number ≥ 1 ≤ 1000, got "1e12"'],
    [["analyze", MINI, "--top", " 5"], '--top: expected a whole number ≥ 1 ≤ 1000, got " 5"'],
    [["schemes", MINI, "--list", "--where", ""], "--where: expected dim=option,..., got nothing"],
    [["analyze", MINI, "--where", " "], "--where: expected dim=option,..., got nothing"],
    [
      ["size", "ground", "--mission", "observation", "--line-km", "1e308"],
      '--line-km: expected a number ≥ 0 ≤ 40075, got "1e308"',
    ],
    [
      ["size", "ground", "--mission", "observation", "--line-km", "Infinity"],
      '--line-km: expected a number ≥ 0 ≤ 40075, got "Infinity"',
    ],
  ])("guarantor %j is a usage error: %s", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`guarantor ${args[0]}: ${message}`);
  });

  it("size ground --line-km 1000 still works", async () => {
    const r = await runCli(["size", "ground", "--mission", "observation", "--line-km", "1000", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/Infinity|NaN|null/);
  });
});

describe("an empty space is an answer, not a crash", () => {
  it("analyze on rules that leave no scheme says so, with no Infinity, NaN or null in text or JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-empty-"));
    writeFileSync(
      join(dir, "empty.yaml"),
      readFileSync(MINI, "utf8").replace(
        "rules:\n",
        "rules:\n  - id: kill-all\n    forbid: { air: [none, policing] }\n    reason: nothing left\n",
      ),
    );
    const text = await runCli(["analyze", "empty.yaml"], dir);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/There is no consistent scheme/);
    expect(text.stdout).not.toMatch(/Infinity|NaN/);
    const json = await runCli(["analyze", "empty.yaml", "--json"], dir);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).not.toMatch(/Infinity|NaN|null/);
    expect(JSON.parse(json.stdout).counts.consistent).toBe(0);
    const list = await runCli(["schemes", "empty.yaml", "--list"], dir);
    expect(list.stdout).toBe("no consistent scheme\n");
  });
});

describe("broken pipes end quietly", () => {
  it("guarantor schemes --list --limit 5000 | head -1: exit 0, nothing on stderr", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src", "cli", "bin.ts"), "schemes", "--list", "--limit", "5000"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const first = await new Promise<string>((done) => {
      child.stdout.once("data", (d: Buffer) => {
        child.stdout.destroy(); // what `head -1` does once it has its line
        done(d.toString().split("\n")[0]!);
      });
    });
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(first).toMatch(/^ {3}1 {2}commitment=/);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  }, 120_000);
});

describe("data the models cannot use is a clear error, not an internal one", () => {
  const mini = readFileSync(MINI, "utf8");
  const scheme = ["--scheme", "commitment=treaty,ground=monitors,air=policing"];
  it.each([
    [
      mini.replace('include: [{ country: "804" }]', 'include: [{ country: "999" }]'),
      'theater.territories.whole.include[0].country: no country with id "999" in the world-atlas data',
    ],
    [
      mini.replace(
        'include: [{ country: "804" }]',
        'include: [{ countryPolygonContaining: { country: "804", point: { lat: 10, lon: 10 } } }]',
      ),
      'theater.territories.whole.include[0].countryPolygonContaining.point: no polygon of country "804" contains 10, 10',
    ],
    [
      mini
        .replace("      - id: policing\n", "      - id: policing\n        attributes: { cap_stations: 2 }\n")
        .replace(
          "  - id: air\n    options:",
          "  - id: air\n    attributes:\n      cap_stations: { type: number, default: 0 }\n    options:",
        ),
      "theater.airbases: a scheme sets cap_stations > 0 but the scenario lists no airbases",
    ],
  ])("explain on such a scenario exits 2: %#", async (text, message) => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-data-"));
    writeFileSync(join(dir, "s.yaml"), text);
    const r = await runCli(["explain", "s.yaml", ...scheme], dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`guarantor explain: ${message}`);
  });
});

it("analyze with a ground posture that has no sizing for its mission exits 2 naming the scheme", async () => {
  const dir = mkdtempSync(join(tmpdir(), "guarantor-posture-"));
  writeFileSync(
    join(dir, "s.yaml"),
    readFileSync(MINI, "utf8")
      .replace(
        "      ground_mission: { type: string, default: none }",
        "      ground_mission: { type: string, default: none }\n      ground_posture: { type: string, default: default }",
      )
      .replace(
        "attributes: { troops_in_protected_state: true, ground_mission: observation }",
        "attributes: { troops_in_protected_state: true, ground_mission: observation, ground_posture: robust }",
      ),
  );
  const r = await runCli(["analyze", "s.yaml", "--quiet"], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(
    /^guarantor analyze: dimensions: a robust observation mission has no density by sites; .*\(scheme ground=monitors/,
  );
});
