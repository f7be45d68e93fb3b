import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadHighsSolver } from "../../src/adapters/highs.js";
import { coalitionProblemForScheme, type MilpSolver, solveCoalition } from "../../src/coalition/index.js";
import { analyzeMechanism } from "../../src/deterrence/index.js";
import { analyzeScenario } from "../../src/explore/analyze.js";
import { evaluateSchemes, frontier, OBJECTIVES } from "../../src/explore/evaluate.js";
import { schemeRequirements } from "../../src/models/index.js";
import { partyVerdicts } from "../../src/politics/index.js";
import { analysisDocument, ID_NAMES, score } from "../../src/report/index.js";
import {
  type CompiledScenario,
  isConsistent,
  parseAssignment,
  schemeToObject,
} from "../../src/scenario/compile.js";
import { CAPABILITIES } from "../../src/scenario/schema.js";
import { optionFilter } from "../../src/space/index.js";
import { compileText, ROOT, runCli, TEST_SOLVER_LIMITS } from "../helpers.js";

const FLAGSHIP = readFileSync(join(ROOT, "scenarios", "ukraine-2025-08.yaml"), "utf8");
/** A corner of the flagship small enough to check by brute force (a few hundred raw schemes). */
const WHERE =
  "commitment=article5_like,air=none,isr=ukrainian_only,air_defence=none,materiel=sustained,financing=shared_as_2022_2024,ukraine_force=army_800k,basing=none,scope=controlled_territory,territory=freeze_on_line,russia_role=none,sanctions=kept";

let c: CompiledScenario;
let solver: MilpSolver;
beforeAll(async () => {
  c = compileText(FLAGSHIP, "ukraine-2025-08.yaml");
  solver = await loadHighsSolver(TEST_SOLVER_LIMITS);
});

function filterFor(where: string) {
  const parsed = parseAssignment(c, where);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return optionFilter(c, parsed.value);
}

/** Every scheme the filter allows, by a plain odometer (no rule pruning). */
function* allSchemes(filter: boolean[][]): Generator<number[]> {
  const allowed = filter.map((f) => f.flatMap((ok, o) => (ok ? [o] : [])));
  const idx = allowed.map(() => 0);
  while (true) {
    yield idx.map((k, d) => allowed[d]![k]!);
    let d = idx.length - 1;
    while (d >= 0 && ++idx[d]! === allowed[d]!.length) idx[d--] = 0;
    if (d < 0) return;
  }
}

/** The four objectives of a scheme, computed independently of the explore engine: the readable requirement
 *  model, a real HiGHS coalition solve, each party's verdict and the full mechanism analysis. */
