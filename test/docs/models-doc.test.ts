import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MODEL_DOCS, militaryDoc, modelsDoc } from "../../scripts/models-doc.js";
import { ROOT } from "../helpers.js";

describe("docs/models.md", () => {
  it("docs/models.md equals the concatenation of docs/models/*.md (regenerate with `npm run docs`)", () => {
    expect(readFileSync(join(ROOT, "docs", "models.md"), "utf8")).toBe(modelsDoc());
  });

  it("docs/models/military.md's calibration, flagship and parameter tables are regenerated from the library and the code (npm run docs)", () => {
    const text = readFileSync(join(ROOT, "docs", "models", "military.md"), "utf8");
    expect(text).toBe(militaryDoc());
    // The tables are there, not empty markers.
    expect(text).toMatch(/\| observation\.unarmed\.line \| fit \| \d+ \|/);
    expect(text).toMatch(/\*\*QRA fit\*\*/);
    expect(text).toMatch(/\| ground_presence=reassurance_in_depth \|/);
  });

  it("every model section has equations or parameters and a limits section", () => {
    for (const f of MODEL_DOCS) {
      const text = readFileSync(join(ROOT, "docs", "models", f), "utf8");
      expect(text, f).toMatch(/limit/i);
      expect(text, f).toMatch(/[=×Σ]/);
    }
  });
});
