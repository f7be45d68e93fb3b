import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MECHANISM_ATTRIBUTES, readMechanismAttributes } from "../../src/deterrence/index.js";
import { attributeClassRadix, classIndex } from "../../src/scenario/radix.js";
import { enumerateSchemes } from "../../src/space/index.js";
import { compileText, ROOT } from "../helpers.js";

describe("attributeClassRadix", () => {
  it("gives two schemes of the flagship the same class index exactly when their mechanism attributes agree", () => {
    const c = compileText(readFileSync(join(ROOT, "scenarios", "ukraine-2025-08.yaml"), "utf8"), "f.yaml");
    const r = attributeClassRadix(c, MECHANISM_ATTRIBUTES);
    const byIndex = new Map<number, string>();
    const byVector = new Map<string, number>();
    let n = 0;
    for (const s of enumerateSchemes(c)) {
      if (n++ % 37 !== 0) continue; // a spread sample of the 945,200
      const i = classIndex(r, s);
      const v = JSON.stringify(readMechanismAttributes(c, s));
      expect(i).toBeLessThan(r.size);
      if (byIndex.has(i)) expect(byIndex.get(i)).toBe(v);
      else byIndex.set(i, v);
      if (byVector.has(v)) expect(byVector.get(v)).toBe(i);
      else byVector.set(v, i);
    }
    expect(byIndex.size).toBeGreaterThan(100);
  });
});
