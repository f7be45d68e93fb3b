/** Question 2 in words. */
import type { AcceptabilityAnswer } from "../../explore/answers/acceptability.js";
import type { PartyVerdict } from "../../politics/index.js";
import type { ReportSection, ReportTable } from "../document.js";
import { actorList, count, pct, score } from "../format.js";
import type { ReportNames } from "../names.js";

/** Each party's verdict on a scheme with its reasons and their sources. */
export function verdictTable(title: string, verdicts: readonly PartyVerdict[], n: ReportNames): ReportTable {
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
      n.actor(v.party),
      v.accepts ? "accepts" : "rejects",
      score(v.utility),
      `${score(v.reservation)} [${v.reservationSource}]`,
      [
        ...v.redLines.map((r) => `red line "${n.term(r.id)}" [${r.source}]`),
        ...v.shortfalls
          .slice(0, v.accepts ? 0 : 2)
          .map((s) => `short on "${n.term(s.id)}" by ${score(s.lost)} [${s.source}]`),
      ].join("; ") || "—",
    ]),
  };
}

export function acceptabilitySection(a: AcceptabilityAnswer, n: ReportNames): ReportSection {
  const share = (accepts: number) => (a.consistent ? accepts / a.consistent : 0);
  return {
    id: 2,
    question: "Which schemes are acceptable, and to whom?",
    summary: [
      `${count(a.acceptedByAll)} consistent schemes (${pct(share(a.acceptedByAll))}) are accepted by every party with a stance (${actorList(
        a.parties.map((p) => p.party),
        n,
      )}); ${count(a.both)} of them are also feasible.`,
      ...a.parties
        .map((p) => ({ p, share: share(p.accepts) }))
        .sort((x, y) => x.share - y.share)
        .slice(0, 3)
        .map(({ p, share }) => `${n.actor(p.party)} accepts ${pct(share)} of the schemes.`),
      ...a.redLines
        .slice(0, 3)
        .map(
          (r) =>
            `${n.actor(r.party)}'s red line "${n.term(r.id)}" [${r.source}] excludes ${count(r.excludes)} schemes: ${r.description}`,
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
          n.actor(p.party),
          count(p.accepts),
          pct(share(p.accepts)),
          `${score(p.reservation)} [${p.reservationSource}]`,
          p.mostBinding ? `"${n.term(p.mostBinding.id)}" [${p.mostBinding.source}]` : "—",
          p.mostBinding ? count(p.mostBinding.excludes) : "0",
        ]),
      },
      ...(a.focus
        ? [
            verdictTable(
              "Each party's verdict on the focus scheme (options in brief, above)",
              a.focus.verdicts,
              n,
            ),
          ]
        : []),
    ],
  };
}
