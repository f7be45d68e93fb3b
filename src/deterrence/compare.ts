/**
 * Comparing schemes on how their mechanisms deter: in-place presence against over-the-horizon options, and
 * the scope options against each other. The yearly cost comes from the requirement model (src/models, a lower
 * layer) unless the caller passes its own; acceptability comes from an evaluator the caller passes (politics is
 * a layer beside this one).
 */
import { schemeRequirements } from "../models/index.js";
import type { CompiledScenario, Scheme } from "../scenario/compile.js";
import type { Allocation } from "./actors.js";
import { type MechanismOptions, STEP_WORDS, type StepKind } from "./ladder.js";
import { analyzeMechanism, type MechanismReport } from "./mechanism.js";
import type { DeterrenceFactors, DeterrenceTerm } from "./model.js";

/** Other models' verdicts on a scheme, passed in by the caller (cost model, politics). */
export interface ComparisonEvaluators {
  /** Yearly cost of a scheme, millions of USD, with a short account (default: the requirement model's cost). */
  costUsdMPerYear?: (c: CompiledScenario, scheme: Scheme) => { value: number; detail?: string };
  /** Which parties accept the scheme, with the reasons for each "no". */
  acceptability?: (
    c: CompiledScenario,
    scheme: Scheme,
  ) => Record<string, { accepts: boolean; reasons: string[] }>;
}

/** Options of `compareSchemes`. */
export interface CompareOptions extends MechanismOptions {
  evaluators?: ComparisonEvaluators;
  /** A coalition allocation per scheme (each scheme has its own requirements); wins over `allocation`. */
  allocationFor?: (scheme: Scheme) => Allocation | undefined;
}

function optionsFor(options: CompareOptions, s: Scheme): MechanismOptions {
  const allocation = options.allocationFor?.(s) ?? options.allocation;
  const { allocationFor: _ignored, evaluators: _e, ...rest } = options;
  return allocation ? { ...rest, allocation } : rest;
}

/** How one deterrence term differs between the schemes. */
export interface TermDifference {
  step: StepKind;
  a?: DeterrenceTerm;
  b?: DeterrenceTerm;
  /** b's contribution minus a's, gain units. */
  delta: number;
  reason: string;
}

/** The comparison of two schemes. */
export interface SchemeComparison {
  a: MechanismReport;
  b: MechanismReport;
  /** Dimensions whose option differs. */
  changed: { dim: string; a: string; b: string }[];
  deterrence: { a: number; b: number; delta: number; higher: "a" | "b" | "equal" };
  expectedCost: { a: number; b: number };
  factors: { factor: keyof DeterrenceFactors; a: number; b: number }[];
  terms: TermDifference[];
  /** Why the deterrence differs, largest effect first; each reason names the term or factor. */
  reasons: string[];
  cost?: { a: number; b: number; unit: "USD m/year"; detail?: { a?: string; b?: string } };
  acceptability?: {
    a: Record<string, { accepts: boolean; reasons: string[] }>;
    b: Record<string, { accepts: boolean; reasons: string[] }>;
    differences: string[];
  };
  /** What the comparison could not cover, and why. */
  notCompared: string[];
}

const FACTOR_WORDS: Record<keyof DeterrenceFactors, string> = {
  bindingness: "bindingness",
  forcesInPlace: "forces in place",
  usInvolvement: "US involvement",
  exposure: "exposure of guarantor forces",
  trigger: "trigger probability",
  vetoBlock: "attacker's veto as a guarantor",
};

const r2 = (x: number) => x.toFixed(2);
const h1 = (x: number) => `${x.toFixed(1)} h`;
/** Differences smaller than this are reported as equal (rounding of the printed figures). */
const EPSILON = 1e-9;

