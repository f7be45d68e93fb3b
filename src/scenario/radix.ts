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

/**
 * A mixed radix over classes of options rather than options: two options of a dimension are in one class when
 * they give the same values to every one of `attrs`. A function of those attributes alone (deterrence, for
 * instance) then needs one evaluation per combination of classes, and its memo is a table of that size.
 */
export interface ClassRadix {
  dims: Int32Array;
  /** `classOf[k][o]`: the class of option o of dimension dims[k]. */
  classOf: Int32Array[];
  strides: Float64Array;
  size: number;
}

/**
 * The classes of the options of the dimensions that set any of `attrs` (see `ClassRadix`).
 * @example const r = attributeClassRadix(c, ["scope"]); classIndex(r, scheme) // the same for equivalent options
 */
export function attributeClassRadix(c: CompiledScenario, attrs: Iterable<string>): ClassRadix {
  const names = new Set(attrs);
  const byDim = new Map<number, CompiledScenario["attributes"]>();
  for (const a of c.attributes) {
    if (!names.has(a.name)) continue;
    byDim.set(a.dim, [...(byDim.get(a.dim) ?? []), a]);
  }
  const dims = [...byDim.keys()].sort((a, b) => a - b);
  const classOf = dims.map((d) => {
    const seen = new Map<string, number>();
    return Int32Array.from(c.dims[d]!.options, (_, o) => {
      const key = JSON.stringify(byDim.get(d)!.map((a) => a.values[o]));
      if (!seen.has(key)) seen.set(key, seen.size);
      return seen.get(key)!;
    });
  });
  const strides = new Float64Array(dims.length);
  let size = 1;
  for (let k = dims.length - 1; k >= 0; k--) {
    strides[k] = size;
    size *= Math.max(...classOf[k]!) + 1;
  }
  return { dims: Int32Array.from(dims), classOf, strides, size };
}

/** The number of a scheme's option classes on the radix's dimensions. */
export function classIndex(r: ClassRadix, scheme: Scheme): number {
  let index = 0;
  for (let k = 0; k < r.dims.length; k++) index += r.classOf[k]![scheme[r.dims[k]!]!]! * r.strides[k]!;
  return index;
}
