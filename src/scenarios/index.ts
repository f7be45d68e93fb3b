/**
 * The scenarios shipped with Guarantor, as data (`import { defaultScenarioText } from "guarantor/scenarios"`):
 * no file system needed, so they load in a browser or a worker as in Node. Each is also kept compiled (parsed
 * and validated at build time, `npm run scenarios`), so that `loadEmbeddedScenario` needs neither the YAML
 * parser nor the schema's validation.
 */
import type { Diagnostic } from "../scenario/diagnostics.js";
import type { Scenario } from "../scenario/schema.js";
import { COMPILED_SCENARIOS } from "./compiled.js";
import { EMBEDDED_SCENARIOS } from "./embedded.js";

/** File name of the default scenario: the flagship Ukraine case as of 20 August 2025. */
export const DEFAULT_SCENARIO_FILE = "ukraine-2025-08.yaml";

/** The YAML text of the default scenario (scenarios/ukraine-2025-08.yaml). */
export const defaultScenarioText: string = EMBEDDED_SCENARIOS[DEFAULT_SCENARIO_FILE]!;

/** The YAML text of each embedded scenario, by file name. */
export const embeddedScenarios: Readonly<Record<string, string>> = EMBEDDED_SCENARIOS;

/** An embedded scenario as the loader returns it: valid, with its warnings (located in its YAML text). */
export interface LoadedEmbeddedScenario {
  ok: true;
  value: Scenario;
  warnings: Diagnostic[];
}

/**
 * An embedded scenario exactly as `loadScenario(text, file)` returns it for its text (a test checks they are
 * deep-equal), from its compiled form: a fresh copy on every call, so a caller may change it.
 * @param name the embedded file name (default: the default scenario)
 * @param file the name its warnings carry (default: `name`)
 * @example loadEmbeddedScenario().value.id // "ukraine-2025-08"
 */
export function loadEmbeddedScenario(name = DEFAULT_SCENARIO_FILE, file = name): LoadedEmbeddedScenario {
  const json = COMPILED_SCENARIOS[name];
  if (json === undefined)
    throw new Error(
      `loadEmbeddedScenario: no embedded scenario "${name}" (embedded: ${Object.keys(COMPILED_SCENARIOS).join(", ")})`,
    );
  const loaded = JSON.parse(json) as { scenario: Scenario; warnings: Diagnostic[] };
  return { ok: true, value: loaded.scenario, warnings: loaded.warnings.map((w) => ({ ...w, file })) };
}
