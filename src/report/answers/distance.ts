/** Question 8 in words. */
import type { DistanceAnswer } from "../../explore/answers/distance.js";
import type { ReportSection, ReportTable } from "../document.js";
import { actorList, concessionText, count, schemeLabels, score } from "../format.js";
import type { ReportNames } from "../names.js";

/** The options of `s` that differ from `base`, by their labels; "same as the focus scheme" when none does. */
export function schemeDiffLabels(
  base: Record<string, string>,
  s: Record<string, string>,
  n: ReportNames,
): string {
  const diff = Object.fromEntries(Object.entries(s).filter(([d, o]) => base[d] !== o));
  return Object.keys(diff).length === 0 ? "same as the focus scheme" : schemeLabels(diff, n);
}

export function distanceSection(
  a: DistanceAnswer,
  focus: Record<string, string>,
  n: ReportNames,
): ReportSection {
  const tables: ReportTable[] = [
    {
      title:
        a.both > 0
          ? "Feasible schemes nearest to consensus (options that differ from the focus scheme)"
          : "Feasible schemes nearest to consensus, with what they lack (options that differ from the focus scheme)",
      columns: [
        { header: "scheme" },
        { header: "least margin", right: true },
        { header: "rejected by" },
        { header: "deterrence", right: true },
      ],
      rows: a.nearest.map((x) => [
        schemeDiffLabels(focus, x.scheme, n),
        score(x.acceptability),
        actorList(x.rejectedBy, n) || "nobody",
        score(x.deterrence),
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
        schemeDiffLabels(focus, u.scheme.scheme, n),
        score(u.scheme.deterrence),
        score(u.cost),
        concessionText(u.changes, n),
      ]),
    });
  if (a.zoneSize === 0)
    tables.push({
      title:
        "Smallest sets of concessions and the scheme each unlocks (options that differ from the focus scheme)",
      columns: [
        { header: "cost", right: true },
        { header: "changes [source]" },
        { header: "scheme unlocked" },
      ],
      rows: a.concessionSets.map((x) => [
        score(x.cost),
        concessionText(x.changes, n) || "none needed",
        schemeDiffLabels(focus, x.scheme, n),
      ]),
    });
  return {
    id: 8,
    question: "How far apart are the parties, and what would close the gap?",
    summary: [
      a.zoneSize > 0
        ? `A zone of possible agreement exists: ${count(a.zoneSize)} consistent schemes every party accepts (distance to consensus ${score(a.distance ?? 0)}); ${count(a.both)} of them are also feasible.`
        : `No consistent scheme is accepted by every party: the distance to consensus is ${score(a.distance ?? 0)} (the least satisfied party's shortfall in the nearest scheme, red lines counted).`,
      a.nearestFeasibleMargin !== undefined
        ? `Among feasible schemes the nearest to consensus has a least margin of ${score(a.nearestFeasibleMargin)}.`
        : "",
      a.nash
        ? `Nash bargaining solution (options that differ from the focus scheme): ${schemeDiffLabels(focus, a.nash, n)}.`
        : "No Nash bargaining solution: the zone is empty.",
      a.maximin
        ? `Maximin scheme (least margin ${score(a.maximin.minMargin)}; options that differ from the focus scheme): ${schemeDiffLabels(focus, a.maximin.scheme, n)}.`
        : "",
      a.zoneSize > 0
        ? "No concession is needed for some scheme to be accepted by all; the table below shows what the most deterrent feasible schemes that a party rejects would need."
        : "",
      ...a.concessionSets
        .filter((x) => x.changes.length > 0)
        .slice(0, 3)
        .map((x, k) => `Concession set ${k + 1} (cost ${score(x.cost)}): ${concessionText(x.changes, n)}.`),
      ...(a.unlock[0]
        ? [
            `The most deterrent feasible scheme that some party rejects (deterrence ${score(a.unlock[0].scheme.deterrence)}) is rejected by ${actorList(a.unlock[0].scheme.rejectedBy, n)}.`,
          ]
        : []),
    ].filter(Boolean),
    tables,
  };
}
