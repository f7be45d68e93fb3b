/**
 * A scheme's sensitivity, in words: the tornado, the global ranking and the switching values.
 */
import type { SensitivityResult, TornadoBar } from "../uncertainty/index.js";
import { r3, schemeText } from "./format.js";
import { textTable } from "./table.js";

const num = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "—" : String(r3(x)));

function tornadoTable(title: string, bars: readonly TornadoBar[]): string {
  return `${title}\n${textTable(
    [
      { header: "input [source]" },
      { header: "low", right: true },
      { header: "metric", right: true },
      { header: "high", right: true },
      { header: "metric", right: true },
      { header: "swing", right: true },
    ],
    bars.map((b) => [
      `${b.input} [${b.source}]`,
      num(b.low.input),
      num(b.low.metric),
      num(b.high.input),
      num(b.high.metric),
      num(b.swing),
    ]),
  )}`;
}

const METRIC_WORDS = {
  margin: "the least party margin (utility − reservation when every party accepts, else −largest gap)",
  deterrence: "P(deterred)",
  zone: "the number of schemes every party accepts",
  feasible: "the feasibility score (1: willing contributors can provide everything)",
};

/**
 * The sensitivity report as text.
 * @example io.stdout(renderSensitivity(result))
 */
export function renderSensitivity(r: SensitivityResult): string {
  const out: string[] = [];
  out.push(`Scheme: ${schemeText(r.scheme)}`);
  out.push(`Metric: ${METRIC_WORDS[r.metric]}; at the stated values ${num(r.point.value)}.`);
  if (r.point.byParty)
    out.push(
      `Margins: ${Object.entries(r.point.byParty)
        .map(([p, m]) => `${p} ${num(m)}`)
        .join(", ")}.`,
    );
  out.push("");
  out.push(
    tornadoTable(
      "Tornado: each input at its 5th and 95th percentile (a yes/no input: no and yes), the others as stated",
      r.tornado,
    ),
  );
  for (const [party, bars] of Object.entries(r.tornadoByParty ?? {}))
    out.push(tornadoTable(`Tornado on ${party}'s margin`, bars.slice(0, 5)));
  if (r.ranking)
    out.push(
      `Global ranking over ${r.ranking.samples} Monte-Carlo draws (seed ${r.ranking.seed}), Spearman's rank correlation with the metric\n${textTable(
        [{ header: "input [source]" }, { header: "ρ", right: true }],
        r.ranking.inputs.map((x) => [`${x.input} [${x.source}]`, num(x.rho)]),
      )}`,
    );
  out.push(
    `Switching values: where each party's verdict on this scheme flips, and where the focus scheme changes\n${textTable(
      [
        { header: "party" },
        { header: "verdict" },
        { header: "reservation → flips at" },
        { header: "heaviest weights → flip at" },
        { header: "focus changes at reservation" },
      ],
      r.switching.map((s) => [
        s.party,
        s.accepts ? "accepts" : "rejects",
        s.reservation.to === undefined
          ? `${num(s.reservation.from)}: ${s.reservation.note}`
          : `${num(s.reservation.from)} → ${num(s.reservation.to)}`,
        s.weights
          .map((w) => `${w.preference} ${num(w.from)} → ${w.to === undefined ? "none" : num(w.to)}`)
          .join("; ") || "—",
        `${s.focusChange.down === undefined ? "none below" : `≤ ${num(s.focusChange.down)}`}, ${s.focusChange.up === undefined ? "none above" : `≥ ${num(s.focusChange.up)}`}`,
      ]),
    )}`,
  );
  return `${out.join("\n")}\n`;
}
