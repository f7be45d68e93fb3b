import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RESERVED_ATTRIBUTES } from "../../src/scenario/index.js";
import { ROOT } from "../helpers.js";

describe("docs/attributes.md", () => {
  it("lists exactly the reserved attributes of src/scenario/reserved.ts, with their types and defaults", () => {
    const text = readFileSync(join(ROOT, "docs", "attributes.md"), "utf8");
    const rows = [...text.matchAll(/^\| `([a-z_]+)` \| (\w+) \| ([^|]+) \|/gm)].map((m) => ({
      name: m[1]!,
      type: m[2]!,
      default: m[3]!.trim().replace(/`/g, ""),
    }));
    expect(rows.map((r) => r.name)).toEqual(Object.keys(RESERVED_ATTRIBUTES));
    for (const r of rows) {
      const reserved = RESERVED_ATTRIBUTES[r.name]!;
      expect(r.type, r.name).toBe(reserved.type);
      expect(r.default, r.name).toBe(String(reserved.default));
    }
  });
});
