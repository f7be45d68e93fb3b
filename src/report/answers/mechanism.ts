/** Question 3 in words. */
import type { MechanismAnswer } from "../../explore/answers/mechanism.js";
import type { ReportSection } from "../document.js";
import { pct, r1, r3 } from "../format.js";

export function mechanismSection(a: MechanismAnswer): ReportSection {
  const question = "How would the mechanism operate?";
  const { ladder, deterrence: d } = a;
  if (!ladder || !d) return { id: 3, question, summary: ["There is no consistent scheme."], tables: [] };
  return {
    id: 3,
    question,
    summary: [
      `In the focus scheme the guarantee is triggered by ${ladder.trigger}.`,
      `Deterrence: the attacker's expected cost is ${r3(d.expectedCost)} against an expected gain of ${r3(d.gain)} (ratio ${r3(d.costToGain)}); P(deterred) = ${r3(d.probability)}.`,
      ...d.drivers.slice(0, 3).map((x) => `Driver: ${x}.`),
    ],
    tables: [
      {
        title: "Response ladder of the focus scheme",
        columns: [
          { header: "step" },
          { header: "hours", right: true },
          { header: "who acts" },
          { header: "timing basis" },
        ],
        rows: ladder.steps.map((st) => [
          st.label,
          r1(st.timeHours),
          st.actors.join(", ") || "—",
          st.timeBasis,
        ]),
      },
      {
        title: "Deterrence terms (probability × cost to the attacker, in units of its expected gain)",
        columns: [
          { header: "response" },
          { header: "hours", right: true },
          { header: "P", right: true },
          { header: "cost", right: true },
          { header: "share", right: true },
        ],
        rows: d.terms.map((t) => [t.step, r1(t.hours), r3(t.probability), r3(t.cost), pct(t.share)]),
      },
    ],
  };
}
