/**
 * Pareto fronts over typed arrays: no object per point.
 */

/** Direction of each objective. */
export type Sense = "max" | "min";

/**
 * Indexes of the non-dominated rows of an n × k row-major matrix. Row a dominates row b when it is at least
 * as good on every objective and better on one. Rows equal on every objective are all kept (none dominates
 * the other). Sort-based: rows are visited by the first objective, best first, so a row can only be dominated
 * by rows already on the front (Kung, Luccio & Preparata 1975, the simple sort-and-filter form).
 * @example paretoFront(Float64Array.of(1, 2, 2, 1, 0, 0), 3, 2, ["max", "max"]) // [0, 1]
 */
export function paretoFront(
  values: ArrayLike<number>,
  n: number,
  k: number,
  senses: readonly Sense[],
): number[] {
  const sign = senses.map((s) => (s === "max" ? 1 : -1));
  const v = (row: number, j: number) => sign[j]! * values[row * k + j]!;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (let j = 0; j < k; j++) {
      const d = v(b, j) - v(a, j);
      if (d !== 0) return d;
    }
    return a - b;
  });
  const front: number[] = [];
  for (const row of order) {
    let dominated = false;
    for (const f of front) {
      let geAll = true;
      let gtOne = false;
      for (let j = 0; j < k; j++) {
        const d = v(f, j) - v(row, j);
        if (d < 0) {
          geAll = false;
          break;
        }
        if (d > 0) gtOne = true;
      }
      if (geAll && gtOne) {
        dominated = true;
        break;
      }
    }
    if (!dominated) front.push(row);
  }
  return front.sort((a, b) => a - b);
}
