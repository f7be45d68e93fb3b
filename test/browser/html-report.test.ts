/**
 * The flagship's HTML report in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
 * it loads from a file with no console error and no request beyond the file itself, every figure is present
 * and drawn, and a screenshot is saved under test-artifacts/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers.js";
import { CHROMIUM, openBrowser } from "../web/browser.js";

const FIGURES = ["map", "pareto", "acceptance", "ladder", "burden"];
const ARTIFACTS = join(ROOT, "test-artifacts");

describe("analyze --html on the flagship", () => {
  const dir = mkdtempSync(join(tmpdir(), "guarantor-html-"));
  const file = join(dir, "flagship.html");
  let html: string;
  beforeAll(async () => {
    const r = await runCli(["analyze", "--quiet", "--html", file], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    html = readFileSync(file, "utf8");
  }, 120_000);

  it("is one self-contained file: no script, no external reference, provenance on the page", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*"(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    for (const k of ["tool", "scenario", "scenario SHA-256", "as of", "seed", "overrides"])
      expect(html).toContain(`<dt>${k}</dt>`);
    expect(html).toMatch(/<dd>[0-9a-f]{64}<\/dd>/);
    expect(html).toContain("<dd>2025-08-20</dd>");
    for (const f of FIGURES) expect(html).toContain(`data-figure="${f}"`);
  });

  it("loads in Chromium from the file with no console error and no request, every figure drawn", async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} (Debian's chromium) is needed for this test`).toBe(true);
    const browsing = await openBrowser();
    try {
      const { page, errors, requests } = browsing;
      await page.setViewportSize({ width: 1100, height: 1400 });
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: "load" });
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      for (const f of FIGURES) {
        const figure = page.locator(`figure[data-figure="${f}"]`);
        await expect(figure.locator("figcaption").textContent()).resolves.toMatch(/\w{4,}/);
        const svg = figure.locator(":scope > svg");
        const box = await svg.boundingBox();
        expect(box, f).not.toBeNull();
        expect(box!.width, f).toBeGreaterThan(300);
        expect(box!.height, f).toBeGreaterThan(100);
        // Drawn, not an empty frame: marks inside, and a text alternative.
        const marks = await svg.locator("path, circle, rect, line, text").count();
        expect(marks, f).toBeGreaterThan(10);
        await expect(svg.getAttribute("aria-label")).resolves.toMatch(/\S.{40,}/);
        await expect(figure.locator("p.alt").textContent()).resolves.toMatch(/\S.{40,}/);
      }
      // The map draws every territory and the contact line.
      const mapPaths = await page.locator('figure[data-figure="map"] path').count();
      expect(mapPaths).toBeGreaterThan(20);
      mkdirSync(ARTIFACTS, { recursive: true });
      const shot = join(ARTIFACTS, "html-report-flagship.png");
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.length).toBeGreaterThan(50_000);
    } finally {
      await browsing.close();
    }
  }, 60_000);
});
