/**
 * One Monte-Carlo draw: a value for every uncertain input, from draw k's own random stream (a function of the
 * seed and k alone), and what those values change: the model parameters, the scenario's theater, capability
 * ledgers and willingness conditions, and the parties' stances.
 */
import { type ResolvedParameters, resolveParameters } from "../parameters/index.js";
import { drawSeed, mulberry32 } from "../random/index.js";
import { sampleDistribution } from "../scenario/distributions.js";
import type { Scenario } from "../scenario/schema.js";
import type { UncertainInput } from "./inputs.js";

/** The inputs' values in one draw, in `uncertainInputs` order. */
export type DrawValues = Float64Array;

/**
 * The values of draw `k` (k ≥ 0) of a run seeded with `seed`.
 * @example drawValues(inputs, 20250820, 0)[0] // the first input's value in the first draw
 */
export function drawValues(inputs: readonly UncertainInput[], seed: number, k: number): DrawValues {
  const random = mulberry32(drawSeed(seed, k));
  const out = new Float64Array(inputs.length);
  inputs.forEach((x, i) => {
    out[i] =
      x.kind === "bernoulli"
        ? random() < x.probability!
          ? 1
          : 0
        : sampleDistribution(x.distribution!, random);
  });
  return out;
}

/** The stated values (every input at its point): the deterministic analysis. */
export function pointValues(inputs: readonly UncertainInput[]): DrawValues {
  return Float64Array.from(inputs, (x) => x.point);
}

/** A party's stance numbers in one draw (the kernel reads these instead of the scenario's). */
export interface StanceDraw {
  reservation: number;
  power: number;
  salience: number;
  /** Weight per preference, file order. */
  weights: Float64Array;
  /** 1 when the red line binds in this draw, per red line, file order. */
  binds: Uint8Array;
}

/** What one draw's values change. */
export interface AppliedDraw {
  /** The scenario with the draw's theater, ledgers and willingness (stances are in `stances`). */
  scenario: Scenario;
  parameters: ResolvedParameters;
  /** Per actor index: its stance numbers (undefined for an actor without a stance). */
  stances: (StanceDraw | undefined)[];
  /** Per actor index: 1 for each of its willingness conditions that holds in the draw. */
  holds: Uint8Array[];
}

/**
 * Apply a draw's values to a scenario. The scenario is not modified: the branches a value changes are copied.
 * @param extraOverrides parameter overrides on top of the draw (`--set`)
 */
export function applyDraw(
  s: Scenario,
  inputs: readonly UncertainInput[],
  values: DrawValues,
  extraOverrides: Readonly<Record<string, number>> = {},
): AppliedDraw {
  const overrides: Record<string, number> = {};
  const actors = s.actors.slice();
  const copied = new Set<number>();
  const actor = (i: number) => {
    if (!copied.has(i)) {
      const a = s.actors[i]!;
      actors[i] = { ...a, capabilities: { ...a.capabilities }, willingness: a.willingness.slice() };
      copied.add(i);
    }
    return actors[i]!;
  };
  const stances: (StanceDraw | undefined)[] = s.actors.map((a) =>
    a.stance
      ? {
          reservation: a.stance.reservation.value,
          power: a.stance.power.value,
          salience: a.stance.salience.value,
          weights: Float64Array.from(a.stance.preferences, (p) => p.weight),
          binds: new Uint8Array(a.stance.redLines.length).fill(1),
        }
      : undefined,
  );
  let theater = s.theater;
  const dropped = new Map<number, Set<number>>();
  inputs.forEach((x, i) => {
    const v = values[i]!;
    const t = x.target;
    switch (t.kind) {
      case "parameter":
        for (const id of t.ids) overrides[id] = v;
        break;
      case "contactLine":
        theater = {
          ...theater,
          contactLine: { ...theater.contactLine, lengthKm: { ...theater.contactLine.lengthKm, value: v } },
        };
        break;
      case "population": {
        const places = theater.places.slice();
        places[t.place] = { ...places[t.place]!, population: { ...places[t.place]!.population!, value: v } };
        theater = { ...theater, places };
        break;
      }
      case "capability": {
        const a = actor(t.actor);
        a.capabilities[t.capability as keyof typeof a.capabilities] = {
          ...a.capabilities[t.capability as keyof typeof a.capabilities]!,
          value: v,
        };
        break;
      }
      case "willingness":
        if (v === 0) {
          const set = dropped.get(t.actor) ?? new Set<number>();
          set.add(t.index);
          dropped.set(t.actor, set);
        }
        break;
      case "stance":
        stances[t.actor]![t.field] = v;
        break;
      case "weight":
        stances[t.actor]!.weights[t.preference] = v;
        break;
      case "redLine":
        stances[t.actor]!.binds[t.index] = v === 0 ? 0 : 1;
        break;
    }
  });
  const holds = s.actors.map((a) => new Uint8Array(a.willingness.length).fill(1));
  for (const [ai, indexes] of dropped) {
    for (const wi of indexes) holds[ai]![wi] = 0;
    const a = actor(ai);
    a.willingness = s.actors[ai]!.willingness.filter((_, wi) => !indexes.has(wi));
  }
  const scenario: Scenario = { ...s, theater, actors };
  return {
    scenario,
    parameters: resolveParameters(s, { overrides: { ...overrides, ...extraOverrides } }),
    stances,
    holds,
  };
}
