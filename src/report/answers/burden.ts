/** Question 7 in words. */
import type { BurdenAnswer } from "../../explore/answers/burden.js";
import type { ReportSection } from "../document.js";
import { count, pct, unitsText } from "../format.js";

export function burdenSection(a: BurdenAnswer): ReportSection {
  const question = "How is the burden shared, and what fails without a main contributor?";
  const k = a.coalition;
  if (!k) return { id: 7, question, summary: ["There is no consistent scheme."], tables: [] };
  const withouts = k.withouts.map((w) => [`without ${w.without}`, unitsText(w.missing) || "nothing missing"]);
  return {
    id: 7,
    question,
    summary: [
      `The focus scheme's coalition costs USD ${count(Math.round(k.totalCostUsdMPerYear))} m a year in contributors' unit and fixed costs (the requirement model puts the whole scheme, weapons included, at USD ${count(Math.round(k.schemeCostUsdMPerYear))} m a year).`,
      k.financing ? `Financing in the focus scheme: ${k.financing.option}.` : "",
      ...withouts.map((w) => `${w[0]}: ${w[1]}.`),
    ].filter(Boolean),
    tables: [
      {
        title: "Who pays what in the focus scheme: cost share against GDP share",
        columns: [
          { header: "contributor" },
          { header: "provides" },
          { header: "cost USD m/yr", right: true },
          { header: "cost share", right: true },
          { header: "GDP share", right: true },
        ],
        rows: k.contributors.map((x) => [
          x.id,
          unitsText(x.provides),
          Math.round(x.costUsdMPerYear),
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
