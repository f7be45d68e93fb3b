/**
 * Dates in a scenario: every source has a publication date, and a source the scenario should not know on its
 * asOf date is reported as a located warning (src/scenario/dates.ts; docs/scenario-dates.md).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asOfWarnings, dateRange, periodRange } from "../../src/scenario/dates.js";
import { formatDiagnostic } from "../../src/scenario/diagnostics.js";
import { loadScenario } from "../../src/scenario/validate.js";
import { FIXTURES } from "../helpers.js";

const MINI = readFileSync(join(FIXTURES, "mini.yaml"), "utf8");
/** The mini fixture's first source, as written (asOf 2025-08-20). */
const ARTICLE = `  - id: article
    kind: news
    title: Test article
    date: "2025-08-20"
`;

/** The mini fixture with its first source's block replaced. */
const withArticle = (block: string) => {
  expect(MINI).toContain(ARTICLE);
  return MINI.replace(ARTICLE, block);
};
/** Line (1-based) of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("dateRange and periodRange", () => {
  it("dateRange(a day, a month, a year) gives the first and last day it can stand for", () => {
    expect(dateRange("2025-08-20")).toEqual({ first: "2025-08-20", last: "2025-08-20" });
    expect(dateRange("2025-08")).toEqual({ first: "2025-08-01", last: "2025-08-31" });
    expect(dateRange("2024-02")).toEqual({ first: "2024-02-01", last: "2024-02-29" });
    expect(dateRange("2025")).toEqual({ first: "2025-01-01", last: "2025-12-31" });
  });

  it("dateRange(a day that is not in the calendar) says why: 30 February, month 13, 29 February 1900", () => {
    expect(dateRange("2025-02-30")).toEqual({ error: "February 2025 has 28 days, got day 30" });
    expect(dateRange("2025-13")).toEqual({ error: "expected a month 01-12, got 13" });
    expect(dateRange("1900-02-29")).toEqual({ error: "February 1900 has 28 days, got day 29" });
    expect(dateRange("2000-02-29")).toEqual({ first: "2000-02-29", last: "2000-02-29" });
  });

  it("periodRange(start/end) spans both; a period that ends before it starts is an error", () => {
    expect(periodRange("1995-12/1996")).toEqual({ first: "1995-12-01", last: "1996-12-31" });
    expect(periodRange("2014")).toEqual({ first: "2014-01-01", last: "2014-12-31" });
    expect(periodRange("2020/2019")).toEqual({ error: "the period ends (2019) before it starts (2020)" });
  });
});

describe("loadScenario: sources dated after the scenario's asOf", () => {
  it("loadScenario(a source published after asOf) is ok but warns, at the date, with file:line:col and path", () => {
    const text = withArticle(ARTICLE.replace('"2025-08-20"', '"2026-01-06"'));
    const r = loadScenario(text, "s.yaml");
    expect(r.ok).toBe(true);
    expect(r.warnings).toHaveLength(1);
    const line = lineOf(text, '"2026-01-06"');
    const col = text.split("\n")[line - 1]!.indexOf('"2026-01-06"') + 1;
    expect(formatDiagnostic(r.warnings[0]!)).toBe(
      `s.yaml:${line}:${col} sources[0].date: warning: published 2026-01-06, after the scenario's asOf 2025-08-20: a scenario may use only what was published by its asOf date; remove the source and what rests on it, or, if it is historical background about earlier events, give the period it describes (describes: YYYY[-MM[-DD]] or start/end)`,
    );
  });

  it("loadScenario(the same source marked as background about 1994-2014) does not warn", () => {
    const text = withArticle(
      `${ARTICLE.replace('"2025-08-20"', '"2026-01-06"')}    describes: "1994/2014"\n`,
    );
    const r = loadScenario(text, "s.yaml");
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it("loadScenario(background about a period that runs past asOf) warns at `describes`", () => {
    const text = withArticle(
      `${ARTICLE.replace('"2025-08-20"', '"2026-01-06"')}    describes: "2025-06/2025-09"\n`,
    );
    const r = loadScenario(text, "s.yaml");
    expect(r.warnings.map((w) => formatDiagnostic(w))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^s\\.yaml:${lineOf(text, "describes:")}:\\d+ sources\\[0\\]\\.describes: warning: describes 2025-06/2025-09, which runs past the scenario's asOf 2025-08-20`,
        ),
      ),
    ]);
  });

  it("loadScenario(a month-only date that may be after asOf) warns, unless a source that reports it is dated by asOf", () => {
    const loose = withArticle(ARTICLE.replace('"2025-08-20"', '"2025-08"'));
    const r = loadScenario(loose, "s.yaml");
    expect(r.warnings.map((w) => w.message)).toEqual([
      "dated 2025-08, which may be after the scenario's asOf 2025-08-20: give the day of publication, or the source that reports it (via)",
    ]);
    // Reported by the judgement source, dated 2025-08-20: what is reported cannot be later than the report.
    const reported = withArticle(`${ARTICLE.replace('"2025-08-20"', '"2025-08"')}    via: judgement\n`);
    expect(loadScenario(reported, "s.yaml").warnings).toEqual([]);
    // A month that ends before asOf is fine on its own.
    expect(
      loadScenario(withArticle(ARTICLE.replace('"2025-08-20"', '"2025-07"')), "s.yaml").warnings,
    ).toEqual([]);
  });

  it("loadScenario(a source with no date) is an error located at the source", () => {
    const text = withArticle(ARTICLE.replace('    date: "2025-08-20"\n', ""));
    const r = loadScenario(text, "s.yaml");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^s\\.yaml:${lineOf(text, "- id: article")}:\\d+ sources\\[0\\]\\.date: missing; expected string$`,
        ),
      ),
    ]);
  });

  it("loadScenario(a 30 February, or a statement said after its publication) is an error at the field", () => {
    const feb = withArticle(ARTICLE.replace('"2025-08-20"', '"2025-02-30"'));
    const r1 = loadScenario(feb, "s.yaml");
    expect(r1.ok).toBe(false);
    if (!r1.ok)
      expect(r1.errors.map(formatDiagnostic)).toEqual([
        expect.stringMatching(/sources\[0\]\.date: February 2025 has 28 days, got day 30$/),
      ]);
    const late = withArticle(`${ARTICLE}    statementDate: "2025-08-21"\n`);
    const r2 = loadScenario(late, "s.yaml");
    expect(r2.ok).toBe(false);
    if (!r2.ok)
      expect(r2.errors.map(formatDiagnostic)).toEqual([
        expect.stringMatching(
          /sources\[0\]\.statementDate: said on 2025-08-21, after the source's publication date 2025-08-20$/,
        ),
      ]);
  });

  it("asOfWarnings: a day-dated source warns exactly when it is later than asOf (property)", () => {
    const day = fc
      .date({
        min: new Date("2020-01-01T00:00:00Z"),
        max: new Date("2030-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (asOf, published) => {
        const warnings = asOfWarnings({
          asOf,
          sources: [{ id: "s", kind: "news", title: "s", date: published }],
        } as unknown as Parameters<typeof asOfWarnings>[0]);
        return (warnings.length === 1) === published > asOf;
      }),
      { numRuns: 300 },
    );
  });
});
