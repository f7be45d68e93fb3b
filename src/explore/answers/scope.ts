/** Question 5. Where are the boundaries of collective defence? */
import {
  type AnswerContext,
  dimOfAttribute,
  type GroupRow,
  optionRows,
  type VariantRow,
  variantRows,
} from "./context.js";

export interface ScopeAnswer {
  id: 5;
  /** The dimension that sets `scope` (undefined: the scenario declares no scope). */
  dim: string | undefined;
  byOption: GroupRow[];
  /** The focus scheme with each scope. */
  variants: VariantRow[];
}

/** Question 5 as data. */
export function scopeAnswer(x: AnswerContext): ScopeAnswer {
  const d = dimOfAttribute(x.c, "scope");
  if (d === undefined) return { id: 5, dim: undefined, byOption: [], variants: [] };
  return { id: 5, dim: x.c.dims[d]!.id, byOption: optionRows(x, d), variants: variantRows(x, d) };
}
