/**
 * Comparing two runs: which of the eight answers changed, and how (every value that differs, by its path in
 * the answer), with the counts, the focus scheme and the options set side by side.
 */

/** One value that differs between two runs. */
export interface Change {
  /** Path in the run's JSON: `answers[1].parties[0].accepts`. */
  path: string;
  a: unknown;
  b: unknown;
}

/** What changed in one part of the result (an answer, the counts, the uncertainty). */
export interface PartDiff {
  part: string;
  changed: boolean;
  /** The first `limit` changes, in document order. */
  changes: Change[];
  /** Changes beyond those listed. */
  more: number;
}

/** The comparison of two runs. */
export interface RunDiff {
  a: string;
  b: string;
  /** Options that differ (`where`, `objective`, `set`, `samples`, `seed`…). */
  options: Change[];
  /** The focus scheme's dimensions whose option differs. */
  focus: Change[];
  parts: PartDiff[];
  /** Parts with any change, by name. */
  changed: string[];
}

const ANSWER_NAMES = [
  "feasibility",
  "acceptability",
  "mechanism",
  "participation",
  "scope",
  "presence",
  "burden",
  "distance",
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

function pathOf(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;
}

/** Every leaf that differs between `a` and `b` (a missing side is `undefined`), in document order. */
export function leafChanges(a: unknown, b: unknown, path = "", out: Change[] = []): Change[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) leafChanges(a[i], b[i], pathOf(path, i), out);
  } else if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    for (const k of keys) leafChanges(a[k], b[k], pathOf(path, k), out);
  } else if (!Object.is(a, b) && JSON.stringify(a) !== JSON.stringify(b))
    out.push({ path: path || "(root)", a, b });
  return out;
}

function part(name: string, a: unknown, b: unknown, path: string, limit: number): PartDiff {
  const all = leafChanges(a, b, path);
  return {
    part: name,
    changed: all.length > 0,
    changes: all.slice(0, limit),
    more: Math.max(0, all.length - limit),
  };
}

/**
 * Compare two runs' results (the JSON of `analyze`, with `uncertainty` when it was run) and options.
 * @param limit changes listed per part (the rest are counted)
 * @example diffRuns({ id: "r1", options, result }, { id: "r2", options, result: other }).changed // ["counts", "acceptability"]
 */
export function diffRuns(
  a: { id: string; options: Record<string, unknown>; result: Record<string, unknown> },
  b: { id: string; options: Record<string, unknown>; result: Record<string, unknown> },
  limit = 20,
): RunDiff {
  const answersA = (a.result.answers as unknown[] | undefined) ?? [];
  const answersB = (b.result.answers as unknown[] | undefined) ?? [];
  const focusA = (a.result.focus as { scheme?: Record<string, string> } | undefined)?.scheme ?? {};
  const focusB = (b.result.focus as { scheme?: Record<string, string> } | undefined)?.scheme ?? {};
  const parts = [
    part("counts", a.result.counts, b.result.counts, "counts", limit),
    ...ANSWER_NAMES.map((name, i) => part(name, answersA[i], answersB[i], `answers[${i}]`, limit)),
  ];
  if (a.result.uncertainty !== undefined || b.result.uncertainty !== undefined)
    parts.push(part("uncertainty", a.result.uncertainty, b.result.uncertainty, "uncertainty", limit));
  return {
    a: a.id,
    b: b.id,
    options: leafChanges(a.options, b.options),
    focus: leafChanges(focusA, focusB),
    parts,
    changed: parts.filter((p) => p.changed).map((p) => p.part),
  };
}
