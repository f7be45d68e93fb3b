/** Question 8 in words. */
import type { DistanceAnswer } from "../../explore/answers/distance.js";
import type { ReportSection, ReportTable } from "../document.js";
import { concessionText, count, r3, schemeDiffText, schemeText } from "../format.js";

export function distanceSection(a: DistanceAnswer, focus: Record<string, string>): ReportSection {
  const tables: ReportTable[] = [
    {
      title:
        a.both > 0
          ? "Feasible schemes nearest to consensus"
          : "Feasible schemes nearest to consensus, with what they lack",
      columns: [
        { header: "scheme" },
        { header: "least margin", right: true },
        { header: "rejected by" },
        { header: "deterrence", right: true },
      ],
      rows: a.nearest.map((x) => [
        schemeDiffText(focus, x.scheme),
        r3(x.acceptability),
        x.rejectedBy.join(", ") || "nobody",
        r3(x.deterrence),
      ]),
    },
  ];
  if (a.unlock.length > 0)
    tables.push({
      title: "What it would take for the most deterrent feasible schemes that some party rejects",
      columns: [
        { header: "scheme (options that differ from the focus scheme)" },
        { header: "deterrence", right: true },
        { header: "cost", right: true },
        { header: "concessions needed [source]" },
      ],
      rows: a.unlock.map((u) => [
        schemeDiffText(focus, u.scheme.scheme),
        r3(u.scheme.deterrence),
        r3(u.cost),
        concessionText(u.changes),
      ]),
    });
  if (a.zoneSize === 0)
    tables.push({
      title: "Smallest sets of concessions and the scheme each unlocks",
      columns: [
        { header: "cost", right: true },
        { header: "changes [source]" },
        { header: "scheme unlocked" },
      ],
      rows: a.concessionSets.map((x) => [
        r3(x.cost),
        concessionText(x.changes) || "none needed",
        schemeText(x.scheme),
      ]),
    });
  return {
    id: 8,
    question: "How far apart are the parties, and what would close the gap?",
    summary: [
      a.zoneSize > 0
        ? `A zone of possible agreement exists: ${count(a.zoneSize)} consistent schemes every party accepts (distance to consensus ${r3(a.distance ?? 0)}); ${count(a.both)} of them are also feasible.`
        : `No consistent scheme is accepted by every party: the distance to consensus is ${r3(a.distance ?? 0)} (the least satisfied party's shortfall in the nearest scheme, red lines counted).`,
      a.nearestFeasibleMargin !== undefined
        ? `Among feasible schemes the nearest to consensus has a least margin of ${r3(a.nearestFeasibleMargin)}.`
        : "",
      a.nash
        ? `Nash bargaining solution: ${schemeText(a.nash)}.`
        : "No Nash bargaining solution: the zone is empty.",
      a.maximin
        ? `Maximin scheme: ${schemeText(a.maximin.scheme)} (least margin ${r3(a.maximin.minMargin)}).`
        : "",
      a.zoneSize > 0
        ? "No concession is needed for some scheme to be accepted by all; the table below shows what the most deterrent feasible schemes that a party rejects would need."
        : "",
      ...a.concessionSets
        .filter((x) => x.changes.length > 0)
        .slice(0, 3)
        .map((x, k) => `Concession set ${k + 1} (cost ${r3(x.cost)}): ${concessionText(x.changes)}.`),
    ].filter(Boolean),
    tables,
  };
}
