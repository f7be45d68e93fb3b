/**
 * The terminal report reads like an answer: the brief on the first screen with the recommended scheme's
 * option labels, every line within COLUMNS, names instead of ids, the ladder by time, diagnostics only with
 * --verbose, and --accepted-by restricting the schemes.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { reportNames, textTable, wrapLines } from "../../src/report/index.js";
import { loadScenario } from "../../src/scenario/validate.js";
import { defaultScenarioText } from "../../src/scenarios/index.js";
import { runCli } from "../helpers.js";

/** 900 consistent schemes, 120 of which Russia accepts. */
const WHERE =
  "commitment=article5_like,air=none,isr=ukrainian_only,air_defence=none,financing=shared_as_2022_2024,basing=none,russia_role=co_guarantor_veto,nato_path=permanent_neutrality";

const saved = process.env.COLUMNS;
afterEach(() => {
  if (saved === undefined) delete process.env.COLUMNS;
  else process.env.COLUMNS = saved;
});

async function analyze(args: string[], columns: string) {
  process.env.COLUMNS = columns;
  const r = await runCli(["analyze", "--quiet", ...args]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r.stdout;
}

describe("analyze's text report", () => {
  let flagship: string;
  let json: {
    focus: { scheme: Record<string, string>; rejectedBy: string[] };
    counts: { consistent: number; feasible: number };
    answers: [unknown, { parties: { party: string; accepts: number }[] }];
  };
  beforeAll(async () => {
    flagship = await analyze([], "80");
    json = JSON.parse(await analyze(["--json"], "80"));
  }, 120_000);

  it("opens at COLUMNS=80 with the brief: counts, each party, the recommended scheme by its labels, blockers", () => {
    const names = reportNames(loadScenarioOk());
    const first = flagship.split("\n").slice(0, 24).join("\n");
    const flat = first.replace(/\s+/g, " ");
    expect(first).toMatch(/^In brief$/m);
    expect(flat).toContain(`Of 945,200 consistent schemes, ${json.counts.feasible.toLocaleString("en-US")}`);
    expect(flat).toMatch(/Each party accepts: Russia 0\.4%/);
    expect(flat).toContain("Recommended");
    // Every option of the focus scheme by its label (parenthesis dropped), none by its id.
    for (const [d, o] of Object.entries(json.focus.scheme)) {
      const label = names.option(d, o).replace(/\s*\([^)]*\)/g, "");
      expect(label).not.toBe(o);
      expect(flat).toContain(label);
    }
    expect(flat).toMatch(/rejected by Russia, Ukraine/);
    expect(flat).toMatch(/red lines stand in its way: Russia's \d+/);
  });

  it("keeps every line within 80 columns and shows names, not ids", () => {
    const wide = flagship.split("\n").filter((l) => [...l].length > 80);
    expect(wide).toEqual([]);
    expect(flagship).not.toMatch(/\b(us_backed_cap|airDefenceBatteries|costUsdMPerYear|droneOrbits)\b/);
    expect(flagship).not.toMatch(/^\s*LVA\b/m);
    expect(flagship).toContain("Latvia");
    expect(flagship).not.toMatch(/Coalition problems/);
    expect(flagship).not.toMatch(/\b1 tankers\b/);
  });

  it("prints the response ladder sorted by time", () => {
    const ladder = flagship.split("Response ladder of the focus scheme")[1]!.split("Deterrence terms")[0]!;
    const hours = [...ladder.matchAll(/^ {0,6}([\d,.]+) h {2}/gm)].map((m) =>
      Number(m[1]!.replace(/,/g, "")),
    );
    expect(hours.length).toBeGreaterThan(3);
    expect(hours).toEqual([...hours].sort((a, b) => a - b));
  });

  it("--accepted-by RUS analyses only the schemes Russia accepts; --verbose adds the diagnostics", async () => {
    const all = JSON.parse(await analyze(["--json", "--where", WHERE], "100"));
    const rus = JSON.parse(await analyze(["--json", "--where", WHERE, "--accepted-by", "RUS"], "100"));
    const accepts = all.answers[1].parties.find((p: { party: string }) => p.party === "RUS").accepts;
    expect(accepts).toBeGreaterThan(0);
    expect(accepts).toBeLessThan(all.counts.consistent);
    expect(rus.counts.consistent).toBe(accepts);
    expect(rus.run.acceptedBy).toEqual(["RUS"]);
    expect(all.run.acceptedBy).toBeUndefined();
    for (const f of rus.frontier) expect(f.acceptedBy).toContain("RUS");
    const text = await analyze(["--where", WHERE, "--accepted-by", "RUS", "--verbose"], "100");
    expect(text.replace(/\s+/g, " ")).toContain(`consistent schemes that Russia accepts`);
    expect(text).toMatch(/Coalition problems: [\d,]+ distinct/);
    // --ids: ids on request.
    const ids = await analyze(["--where", WHERE, "--ids"], "100");
    expect(ids).toContain("co_guarantor_veto");
    expect(text).not.toContain("co_guarantor_veto");
    expect(text).toContain("Russia a co-guarantor, with a veto");
    process.env.COLUMNS = "100";
    const bad = await runCli(["analyze", "--accepted-by", "RUS,XXX"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /--accepted-by: "XXX" is not a party with a stance \(expected one of RUS, UKR/,
    );
  }, 60_000);
});

describe("wrapping", () => {
  it("wraps words to the width and breaks a longer word", () => {
    expect(wrapLines("aaa bbb ccc", 7)).toEqual(["aaa bbb", "ccc"]);
    expect(wrapLines("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("narrows a table's text columns to the width; numbers keep theirs", () => {
    const t = textTable(
      [{ header: "party" }, { header: "schemes", right: true }, { header: "reasons" }],
      [["United Kingdom", 173936, "red line a; red line b; red line c; red line d"]],
      { width: 40 },
    );
    const lines = t.trimEnd().split("\n");
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
    expect(t).toContain("173,936");
    expect(lines.length).toBeGreaterThan(3);
  });
});

function loadScenarioOk() {
  const r = loadScenario(defaultScenarioText, "ukraine-2025-08.yaml");
  if (!r.ok) throw new Error("the default scenario is invalid");
  return r.value;
}
