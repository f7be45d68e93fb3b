/**
 * The web app's engine (web/src/engine.ts) gives the CLI's numbers: the field's counts are `schemes --count`,
 * the best completions of a selection are `analyze --where`, one scheme's verdicts and requirements are
 * `explain`, and a what-if setting is `--set`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadHighsSolver } from "../../src/adapters/highs.js";
import type { MilpSolver } from "../../src/coalition/index.js";
import { DEFAULT_SCENARIO_FILE, defaultScenarioText } from "../../src/scenarios/index.js";
import {
  completions,
  controls,
  explain,
  type Fixes,
  field,
  fullScheme,
  openScenario,
  type Prepared,
  prepare,
} from "../../web/src/engine.js";
import { runCli, TEST_SOLVER_LIMITS } from "../helpers.js";

let p: Prepared;
let solver: MilpSolver;
beforeAll(async () => {
  const opened = openScenario(defaultScenarioText, DEFAULT_SCENARIO_FILE);
  if (!opened.ok) throw new Error("the default scenario does not load");
  const prepared = prepare(opened.scenario, []);
  if (!prepared.ok) throw new Error("the default scenario does not compile");
  p = prepared.value;
  solver = await loadHighsSolver(TEST_SOLVER_LIMITS);
});

const whereOf = (fixes: Fixes) =>
  Object.entries(fixes)
    .map(([d, o]) => `${d}=${o}`)
    .join(",");

async function cliJson(args: string[]): Promise<Record<string, unknown>> {
  const r = await runCli(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe("the web app's engine", () => {
  it("counts the field as `schemes --count` does, and greys exactly the options no consistent scheme reaches", async () => {
    const fixes: Fixes = { ground_presence: "monitors", commitment: "article5_like" };
    const f = field(p.c, fixes);
    const cli = await cliJson(["schemes", "--count", "--json", "--where", whereOf(fixes)]);
    expect(f.count).toBe(cli.consistent);
    const all = await cliJson(["schemes", "--count", "--json"]);
    expect(f.total).toBe(all.consistent);
    // For a free dimension, its options' counts add up to the selection's count.
    const free = f.dims.find((d) => fixes[d.id] === undefined)!;
    expect(free.options.reduce((a, o) => a + BigInt(o.count), 0n)).toBe(BigInt(f.count));
    // An option's count is the count with it fixed too (checked on one option of each dimension, greyed or not).
    for (const d of f.dims.slice(0, 6)) {
      const o = d.options[d.options.length - 1]!;
      const other = await cliJson([
        "schemes",
        "--count",
        "--json",
        "--where",
        whereOf({ ...fixes, [d.id]: o.id }),
      ]);
      expect(o.count, `${d.id}=${o.id}`).toBe(other.consistent);
    }
    // Exactly the fixed options are marked fixed.
    expect(
      f.dims.flatMap((d) => d.options.filter((o) => o.fixed).map((o) => `${d.id}=${o.id}`)).sort(),
    ).toEqual(
      Object.entries(fixes)
        .map(([d, o]) => `${d}=${o}`)
        .sort(),
    );
  });

  it("completes a selection as `analyze --where` does", async () => {
    const fixes: Fixes = { commitment: "article5_like", territory: "freeze_on_line" };
    const c = completions(p, fixes, solver);
    const cli = (await cliJson(["analyze", "--json", "--where", whereOf(fixes)])) as {
      counts: { consistent: number; feasible: number; acceptableToAll: number };
      focus: { scheme: Record<string, string> };
    };
    expect(c.consistent).toBe(cli.counts.consistent);
    expect(c.feasible).toBe(cli.counts.feasible);
    expect(c.acceptedByAll).toBe(cli.counts.acceptableToAll);
    expect(c.focus?.scheme).toEqual(cli.focus.scheme);
    for (const [d, o] of Object.entries(fixes)) expect(c.focus?.scheme[d]).toBe(o);
  }, 120_000);

  it("explains a full scheme as `explain` does: requirements, cost and every party's verdict", async () => {
    const focus = completions(p, { commitment: "article5_like" }, solver).focus!;
    const scheme = fullScheme(p.c, focus.scheme)!;
    expect(scheme).toBeDefined();
    const e = explain(p, scheme, solver);
    const cli = (await cliJson(["explain", "--json", "--scheme", whereOf(focus.scheme)])) as {
      troops: number;
      costUsdMPerYear: number;
      verdicts: { party: string; accepts: boolean; margin: number }[];
    };
    expect(e.requirements.troops).toBe(cli.troops);
    expect(e.costUsdMPerYear).toBeCloseTo(cli.costUsdMPerYear, 6);
    expect(e.verdicts.map((v) => [v.party, v.accepts, v.margin])).toEqual(
      cli.verdicts.map((v) => [v.party, v.accepts, v.margin]),
    );
    // A partial selection is not a scheme.
    expect(fullScheme(p.c, { commitment: "article5_like" })).toBeUndefined();
  }, 120_000);

  it("applies a what-if slider as `--set` does", async () => {
    const slider = controls(p.scenario).find((x) => x.path === "actors.UKR.stance.reservation")!;
    expect(slider.min).toBe(0);
    expect(slider.max).toBe(1);
    const settings = [{ path: slider.path, value: "0" }];
    const moved = prepare(p.scenario, settings);
    if (!moved.ok) throw new Error("the setting was refused");
    const fixes: Fixes = { commitment: "article5_like", territory: "freeze_on_line" };
    const c = completions(moved.value, fixes, solver);
    const cli = (await cliJson([
      "analyze",
      "--json",
      "--where",
      whereOf(fixes),
      "--set",
      `${slider.path}=0`,
    ])) as {
      counts: { acceptableToAll: number };
    };
    expect(c.acceptedByAll).toBe(cli.counts.acceptableToAll);
    const before = completions(p, fixes, solver).parties.find((x) => x.party === "UKR")!.accepts;
    const after = c.parties.find((x) => x.party === "UKR")!.accepts;
    expect(after).toBeGreaterThanOrEqual(before);
    // A setting the loader refuses is refused here too, with the path.
    const bad = prepare(p.scenario, [{ path: "actors.UKR.stance.reservation", value: "lots" }]);
    expect(bad.ok).toBe(false);
  }, 180_000);
});
