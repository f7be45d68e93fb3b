/**
 * The uncertain inputs of a scenario: every number that is a judgement, with the distribution Monte Carlo
 * draws it from. A number carries its own `distribution` (a scenario's ranges), or gets one derived from its
 * `confidence` by the documented mapping below; a red line or a willingness condition with confidence c
 * binds (holds) in a share c of the draws. docs/models/uncertainty.md gives the reasoning.
 *
 * The mapping from confidence c (how much weight the source can bear; default 0.5 for a source of kind
 * `judgement`, 1 for published figures) to a triangular distribution with its mode at the stated value v:
 * - a share or utility in [0, 1] (reservation, power, salience): v ± (1 − c)/2, cut to [0, 1];
 * - a positive quantity (weights, capability ledgers, lengths, populations): v · (1 ± (1 − c)), cut at 0;
 * - c = 1, or v = 0 for a positive quantity: no spread (the value as stated).
 */
import { PARAMETERS, parameterDef, parametersNamed } from "../parameters/index.js";
import { pointEstimate } from "../scenario/distributions.js";
import type { Distribution, Scenario, Sourced } from "../scenario/schema.js";

/** Confidence assumed for a figure whose source is a judgement and that states none. */
export const JUDGEMENT_DEFAULT_CONFIDENCE = 0.5;

/** An uncertain input and how it is drawn. */
export interface UncertainInput {
  /** Its path in the scenario: `parameters.<id>`, `actors.<id>.stance.reservation`,
   *  `actors.<id>.stance.preferences.<id>.weight`, `actors.<id>.stance.redLines.<id>.binds`,
   *  `actors.<id>.capabilities.<capability>`, `actors.<id>.willingness.<id>.holds`,
   *  `theater.contactLine.lengthKm`, `theater.places.<id>.population`. */
  id: string;
  /** A number drawn from `distribution`, or a yes/no that is 1 with `probability`. */
  kind: "number" | "bernoulli";
  /** The value as stated (1 for a red line that binds, a condition that holds). */
  point: number;
  distribution?: Distribution;
  probability?: number;
  /** `stated`: the scenario gives the distribution; `confidence`: derived from a confidence; `model`: a
   *  model parameter's own spread (its calibration). */
  origin: "stated" | "confidence" | "model";
  /** The source id of the figure. */
  source: string;
  /** What the value sets, by position in the scenario (no path is parsed again). */
  target: InputTarget;
}

/** Where a drawn value goes. */
export type InputTarget =
  | { kind: "parameter"; ids: string[] }
  | { kind: "contactLine" }
  | { kind: "population"; place: number }
  | { kind: "capability"; actor: number; capability: string }
  | { kind: "willingness"; actor: number; index: number }
  | { kind: "stance"; actor: number; field: "reservation" | "power" | "salience" }
  | { kind: "weight"; actor: number; preference: number }
  | { kind: "redLine"; actor: number; index: number };

/** A triangular distribution around `value` for a confidence, or undefined when there is no spread. */
export function confidenceDistribution(
  value: number,
  confidence: number,
  scale: "unit" | "positive",
): Distribution | undefined {
  if (!(confidence < 1)) return undefined;
  const spread = 1 - Math.max(0, confidence);
  if (scale === "unit") {
    const min = Math.max(0, value - spread / 2);
    const max = Math.min(1, value + spread / 2);
    return min < max ? { kind: "triangular", min, mode: value, max } : undefined;
  }
  if (value === 0) return undefined;
  const lo = Math.max(0, value * (1 - spread));
  const hi = value * (1 + spread);
  return { kind: "triangular", min: Math.min(lo, hi), mode: value, max: Math.max(lo, hi) };
}

/**
 * Every uncertain input of a scenario, in a fixed order (parameters, theater, then actors in file order), so
 * that a draw consumes its random stream the same way every time.
 * @example uncertainInputs(scenario).map((x) => x.id) // ["parameters.ground.rotation_factor", …]
 */
