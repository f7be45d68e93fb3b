/**
 * The scheme space: the morphological field's consistent schemes, enumerated lazily and counted exactly.
 */
import type { CompiledRule, CompiledScenario } from "../scenario/compile.js";
import { LimitError } from "../scenario/diagnostics.js";

/** Most states the exact counter keeps at one dimension (option choices on the dimensions rules still link):
 *  each is a key and a BigInt (about 200 bytes), and a Map holds at most 2^24 entries. The flagship needs 1,600. */
export const MAX_COUNT_STATES = 250_000;
/** Default work budget of one exact count (states × options tried, summed over every dimension and, in
 *  `countSchemes`, over its count per rule). The flagship's `countSchemes` takes about 460,000 (0.4 s). */
export const MAX_COUNT_WORK = 20_000_000;

/** The work left to an exact count; `countSchemes` shares one among its counts. */
export interface CountBudget {
  work: number;
}

/** Options allowed per dimension: `allowed[d][o]` true when option o of dimension d may be chosen. */
export type OptionFilter = boolean[][];

/** Every option allowed, optionally fixing some dimensions (dimension index → option index). */
export function optionFilter(
  c: CompiledScenario,
  fixed: ReadonlyMap<number, number> = new Map(),
): OptionFilter {
  return c.dims.map((d, i) => d.options.map((_, o) => !fixed.has(i) || fixed.get(i) === o));
}

/** Rules grouped by the last dimension they read: a rule can be checked once that dimension is chosen. */
function rulesByLastDim(c: CompiledScenario, rules: readonly CompiledRule[]): CompiledRule[][] {
  const out: CompiledRule[][] = c.dims.map(() => []);
  for (const r of rules) out[Math.max(...r.dims)]!.push(r);
  return out;
}

export interface EnumerateOptions {
  /** Restrict options per dimension (see `optionFilter`). */
  filter?: OptionFilter;
}

/**
 * Yield every consistent scheme in lexicographic order, by depth-first search that checks each rule as soon
 * as its last dimension is chosen. Lazy: never builds the list.
 *
 * The yielded array is reused between steps: copy it (`Int32Array.from(s)`) to keep it.
 * @example for (const s of enumerateSchemes(c)) console.log(schemeToObject(c, s));
 */
