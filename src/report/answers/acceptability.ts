/** Question 2 in words. */
import type { AcceptabilityAnswer } from "../../explore/answers/acceptability.js";
import type { PartyVerdict } from "../../politics/index.js";
import type { ReportSection, ReportTable } from "../document.js";
import { count, pct, r3, schemeText } from "../format.js";

/** Each party's verdict on a scheme with its reasons and their sources. */
export function verdictTable(title: string, verdicts: readonly PartyVerdict[]): ReportTable {
  return {
    title,
    columns: [
      { header: "party" },
      { header: "verdict" },
      { header: "utility", right: true },
      { header: "reservation [source]" },
      { header: "reasons [source]" },
    ],
    rows: verdicts.map((v) => [
      v.party,
      v.accepts ? "accepts" : "rejects",
      r3(v.utility),
      `${r3(v.reservation)} [${v.reservationSource}]`,
      [
        ...v.redLines.map((r) => `red line ${r.id} [${r.source}]`),
        ...v.shortfalls
          .slice(0, v.accepts ? 0 : 2)
          .map((s) => `short on ${s.id} by ${r3(s.lost)} [${s.source}]`),
      ].join("; ") || "—",
    ]),
  };
}

export function acceptabilitySection(a: AcceptabilityAnswer): ReportSection {
  const share = (accepts: number) => (a.consistent ? accepts / a.consistent : 0);
  return {
    id: 2,
    question: "Which schemes are acceptable, and to whom?",
    summary: [
      `${count(a.acceptedByAll)} consistent schemes (${pct(share(a.acceptedByAll))}) are accepted by every party with a stance (${a.parties.map((p) => p.party).join(", ")}); ${count(a.both)} of them are also feasible.`,
      ...a.parties
        .map((p) => ({ p, share: share(p.accepts) }))
        .sort((x, y) => x.share - y.share)
        .slice(0, 3)
        .map(({ p, share }) => `${p.party} accepts ${pct(share)} of the schemes.`),
      ...a.redLines
        .slice(0, 3)
        .map(
          (r) =>
            `${r.party}'s red line ${r.id} (${r.description}) [${r.source}] excludes ${count(r.excludes)} schemes.`,
        ),
    ],
    tables: [
      {
        title: "Each party: schemes it accepts, its reservation and its most binding red line",
        columns: [
          { header: "party" },
          { header: "accepts", right: true },
          { header: "share", right: true },
          { header: "reservation [source]" },
          { header: "most binding red line [source]" },
          { header: "excludes", right: true },
        ],
        rows: a.parties.map((p) => [
          p.party,
          p.accepts,
          pct(share(p.accepts)),
          `${p.reservation} [${p.reservationSource}]`,
          p.mostBinding ? `${p.mostBinding.id} [${p.mostBinding.source}]` : "—",
          p.mostBinding ? p.mostBinding.excludes : 0,
        ]),
      },
      ...(a.focus
        ? [
            verdictTable(
              `Each party's verdict on the focus scheme (${schemeText(a.focus.scheme)})`,
              a.focus.verdicts,
            ),
          ]
        : []),
    ],
  };
}
