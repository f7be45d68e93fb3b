/**
 * The YAML adapter: the one place that knows the `yaml` package. It parses text into plain data and keeps
 * the line and column of every node, so that errors found later (schema, semantics) can be located.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { Diagnostic, SourcePosition } from "./diagnostics.js";

/** Most aliases a document may expand. An alias bomb (a billion laughs) exceeds it and fails fast. */
export const MAX_ALIAS_COUNT = 100;
/** Largest input accepted, in characters: a scenario is a few hundred kilobytes at most. */
export const MAX_INPUT_CHARS = 8_000_000;

/** Parsed YAML: the plain data and a function that locates any field path in the text. */
export interface ParsedYaml {
  data: unknown;
  /** Position of the value at `path` (or of its key, with `atKey`), else of the deepest node on the way. */
  locate(path: readonly (string | number)[], atKey?: boolean): SourcePosition | undefined;
}

/**
 * Parse YAML text, keeping positions.
 * @example parseYaml("a: 1\n", "x.yaml") // { ok: true, value: { data: { a: 1 }, locate } }
 */
export function parseYaml(
  text: string,
  file: string,
): { ok: true; value: ParsedYaml } | { ok: false; errors: Diagnostic[] } {
  if (text.length > MAX_INPUT_CHARS) {
    return {
      ok: false,
      errors: [
        { file, path: [], message: `file too large: ${text.length} characters, at most ${MAX_INPUT_CHARS}` },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const toPos = (offset: number): SourcePosition => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        file,
        path: [],
        position: toPos(e.pos[0]),
        message: `YAML syntax: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // The yaml package throws ReferenceError for excessive or unresolved aliases.
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [{ file, path: [], position: { line: 1, col: 1 }, message: `YAML aliases: ${message}` }],
    };
  }
  const locate = (path: readonly (string | number)[], atKey = false): SourcePosition | undefined => {
    let node: unknown = doc.contents;
    let best: number | undefined = (node as Node | null)?.range?.[0];
    for (const [depth, key] of path.entries()) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
        );
        if (pair && isPair(pair)) {
          if (atKey && depth === path.length - 1) return toPos((pair.key as Node).range?.[0] ?? best ?? 0);
          next = pair.value ?? pair.key;
          if (next === pair.key || pair.value === null) best = (pair.key as Node).range?.[0] ?? best;
        }
      } else if (isSeq(node) && typeof key === "number") {
        next = node.items[key];
      }
      if (next === undefined || next === null) break;
      node = next;
      best = (node as Node).range?.[0] ?? best;
    }
    return best === undefined ? undefined : toPos(best);
  };
  return { ok: true, value: { data, locate } };
}
