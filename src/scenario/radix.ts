/**
 * Mixed-radix numbers over the options of some dimensions: a table indexed by the options of the dimensions a
 * model reads, or a memo key for them. The last dimension varies fastest (row-major order).
 */
import type { CompiledScenario, Scheme } from "./compile.js";

/** The dimensions a number is made of, their strides, and how many values it can take. */
export interface MixedRadix {
  dims: Int32Array;
  strides: Float64Array;
  /** Π of the option counts: the size of a table over these dimensions. */
  size: number;
}

/**
 * The mixed radix over the options of `dims` (sorted ascending). Throws RangeError when the product of option
 * counts exceeds `maxSize` (default: the largest exact integer of a double).
 * @example const r = mixedRadix(c, [0, 3]); radixIndex(r, scheme) // options of dims 0 and 3 as one number
 */
export function mixedRadix(
  c: CompiledScenario,
  dims: readonly number[],
  maxSize: number = Number.MAX_SAFE_INTEGER,
): MixedRadix {
  const r = mixedRadixWithin(c, dims, maxSize);
  if (!r)
    throw new RangeError(
      `mixedRadix: the options of dimensions ${dims.map((d) => c.dims[d]!.id).join(", ")} make more than ${maxSize} combinations`,
    );
  return r;
}

/** `mixedRadix`, or undefined when the product of option counts exceeds `maxSize`. */
export function mixedRadixWithin(
  c: CompiledScenario,
  dims: readonly number[],
  maxSize: number,
): MixedRadix | undefined {
  const sorted = [...dims].sort((a, b) => a - b);
  const strides = new Float64Array(sorted.length);
  let size = 1;
  for (let k = sorted.length - 1; k >= 0; k--) {
    strides[k] = size;
    size *= c.dims[sorted[k]!]!.options.length;
    if (size > maxSize) return undefined;
  }
  return { dims: Int32Array.from(sorted), strides, size };
}

/** The number of a scheme's options on the radix's dimensions. */
export function radixIndex(r: MixedRadix, scheme: Scheme): number {
  let index = 0;
  for (let k = 0; k < r.dims.length; k++) index += scheme[r.dims[k]!]! * r.strides[k]!;
  return index;
}

/** Write into `scheme` the options that `index` stands for (only the radix's dimensions are touched). */
export function radixDecode(r: MixedRadix, index: number, scheme: Int32Array): void {
  let rest = index;
  for (let k = 0; k < r.dims.length; k++) {
    const o = Math.floor(rest / r.strides[k]!);
    scheme[r.dims[k]!] = o;
    rest -= o * r.strides[k]!;
  }
}
