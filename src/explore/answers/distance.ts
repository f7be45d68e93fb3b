/** Question 8. How far apart are the parties, and what would close the gap? */
import { type Concession, partyVerdicts } from "../../politics/index.js";
import { schemeToObject } from "../../scenario/compile.js";
import { OBJ_ACCEPTABILITY } from "../rank.js";
import { type AnswerContext, type SchemeSummary, summarize } from "./context.js";

export interface DistanceAnswer {
  id: 8;
  /** Consistent schemes every party accepts. */
  zoneSize: number;
  /** Of those, also feasible. */
  both: number;
  /** The least satisfied party's shortfall in the nearest scheme, red lines counted (0 when the zone exists). */
  distance: number | undefined;
  /** The least margin of the feasible scheme nearest to consensus, when no feasible scheme is accepted by all. */
  nearestFeasibleMargin: number | undefined;
  nash: Record<string, string> | undefined;
  maximin: { scheme: Record<string, string>; minMargin: number } | undefined;
  /** The smallest sets of concessions and the scheme each unlocks (cheapest first). */
  concessionSets: { cost: number; changes: Concession[]; scheme: Record<string, string> }[];
  /** Feasible schemes nearest to consensus, best first. */
  nearest: SchemeSummary[];
  /** What the most deterrent feasible schemes that some party rejects would need. */
  unlock: { scheme: SchemeSummary; cost: number; changes: Concession[] }[];
}

/** Question 8 as data. */
export function distanceAnswer(x: AnswerContext): DistanceAnswer {
  const k = x.consensus;
  const nearest = x.nearestFeasible.slice(0, Math.min(x.top, 5));
  return {
    id: 8,
    zoneSize: k.zone.size,
    both: x.counts.both,
    distance: k.distance?.value,
    nearestFeasibleMargin:
      x.counts.both === 0 && x.nearestFeasible.length > 0
        ? x.nearestFeasible[0]!.objectives[OBJ_ACCEPTABILITY]!
        : undefined,
    nash: k.nash ? schemeToObject(x.c, k.nash.scheme) : undefined,
    maximin: k.maximin
      ? { scheme: schemeToObject(x.c, k.maximin.scheme), minMargin: k.maximin.minMargin }
      : undefined,
    concessionSets: k.concessions.sets.map((s) => ({
      cost: s.cost,
      changes: s.changes,
      scheme: schemeToObject(x.c, s.scheme),
    })),
    nearest: nearest.map((r) => summarize(x, r)),
    unlock: x.deterrentRejected.map((r) => {
      const changes = partyVerdicts(x.c, r.scheme).flatMap((v) => v.concessions);
      return { scheme: summarize(x, r), cost: changes.reduce((sum, ch) => sum + ch.cost, 0), changes };
    }),
  };
}
