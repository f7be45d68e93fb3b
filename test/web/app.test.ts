/**
 * The web app in a real headless Chromium, as a user gets it from `guarantor serve`: it loads with no console
 * error and no request beyond its own origin; fixing an option gives the exact count and greys what no
 * consistent scheme reaches (as the engine, itself checked against the CLI in engine.test.ts); the best
 * completions and a full scheme's explanation show; a what-if slider moves the verdicts; the editor reports the
 * loader's located errors; explorations are saved as runs on the server, listed and compared.
 */
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadHighsSolver } from "../../src/adapters/highs.js";
import { DEFAULT_SCENARIO_FILE, defaultScenarioText } from "../../src/scenarios/index.js";
import { completions, field, openScenario, type Prepared, prepare } from "../../web/src/engine.js";
import { ROOT, TEST_SOLVER_LIMITS } from "../helpers.js";
import { type Browsing, openBrowser } from "./browser.js";
import { buildWebApp, type Served, serveWebApp } from "./serve.js";

const ARTIFACTS = join(ROOT, "test-artifacts");

/** Newest modification time under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build the app unless dist/web is newer than its sources (`npm test` has just built it). */
async function ensureBuilt(): Promise<void> {
  const page = join(ROOT, "dist", "web", "index.html");
  let built = 0;
  try {
    built = statSync(page).mtimeMs;
  } catch {}
  if (built < Math.max(newest(join(ROOT, "web")), newest(join(ROOT, "src")))) await buildWebApp();
}

let served: Served;
let b: Browsing;
let page: Page;
let p: Prepared;

beforeAll(async () => {
  await ensureBuilt();
  served = await serveWebApp();
  b = await openBrowser();
  page = b.page;
  const opened = openScenario(defaultScenarioText, DEFAULT_SCENARIO_FILE);
  if (!opened.ok) throw new Error("the default scenario does not load");
  const prepared = prepare(opened.scenario, []);
  if (!prepared.ok) throw new Error("the default scenario does not compile");
  p = prepared.value;
}, 240_000);

afterAll(async () => {
  await b?.close();
  await served?.close();
});

const en = (x: number | string) => (typeof x === "string" ? BigInt(x) : x).toLocaleString("en-US");
const opt = (dim: string, option: string) => page.locator(`[data-dim="${dim}"] [data-option="${option}"]`);

/** Wait until the analysis of the current selection is on the page. */
async function analysed(): Promise<void> {
  await page.locator("#zone-size").waitFor({ timeout: 120_000 });
}