export function* enumerateSchemes(
  c: CompiledScenario,
  options: EnumerateOptions = {},
): Generator<Int32Array> {
  const n = c.dims.length;
  const filter = options.filter ?? optionFilter(c);
  const byLast = rulesByLastDim(c, c.rules);
  const scheme = new Int32Array(n);
  const sizes = c.dims.map((d) => d.options.length);
  // Iterative DFS: scheme[d] holds the option being tried at depth d.
  let d = 0;
  scheme[0] = -1;
  while (d >= 0) {
    scheme[d]!++;
    if (scheme[d]! >= sizes[d]!) {
      d--;
      continue;
    }
    if (!filter[d]![scheme[d]!]) continue;
    let ok = true;
    for (const r of byLast[d]!) {
      let hit = true;
      for (let k = 0; k < r.dims.length; k++) {
        if (!r.masks[k]![scheme[r.dims[k]!]!]) {
          hit = false;
          break;
        }
      }
      if (hit) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (d === n - 1) yield scheme;
    else {
      d++;
      scheme[d] = -1;
    }
  }
}

/**
 * Count the schemes that break none of `rules`, exactly (BigInt), without enumerating them: dynamic
 * programming along the dimensions, whose state is the options chosen on the dimensions that a rule still
 * links to a later one (the "frontier"). Its cost grows with the frontier's product of option counts, not with
 * the number of schemes.
 * @example countConsistent(c) // 123456n
 */
export function countConsistent(
  c: CompiledScenario,
  rules: readonly CompiledRule[] = c.rules,
  filter: OptionFilter = optionFilter(c),
  budget: CountBudget = { work: MAX_COUNT_WORK },
): bigint {
  const allowed = filter.map((f) => f.filter(Boolean).length);
  const n = c.dims.length;
  const byLast = rulesByLastDim(c, rules);
  // lastUse[d]: the latest dimension that shares a rule with d (d itself when none).
  const lastUse = c.dims.map((_, d) => d);
  for (const r of rules) {
    const last = Math.max(...r.dims);
    for (const d of r.dims) lastUse[d] = Math.max(lastUse[d]!, last);
  }
  // State: values of the frontier dims (in increasing order), encoded as a string key.
  let frontier: number[] = [];
  let states = new Map<string, { values: number[]; count: bigint }>([["", { values: [], count: 1n }]]);
  const value = new Int32Array(n);
  for (let d = 0; d < n; d++) {
    const nextFrontier = [...frontier, d].filter((x) => lastUse[x]! > d);
    const next = new Map<string, { values: number[]; count: bigint }>();
    budget.work -= states.size * allowed[d]!;
    if (budget.work < 0) throw tooWide(c, d, nextFrontier, states.size, allowed, "work");
    for (const { values, count } of states.values()) {
      frontier.forEach((f, k) => {
        value[f] = values[k]!;
      });
      for (let o = 0; o < c.dims[d]!.options.length; o++) {
        if (!filter[d]![o]) continue;
        value[d] = o;
        const broken = byLast[d]!.some((r) => r.dims.every((x, k) => r.masks[k]![value[x]!]));
        if (broken) continue;
        const nv = nextFrontier.map((x) => value[x]!);
        const key = nv.join(",");
        const prev = next.get(key);
        if (prev) prev.count += count;
        else {
          if (next.size >= MAX_COUNT_STATES) throw tooWide(c, d, nextFrontier, next.size, allowed, "states");
          next.set(key, { values: nv, count });
        }
      }
    }
    frontier = nextFrontier;
    states = next;
  }
  let total = 0n;
  for (const s of states.values()) total += s.count;
  return total;
}

/** The error of a count that would exceed its budget: the numbers, the dimensions that make it wide, and what
 *  to do. */
function tooWide(
  c: CompiledScenario,
  d: number,
  frontier: readonly number[],
  states: number,
  allowed: readonly number[],
  what: "work" | "states",
): LimitError {
  const linked = frontier.map((x) => `${c.dims[x]!.id} (${allowed[x]} options)`).join(", ");
  const raw = allowed.reduce((p, n) => p * BigInt(n), 1n);
  return new LimitError(
    `the space cannot be counted exactly within the budget: ${
      what === "states"
        ? `more than ${MAX_COUNT_STATES.toLocaleString("en-US")} combinations of options`
        : `more than ${MAX_COUNT_WORK.toLocaleString("en-US")} steps (${states.toLocaleString("en-US")} combinations of options)`
    } at dimension ${c.dims[d]!.id}, where the options of ${linked || "no dimension"} must be kept apart because rules link them to later dimensions; ` +
      `there are at most ${raw.toLocaleString("en-US")} schemes (the raw count). Fix some of these dimensions ` +
      "with --where dim=option, give them fewer options, or link fewer dimensions by rules",
  );
}

/** The number of schemes before any rule: the product of the option counts. */
export function countRaw(c: CompiledScenario, filter: OptionFilter = optionFilter(c)): bigint {
  return filter.reduce((p, f) => p * BigInt(f.filter(Boolean).length), 1n);
}

export interface RulePruning {
  rule: string;
  reason: string;
  /** Raw schemes the rule excludes on its own. */
  alone: bigint;
  /** Schemes excluded by this rule and by no other: the count rises by this much without it. */
  only: bigint;
}

export interface SpaceCount {
  raw: bigint;
  consistent: bigint;
  rules: RulePruning[];
}

/**
 * Count the raw and consistent schemes and how much each rule prunes.
 * @example const { raw, consistent } = countSchemes(c);
 */
export function countSchemes(c: CompiledScenario, filter: OptionFilter = optionFilter(c)): SpaceCount {
  const raw = countRaw(c, filter);
  const budget: CountBudget = { work: MAX_COUNT_WORK };
  const consistent = countConsistent(c, c.rules, filter, budget);
  const rules = c.rules.map((r, i) => {
    let alone = raw;
    c.dims.forEach((_, d) => {
      const k = r.dims.indexOf(d);
      const size = BigInt(filter[d]!.filter(Boolean).length);
      const hit = k < 0 ? size : BigInt(r.masks[k]!.filter((m, o) => m && filter[d]![o]).length);
      alone = size === 0n ? 0n : (alone / size) * hit;
    });
    const without = countConsistent(
      c,
      c.rules.filter((_, j) => j !== i),
      filter,
      budget,
    );
    return { rule: r.id, reason: r.reason, alone, only: without - consistent };
  });
  return { raw, consistent, rules };
}
