/** Question 3 in words. */
import type { MechanismAnswer } from "../../explore/answers/mechanism.js";
import type { ReportSection } from "../document.js";
import { actorList, hours, pct, score } from "../format.js";
import type { ReportNames } from "../names.js";

/** The ladder's steps sorted by the hour they take effect (ties in the ladder's order). */
export function stepsByTime<T extends { timeHours: number }>(steps: readonly T[]): T[] {
  return [...steps].sort((x, y) => x.timeHours - y.timeHours);
}

export function mechanismSection(a: MechanismAnswer, n: ReportNames): ReportSection {
  const question = "How would the mechanism operate?";
  const { ladder, deterrence: d } = a;
  if (!ladder || !d) return { id: 3, question, summary: ["There is no consistent scheme."], tables: [] };
  const stepLabel = new Map(ladder.steps.map((s) => [s.kind as string, s.label]));
  return {
    id: 3,
    question,
    summary: [
      `In the focus scheme the guarantee is triggered by ${ladder.trigger}.`,
      `Deterrence: the attacker's expected cost is ${score(d.expectedCost)} against an expected gain of ${score(d.gain)} (ratio ${score(d.costToGain)}); the probability that renewed aggression is deterred is ${score(d.probability)}.`,
      ...d.drivers.slice(0, 3).map((x) => `Driver: ${x}.`),
    ],
    tables: [
      {
        title: "Response ladder of the focus scheme, by hours after an attack",
        columns: [
          { header: "hours", right: true },
          { header: "step" },
          { header: "who acts" },
          { header: "how the time is made up" },
        ],
        rows: stepsByTime(ladder.steps).map((st) => [
          hours(st.timeHours),
          st.label,
          st.actors.length ? actorList(st.actors, n) : "—",
          st.timeBasis,
        ]),
      },
      {
        title: "Deterrence terms (probability × cost to the attacker, in units of its expected gain)",
        columns: [
          { header: "hours", right: true },
          { header: "response" },
          { header: "probability", right: true },
          { header: "cost", right: true },
          { header: "share", right: true },
        ],
        rows: [...d.terms]
          .sort((x, y) => x.hours - y.hours)
          .map((t) => [
            hours(t.hours),
            stepLabel.get(t.step) ?? t.step,
            score(t.probability),
            score(t.cost),
            pct(t.share),
          ]),
      },
    ],
  };
}