describe("the web app in Chromium", () => {
  it("loads from guarantor serve with no console error and no request beyond its origin", async () => {
    await page.goto(served.url);
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 120_000, interval: 250 })
      .toMatch(/^Ready/);
    await analysed();
    const f = field(p.c, {});
    expect(await page.locator("#count").textContent()).toContain(`${en(f.count)} of ${en(f.total)}`);
    // Every dimension is a column with its label, every option a cell with its label.
    expect(await page.locator("[data-dim]").count()).toBe(p.c.dims.length);
    const first = p.scenario.dimensions[0]!;
    expect(await page.locator(`[data-dim="${first.id}"] .dim-label`).textContent()).toBe(
      first.label ?? first.id,
    );
    // The HTML report's pictures, drawn by the same functions, each a non-empty SVG with its text alternative.
    await page.locator("#pictures").waitFor({ timeout: 120_000 });
    const figures = await page.locator("[data-figure]").evaluateAll((xs) =>
      xs.map((x) => ({
        id: x.getAttribute("data-figure"),
        marks: x.querySelectorAll("svg path, svg circle, svg rect, svg line").length,
        height: x.querySelector("svg")?.getBoundingClientRect().height ?? 0,
        alt: x.querySelector("svg")?.getAttribute("aria-label") ?? "",
      })),
    );
    expect(figures.map((f) => f.id)).toEqual(
      expect.arrayContaining(["map", "pareto", "acceptance", "ladder", "burden"]),
    );
    for (const f of figures) {
      expect(f.marks, f.id ?? "").toBeGreaterThan(3);
      expect(f.height, f.id ?? "").toBeGreaterThan(100);
      expect(f.alt.length, f.id ?? "").toBeGreaterThan(20);
    }
    expect(b.errors).toEqual([]);
    expect(b.requests.filter((u) => !u.startsWith(served.url) && !u.startsWith("blob:"))).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "web-app.png"), fullPage: true });
  }, 180_000);

  it("fixing an option gives the exact count left and greys exactly the options nothing reaches", async () => {
    const fixes = { ground_presence: "none" };
    await opt("ground_presence", "none").click();
    const f = field(p.c, fixes);
    await expect
      .poll(() => page.locator("#count").textContent(), { timeout: 60_000, interval: 200 })
      .toContain(`${en(f.count)} of ${en(f.total)}`);
    for (const d of f.dims) {
      for (const o of d.options) {
        const cls = (await opt(d.id, o.id).getAttribute("class")) ?? "";
        expect(cls.includes("unreachable"), `${d.id}=${o.id}`).toBe(o.count === "0" && !o.fixed);
        expect(cls.includes("fixed"), `${d.id}=${o.id}`).toBe(o.fixed);
      }
    }
    // A greyed option cannot be fixed.
    const grey = f.dims.flatMap((d) =>
      d.options.filter((o) => o.count === "0").map((o) => [d.id, o.id] as const),
    );
    expect(grey.length).toBeGreaterThan(0);
    await opt(grey[0]![0], grey[0]![1]).click({ force: true });
    expect(await page.locator("#count").textContent()).toContain(en(f.count));
    await analysed();
  }, 120_000);

  it("shows the best completions of the selection, and a full scheme's explanation when every dimension is fixed", async () => {
    const solver = await loadHighsSolver(TEST_SOLVER_LIMITS);
    const expected = completions(p, { ground_presence: "none" }, solver);
    await expect
      .poll(() => page.locator("#zone").textContent(), { timeout: 120_000, interval: 250 })
      .toContain(`${en(expected.consistent)} consistent schemes; ${en(expected.feasible)} feasible`);
    for (const party of expected.parties) {
      expect(await page.locator(`[data-party="${party.party}"] .accepts`).textContent()).toMatch(
        new RegExp(`^${en(party.accepts)} `),
      );
    }
    await page.getByRole("button", { name: "Fix the focus scheme" }).click();
    await page
      .getByRole("heading", { name: "The scheme, every dimension fixed" })
      .waitFor({ timeout: 60_000 });
    expect(await page.locator("#count").textContent()).toMatch(/^1 of /);
    const verdicts = page.locator("#verdicts");
    for (const a of p.scenario.actors.filter((x) => x.stance)) {
      expect(await verdicts.textContent()).toContain(a.name);
    }
    // Verdicts cite their sources, and a source opens with its title and date.
    const link = verdicts.locator("button.src[data-source]").first();
    const id = (await link.getAttribute("data-source"))!;
    const source = p.scenario.sources.find((x) => x.id === id)!;
    expect(source, id).toBeDefined();
    await link.click();
    await expect.poll(() => page.locator("#source").getAttribute("open")).not.toBeNull();
    expect(await page.locator("#source-body").textContent()).toContain(source.title);
    await page.locator("#source-close").click();
    expect(b.errors).toEqual([]);
  }, 180_000);

  it("a what-if slider moves the verdicts as --set does", async () => {
    await page.locator("#clear").click();
    await opt("ground_presence", "none").click();
    await analysed();
    const path = "actors.UKR.stance.reservation";
    await page.locator("#whatif-controls summary", { hasText: "Ukraine" }).click();
    const slider = page.locator(`input[data-path="${path}"]`);
    await slider.fill("0");
    const moved = prepare(p.scenario, [{ path, value: "0" }]);
    if (!moved.ok) throw new Error("the setting was refused");
    const expected = completions(
      moved.value,
      { ground_presence: "none" },
      await loadHighsSolver(TEST_SOLVER_LIMITS),
    );
    const ukr = expected.parties.find((x) => x.party === "UKR")!;
    await expect
      .poll(() => page.locator('[data-party="UKR"] .accepts').textContent(), {
        timeout: 120_000,
        interval: 250,
      })
      .toMatch(new RegExp(`^${en(ukr.accepts)} `));
    expect(await page.locator("#overrides").textContent()).toContain(path);
    await page.locator("#reset-whatif").click();
    await expect.poll(() => page.locator("#overrides").textContent()).not.toContain(path);
  }, 240_000);

  it("the editor reports the loader's located errors and does not apply a broken scenario", async () => {
    await page.getByRole("tab", { name: "Scenario" }).click();
    const content = page.locator(".cm-content");
    await content.waitFor({ timeout: 60_000 });
    await content.click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("asOf: not-a-date\n");
    await page.locator("#apply").click();
    await expect
      .poll(() => page.locator("#diagnostics").textContent(), { timeout: 60_000, interval: 250 })
      .toMatch(new RegExp(`${DEFAULT_SCENARIO_FILE.replace(".", "\\.")}:\\d+:\\d+`));
    expect(await page.locator("#status").textContent()).toMatch(/^Not applied/);
    // Undo the edit: the scenario is the stored one again.
    for (let i = 0; i < 3; i++) await page.keyboard.press("Control+z");
    await page.getByRole("tab", { name: "Explore" }).click();
  }, 120_000);

  it("saves explorations as runs on the server, lists them and compares two", async () => {
    await page.locator("#clear").click();
    await opt("ground_presence", "none").click();
    await analysed();
    // "Saved run <id>." appears only once the server has finished the run (compare refuses a running one).
    const saved = async (): Promise<string> => {
      await page.locator("#save-run").click();
      expect(await page.locator("#status").textContent()).not.toMatch(/^Saved run/);
      await expect
        .poll(() => page.locator("#status").textContent(), { timeout: 180_000, interval: 500 })
        .toMatch(/^Saved run \S+\./);
      return (await page.locator("#status").textContent())!.split(" ")[2]!;
    };
    const first = await saved();
    await opt("ground_presence", "none").click(); // free it
    await opt("ground_presence", "monitors").click();
    await analysed();
    expect(await saved()).not.toBe(first);
    await page.getByRole("tab", { name: "Runs" }).click();
    const boxes = page.locator('#runs-list input[type="checkbox"]');
    await expect.poll(() => boxes.count(), { timeout: 30_000 }).toBe(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.locator("#compare").click();
    await expect
      .poll(() => page.locator("#runs-compare").textContent(), { timeout: 30_000, interval: 250 })
      .toContain("ground_presence");
    const res = await fetch(`${served.url}analyses`);
    expect(((await res.json()) as unknown[]).length).toBe(2);
    expect(b.errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "web-app-runs.png"), fullPage: true });
  }, 480_000);
});
