/** Question 6. Must forces be deployed in peacetime? */
import type { Presence } from "../../deterrence/index.js";
import { PRESENCES } from "../pass.js";
import {
  type AnswerContext,
  dimOfAttribute,
  type GroupRow,
  type VariantRow,
  variantRows,
} from "./context.js";

export interface PresenceAnswer {
  id: 6;
  /** Schemes by peacetime presence: none, over the horizon, in place. */
  byPresence: GroupRow<Presence>[];
  /** The dimension that sets `ground_mission`, if any, and the focus scheme with each of its options. */
  groundDim: string | undefined;
  variants: VariantRow[];
}

/** Question 6 as data. */
export function presenceAnswer(x: AnswerContext): PresenceAnswer {
  const d = dimOfAttribute(x.c, "ground_mission");
  return {
    id: 6,
    byPresence: PRESENCES.map((group, k) => ({ group, stats: x.byPresence[k]! })),
    groundDim: d === undefined ? undefined : x.c.dims[d]!.id,
    variants: d === undefined ? [] : variantRows(x, d),
  };
}
