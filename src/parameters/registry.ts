/**
 * The one registry of model parameters: the military models', the aircraft table's and the deterrence model's,
 * each id once. Resolution, overrides and Monte-Carlo draws all go through it, so an id is known or rejected
 * in one place.
 */
import { AIRCRAFT_PARAMETERS } from "./aircraft.js";
import type { ParameterDef } from "./definition.js";
import { DETERRENCE_PARAMETERS } from "./deterrence.js";
import { MILITARY_PARAMETERS } from "./military.js";

/** Every model parameter: military, then aircraft, then deterrence, each table in its own order. */
export const PARAMETERS: readonly ParameterDef[] = [
  ...MILITARY_PARAMETERS,
  ...AIRCRAFT_PARAMETERS,
  ...DETERRENCE_PARAMETERS,
];

const BY_ID: ReadonlyMap<string, ParameterDef> = new Map(PARAMETERS.map((d) => [d.id, d]));
const BY_ALIAS: ReadonlyMap<string, readonly ParameterDef[]> = (() => {
  const out = new Map<string, ParameterDef[]>();
  for (const d of PARAMETERS)
    for (const a of d.aliases ?? []) {
      const list = out.get(a);
      if (list) list.push(d);
      else out.set(a, [d]);
    }
  return out;
})();

/** The definition of a parameter by its id, or undefined. */
export function parameterDef(id: string): ParameterDef | undefined {
  return BY_ID.get(id);
}

/** The parameters a scenario id stands for: itself when it is a registry id, else those it is an alias of. */
export function parametersNamed(id: string): readonly ParameterDef[] {
  const own = BY_ID.get(id);
  return own ? [own] : (BY_ALIAS.get(id) ?? []);
}

/** Up to three registry ids close to `id` (same prefix or small edit distance), for error messages. */
export function similarParameterIds(id: string): string[] {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const tmp = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = tmp;
      }
    }
    return row[b.length]!;
  };
  return PARAMETERS.map((d) => ({ id: d.id, k: distance(id, d.id) }))
    .filter((x) => x.k <= Math.max(2, Math.floor(id.length / 4)))
    .sort((a, b) => a.k - b.k || (a.id < b.id ? -1 : 1))
    .slice(0, 3)
    .map((x) => x.id);
}