function termReason(step: StepKind, a: DeterrenceTerm | undefined, b: DeterrenceTerm | undefined): string {
  const w = STEP_WORDS[step];
  if (!a && b)
    return `${w}: only in B (P ${r2(b.probability)} × cost ${r2(b.cost)} = ${r2(b.contribution)}, at ${h1(b.hours)})`;
  if (a && !b)
    return `${w}: only in A (P ${r2(a.probability)} × cost ${r2(a.cost)} = ${r2(a.contribution)}, at ${h1(a.hours)})`;
  if (!a || !b) return `${w}: in neither`;
  const parts: string[] = [];
  if (Math.abs(a.probability - b.probability) > EPSILON)
    parts.push(`P ${r2(a.probability)} → ${r2(b.probability)}`);
  if (Math.abs(a.cost - b.cost) > EPSILON) parts.push(`cost ${r2(a.cost)} → ${r2(b.cost)}`);
  if (Math.abs(a.hours - b.hours) > EPSILON) parts.push(`time ${h1(a.hours)} → ${h1(b.hours)}`);
  const logitKeys = ["bindingness", "forcesInPlace", "usInvolvement", "delay"] as const;
  const logitWords = {
    bindingness: "bindingness",
    forcesInPlace: "forces in place",
    usInvolvement: "US involvement",
    delay: "delay",
  };
  const shifts = logitKeys
    .map((k) => ({ k, d: b.logit[k] - a.logit[k] }))
    .filter((x) => Math.abs(x.d) > EPSILON)
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d))
    .map((x) => `${logitWords[x.k]} ${x.d > 0 ? "+" : ""}${r2(x.d)} log-odds`);
  return `${w}: contribution ${r2(a.contribution)} → ${r2(b.contribution)} (${parts.join(", ") || "no change"}${shifts.length ? `; ${shifts.join(", ")}` : ""})`;
}

/** Yearly cost from the requirement model (src/models), with its cost lines. */
function modelCost(c: CompiledScenario, s: Scheme): { value: number; detail: string } {
  const r = schemeRequirements(c, s);
  const lines = r.breakdown.filter((l) => l.id.startsWith("cost."));
  return {
    value: r.costUsdMPerYear,
    detail: lines.map((l) => `${l.id.slice(5)} ${Math.round(l.value).toLocaleString("en-US")}`).join(", "),
  };
}

/**
 * Compare the mechanisms of two schemes: deterrence, each term's contribution, the factors behind them, the
 * ladder's timings; the yearly cost (the requirement model's, unless an evaluator is given); acceptability
 * when an evaluator is given.
 * @param c the compiled scenario
 * @param a the first scheme (A)
 * @param b the second scheme (B)
 * @example compareSchemes(c, reassurance, airOnly).reasons[0] // "direct defence: contribution 1.10 → 0.00 …"
 */
