/**
 * The compiled form of a valid scenario: dimensions and options as indexes, attributes as tables, rules as
 * masks, predicates as tree walks over a scheme. Everything downstream (scheme space, models, politics)
 * reads schemes as arrays of option indexes, one per dimension.
 */
import type { AttrValue, OptionSelector, Predicate, Rule, Scenario } from "./schema.js";

/** A scheme: the index of the chosen option in each dimension, in the scenario's dimension order. */
export type Scheme = ArrayLike<number>;

export interface CompiledDimension {
  id: string;
  options: string[];
  optionIndex: Map<string, number>;
}

export interface CompiledAttribute {
  name: string;
  /** Index of the dimension whose options set it. */
  dim: number;
  type: "number" | "boolean" | "string";
  /** Value per option of that dimension (the declared default where an option does not set it). */
  values: AttrValue[];
}

/** A rule as a conjunction of per-dimension option masks: a scheme is inconsistent when every mask holds. */
export interface CompiledRule {
  id: string;
  reason: string;
  dims: number[];
  /** For each entry of `dims`, `masks[k][option]` is true when that option matches. */
  masks: boolean[][];
}

export interface CompiledScenario {
  scenario: Scenario;
  dims: CompiledDimension[];
  dimIndex: Map<string, number>;
  attributes: CompiledAttribute[];
  attrIndex: Map<string, number>;
  rules: CompiledRule[];
}

function selectorMasks(dims: CompiledDimension[], dimIndex: Map<string, number>, sel: OptionSelector) {
  const out: { dim: number; mask: boolean[] }[] = [];
  for (const [dimId, value] of Object.entries(sel)) {
    const d = dimIndex.get(dimId);
    if (d === undefined) throw new Error(`compileScenario: unknown dimension ${dimId} (validate first)`);
    const dim = dims[d]!;
    const mask = dim.options.map(() => false);
    for (const opt of Array.isArray(value) ? value : [value]) {
      const o = dim.optionIndex.get(opt);
      if (o === undefined)
        throw new Error(`compileScenario: unknown option ${dimId}=${opt} (validate first)`);
      mask[o] = true;
    }
    out.push({ dim: d, mask });
  }
  return out;
}

/** Turn a rule into the masks of the combinations it forbids. `if A then B` forbids A ∧ ¬B. */
function compileRule(dims: CompiledDimension[], dimIndex: Map<string, number>, rule: Rule): CompiledRule {
  const parts =
    "forbid" in rule
      ? selectorMasks(dims, dimIndex, rule.forbid)
      : [
          ...selectorMasks(dims, dimIndex, rule.if),
          ...selectorMasks(dims, dimIndex, rule.then).map(({ dim, mask }) => ({
            dim,
            mask: mask.map((m) => !m),
          })),
        ];
  // Merge masks on the same dimension (a conjunction: both must hold).
  const merged = new Map<number, boolean[]>();
  for (const { dim, mask } of parts) {
    const prev = merged.get(dim);
    merged.set(dim, prev ? prev.map((m, i) => m && mask[i]!) : mask);
  }
  const entries = [...merged.entries()].sort((a, b) => a[0] - b[0]);
  return {
    id: rule.id,
    reason: rule.reason,
    dims: entries.map((e) => e[0]),
    masks: entries.map((e) => e[1]),
  };
}

/**
 * Compile a validated scenario (see `loadScenario`). Throws only on a scenario that skipped validation.
 * @example const c = compileScenario(scenario); c.dims[0].options // ["none", "article5_like", …]
 */
export function compileScenario(scenario: Scenario): CompiledScenario {
  const dims: CompiledDimension[] = scenario.dimensions.map((d) => ({
    id: d.id,
    options: d.options.map((o) => o.id),
    optionIndex: new Map(d.options.map((o, i) => [o.id, i])),
  }));
  const dimIndex = new Map(dims.map((d, i) => [d.id, i]));
  const attributes: CompiledAttribute[] = [];
  scenario.dimensions.forEach((d, di) => {
    for (const [name, decl] of Object.entries(d.attributes)) {
      attributes.push({
        name,
        dim: di,
        type: decl.type,
        values: d.options.map((o) => o.attributes[name] ?? decl.default),
      });
    }
  });
  const attrIndex = new Map(attributes.map((a, i) => [a.name, i]));
  const rules = scenario.rules.map((r) => compileRule(dims, dimIndex, r));
  return { scenario, dims, dimIndex, attributes, attrIndex, rules };
}

/** The value of an attribute in a scheme. */
export function attributeValue(c: CompiledScenario, scheme: Scheme, attr: string): AttrValue {
  const a = c.attributes[c.attrIndex.get(attr) ?? -1];
  if (!a) throw new Error(`attributeValue: unknown attribute ${attr}`);
  return a.values[scheme[a.dim]!]!;
}

