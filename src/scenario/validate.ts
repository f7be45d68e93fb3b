import { asOfWarnings, dateErrors } from "./dates.js";
import { type Checked, cappedErrors, type Diagnostic, describeValue } from "./diagnostics.js";
import { pointEstimate } from "./distributions.js";
import { reservedAttributeProblems } from "./reserved.js";
import { type Distribution, type Predicate, Scenario } from "./schema.js";
import { parseYaml, type YamlLimits } from "./yaml.js";
import { type Locate, schemaDiagnostics } from "./zod-diagnostics.js";

type Path = (string | number)[];

/**
 * Parse and validate a scenario file's text. Besides the errors that make it unusable, it reports warnings
 * (`semanticWarnings`: sources the scenario should not know on its asOf date), located the same way.
 * @param text the YAML (or JSON) text
 * @param file the name used in error messages
 * @param options `limits`: bounds on the text (size, nesting, aliases; `DEFAULT_YAML_LIMITS` when absent)
 * @example const r = loadScenario(readFileSync(f, "utf8"), f); if (!r.ok) r.errors.map(formatDiagnostic); r.warnings
 */
export function loadScenario(
  text: string,
  file = "scenario.yaml",
  options: { limits?: Partial<YamlLimits> } = {},
): Checked<Scenario> {
  const parsed = parseYaml(text, file, options.limits);
  if (!parsed.ok) return { ...parsed, warnings: [] };
  const { data, locate } = parsed.value;
  return validateScenarioData(data, file, locate);
}

/**
 * Validate parsed scenario data (the schema, then the semantic checks), locating each error with `locate` when
 * the data came from a text (without it, errors carry the field path only: data built in memory, `--set`).
 */
export function validateScenarioData(data: unknown, file: string, locate?: Locate): Checked<Scenario> {
  const where: Locate = locate ?? (() => undefined);
  const result = Scenario.safeParse(data);
  if (!result.success)
    return { ok: false, errors: schemaDiagnostics(result.error.issues, data, file, where), warnings: [] };
  const at = (path: Path, message: string): Diagnostic => ({
    file,
    path,
    position: where(path, false),
    message,
  });
  const found = semanticErrors(result.data);
  const errors = cappedErrors(file, found, at, (path) => where(path, false));
  const warnings = semanticWarnings(result.data).map(([path, message]) => ({
    ...at(path, message),
    severity: "warning" as const,
  }));
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, value: result.data, warnings };
}

/** What is doubtful but not wrong: sources published after the scenario's asOf (src/scenario/dates.ts). */
export function semanticWarnings(s: Scenario): [Path, string][] {
  return asOfWarnings(s);
}

