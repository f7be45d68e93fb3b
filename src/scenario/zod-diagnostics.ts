/**
 * Located messages for zod schema issues: one helper for every input format (scenario files, coalition
 * problems), so that all say what was expected, what was found and where.
 */
import type { z } from "zod";
import {
  type Diagnostic,
  describeValue,
  MAX_ERRORS,
  moreErrors,
  type SourcePosition,
} from "./diagnostics.js";
import { MAGNITUDE_MESSAGE } from "./schema.js";

type Path = (string | number)[];

/** Finds the line and column of a field path (or of its key, with `atKey`); see `parseYaml`. */
export type Locate = (path: readonly (string | number)[], atKey?: boolean) => SourcePosition | undefined;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Flatten zod issues. For a union, keep the branch that got furthest: its complaints are the useful ones. */
function flattenIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const branches = issue.errors.map((b) => flattenIssues(b, path));
      const depth = (b: z.core.$ZodIssue[]) => Math.max(...b.map((i) => i.path.length)) * 1000 - b.length;
      const noKeys = branches.filter((b) => !b.some((i) => i.code === "unrecognized_keys"));
      const pool = noKeys.length > 0 ? noKeys : branches;
      let best = pool[0]!;
      for (const b of pool) if (depth(b) > depth(best)) best = b;
      // When no branch got past the union's own level, say what the union accepts instead.
      if (
        depth(best) < (path.length + 1) * 1000 - best.length ||
        best.every((i) => i.path.length <= path.length)
      ) {
        out.push({
          ...issue,
          path,
          message: issue.message === "Invalid input" ? "matches none of the accepted forms" : issue.message,
        } as z.core.$ZodIssue);
      } else out.push(...best);
    } else out.push({ ...issue, path } as z.core.$ZodIssue);
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue, data: unknown): string {
  const got = valueAt(data, issue.path);
  switch (issue.code) {
    case "invalid_type":
      return got === undefined
        ? `missing; expected ${issue.expected}`
        : `expected ${issue.expected}, got ${describeValue(got)}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${describeValue(got)}`;
    case "too_small":
      return `${issue.message.replace(/^Too small: /, "")}, got ${describeValue(got)}`;
    case "too_big":
      return `${issue.message.replace(/^Too big: /, "")}, got ${describeValue(got)}`;
    case "invalid_key": {
      // A record key that is not an identifier (or a built-in name such as `constructor`): say why.
      const inner = (issue as { issues?: { message: string }[] }).issues?.[0]?.message ?? issue.message;
      return `${inner}, got the key ${JSON.stringify(String(issue.path.at(-1)))}`;
    }
    case "invalid_union": {
      // A discriminated union whose discriminator matches no form: name the forms.
      const forms = (issue as { options?: unknown[] }).options;
      if (Array.isArray(forms) && forms.length > 0)
        return `expected one of ${forms.map((f) => JSON.stringify(f)).join(", ")}, got ${describeValue(got)}`;
      return got === undefined ? issue.message : `${issue.message}, got ${describeValue(got)}`;
    }
    default:
      return got === undefined ? issue.message : `${issue.message}, got ${describeValue(got)}`;
  }
}

/**
 * Turn zod issues into located diagnostics, one per distinct (path, message); an unknown field is located at
 * its key.
 * @example if (!r.success) return { ok: false, errors: schemaDiagnostics(r.error.issues, data, file, locate) };
 */
export function schemaDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  file: string,
  locate: Locate,
): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  const flat = flattenIssues(issues);
  // A number both out of range and of an absurd size: the range says more.
  const ranged = new Set(
    flat.filter((i) => i.code === "too_small" || i.code === "too_big").map((i) => i.path.join("/")),
  );
  let more = 0;
  let firstMore: Path | undefined;
  for (const issue of flat) {
    if (out.length >= MAX_ERRORS) {
      more++;
      firstMore ??= issue.path.map((k) => (typeof k === "symbol" ? String(k) : k));
      continue;
    }
    if (issue.code === "custom" && issue.message === MAGNITUDE_MESSAGE && ranged.has(issue.path.join("/")))
      continue;
    const path: Path = issue.path.map((k) => (typeof k === "symbol" ? String(k) : k));
    const unknownKey = issue.code === "unrecognized_keys" && issue.keys.length === 1;
    const badKey = issue.code === "invalid_key";
    const where = unknownKey ? [...path, issue.keys[0]!] : path;
    const message = issueMessage(issue, data);
    const key = `${where.join("/")}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file, path: where, position: locate(where, unknownKey || badKey), message });
  }
  if (more > 0) out.push(moreErrors(file, more, locate(firstMore ?? [])));
  return out;
}