export function compareSchemes(
  c: CompiledScenario,
  a: Scheme,
  b: Scheme,
  options: CompareOptions = {},
): SchemeComparison {
  const ra = analyzeMechanism(c, a, optionsFor(options, a));
  const rb = analyzeMechanism(c, b, optionsFor(options, b));
  const changed = c.dims
    .map((d, i) => ({ dim: d.id, a: d.options[a[i]!]!, b: d.options[b[i]!]! }))
    .filter((x) => x.a !== x.b);
  const da = ra.deterrence;
  const db = rb.deterrence;
  const delta = db.probability - da.probability;
  const factorKeys = Object.keys(da.factors) as (keyof DeterrenceFactors)[];
  const factors = factorKeys.map((f) => ({ factor: f, a: da.factors[f], b: db.factors[f] }));
  const steps = [...new Set([...da.terms.map((t) => t.step), ...db.terms.map((t) => t.step)])];
  const terms: TermDifference[] = steps
    .map((step) => {
      const ta = da.terms.find((t) => t.step === step);
      const tb = db.terms.find((t) => t.step === step);
      return {
        step,
        ...(ta ? { a: ta } : {}),
        ...(tb ? { b: tb } : {}),
        delta: (tb?.contribution ?? 0) - (ta?.contribution ?? 0),
        reason: termReason(step, ta, tb),
      };
    })
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));

  const reasons: string[] = [];
  const higher = Math.abs(delta) <= EPSILON ? "equal" : delta > 0 ? "b" : "a";
  reasons.push(
    higher === "equal"
      ? `deterrence is the same: P(deterred) ${r2(da.probability)} in both (expected cost ${r2(da.expectedCost)})`
      : `${higher === "a" ? "A" : "B"} deters more: P(deterred) ${r2(da.probability)} (A) vs ${r2(db.probability)} (B); expected cost ${r2(da.expectedCost)} vs ${r2(db.expectedCost)} gain units`,
  );
  for (const f of factors)
    if (Math.abs(f.a - f.b) > EPSILON)
      reasons.push(`${FACTOR_WORDS[f.factor]}: ${r2(f.a)} (A) vs ${r2(f.b)} (B)`);
  for (const t of terms) if (Math.abs(t.delta) > EPSILON || !t.a || !t.b) reasons.push(t.reason);
  if (Math.abs(da.ownForcesCost - db.ownForcesCost) > EPSILON)
    reasons.push(`the protected state's own forces: cost ${r2(da.ownForcesCost)} → ${r2(db.ownForcesCost)}`);

  const out: SchemeComparison = {
    a: ra,
    b: rb,
    changed,
    deterrence: { a: da.probability, b: db.probability, delta, higher },
    expectedCost: { a: da.expectedCost, b: db.expectedCost },
    factors,
    terms,
    reasons,
    notCompared: [],
  };
  const ev = options.evaluators ?? {};
  const costOf = ev.costUsdMPerYear ?? modelCost;
  {
    const ca = costOf(c, a);
    const cb = costOf(c, b);
    out.cost = {
      a: ca.value,
      b: cb.value,
      unit: "USD m/year",
      ...(ca.detail || cb.detail
        ? { detail: { ...(ca.detail ? { a: ca.detail } : {}), ...(cb.detail ? { b: cb.detail } : {}) } }
        : {}),
    };
  }
  if (ev.acceptability) {
    const aa = ev.acceptability(c, a);
    const ab = ev.acceptability(c, b);
    const differences: string[] = [];
    for (const party of new Set([...Object.keys(aa), ...Object.keys(ab)])) {
      const x = aa[party];
      const y = ab[party];
      if (x?.accepts !== y?.accepts)
        differences.push(
          `${party}: ${x?.accepts ? "accepts" : "rejects"} A, ${y?.accepts ? "accepts" : "rejects"} B${
            !y?.accepts && y?.reasons.length ? ` (B: ${y.reasons.join("; ")})` : ""
          }${!x?.accepts && x?.reasons.length ? ` (A: ${x.reasons.join("; ")})` : ""}`,
        );
    }
    out.acceptability = { a: aa, b: ab, differences };
  } else out.notCompared.push("acceptability: no acceptability evaluator was given");
  return out;
}

/**
 * Compare every option of one dimension against a base scheme (the scope options against each other, or the
 * presence options), highest deterrence first.
 * @example compareOptions(c, base, "scope").map((r) => [r.option, r.deterrence])
 */
export function compareOptions(
  c: CompiledScenario,
  base: Scheme,
  dimId: string,
  options: CompareOptions = {},
): { option: string; consistent: boolean; deterrence: number; report: MechanismReport }[] {
  const d = c.dimIndex.get(dimId);
  if (d === undefined) throw new Error(`compareOptions: unknown dimension ${dimId}`);
  return c.dims[d]!.options.map((option, o) => {
    const scheme = Array.from(base);
    scheme[d] = o;
    const report = analyzeMechanism(c, scheme, options);
    return { option, consistent: !report.brokenRule, deterrence: report.deterrence.probability, report };
  }).sort((x, y) => y.deterrence - x.deterrence);
}
