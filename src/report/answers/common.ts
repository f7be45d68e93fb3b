/** Tables several answers share: statistics per option or class, and the focus scheme's variants. */
import type { GroupRow, VariantRow } from "../../explore/answers/context.js";
import type { ReportTable } from "../document.js";
import { pct, r3, schemeDiffText, unitsText } from "../format.js";

/** Per option of a dimension (or per class): schemes, share feasible, accepted by all, deterrence, cost. */
export function groupTable(title: string, rows: readonly GroupRow[]): ReportTable {
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
      { header: "mean cost USD m/yr", right: true },
    ],
    rows: rows.map(({ group, stats: s }) => [
      group,
      s.schemes,
      s.schemes ? pct(s.feasible / s.schemes) : "—",
      s.acceptedByAll,
      s.both,
      s.schemes ? r3(s.deterrenceSum / s.schemes) : "—",
      s.schemes ? r3(s.deterrenceMax) : "—",
      s.schemes ? Math.round(s.costUsdMSum / s.schemes) : "—",
    ]),
  };
}

/** The focus scheme with each option of a dimension. */
export function variantTable(title: string, rows: readonly VariantRow[]): ReportTable {
  return {
    title,
    columns: [
      { header: "option" },
      { header: "deterrence", right: true },
      { header: "cost USD m/yr", right: true },
      { header: "feasible" },
      { header: "rejected by" },
      { header: "other changes the rules require" },
    ],
    rows: rows.map((v) => {
      if (!v.scheme) return [v.option, "—", "—", "—", "—", "no consistent scheme has it"];
      const x = v.scheme;
      return [
        v.option + (v.isFocus ? " (focus)" : ""),
        r3(x.deterrence),
        Math.round(x.costUsdMPerYear),
        x.feasible ? "yes" : `no: ${unitsText(x.gaps)}`,
        x.rejectedBy.length ? x.rejectedBy.join(", ") : "nobody",
        v.isFocus ? "—" : schemeDiffText({}, v.forced).replace("same as the focus scheme", "none"),
      ];
    }),
  };
}
