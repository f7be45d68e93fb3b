import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../../src/scenario/schema.js";
import { ROOT } from "../helpers.js";

describe("schema/scenario.schema.json", () => {
  it("scenarioJsonSchema() equals the committed file (regenerate with `npm run schema`)", () => {
    const committed = JSON.parse(readFileSync(join(ROOT, "schema", "scenario.schema.json"), "utf8"));
    expect(committed).toEqual(scenarioJsonSchema());
  });

  it("scenarioJsonSchema() describes the top-level sections and forbids unknown fields", () => {
    const s = scenarioJsonSchema() as {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    for (const key of ["sources", "theater", "actors", "dimensions", "rules", "parameters", "precedents"]) {
      expect(s.properties).toHaveProperty(key);
    }
    expect(s.required).toEqual(expect.arrayContaining(["sources", "theater", "actors", "dimensions"]));
    expect(s.additionalProperties).toBe(false);
  });
});
