/**
 * The consistent schemes, visited in lexicographic order by a callback rather than yielded by a generator: the
 * fast form for passes over whole spaces. Each visit says from which dimension on the options changed since the
 * previous scheme, so that incremental evaluators redo only that part.
 */
import type { CompiledRule, CompiledScenario } from "../scenario/compile.js";
import { type OptionFilter, optionFilter } from "./enumerate.js";

/**
 * Visit every consistent scheme in lexicographic order (the order of `enumerateSchemes`), by depth-first search
 * that checks each rule as soon as its last dimension is chosen. `scheme` is reused: copy it to keep it.
 * @param visit called with the scheme and the first dimension whose option differs from the previous scheme's
 *   (0 for the first scheme); return `false` to stop
 * @returns the number of schemes visited
 * @example visitSchemes(c, {}, (s, from) => { n++; });
 */
export function visitSchemes(
  c: CompiledScenario,
  options: { filter?: OptionFilter },
  visit: (scheme: Int32Array, changedFrom: number) => unknown,
): number {
  const n = c.dims.length;
  if (n === 0) return 0;
  const filter = options.filter ?? optionFilter(c);
  const byLast: CompiledRule[][] = c.dims.map(() => []);
  for (const r of c.rules) byLast[Math.max(...r.dims)]!.push(r);
  const sizes = Int32Array.from(c.dims, (d) => d.options.length);
  const scheme = new Int32Array(n);
  let count = 0;
  let low = 0;
  let d = 0;
  scheme[0] = -1;
  while (d >= 0) {
    scheme[d]!++;
    if (d < low) low = d;
    if (scheme[d]! >= sizes[d]!) {
      d--;
      continue;
    }
    if (!filter[d]![scheme[d]!]) continue;
    let ok = true;
    const rules = byLast[d]!;
    for (let i = 0; i < rules.length && ok; i++) {
      const r = rules[i]!;
      let hit = true;
      for (let k = 0; k < r.dims.length; k++) {
        if (!r.masks[k]![scheme[r.dims[k]!]!]) {
          hit = false;
          break;
        }
      }
      if (hit) ok = false;
    }
    if (!ok) continue;
    if (d === n - 1) {
      count++;
      const from = low;
      low = n;
      if (visit(scheme, from) === false) return count;
    } else {
      d++;
      scheme[d] = -1;
    }
  }
  return count;
}
