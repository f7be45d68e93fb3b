/**
 * The scenarios shipped with Guarantor, as data (`import { defaultScenarioText } from "guarantor/scenarios"`):
 * no file system needed, so they load in a browser or a worker as in Node.
 */
import { EMBEDDED_SCENARIOS } from "./embedded.js";

/** File name of the default scenario: the flagship Ukraine case as of 20 August 2025. */
export const DEFAULT_SCENARIO_FILE = "ukraine-2025-08.yaml";

/** The YAML text of the default scenario (scenarios/ukraine-2025-08.yaml). */
export const defaultScenarioText: string = EMBEDDED_SCENARIOS[DEFAULT_SCENARIO_FILE]!;

/** The YAML text of each embedded scenario, by file name. */
export const embeddedScenarios: Readonly<Record<string, string>> = EMBEDDED_SCENARIOS;