function independentScores(scheme: number[]): number[] {
  const req = schemeRequirements(c, scheme);
  const requirements = Object.fromEntries(CAPABILITIES.map((k) => [k, req[k]]));
  const result = solveCoalition(coalitionProblemForScheme(c, scheme, requirements), solver);
  const caps = Object.keys(result.required);
  const feasibility = caps.length
    ? caps.reduce((s, k) => s + Math.min(1, (result.provided[k] ?? 0) / result.required[k]!), 0) / caps.length
    : 1;
  const verdicts = partyVerdicts(c, scheme);
  const acceptability = Math.min(...verdicts.map((v) => v.margin));
  const deterrence = analyzeMechanism(c, scheme).deterrence.probability;
  return [feasibility, acceptability, deterrence, req.costUsdMPerYear];
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
/** a dominates b: no worse on every objective (cost minimised), better on one, beyond rounding noise. */
function dominates(a: number[], b: number[]): boolean {
  const signed = (v: number[]) => [v[0]!, v[1]!, v[2]!, -v[3]!];
  const x = signed(a);
  const y = signed(b);
  let better = false;
  for (let k = 0; k < 4; k++) {
    if (x[k]! < y[k]! && !close(x[k]!, y[k]!)) return false;
    if (x[k]! > y[k]! && !close(x[k]!, y[k]!)) better = true;
  }
  return better;
}

describe("explore: evaluateSchemes and frontier", () => {
  it("analyzeScenario names every phase to its progress sink, in order, and counts the pass up to the exact total", () => {
    const calls: { done: number; total: number; phase: string | undefined }[] = [];
    const a = analyzeScenario(c, solver, {
      filter: filterFor(WHERE.replace(/,sanctions=kept$/, "")),
      progress: (done, total, phase) => calls.push({ done, total, phase }),
    });
    const phases = calls.map((x) => x.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual([
      "counting schemes",
      "evaluating schemes",
      "ranking the front",
      "solving the focus scheme's coalition",
      "weighing concessions",
      "answering the questions",
    ]);
    const pass = calls.filter((x) => x.phase === "evaluating schemes");
    expect(pass.every((x) => x.total === a.counts.consistent && x.done <= x.total)).toBe(true);
  });

  it("evaluateSchemes(corner of the flagship) scores every consistent scheme as the models do one at a time", () => {
    const filter = filterFor(WHERE);
    const table = evaluateSchemes(c, { filter });
    const consistent = [...allSchemes(filter)].filter((s) => isConsistent(c, s));
    expect(table.n).toBe(consistent.length);
    expect(table.n).toBeGreaterThan(20);
    consistent.forEach((s, i) => {
      expect(Array.from(table.options.subarray(i * table.d, (i + 1) * table.d))).toEqual(s);
      const want = independentScores(s);
      const got = Array.from(table.objectives.subarray(i * OBJECTIVES.length, (i + 1) * OBJECTIVES.length));
      got.forEach((g, k) => {
        expect(
          close(g, want[k]!),
          `${OBJECTIVES[k]} of ${JSON.stringify(schemeToObject(c, s))}: ${g} vs ${want[k]}`,
        ).toBe(true);
      });
    });
  });

  it("frontier(table) is exactly the non-dominated set found by brute force, and its schemes are consistent", () => {
    const filter = filterFor(WHERE);
    const table = evaluateSchemes(c, { filter });
    const consistent = [...allSchemes(filter)].filter((s) => isConsistent(c, s));
    const scores = consistent.map(independentScores);
    const { rows, ties } = frontier(table);
    const onFront = scores.map((v) => !scores.some((w) => dominates(w, v)));
    // Every front row is consistent and non-dominated; no front row dominates another.
    for (const r of rows) {
      expect(isConsistent(c, consistent[r]!)).toBe(true);
      expect(onFront[r]).toBe(true);
      for (const q of rows) expect(dominates(scores[q]!, scores[r]!)).toBe(false);
    }
    // Every non-dominated scheme shares its scores with a front row, and the ties add up.
    const same = (a: number[], b: number[]) => a.every((x, k) => close(x, b[k]!));
    scores.forEach((v, i) => {
      if (onFront[i]) expect(rows.some((r) => same(scores[r]!, v))).toBe(true);
    });
    expect(ties.reduce((a, b) => a + b, 0)).toBe(onFront.filter(Boolean).length);
  });
});

describe("analyzeScenario", () => {
  it("analyzeScenario(flagship) answers the eight questions, and every figure it cites traces to the scenario", async () => {
    const a = analyzeScenario(c, solver);
    expect(a.answers.map((x) => x.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(a.counts.consistent).toBe(945_200);
    expect(a.counts.feasible).toBeLessThanOrEqual(a.counts.consistent);
    expect(a.counts.feasibleAndAcceptable).toBeLessThanOrEqual(
      Math.min(a.counts.feasible, a.counts.acceptableToAll),
    );
    // Frontier schemes are consistent.
    for (const f of a.frontier) {
      const parsed = parseAssignment(
        c,
        Object.entries(f.scheme)
          .map(([d, o]) => `${d}=${o}`)
          .join(","),
      );
      expect(parsed.ok).toBe(true);
      if (parsed.ok)
        expect(
          isConsistent(
            c,
            [...parsed.value.entries()].sort((x, y) => x[0] - y[0]).map((e) => e[1]),
          ),
        ).toBe(true);
    }
    // Every [source] cited in the answers (as the report words them) is declared by the scenario.
    const doc = analysisDocument(a);
    const sources = new Set(c.scenario.sources.map((s) => s.id));
    const text = JSON.stringify(doc.sections.map((x) => [x.summary, x.tables.map((t) => t.rows)]));
    const cited = [...text.matchAll(/\[([a-z0-9][a-z0-9_.-]*(?:, [a-z0-9][a-z0-9_.-]*)*)\]/gi)].flatMap((m) =>
      m[1]!.split(", "),
    );
    expect(cited.length).toBeGreaterThan(10);
    for (const id of cited) expect(sources.has(id), id).toBe(true);
    // Reservations and ledgers in the tables are the scenario's own.
    const q2 = doc.sections[1]!.tables[0]!;
    for (const row of q2.rows) {
      const actor = c.scenario.actors.find((x) => x.id === row[0])!;
      expect(String(row[3])).toBe(
        `${score(actor.stance!.reservation.value)} [${actor.stance!.reservation.source}]`,
      );
    }
    const q4 = doc.sections[3]!.tables[0]!;
    for (const row of q4.rows) {
      const actor = c.scenario.actors.find((x) => x.id === row[0])!;
      for (const [k, v] of Object.entries(actor.capabilities))
        expect(String(row[1])).toContain(ID_NAMES.units(k, v!.value));
    }
    // The focus scheme's cost and deterrence are the models' own.
    const focus = c.dims.map((d) => d.optionIndex.get(a.focus!.scheme[d.id]!)!);
    expect(Math.round(a.focus!.costUsdMPerYear)).toBe(
      Math.round(schemeRequirements(c, focus).costUsdMPerYear),
    );
    expect(a.focus!.deterrence).toBeCloseTo(analyzeMechanism(c, focus).deterrence.probability, 3);
  });

  it("guarantor analyze --json is byte-identical across runs and holds frontier and answers", async () => {
    const one = await runCli(["analyze", "--json", "--where", WHERE]);
    const two = await runCli(["analyze", "--json", "--where", WHERE]);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(two.stdout);
    const a = JSON.parse(one.stdout);
    expect(a.frontier.length).toBeGreaterThan(0);
    expect(a.answers).toHaveLength(8);
    expect(a.scenario.restrictedTo.commitment).toEqual(["article5_like"]);
  });

  it("guarantor analyze prints the report, writes --md whole, and rejects bad flags", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-"));
    const r = await runCli(["analyze", "--where", WHERE, "--md", "report.md"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Assumptions$/m);
    expect(r.stdout).toMatch(/^8\. How far apart are the parties/m);
    const md = readFileSync(join(dir, "report.md"), "utf8");
    expect(md).toMatch(/^## 1\. Which schemes are militarily feasible\?$/m);
    expect(md).toMatch(/^\| party \| accepts \|/m);
    const bad = await runCli(["analyze", "--objective", "cheapest"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--objective: expected one of min-cost, fair, fewest/);
    const badWhere = await runCli(["analyze", "--where", "scope=everywhere"]);
    expect(badWhere.code).toBe(2);
    const badMd = await runCli(["analyze", "--where", WHERE, "--md", "no/such/dir/r.md"], dir);
    expect(badMd.code).toBe(2);
    expect(badMd.stderr).toMatch(/--md: cannot write/);
  });
});
