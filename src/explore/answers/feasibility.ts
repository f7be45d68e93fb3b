/** Question 1. Which schemes are militarily feasible? */
import { REQ_NAMES } from "../../models/index.js";
import type { GroupStats } from "../groups.js";
import { type AnswerContext, type GroupRow, optionRows } from "./context.js";

export interface FeasibilityAnswer {
  id: 1;
  consistent: number;
  feasible: number;
  /** Capabilities some schemes lack: schemes short (weighted by the schemes posing each coalition problem)
   *  and the most units missing, most schemes first. */
  shortfalls: { capability: string; schemes: number; maxUnits: number }[];
  /** Every dimension by how much its options change the share of feasible schemes (spread), largest first. */
  drivers: { dim: string; spread: number }[];
  /** Lowest and highest of each requirement over the consistent schemes (troops to generate, with rotation). */
  requirements: { requirement: string; lowest: number; highest: number }[];
  /** Per-option statistics of the two main drivers. */
  byDriver: { dim: string; options: GroupRow[] }[];
}

const feasibleShare = (s: GroupStats) => s.feasible / s.schemes;

/** Question 1 as data. */
export function feasibilityAnswer(x: AnswerContext): FeasibilityAnswer {
  const gapCount = new Map<string, { schemes: number; maxUnits: number }>();
  x.pass.coalitions.forEach((entry, k) => {
    for (const [cap, units] of Object.entries(entry.gaps)) {
      const g = gapCount.get(cap) ?? { schemes: 0, maxUnits: 0 };
      g.schemes += x.schemesPerProblem[k]!;
      g.maxUnits = Math.max(g.maxUnits, units);
      gapCount.set(cap, g);
    }
  });
  const spread = x.c.dims.map((dim, d) => {
    const shares = x.byOption[d]!.filter((s) => s.schemes > 0).map(feasibleShare);
    // No scheme with any option (an empty space): no spread, rather than -Infinity.
    return { d, dim: dim.id, spread: shares.length === 0 ? 0 : Math.max(...shares) - Math.min(...shares) };
  });
  spread.sort((a, b) => b.spread - a.spread || a.d - b.d);
  return {
    id: 1,
    consistent: x.consistent,
    feasible: x.counts.feasible,
    shortfalls: [...gapCount.entries()]
      .sort((a, b) => b[1].schemes - a[1].schemes)
      .map(([capability, g]) => ({ capability, ...g })),
    drivers: spread.map(({ dim, spread }) => ({ dim, spread })),
    // Over no consistent scheme there is no lowest or highest requirement.
    requirements:
      x.consistent === 0
        ? []
        : REQ_NAMES.map((requirement, k) => ({ requirement, ...x.requirementRange[k]! })),
    byDriver: spread.slice(0, 2).map((s) => ({ dim: s.dim, options: optionRows(x, s.d) })),
  };
}
