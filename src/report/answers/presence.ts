/** Question 6 in words. */
import type { PresenceAnswer } from "../../explore/answers/presence.js";
import type { ReportSection } from "../document.js";
import { count, money, pct, score } from "../format.js";
import type { ReportNames } from "../names.js";
import { groupTable, variantTable } from "./common.js";

/** The classes of peacetime presence in words. */
export const PRESENCE_WORDS: Record<string, string> = {
  none: "No presence",
  over_the_horizon: "Over the horizon",
  in_place: "Forces in place",
};
const presence = (g: string) => PRESENCE_WORDS[g] ?? g;

export function presenceSection(a: PresenceAnswer, n: ReportNames): ReportSection {
  const dim = a.groundDim;
  return {
    id: 6,
    question: "Must forces be deployed in peacetime?",
    summary: a.byPresence.map(({ group, stats: s }) => {
      const k = s.schemes;
      return `${presence(group)}: ${count(k)} schemes, ${pct(k ? s.feasible / k : 0)} feasible, ${count(s.acceptedByAll)} accepted by all, mean deterrence ${score(k ? s.deterrenceSum / k : 0)}, mean cost ${money(k ? s.costUsdMSum / k : 0)}.`;
    }),
    tables: [
      groupTable("Schemes by peacetime presence", a.byPresence, presence),
      ...(dim === undefined || a.variants.length === 0
        ? []
        : [variantTable(`The focus scheme with each option of ${n.dim(dim)}`, dim, a.variants, n)]),
    ],
  };
}
