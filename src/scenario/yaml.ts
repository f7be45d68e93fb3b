/**
 * The YAML adapter: the one place that knows the `yaml` package. It parses text into plain data and keeps
 * the line and column of every node, so that errors found later (schema, semantics) can be located.
 *
 * Hostile text is bounded before the recursive parts of the package run: the text is first read into the
 * package's concrete syntax tree (an iterative parser), whose nesting depth and aliases are counted without
 * recursion; only then is it composed into nodes (recursive, so limited to `maxDepth` levels). Duplicate keys
 * are found with one set per mapping (the package's own check compares every pair of keys).
 */
import {
  Composer,
  type CST,
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  Parser,
  visit,
} from "yaml";
import { type Diagnostic, MAX_ERRORS, moreErrors, type SourcePosition } from "./diagnostics.js";
import { DEFAULT_YAML_LIMITS, type YamlLimits } from "./yaml-limits.js";

export {
  DEFAULT_YAML_LIMITS,
  MAX_ALIAS_COUNT,
  MAX_INPUT_CHARS,
  MAX_YAML_DEPTH,
  type YamlLimits,
} from "./yaml-limits.js";

/** Tags the core schema resolves; any other tag (`!!js/function`, `!custom`) is refused, never guessed at. */
const KNOWN_TAGS = new Set(
  ["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`),
);

const TAGS_ACCEPTED = "(a scenario holds plain strings, numbers, booleans, null, mappings and lists)";

/** Parsed YAML: the plain data and a function that locates any field path in the text. */
export interface ParsedYaml {
  data: unknown;
  /** Position of the value at `path` (or of its key, with `atKey`), else of the deepest node on the way. */
  locate(path: readonly (string | number)[], atKey?: boolean): SourcePosition | undefined;
}

/** The deepest collection of a CST and where it starts, and the number of aliases: no recursion. */
function measureCst(tokens: readonly CST.Token[]): { depth: number; offset: number; aliases: number } {
  let depth = 0;
  let offset = 0;
  let aliases = 0;
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [token, level] = top;
    switch (token.type) {
      case "document":
        if (token.value) stack.push([token.value, level]);
        break;
      case "alias":
        aliases++;
        break;
      case "block-map":
      case "block-seq":
      case "flow-collection":
        if (level + 1 > depth) {
          depth = level + 1;
          offset = token.offset;
        }
        for (const item of token.items) {
          if (item.key) stack.push([item.key, level + 1]);
          if (item.value) stack.push([item.value, level + 1]);
        }
        break;
      default:
    }
  }
  return { depth, offset, aliases };
}

/** Mapping keys that repeat within their mapping, each with the first one's offset, and `__proto__` keys
 *  (first: -1). */
function duplicateKeys(doc: Document): { offset: number; key: string; first: number }[] {
  const out: { offset: number; key: string; first: number }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const at = pair.key.range?.[0] ?? 0;
        const first = seen.get(key);
        if (key === "__proto__") out.push({ offset: at, key, first: -1 });
        else if (first === undefined) seen.set(key, at);
        else out.push({ offset: at, key, first });
      }
    },
  });
  return out;
}

/**
 * Parse YAML text, keeping positions. The text may be at most `limits.maxChars` long, nest at most
 * `limits.maxDepth` levels and hold at most `limits.maxAliases` aliases; unknown tags and duplicate keys are
 * errors; a bare carriage return (old Mac line endings) counts as a line break.
 * @example parseYaml("a: 1\n", "x.yaml") // { ok: true, value: { data: { a: 1 }, locate } }
 */
