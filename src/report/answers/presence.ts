/** Question 6 in words. */
import type { PresenceAnswer } from "../../explore/answers/presence.js";
import type { ReportSection } from "../document.js";
import { count, pct, r3 } from "../format.js";
import { groupTable, variantTable } from "./common.js";

export function presenceSection(a: PresenceAnswer): ReportSection {
  return {
    id: 6,
    question: "Must forces be deployed in peacetime?",
    summary: a.byPresence.map(({ group, stats: s }) => {
      const n = s.schemes;
      return `${group}: ${count(n)} schemes, ${pct(n ? s.feasible / n : 0)} feasible, ${count(s.acceptedByAll)} accepted by all, mean deterrence ${r3(n ? s.deterrenceSum / n : 0)}, mean cost USD ${count(Math.round(n ? s.costUsdMSum / n : 0))} m/yr.`;
    }),
    tables: [
      groupTable("Schemes by peacetime presence", a.byPresence),
      ...(a.groundDim === undefined || a.variants.length === 0
        ? []
        : [variantTable(`The focus scheme with each ${a.groundDim}`, a.variants)]),
    ],
  };
}
