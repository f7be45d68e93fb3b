/**
 * Reading the precedent library for the CLI and the scripts: every `*.yaml` under data/precedents (or a folder
 * given), in name order, validated with located errors (an InputError, exit 2).
 */
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readInputFile } from "../adapters/read-input.js";
import { loadPrecedentLibrary, type PrecedentLibrary } from "../precedents/index.js";
import { InputError } from "../scenario/diagnostics.js";

/** The library shipped with Guarantor: data/precedents, two folders up from src/cli or dist/cli. */
export const DEFAULT_LIBRARY_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "data",
  "precedents",
);

/**
 * Load the precedent library from a folder (default: the shipped one).
 * @example readPrecedentLibrary().ground.length
 */
export function readPrecedentLibrary(
  dir: string = DEFAULT_LIBRARY_DIR,
  cwd = process.cwd(),
): PrecedentLibrary {
  const full = resolve(cwd, dir);
  let names: string[];
  try {
    names = readdirSync(full)
      .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
      .sort();
  } catch {
    throw new InputError([
      { file: dir, path: [], message: "no such folder (expected data/precedents/*.yaml)" },
    ]);
  }
  if (names.length === 0)
    throw new InputError([{ file: dir, path: [], message: "no .yaml files in the folder" }]);
  const r = loadPrecedentLibrary(
    names.map((n) => readInputFile(join(full, n), cwd)).map(({ text, name }) => ({ file: name, text })),
  );
  if (!r.ok) throw new InputError(r.errors);
  return r.value;
}
