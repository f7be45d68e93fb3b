/** Question 7 in words. */
import type { BurdenAnswer } from "../../explore/answers/burden.js";
import type { ReportSection } from "../document.js";
import { fixed, money, pct, unitsText } from "../format.js";
import type { ReportNames } from "../names.js";

export function burdenSection(a: BurdenAnswer, n: ReportNames): ReportSection {
  const question = "How is the burden shared, and what fails without a main contributor?";
  const k = a.coalition;
  if (!k) return { id: 7, question, summary: ["There is no consistent scheme."], tables: [] };
  const withouts = k.withouts.map((w) => [
    `without ${n.actor(w.without)}`,
    unitsText(w.missing, n) || "nothing missing",
  ]);
  return {
    id: 7,
    question,
    summary: [
      `The focus scheme's coalition costs ${money(k.totalCostUsdMPerYear)} in contributors' unit and fixed costs (the requirement model puts the whole scheme, weapons included, at ${money(k.schemeCostUsdMPerYear)}).`,
      k.financing ? `Who pays in the focus scheme: ${n.option(k.financing.dim, k.financing.option)}.` : "",
      ...withouts.map((w) => `${w[0]!.charAt(0).toUpperCase()}${w[0]!.slice(1)}: ${w[1]}.`),
    ].filter(Boolean),
    tables: [
      {
        title: "Who pays what in the focus scheme: cost share against GDP share",
        columns: [
          { header: "contributor" },
          { header: "provides" },
          { header: "cost, USD m/yr", right: true },
          { header: "cost share", right: true },
          { header: "GDP share", right: true },
        ],
        rows: k.contributors.map((x) => [
          n.actor(x.id),
          unitsText(x.provides, n),
          fixed(x.costUsdMPerYear, 0),
          pct(x.costShare),
          x.gdpShare === undefined ? "—" : pct(x.gdpShare),
        ]),
      },
      {
        title: "What the focus scheme lacks without each of its largest contributors",
        columns: [{ header: "case" }, { header: "missing" }],
        rows: withouts,
      },
    ],
  };
}
