/**
 * The bounds the YAML adapter (yaml.ts) enforces, as plain constants, so that code which only reads or sets
 * them (the input readers, the CLI) does not load the YAML parser.
 */

/** Most aliases a document may expand. An alias bomb (a billion laughs) exceeds it and fails fast. */
export const MAX_ALIAS_COUNT = 100;
/** Largest input accepted, in characters: the flagship scenario is about 220 kB. */
export const MAX_INPUT_CHARS = 8_000_000;
/** Deepest nesting of mappings and lists accepted: the flagship nests 11 levels; the parser's recursion
 *  overflows the stack near 1,000. */
export const MAX_YAML_DEPTH = 100;

/** The bounds `parseYaml` enforces on a text before and while parsing it. */
export interface YamlLimits {
  /** Most characters (a whole-file check). */
  maxChars: number;
  /** Deepest nesting of mappings, lists and flow collections (a whole-file check, located at the deepest). */
  maxDepth: number;
  /** Most aliases (`*name`) in the text, and most expanded when converting to data. */
  maxAliases: number;
}

/** The limits used when none are given. */
export const DEFAULT_YAML_LIMITS: Readonly<YamlLimits> = {
  maxChars: MAX_INPUT_CHARS,
  maxDepth: MAX_YAML_DEPTH,
  maxAliases: MAX_ALIAS_COUNT,
};
