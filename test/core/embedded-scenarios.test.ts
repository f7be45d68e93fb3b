import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compiledSource, EMBEDDED, embeddedSource } from "../../scripts/scenarios.js";
import { loadScenario } from "../../src/scenario/validate.js";
import {
  DEFAULT_SCENARIO_FILE,
  defaultScenarioText,
  loadEmbeddedScenario,
} from "../../src/scenarios/index.js";
import { ROOT } from "../helpers.js";

describe("guarantor/scenarios", () => {
  it("src/scenarios/embedded.ts is in sync with scenarios/*.yaml (run `npm run scenarios`)", () => {
    expect(readFileSync(join(ROOT, "src", "scenarios", "embedded.ts"), "utf8")).toBe(embeddedSource());
  });
  it("defaultScenarioText is the text of scenarios/ukraine-2025-08.yaml", () => {
    expect(DEFAULT_SCENARIO_FILE).toBe("ukraine-2025-08.yaml");
    expect(defaultScenarioText).toBe(readFileSync(join(ROOT, "scenarios", DEFAULT_SCENARIO_FILE), "utf8"));
  });
  it("src/scenarios/compiled.ts is in sync with scenarios/*.yaml and the loader (run `npm run scenarios`)", () => {
    expect(readFileSync(join(ROOT, "src", "scenarios", "compiled.ts"), "utf8")).toBe(compiledSource());
  });
  it("the compiled form of each embedded scenario is what loading its YAML gives (deep-equal)", () => {
    for (const name of EMBEDDED) {
      const file = `${name} (default)`;
      const fromYaml = loadScenario(readFileSync(join(ROOT, "scenarios", name), "utf8"), file);
      expect(fromYaml.ok).toBe(true);
      expect(loadEmbeddedScenario(name, file)).toStrictEqual(fromYaml);
    }
  });
  it("loadEmbeddedScenario gives a fresh copy every call and names the embedded files when asked for another", () => {
    const a = loadEmbeddedScenario();
    a.value.actors.length = 0;
    expect(loadEmbeddedScenario().value.actors.length).toBeGreaterThan(0);
    expect(() => loadEmbeddedScenario("missing.yaml")).toThrow(/embedded: ukraine-2025-08\.yaml/);
  });
});
