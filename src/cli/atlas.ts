/** The world-atlas topology the maps and coverage shares are drawn on (countries-50m.json from world-atlas). */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { WorldAtlas } from "../models/coverage.js";

let cached: { atlas: WorldAtlas | undefined } | undefined;

/** The parsed countries-50m.json (read once per process and shared: do not modify it), or undefined when the
 *  package is missing. */
export function readAtlas(): WorldAtlas | undefined {
  cached ??= { atlas: read() };
  return cached.atlas;
}

function read(): WorldAtlas | undefined {
  try {
    const path = createRequire(import.meta.url).resolve("world-atlas/countries-50m.json");
    return JSON.parse(readFileSync(path, "utf8")) as WorldAtlas;
  } catch {
    return undefined;
  }
}
