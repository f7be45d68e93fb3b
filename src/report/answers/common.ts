/** Tables several answers share: statistics per option or class, and the focus scheme's variants. */
import type { GroupRow, VariantRow } from "../../explore/answers/context.js";
import type { ReportTable } from "../document.js";
import { actorList, count, fixed, pct, schemeWords, score, unitsText } from "../format.js";
import type { ReportNames } from "../names.js";

/** Per option of a dimension (or per class): schemes, share feasible, accepted by all, deterrence, cost.
 *  `label` names a group (an option's label, or a class in words). */
export function groupTable(
  title: string,
  rows: readonly GroupRow[],
  label: (group: string) => string,
): ReportTable {
  return {
    title,
    columns: [
      { header: "option" },
      { header: "schemes", right: true },
      { header: "feasible", right: true },
      { header: "accepted by all", right: true },
      { header: "both", right: true },
      { header: "mean deterrence", right: true },
      { header: "best deterrence", right: true },
      { header: "mean cost, USD m/yr", right: true },
    ],
    rows: rows.map(({ group, stats: s }) => [
      label(group),
      count(s.schemes),
      s.schemes ? pct(s.feasible / s.schemes) : "—",
      count(s.acceptedByAll),
      count(s.both),
      s.schemes ? score(s.deterrenceSum / s.schemes) : "—",
      s.schemes ? score(s.deterrenceMax) : "—",
      s.schemes ? fixed(s.costUsdMSum / s.schemes, 0) : "—",
    ]),
  };
}

/** The focus scheme with each option of a dimension. */
export function variantTable(
  title: string,
  dim: string,
  rows: readonly VariantRow[],
  n: ReportNames,
): ReportTable {
  return {
    title,
    columns: [
      { header: "option" },
      { header: "deterrence", right: true },
      { header: "cost, USD m/yr", right: true },
      { header: "feasible" },
      { header: "rejected by" },
      { header: "other changes the rules require" },
    ],
    rows: rows.map((v) => {
      const label = n.option(dim, v.option);
      if (!v.scheme) return [label, "—", "—", "—", "—", "no consistent scheme has it"];
      const x = v.scheme;
      return [
        label + (v.isFocus ? " (focus)" : ""),
        score(x.deterrence),
        fixed(x.costUsdMPerYear, 0),
        x.feasible ? "yes" : `no: lacks ${unitsText(x.gaps, n)}`,
        x.rejectedBy.length ? actorList(x.rejectedBy, n) : "nobody",
        v.isFocus ? "—" : schemeWords(v.forced, n) || "none",
      ];
    }),
  };
}
