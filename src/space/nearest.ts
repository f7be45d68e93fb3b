/**
 * The consistent schemes nearest to a given (possibly inconsistent) scheme with one dimension held at an
 * option: those that change the fewest other dimensions. A search outward by the number of changed
 * dimensions, so its cost depends on how far the rules push, not on the size of the space.
 */
import { type CompiledScenario, isConsistent } from "../scenario/compile.js";
import { type OptionFilter, optionFilter } from "./enumerate.js";

/**
 * The allowed consistent schemes that equal `base` on `dim` and differ from it on as few other dimensions as
 * possible, in lexicographic order; [] when there is none; undefined when more than `maxCandidates` schemes
 * would have to be tried (the caller then scans the space).
 * @example nearestConsistent(c, undefined, focusWithOption, scopeDim) // the variants one change away
 */
export function nearestConsistent(
  c: CompiledScenario,
  filter: OptionFilter | undefined,
  base: Int32Array,
  dim: number,
  maxCandidates = 200_000,
): Int32Array[] | undefined {
  const allowed = filter ?? optionFilter(c);
  if (!allowed[dim]![base[dim]!]) return [];
  const others = c.dims.map((_, d) => d).filter((d) => d !== dim);
  // The options each other dimension may change to (allowed, and not its option in `base`).
  const alternatives = others.map((d) =>
    c.dims[d]!.options.flatMap((_, o) => (o !== base[d] && allowed[d]![o] ? [o] : [])),
  );
  // Dimensions whose option in `base` is not allowed must change.
  const forced = others.flatMap((d, i) => (allowed[d]![base[d]!] ? [] : [i]));
  let tried = 0;
  const s = Int32Array.from(base);
  for (let k = Math.max(1, forced.length); k <= others.length; k++) {
    const hits: Int32Array[] = [];
    // Every set of k other dimensions that includes the forced ones, then every way to change them.
    const chosen: number[] = [];
    const choose = (start: number): boolean => {
      if (chosen.length === k) {
        if (!forced.every((f) => chosen.includes(f))) return true;
        const assign = (j: number): boolean => {
          if (j === k) {
            if (++tried > maxCandidates) return false;
            if (isConsistent(c, s)) hits.push(Int32Array.from(s));
            return true;
          }
          const i = chosen[j]!;
          for (const o of alternatives[i]!) {
            s[others[i]!] = o;
            if (!assign(j + 1)) return false;
          }
          s[others[i]!] = base[others[i]!]!;
          return true;
        };
        return assign(0);
      }
      for (let i = start; i < others.length; i++) {
        chosen.push(i);
        const ok = choose(i + 1);
        chosen.pop();
        if (!ok) return false;
      }
      return true;
    };
    if (!choose(0)) return undefined;
    if (hits.length > 0) {
      const lex = (a: Int32Array, b: Int32Array) => {
        for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j]! - b[j]!;
        return 0;
      };
      return hits.sort(lex);
    }
  }
  return [];
}
