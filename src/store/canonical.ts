/**
 * Canonical text and content hashes: JSON with object keys sorted at every level, so that two texts of the
 * same scenario (other key order, comments, YAML or JSON) get one hash.
 */
import { createHash } from "node:crypto";

/**
 * JSON with every object's keys in code-point order and no whitespace; `undefined` members are left out.
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * SHA-256 of a text, as 64 hex digits.
 * @example sha256("") // "e3b0c442…"
 */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