export function parseYaml(
  text: string,
  file: string,
  limits: Partial<YamlLimits> = {},
): { ok: true; value: ParsedYaml } | { ok: false; errors: Diagnostic[] } {
  const { maxChars, maxDepth, maxAliases } = { ...DEFAULT_YAML_LIMITS, ...limits };
  const fail = (position: SourcePosition | undefined, message: string) => ({
    ok: false as const,
    errors: [{ file, path: [], position, message }],
  });
  if (text.length > maxChars)
    return fail(undefined, `file too large: ${text.length} characters, at most ${maxChars} (whole file)`);
  // Same length, so offsets and columns are unchanged; lines are counted as an editor shows them.
  const source = text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
  const lineCounter = new LineCounter();
  const toPos = (offset: number): SourcePosition => lineCounter.linePos(offset);
  const tokens = [...new Parser(lineCounter.addNewLine).parse(source)];
  const shape = measureCst(tokens);
  if (shape.depth > maxDepth)
    return fail(
      toPos(shape.offset),
      `nesting too deep: ${shape.depth} levels of mappings and lists, at most ${maxDepth} (whole file)`,
    );
  if (shape.aliases > maxAliases)
    return fail(toPos(0), `too many aliases: ${shape.aliases}, at most ${maxAliases} (whole file)`);
  const composer = new Composer({ uniqueKeys: false, prettyErrors: false, strict: true });
  let doc: Document.Parsed | undefined;
  const errors: Diagnostic[] = [];
  for (const d of composer.compose(tokens, true, source.length)) {
    if (!doc) doc = d;
    else {
      errors.push({
        file,
        path: [],
        position: toPos(d.range[0]),
        message: "YAML syntax: a second document (---); a file holds one",
      });
      break;
    }
  }
  if (!doc) return fail(toPos(0), "YAML syntax: no document");
  for (const e of doc.errors)
    errors.push({
      file,
      path: [],
      position: toPos(e.pos[0]),
      message: `YAML syntax: ${e.message.split("\n")[0]}`,
    });
  for (const w of doc.warnings)
    errors.push({
      file,
      path: [],
      position: toPos(w.pos[0]),
      message:
        w.code === "TAG_RESOLVE_FAILED"
          ? `YAML: ${(w.message.split("\n")[0] ?? "")
              .replace(/^Unresolved tag: /, "tag ")
              .replace("tag:yaml.org,2002:", "!!")} is not accepted ${TAGS_ACCEPTED}`
          : `YAML: ${w.message.split("\n")[0] ?? ""}`,
    });
  if (errors.length === 0) {
    visit(doc, {
      Node(_, node) {
        const tag = (node as { tag?: string }).tag;
        if (tag !== undefined && !KNOWN_TAGS.has(tag))
          errors.push({
            file,
            path: [],
            position: toPos(node.range?.[0] ?? 0),
            message: `YAML: tag ${tag.replace("tag:yaml.org,2002:", "!!")} is not accepted ${TAGS_ACCEPTED}`,
          });
      },
    });
    for (const { offset, key, first } of duplicateKeys(doc)) {
      const p = toPos(first);
      errors.push({
        file,
        path: [],
        position: toPos(offset),
        // Converted to data, "__proto__" would set the object's prototype instead of adding a key.
        message:
          first < 0
            ? `YAML: the key "__proto__" is not accepted (a built-in name of JavaScript objects)`
            : `YAML syntax: duplicate key ${JSON.stringify(key)} (first at line ${p.line}, column ${p.col})`,
      });
    }
  }
  if (errors.length > MAX_ERRORS)
    return {
      ok: false,
      errors: [
        ...errors.slice(0, MAX_ERRORS),
        moreErrors(file, errors.length - MAX_ERRORS, errors[MAX_ERRORS]!.position),
      ],
    };
  if (errors.length > 0) return { ok: false, errors };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: maxAliases });
  } catch (e) {
    // The yaml package throws ReferenceError for excessive or unresolved aliases.
    const message = e instanceof Error ? e.message : String(e);
    return fail(toPos(0), `YAML aliases: ${message}`);
  }
  const contents = doc.contents;
  const locate = (path: readonly (string | number)[], atKey = false): SourcePosition | undefined => {
    let node: unknown = contents;
    let best: number = (node as Node | null)?.range?.[0] ?? 0;
    for (const [depth, key] of path.entries()) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
        );
        if (pair && isPair(pair)) {
          if (atKey && depth === path.length - 1) return toPos((pair.key as Node).range?.[0] ?? best);
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
    return toPos(best);
  };
  return { ok: true, value: { data, locate } };
}