export function uncertainInputs(s: Scenario): UncertainInput[] {
  const kinds = new Map(s.sources.map((x) => [x.id, x.kind]));
  const confidenceOf = (confidence: number | undefined, source: string) =>
    confidence ?? (kinds.get(source) === "judgement" ? JUDGEMENT_DEFAULT_CONFIDENCE : 1);
  const out: UncertainInput[] = [];
  const number = (
    id: string,
    target: InputTarget,
    value: number,
    stated: Distribution | undefined,
    confidence: number | undefined,
    source: string,
    scale: "unit" | "positive",
  ) => {
    if (stated && stated.kind !== "point") {
      out.push({ id, kind: "number", point: value, distribution: stated, origin: "stated", source, target });
      return;
    }
    const d = confidenceDistribution(value, confidenceOf(confidence, source), scale);
    if (d)
      out.push({ id, kind: "number", point: value, distribution: d, origin: "confidence", source, target });
  };
  const sourced = (id: string, target: InputTarget, v: Sourced | undefined, scale: "unit" | "positive") => {
    if (v) number(id, target, v.value, v.distribution, v.confidence, v.source, scale);
  };
  const bernoulli = (id: string, target: InputTarget, confidence: number | undefined, source: string) => {
    const c = confidence ?? 1;
    if (c < 1)
      out.push({ id, kind: "bernoulli", point: 1, probability: c, origin: "confidence", source, target });
  };

  // Model parameters: the scenario's distributions (a registry id or an alias), then the models' own spreads.
  const declared = new Set<string>();
  for (const p of s.parameters) {
    const targets = parametersNamed(p.id).map((d) => d.id);
    if (targets.length === 0) continue;
    for (const t of targets) declared.add(t);
    if (p.distribution.kind === "point") continue;
    // The registry's own id wins over an alias that names the same parameter (as in resolveParameters).
    const own = parameterDef(p.id) ? [p.id] : targets.filter((t) => !s.parameters.some((q) => q.id === t));
    if (own.length === 0) continue;
    out.push({
      id: `parameters.${p.id}`,
      kind: "number",
      point: pointEstimate(p.distribution),
      distribution: p.distribution,
      origin: "stated",
      source: p.source,
      target: { kind: "parameter", ids: own },
    });
  }
  for (const d of PARAMETERS) {
    if (declared.has(d.id) || !d.distribution || d.distribution.kind === "point") continue;
    out.push({
      id: `parameters.${d.id}`,
      kind: "number",
      point: d.value,
      distribution: d.distribution,
      origin: "model",
      source: d.source,
      target: { kind: "parameter", ids: [d.id] },
    });
  }

  sourced(
    "theater.contactLine.lengthKm",
    { kind: "contactLine" },
    s.theater.contactLine.lengthKm,
    "positive",
  );
  s.theater.places.forEach((place, i) => {
    sourced(
      `theater.places.${place.id}.population`,
      { kind: "population", place: i },
      place.population,
      "positive",
    );
  });

  s.actors.forEach((a, ai) => {
    for (const [cap, v] of Object.entries(a.capabilities))
      sourced(
        `actors.${a.id}.capabilities.${cap}`,
        { kind: "capability", actor: ai, capability: cap },
        v,
        "positive",
      );
    a.willingness.forEach((w, wi) => {
      bernoulli(
        `actors.${a.id}.willingness.${w.id}.holds`,
        { kind: "willingness", actor: ai, index: wi },
        w.confidence,
        w.source,
      );
    });
    const st = a.stance;
    if (!st) return;
    for (const field of ["reservation", "power", "salience"] as const)
      sourced(`actors.${a.id}.stance.${field}`, { kind: "stance", actor: ai, field }, st[field], "unit");
    st.preferences.forEach((pref, pi) => {
      number(
        `actors.${a.id}.stance.preferences.${pref.id}.weight`,
        { kind: "weight", actor: ai, preference: pi },
        pref.weight,
        pref.weightDistribution,
        pref.confidence,
        pref.source,
        "positive",
      );
    });
    st.redLines.forEach((r, ri) => {
      bernoulli(
        `actors.${a.id}.stance.redLines.${r.id}.binds`,
        { kind: "redLine", actor: ai, index: ri },
        r.confidence,
        r.source,
      );
    });
  });
  return out;
}
