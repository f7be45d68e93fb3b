/** Question 4 in words. */
import type { ParticipationAnswer } from "../../explore/answers/participation.js";
import type { ReportSection } from "../document.js";
import { actorList, pct, unitsText } from "../format.js";
import type { ReportNames } from "../names.js";

export function participationSection(a: ParticipationAnswer, n: ReportNames): ReportSection {
  const f = a.focus;
  return {
    id: 4,
    question: "Which countries can participate, and which are willing?",
    summary: [
      `${a.contributors.length} actors have a capability ledger; their willingness conditions bar them from some schemes.`,
      f
        ? `In the focus scheme, ${f.participants.length} contributors take part: ${actorList(f.participants, n)}${
            Object.keys(f.gaps).length ? `; missing: ${unitsText(f.gaps, n)}` : ""
          }.`
        : "There is no consistent scheme.",
    ],
    tables: [
      {
        title: "Contributors: what they could provide [source], their conditions, and where they take part",
        columns: [
          { header: "actor" },
          { header: "could provide [source]" },
          { header: "conditions [source]" },
          { header: "willing in schemes", right: true },
          { header: "provides in focus scheme" },
        ],
        rows: a.contributors.map((x) => [
          n.actor(x.actor),
          `${x.ledger.map((l) => n.units(l.capability, l.value)).join(", ")} [${[...new Set(x.ledger.map((l) => l.source))].join(", ")}]`,
          x.conditions
            .map(
              (w) => `${n.term(w.id)}${w.capability ? ` (${n.capability(w.capability)})` : ""} [${w.source}]`,
            )
            .join("; ") || "—",
          pct(x.willingShare),
          Object.keys(x.providesInFocus).length ? unitsText(x.providesInFocus, n) : "—",
        ]),
      },
    ],
  };
}