/** Checks the schema cannot express: references, duplicates, attribute types, distributions. */
export function semanticErrors(s: Scenario): [Path, string][] {
  const errors: [Path, string][] = [];
  const err = (path: Path, message: string) => errors.push([path, message]);

  const unique = (items: { id: string }[], path: Path, what: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const prev = seen.get(item.id);
      if (prev !== undefined)
        err([...path, i, "id"], `duplicate ${what} id "${item.id}" (first at ${path.join(".")}[${prev}])`);
      else seen.set(item.id, i);
    });
    return new Set(seen.keys());
  };
  const sourceIds = unique(s.sources, ["sources"], "source");
  const actorIds = unique(s.actors, ["actors"], "actor");
  unique(s.dimensions, ["dimensions"], "dimension");
  unique(s.rules, ["rules"], "rule");
  unique(s.parameters, ["parameters"], "parameter");
  unique(s.precedents, ["precedents"], "precedent");
  unique(s.theater.territories, ["theater", "territories"], "territory");
  unique(s.theater.places, ["theater", "places"], "place");
  unique(s.theater.airbases, ["theater", "airbases"], "airbase");

  // Every `source` field, wherever it is, must name a declared source.
  const walkSources = (v: unknown, path: Path) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walkSources(x, [...path, i]);
    } else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (
          (k === "source" || (k === "via" && path[0] === "sources")) &&
          typeof x === "string" &&
          !sourceIds.has(x)
        ) {
          err([...path, k], `unknown source "${x}"; declare it under sources`);
        } else walkSources(x, [...path, k]);
      }
    }
  };
  walkSources({ ...s, sources: s.sources.map((src) => ({ via: src.via })) }, []);

  if (!actorIds.has(s.theater.protectedState))
    err(["theater", "protectedState"], `unknown actor "${s.theater.protectedState}"`);
  s.theater.airbases.forEach((b, i) => {
    if (!actorIds.has(b.country)) err(["theater", "airbases", i, "country"], `unknown actor "${b.country}"`);
  });

  // Attributes: declared once across all dimensions, values of the declared type.
  const attrs = new Map<string, { dim: string; type: string }>();
  const options = new Map<string, Set<string>>();
  s.dimensions.forEach((d, di) => {
    options.set(d.id, new Set(d.options.map((o) => o.id)));
    unique(d.options, ["dimensions", di, "options"], "option");
    for (const [name, decl] of Object.entries(d.attributes)) {
      const prev = attrs.get(name);
      if (prev)
        err(
          ["dimensions", di, "attributes", name],
          `attribute "${name}" is already declared by dimension "${prev.dim}"`,
        );
      else attrs.set(name, { dim: d.id, type: decl.type });
      if (typeof decl.default !== decl.type)
        err(
          ["dimensions", di, "attributes", name, "default"],
          `expected a ${decl.type}, got ${describeValue(decl.default)}`,
        );
    }
    d.options.forEach((o, oi) => {
      for (const [name, value] of Object.entries(o.attributes)) {
        const decl = d.attributes[name];
        if (!decl)
          err(
            ["dimensions", di, "options", oi, "attributes", name],
            `attribute "${name}" is not declared by dimension "${d.id}" (declared: ${Object.keys(d.attributes).join(", ") || "none"})`,
          );
        else if (typeof value !== decl.type)
          err(
            ["dimensions", di, "options", oi, "attributes", name],
            `expected a ${decl.type}, got ${describeValue(value)}`,
          );
      }
      for (const [cap, r] of Object.entries(o.providers)) {
        for (const k of ["only", "exclude"] as const) {
          r?.[k]?.forEach((id, i) => {
            if (!actorIds.has(id))
              err(["dimensions", di, "options", oi, "providers", cap, k, i], `unknown actor "${id}"`);
          });
        }
      }
      o.proposedBy.forEach((p, pi) => {
        if (p.actor !== undefined && !actorIds.has(p.actor))
          err(["dimensions", di, "options", oi, "proposedBy", pi, "actor"], `unknown actor "${p.actor}"`);
      });
    });
  });

  for (const [path, message] of reservedAttributeProblems(s.dimensions)) err(path, message);
  for (const [path, message] of dateErrors(s)) err(path, message);

  const checkSelector = (sel: Record<string, string | string[]>, path: Path) => {
    for (const [dim, v] of Object.entries(sel)) {
      const opts = options.get(dim);
      if (!opts) {
        err([...path, dim], `unknown dimension "${dim}"`);
        continue;
      }
      for (const o of Array.isArray(v) ? v : [v])
        if (!opts.has(o))
          err(
            [...path, dim],
            `unknown option "${o}" of dimension "${dim}"; options: ${[...opts].join(", ")}`,
          );
    }
  };
  const checkPredicate = (p: Predicate, path: Path) => {
    if ("all" in p) {
      for (const [i, q] of p.all.entries()) checkPredicate(q, [...path, "all", i]);
    } else if ("any" in p) {
      for (const [i, q] of p.any.entries()) checkPredicate(q, [...path, "any", i]);
    } else if ("not" in p) checkPredicate(p.not, [...path, "not"]);
    else if ("dim" in p) {
      const opts = options.get(p.dim);
      if (!opts) err([...path, "dim"], `unknown dimension "${p.dim}"`);
      else
        for (const o of p.is !== undefined ? [p.is] : (p.in ?? []))
          if (!opts.has(o))
            err([...path, p.is !== undefined ? "is" : "in"], `unknown option "${o}" of dimension "${p.dim}"`);
    } else {
      const a = attrs.get(p.attr);
      if (!a)
        err(
          [...path, "attr"],
          `unknown attribute "${p.attr}"; attributes are declared under dimensions[].attributes`,
        );
      else {
        for (const op of ["lt", "le", "gt", "ge"] as const)
          if (p[op] !== undefined && a.type !== "number")
            err([...path, op], `"${op}" compares numbers, but "${p.attr}" is a ${a.type}`);
        for (const op of ["eq", "ne"] as const)
          if (p[op] !== undefined && typeof p[op] !== a.type)
            err([...path, op], `expected a ${a.type} for "${p.attr}", got ${describeValue(p[op])}`);
        if (p.in)
          p.in.forEach((v, i) => {
            if (typeof v !== a.type)
              err([...path, "in", i], `expected a ${a.type} for "${p.attr}", got ${describeValue(v)}`);
          });
      }
    }
  };

  s.rules.forEach((r, i) => {
    if ("forbid" in r) {
      checkSelector(r.forbid, ["rules", i, "forbid"]);
      if (Object.keys(r.forbid).length === 0)
        err(["rules", i, "forbid"], "names no dimension; a rule forbids a combination of at least one");
    } else {
      checkSelector(r.if, ["rules", i, "if"]);
      checkSelector(r.then, ["rules", i, "then"]);
      if (Object.keys(r.then).length !== 1)
        err(["rules", i, "then"], `expected exactly one dimension, got ${Object.keys(r.then).length}`);
    }
  });

  s.actors.forEach((a, ai) => {
    const base: Path = ["actors", ai];
    a.willingness.forEach((w, wi) => {
      if (w.kind === "requires" && !actorIds.has(w.actor))
        err([...base, "willingness", wi, "actor"], `unknown actor "${w.actor}"`);
      if (w.kind === "onlyIf") checkPredicate(w.when, [...base, "willingness", wi, "when"]);
    });
    if (!a.stance) return;
    for (const [ri, r] of a.stance.redLines.entries()) {
      checkPredicate(r.forbid, [...base, "stance", "redLines", ri, "forbid"]);
    }
    unique(a.stance.redLines, [...base, "stance", "redLines"], "red line");
    unique(a.stance.preferences, [...base, "stance", "preferences"], "preference");
    a.stance.preferences.forEach((p, pi) => {
      const path: Path = [...base, "stance", "preferences", pi];
      if ("when" in p) checkPredicate(p.when, [...path, "when"]);
      else {
        const at = attrs.get(p.attr);
        if (!at) err([...path, "attr"], `unknown attribute "${p.attr}"`);
        else if (at.type !== "number" && at.type !== "boolean")
          err(
            [...path, "attr"],
            `a numeric preference needs a number or boolean attribute; "${p.attr}" is a ${at.type}`,
          );
        if (p.range[0] >= p.range[1])
          err([...path, "range"], `expected [low, high] with low < high, got [${p.range.join(", ")}]`);
      }
    });
    for (const k of ["reservation", "power", "salience"] as const) {
      const v = a.stance[k].value;
      if (v < 0 || v > 1) err([...base, "stance", k, "value"], `expected a number in [0, 1], got ${v}`);
    }
    if (a.stance.preferences.length > 0 && a.stance.preferences.every((p) => p.weight === 0))
      err([...base, "stance", "preferences"], "every weight is 0; at least one must be positive");
  });

  // Distributions, wherever they are: well formed, and a judgement's centred on its stated value.
  const checkDistribution = (d: Distribution, path: Path) => {
    if (d.kind === "uniform" && !(d.min < d.max))
      err(path, `uniform needs min < max, got min ${d.min}, max ${d.max}`);
    if (
      (d.kind === "triangular" || d.kind === "pert") &&
      !(d.min <= d.mode && d.mode <= d.max && d.min < d.max)
    )
      err(path, `${d.kind} needs min ≤ mode ≤ max and min < max, got ${d.min}, ${d.mode}, ${d.max}`);
    if (d.kind === "lognormal" && !(d.median > 0 && d.sigma > 0))
      err(path, `lognormal needs median > 0 and sigma > 0, got median ${d.median}, sigma ${d.sigma}`);
  };
  const centred = (d: Distribution, value: number, field: string, path: Path) => {
    const point = pointEstimate(d);
    if (Math.abs(point - value) > 1e-9 * Math.max(1, Math.abs(value)))
      err(
        path,
        `the distribution's point estimate (${d.kind === "uniform" ? "the middle" : d.kind === "lognormal" ? "the median" : d.kind === "point" ? "its value" : "the mode"}, ${point}) must equal ${field} ${value}`,
      );
  };
  const walkDistributions = (v: unknown, path: Path) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walkDistributions(x, [...path, i]);
    } else if (v !== null && typeof v === "object") {
      const o = v as Record<string, unknown>;
      for (const [k, x] of Object.entries(o)) {
        if (k === "distribution" && typeof x === "object" && x !== null) {
          checkDistribution(x as Distribution, [...path, k]);
          if (typeof o.value === "number") centred(x as Distribution, o.value, "value", [...path, k]);
        } else if (k === "weightDistribution" && typeof x === "object" && x !== null) {
          checkDistribution(x as Distribution, [...path, k]);
          if (typeof o.weight === "number") centred(x as Distribution, o.weight, "weight", [...path, k]);
        } else walkDistributions(x, [...path, k]);
      }
    }
  };
  walkDistributions(s, []);
  return errors;
}
