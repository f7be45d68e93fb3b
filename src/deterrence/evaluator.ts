/**
 * A fast deterrence evaluator for sweeps over many schemes (explore, Monte Carlo): the scenario checks, the
 * parameters and the air response times are worked out once, so each scheme costs only reading its attributes
 * and the model's arithmetic. No actors are derived (the ladder's "who" is not needed for the number).
 */

import { resolveParameters } from "../parameters/index.js";
import type { CompiledScenario, Scheme } from "../scenario/compile.js";
import { type MechanismAttributes, readMechanismAttributes } from "./attributes.js";
import { airResponseFromBases, ladderTimeline, type MechanismOptions } from "./ladder.js";
import { type DeterrenceEstimate, estimateFromAttributes } from "./model.js";

/**
 * Make an evaluator that returns the deterrence estimate of a scheme; the same numbers as
 * `analyzeMechanism(c, scheme, options).deterrence` (without the drivers' text unless `drivers: true`).
 * @param options injected timings, parameter overrides (one Monte-Carlo sample), fighter type, drivers
 * @example const ev = makeDeterrenceEvaluator(c); for (const s of schemes) p.push(ev(s).probability);
 */
export function makeDeterrenceEvaluator(
  c: CompiledScenario,
  options: Omit<MechanismOptions, "allocation" | "usActorId"> & { drivers?: boolean } = {},
): (scheme: Scheme) => DeterrenceEstimate {
  const p = options.parameters ?? resolveParameters(c.scenario);
  // The air response depends only on whether a patrol is standing and whether bases in the protected state
  // count: four cases at most, each computed on first use.
  const air = new Map<string, number>();
  const airHours = (a: MechanismAttributes): number | undefined => {
    if (a.capStations <= 0 && !a.airPolicing) return undefined;
    if (options.timings?.airResponseHours !== undefined) return options.timings.airResponseHours;
    const key = `${a.capStations > 0}|${a.aircraftInProtectedState}`;
    let h = air.get(key);
    if (h === undefined) {
      h = airResponseFromBases(c, a, options.fighter, p).hours;
      air.set(key, h);
    }
    return h;
  };
  return (scheme) => {
    const a = readMechanismAttributes(c, scheme);
    const timeline = ladderTimeline(
      a,
      { airResponseHours: airHours(a), airliftHours: options.timings?.airliftHours },
      p,
      { basis: false },
    );
    return estimateFromAttributes(a, timeline, p, { drivers: options.drivers ?? false });
  };
}
