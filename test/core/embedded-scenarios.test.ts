import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { embeddedSource } from "../../scripts/scenarios.js";
import { DEFAULT_SCENARIO_FILE, defaultScenarioText } from "../../src/scenarios/index.js";
import { ROOT } from "../helpers.js";

describe("guarantor/scenarios", () => {
  it("src/scenarios/embedded.ts is in sync with scenarios/*.yaml (run `npm run scenarios`)", () => {
    expect(readFileSync(join(ROOT, "src", "scenarios", "embedded.ts"), "utf8")).toBe(embeddedSource());
  });
  it("defaultScenarioText is the text of scenarios/ukraine-2025-08.yaml", () => {
    expect(DEFAULT_SCENARIO_FILE).toBe("ukraine-2025-08.yaml");
    expect(defaultScenarioText).toBe(readFileSync(join(ROOT, "scenarios", DEFAULT_SCENARIO_FILE), "utf8"));
  });
});
