import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/scenario/diagnostics.js";
import { loadScenario } from "../../src/scenario/validate.js";
import { FIXTURES } from "../helpers.js";

const MINI = readFileSync(join(FIXTURES, "mini.yaml"), "utf8");

function errorsOf(text: string): string[] {
  const r = loadScenario(text, "s.yaml");
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors.map(formatDiagnostic);
}

/** Line (1-based) of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

describe("loadScenario", () => {
  it("loadScenario(mini.yaml) returns the scenario with defaults filled in", () => {
    const r = loadScenario(MINI, "mini.yaml");
    if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join("\n"));
    expect(r.value.dimensions.map((d) => d.id)).toEqual(["commitment", "ground", "air"]);
    expect(r.value.sources[0]!.kind).toBe("news");
    expect(r.value.actors[0]!.capabilities).toEqual({});
  });

  it("loadScenario(a word where a number belongs) names the file, line, column and field path", () => {
    const text = MINI.replace("lengthKm: { value: 1000,", 'lengthKm: { value: "long",');
    const [e] = errorsOf(text);
    const line = lineOf(text, '"long"');
    const col = text.split("\n")[line - 1]!.indexOf('"long"') + 1;
    expect(e).toBe(`s.yaml:${line}:${col} theater.contactLine.lengthKm.value: expected number, got "long"`);
  });

  it("loadScenario(an unknown source) points at the source field", () => {
    const text = MINI.replace(
      "lengthKm: { value: 1000, source: article }",
      "lengthKm: { value: 1000, source: nowhere }",
    );
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `^s\\.yaml:${lineOf(text, "nowhere")}:\\d+ theater\\.contactLine\\.lengthKm\\.source: unknown source "nowhere"`,
      ),
    );
  });

  it("loadScenario(a rule naming an option that does not exist) reports it with the options there are", () => {
    const text = MINI.replace(
      "forbid: { commitment: none, ground: [monitors, reassurance] }",
      "forbid: { commitment: none, ground: [monitors, tanks] }",
    );
    expect(errorsOf(text)[0]).toMatch(
      /rules\[0\]\.forbid\.ground: unknown option "tanks" of dimension "ground"; options: none, monitors, reassurance/,
    );
  });

  it("loadScenario(a predicate on an undeclared attribute) reports the attribute", () => {
    const text = MINI.replace(
      "forbid: { attr: troops_in_protected_state, eq: true }",
      "forbid: { attr: tanks_in_ukraine, eq: true }",
    );
    expect(errorsOf(text)[0]).toMatch(
      /actors\[1\]\.stance\.redLines\[0\]\.forbid\.attr: unknown attribute "tanks_in_ukraine"/,
    );
  });

  it("loadScenario(duplicate ids, a wrongly typed attribute, an impossible distribution) collects every error", () => {
    const text = MINI.replace("- id: judgement\n", "- id: article\n")
      .replace("attributes: { bindingness: 0.2 }", 'attributes: { bindingness: "high" }')
      .replace(
        "{ kind: triangular, min: 2, mode: 3, max: 4 }",
        "{ kind: triangular, min: 2, mode: 5, max: 4 }",
      );
    const errors = errorsOf(text);
    expect(errors.some((e) => /sources\[1\]\.id: duplicate source id "article"/.test(e))).toBe(true);
    expect(
      errors.some((e) =>
        /dimensions\[0\]\.options\[1\]\.attributes\.bindingness: expected a number, got "high"/.test(e),
      ),
    ).toBe(true);
    expect(
      errors.some((e) => /parameters\[0\]\.distribution: triangular needs min ≤ mode ≤ max/.test(e)),
    ).toBe(true);
  });

  it("loadScenario(a judgement whose distribution is not centred on its value) points at the distribution", () => {
    const text = MINI.replace(
      "reservation: { value: 0.5, source: judgement, confidence: 0.3 }",
      "reservation: { value: 0.5, source: judgement, distribution: { kind: triangular, min: 0.3, mode: 0.6, max: 0.7 } }",
    ).replace(
      "- { id: low-binding, weight: 1, attr: bindingness,",
      "- { id: low-binding, weight: 1, weightDistribution: { kind: uniform, min: 0.5, max: 2 }, attr: bindingness,",
    );
    const errors = errorsOf(text);
    expect(
      errors.some((e) => /actors\[\d\]\.stance\.reservation\.distribution: .*must equal value 0\.5/.test(e)),
    ).toBe(true);
    expect(
      errors.some((e) =>
        /stance\.preferences\[0\]\.weightDistribution: .*the middle, 1\.25\) must equal weight 1/.test(e),
      ),
    ).toBe(true);
    expect(errors.every((e) => /^s\.yaml:\d+:\d+ /.test(e))).toBe(true);
  });

  it("loadScenario(a judgement with a centred distribution) accepts it", () => {
    const text = MINI.replace(
      "reservation: { value: 0.5, source: judgement, confidence: 0.3 }",
      "reservation: { value: 0.5, source: judgement, distribution: { kind: pert, min: 0.3, mode: 0.5, max: 0.8 } }",
    );
    expect(loadScenario(text, "s.yaml").ok).toBe(true);
  });

  it("loadScenario(a YAML syntax error) gives its line and column", () => {
    const text = MINI.replace("title: Minimal test scenario", "title: [unclosed");
    const errors = errorsOf(text);
    expect(errors[0]).toMatch(/^s\.yaml:\d+:\d+ \(root\): YAML syntax: /);
  });

  it("loadScenario(an alias bomb) fails fast with a clean error", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(
        `${cur}: &${cur} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`,
      );
    }
    const errors = errorsOf(lines.join("\n"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^s\.yaml:1:1 \(root\): YAML aliases: .*alias/i);
  });

  it("loadScenario(an unknown field) points at the field", () => {
    const text = MINI.replace("title: Minimal test scenario", "title: Minimal test scenario\ntitel: typo");
    expect(errorsOf(text)[0]).toBe(`s.yaml:${lineOf(text, "titel")}:1 titel: unknown field "titel"`);
  });

  it("loadScenario(a malformed predicate) reports the branch it got furthest in", () => {
    const text = MINI.replace(
      "forbid: { attr: troops_in_protected_state, eq: true }",
      "forbid: { all: [ { attr: troops_in_protected_state, eq: true, ne: false } ] }",
    );
    expect(errorsOf(text).join("\n")).toMatch(
      /actors\[1\]\.stance\.redLines\[0\]\.forbid\.all\[0\]: an attribute test takes exactly one comparison/,
    );
  });

  it("loadScenario never throws and returns either a scenario or located errors, on thousands of random mutations", () => {
    // Mutate the parsed fixture at random paths (replace, delete, retype), serialise back to YAML or corrupt the
    // text directly, and check the loader's contract.
    const lines = MINI.split("\n");
    const mutation = fc.oneof(
      // Replace one line's value by a random scalar.
      fc.record({
        kind: fc.constant("value" as const),
        line: fc.nat(lines.length - 1),
        value: fc.oneof(
          fc.string(),
          fc.integer().map(String),
          fc.constantFrom("true", "null", "[]", "{}", "-1", "1e309", "*x", "&y z", '"', "{ a: "),
        ),
      }),
      // Delete a line.
      fc.record({ kind: fc.constant("delete" as const), line: fc.nat(lines.length - 1) }),
      // Duplicate a line.
      fc.record({ kind: fc.constant("duplicate" as const), line: fc.nat(lines.length - 1) }),
      // Insert random characters at a random offset.
      fc.record({
        kind: fc.constant("insert" as const),
        offset: fc.nat(MINI.length),
        text: fc.string({ maxLength: 5 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let ls = [...lines];
        for (const m of mutations) {
          if (m.kind === "insert") {
            const t = ls.join("\n");
            const at = Math.min(m.offset, t.length);
            ls = (t.slice(0, at) + m.text + t.slice(at)).split("\n");
            continue;
          }
          const i = Math.min(m.line, ls.length - 1);
          if (m.kind === "delete") ls.splice(i, 1);
          else if (m.kind === "duplicate") ls.splice(i, 0, ls[i]!);
          else {
            const line = ls[i]!;
            const colon = line.indexOf(": ");
            ls[i] = colon >= 0 ? `${line.slice(0, colon + 2)}${m.value}` : `${line}${m.value}`;
          }
        }
        const r = loadScenario(ls.join("\n"), "m.yaml");
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(e.file).toBe("m.yaml");
            expect(e.position?.line).toBeGreaterThanOrEqual(1);
            expect(formatDiagnostic(e)).toMatch(/^m\.yaml:\d+:\d+ .+: \S/);
          }
        }
      }),
      { numRuns: 3000 },
    );
  }, 120_000);
});