/** Numeric value of an attribute (booleans count as 0/1). */
export function numericAttribute(c: CompiledScenario, scheme: Scheme, attr: string): number {
  const v = attributeValue(c, scheme, attr);
  return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : Number.NaN;
}

/** Evaluate a declarative predicate on a scheme. A tree walk over data: nothing is evaluated as code. */
export function evaluatePredicate(c: CompiledScenario, p: Predicate, scheme: Scheme): boolean {
  if ("all" in p) return p.all.every((q) => evaluatePredicate(c, q, scheme));
  if ("any" in p) return p.any.some((q) => evaluatePredicate(c, q, scheme));
  if ("not" in p) return !evaluatePredicate(c, p.not, scheme);
  if ("dim" in p) {
    const d = c.dimIndex.get(p.dim);
    if (d === undefined) throw new Error(`evaluatePredicate: unknown dimension ${p.dim}`);
    const chosen = c.dims[d]!.options[scheme[d]!]!;
    return p.is !== undefined ? chosen === p.is : (p.in ?? []).includes(chosen);
  }
  const v = attributeValue(c, scheme, p.attr);
  if (p.eq !== undefined) return v === p.eq;
  if (p.ne !== undefined) return v !== p.ne;
  if (p.in !== undefined) return p.in.includes(v);
  if (typeof v !== "number") return false;
  if (p.lt !== undefined) return v < p.lt;
  if (p.le !== undefined) return v <= p.le;
  if (p.gt !== undefined) return v > p.gt;
  if (p.ge !== undefined) return v >= p.ge;
  return false;
}

/** The dimensions a predicate reads (directly, or through the attributes it tests). */
export function predicateDimensions(c: CompiledScenario, p: Predicate, out = new Set<number>()): Set<number> {
  if ("all" in p) for (const q of p.all) predicateDimensions(c, q, out);
  else if ("any" in p) for (const q of p.any) predicateDimensions(c, q, out);
  else if ("not" in p) predicateDimensions(c, p.not, out);
  else if ("dim" in p) out.add(c.dimIndex.get(p.dim)!);
  else out.add(c.attributes[c.attrIndex.get(p.attr)!]!.dim);
  return out;
}

/** The dimensions whose options set any of the named attributes (those the scenario declares), ascending. */
export function attributeDimensions(c: CompiledScenario, names: Iterable<string>): number[] {
  const dims = new Set<number>();
  for (const name of names) {
    const i = c.attrIndex.get(name);
    if (i !== undefined) dims.add(c.attributes[i]!.dim);
  }
  return [...dims].sort((a, b) => a - b);
}

/** The first rule a scheme breaks, or undefined when it is consistent. */
export function brokenRule(c: CompiledScenario, scheme: Scheme): CompiledRule | undefined {
  return c.rules.find((r) => r.dims.every((d, k) => r.masks[k]![scheme[d]!]));
}

/** True when the scheme breaks no consistency rule. */
export function isConsistent(c: CompiledScenario, scheme: Scheme): boolean {
  return brokenRule(c, scheme) === undefined;
}

/** `{ commitment: "article5_like", … }` for a scheme. */
export function schemeToObject(c: CompiledScenario, scheme: Scheme): Record<string, string> {
  const out: Record<string, string> = {};
  c.dims.forEach((d, i) => {
    out[d.id] = d.options[scheme[i]!]!;
  });
  return out;
}

/**
 * Parse `dim=option,dim=option` into a partial assignment. Unknown names are reported, never guessed.
 * @returns the assignment (dimension index → option index) or the problems found.
 */
export function parseAssignment(
  c: CompiledScenario,
  spec: string,
): { ok: true; value: Map<number, number> } | { ok: false; errors: string[] } {
  const value = new Map<number, number>();
  const errors: string[] = [];
  for (const part of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = part.indexOf("=");
    if (eq <= 0) {
      errors.push(`"${part}": expected dimension=option`);
      continue;
    }
    const dimId = part.slice(0, eq).trim();
    const optId = part.slice(eq + 1).trim();
    const d = c.dimIndex.get(dimId);
    if (d === undefined) {
      errors.push(`unknown dimension "${dimId}"; dimensions: ${c.dims.map((x) => x.id).join(", ")}`);
      continue;
    }
    const o = c.dims[d]!.optionIndex.get(optId);
    if (o === undefined) {
      errors.push(`unknown option "${optId}" of ${dimId}; options: ${c.dims[d]!.options.join(", ")}`);
      continue;
    }
    if (value.has(d)) errors.push(`dimension "${dimId}" given twice`);
    value.set(d, o);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
