/** Question 4 in words. */
import type { ParticipationAnswer } from "../../explore/answers/participation.js";
import type { ReportSection } from "../document.js";
import { pct, unitsText } from "../format.js";

export function participationSection(a: ParticipationAnswer): ReportSection {
  const f = a.focus;
  return {
    id: 4,
    question: "Which countries can participate, and which are willing?",
    summary: [
      `${a.contributors.length} actors have a capability ledger; their willingness conditions bar them from some schemes.`,
      f
        ? `In the focus scheme, ${f.participants.length} contributors take part: ${f.participants.join(", ")}${
            Object.keys(f.gaps).length ? `; missing: ${unitsText(f.gaps)}` : ""
          }.`
        : "There is no consistent scheme.",
    ],
    tables: [
      {
        title: "Contributors: what they could provide [source], their conditions, and where they take part",
        columns: [
          { header: "actor" },
          { header: "ledger [source]" },
          { header: "conditions [source]" },
          { header: "willing in schemes", right: true },
          { header: "provides in focus scheme" },
        ],
        rows: a.contributors.map((x) => [
          x.actor,
          `${x.ledger.map((l) => `${l.capability} ${l.value}`).join(", ")} [${[...new Set(x.ledger.map((l) => l.source))].join(", ")}]`,
          x.conditions
            .map((w) => `${w.kind}${w.capability ? ` ${w.capability}` : ""} [${w.source}]`)
            .join("; ") || "—",
          pct(x.willingShare),
          Object.keys(x.providesInFocus).length ? unitsText(x.providesInFocus) : "—",
        ]),
      },
    ],
  };
}
