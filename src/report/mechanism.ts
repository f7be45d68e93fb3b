/**
 * How a scheme's guarantee would operate, for people: the response ladder, the deterrence estimate, and the
 * comparison of two schemes.
 */
import type { MechanismReport, SchemeComparison } from "../deterrence/index.js";
import { schemeText } from "./format.js";
import { textTable } from "./table.js";

const f2 = (x: number) => x.toFixed(2);
const hours = (h: number) => (h < 10 ? `${h.toFixed(1)} h` : `${Math.round(h)} h`);
const PRESENCE_WORDS = {
  in_place: "in place (guarantor forces on the protected state's soil in peacetime)",
  over_the_horizon: "over the horizon (nothing on the protected state's soil; help comes from outside)",
  none: "none",
};

/** Why a scheme's presence is in place: the attributes that put guarantor forces on the protected state's soil. */
function presenceWhy(r: MechanismReport): string {
  if (r.presence !== "in_place") return "";
  const a = r.attributes;
  const why = [
    ...(a.groundMission !== "none" ? [`a ${a.groundMission.replace(/_/g, " ")} ground mission`] : []),
    ...(a.troopsInProtectedState ? ["guarantor troops there (troops_in_protected_state)"] : []),
    ...(a.aircraftInProtectedState ? ["guarantor aircraft based there"] : []),
    ...(a.adCrewsInProtectedState ? ["guarantor air-defence crews there"] : []),
  ];
  return why.length ? `, because of ${why.join(", ")}` : "";
}

/** A left-aligned table indented by two spaces, no rule: the first row is the header. */
function table(rows: string[][]): string {
  const [head, ...body] = rows;
  return textTable(
    head!.map((header) => ({ header })),
    body,
    { indent: "  ", rule: false },
  ).trimEnd();
}

/**
 * The mechanism of one scheme as text: presence, trigger, the response ladder sorted by time, and the
 * deterrence estimate with its terms and drivers.
 */
export function renderMechanism(r: MechanismReport): string {
  const out: string[] = [];
  out.push(`Scheme: ${schemeText(r.scheme)}`);
  if (r.brokenRule) out.push(`Note: the scheme breaks rule ${r.brokenRule.id}: ${r.brokenRule.reason}`);
  out.push(`Presence: ${PRESENCE_WORDS[r.presence]}${presenceWhy(r)}`);
  out.push(`Trigger (scope ${r.ladder.scope}): ${r.ladder.trigger}`);
  out.push("", "Response ladder (hours after an attack)");
  const steps = [...r.ladder.steps].sort((x, y) => x.timeHours - y.timeHours);
  out.push(
    table([
      ["time", "step", "actors", "how the time is made up"],
      ...steps.map((s) => [
        hours(s.timeHours),
        `${s.label}${s.inPlace ? " (forces in place)" : ""}`,
        s.actors.length ? s.actors.join(", ") : "none",
        s.timeBasis,
      ]),
    ]),
  );
  for (const s of steps)
    if (s.note && s.kind !== "air_support") out.push(`  note, ${s.label.toLowerCase()}: ${s.note}`);
  if (r.ladder.airResponse) out.push(`  air response: ${r.ladder.airResponse.detail}`);
  out.push(
    `  actors: ${r.ladder.steps[0]?.actorsBasis === "allocation" ? "from the coalition allocation" : "every actor able and willing in this scheme (no coalition allocation given)"}`,
  );
  const d = r.deterrence;
  const fa = d.factors;
  out.push("", "Deterrence (expected cost of renewed aggression, in units of the attacker's expected gain)");
  out.push(
    `  factors: bindingness ${f2(fa.bindingness)}, forces in place ${f2(fa.forcesInPlace)}, US involvement ${f2(fa.usInvolvement)}, trigger probability ${f2(fa.trigger)}`,
  );
  out.push(
    table([
      ["term", "time", "P(carried out)", "P", "cost", "contribution", "share"],
      ...d.terms.map((t) => [
        t.step,
        hours(t.hours),
        f2(t.pCarriedOut),
        f2(t.probability),
        f2(t.cost),
        f2(t.contribution),
        `${Math.round(t.share * 100)}%`,
      ]),
      [
        "own forces",
        "",
        "",
        "1.00",
        f2(d.ownForcesCost),
        f2(d.ownForcesCost),
        `${Math.round((d.ownForcesCost / d.expectedCost) * 100)}%`,
      ],
    ]),
  );
  out.push(
    `  expected cost ${f2(d.expectedCost)} against gain ${f2(d.gain)}: cost/gain ${f2(d.costToGain)}; P(deterred) ${f2(d.probability)}`,
  );
  out.push("  drivers:");
  for (const x of d.drivers) out.push(`    - ${x}`);
  const fromScenario = r.parameters.filter((p) => p.origin === "scenario").length;
  const judgements = r.parameters.filter((p) => p.judgement).length;
  out.push(
    "",
    `Parameters: ${r.parameters.length} (${fromScenario} from the scenario, ${r.parameters.length - fromScenario} code defaults of which ${judgements} are judgements); --json lists them, docs/models/deterrence.md gives their sources.`,
  );
  return `${out.join("\n")}\n`;
}

/** Two schemes' mechanisms compared, as text. */
export function renderComparison(cmp: SchemeComparison): string {
  const out: string[] = [];
  out.push(`A: ${schemeText(cmp.a.scheme)}`, `B: ${schemeText(cmp.b.scheme)}`);
  out.push(`Changed: ${cmp.changed.map((x) => `${x.dim} ${x.a} → ${x.b}`).join("; ") || "nothing"}`);
  for (const [k, r] of [
    ["A", cmp.a],
    ["B", cmp.b],
  ] as const)
    if (r.brokenRule) out.push(`Note: ${k} breaks rule ${r.brokenRule.id}: ${r.brokenRule.reason}`);
  out.push(`Presence: A ${cmp.a.presence}, B ${cmp.b.presence}`);
  out.push("", "Deterrence");
  out.push(
    table([
      ["", "A", "B"],
      ["P(deterred)", f2(cmp.deterrence.a), f2(cmp.deterrence.b)],
      ["expected cost", f2(cmp.expectedCost.a), f2(cmp.expectedCost.b)],
      ...cmp.factors.map((x) => [x.factor, f2(x.a), f2(x.b)]),
    ]),
  );
  out.push("", "Timings (hours after an attack)");
  const kinds = [...new Set([...cmp.a.ladder.steps, ...cmp.b.ladder.steps].map((s) => s.kind))];
  out.push(
    table([
      ["step", "A", "B"],
      ...kinds.map((k) => {
        const sa = cmp.a.ladder.steps.find((s) => s.kind === k);
        const sb = cmp.b.ladder.steps.find((s) => s.kind === k);
        return [k, sa ? hours(sa.timeHours) : "-", sb ? hours(sb.timeHours) : "-"];
      }),
    ]),
  );
  out.push("", "Reasons");
  for (const r of cmp.reasons) out.push(`  - ${r}`);
  if (cmp.acceptability) {
    out.push("", "Acceptability");
    if (cmp.acceptability.differences.length === 0) {
      const acc = Object.entries(cmp.acceptability.a)
        .map(([p, v]) => `${p} ${v.accepts ? "accepts" : "rejects"}`)
        .join(", ");
      out.push(acc ? `  the same for every party: ${acc}` : "  no party in the scenario has a stance");
      for (const [p, v] of Object.entries(cmp.acceptability.a))
        if (!v.accepts) {
          const rb = cmp.acceptability.b[p]?.reasons ?? [];
          out.push(`  ${p} rejects A: ${v.reasons.join("; ") || "see guarantor consensus"}`);
          out.push(`  ${p} rejects B: ${rb.join("; ") || "see guarantor consensus"}`);
        }
    } else for (const x of cmp.acceptability.differences) out.push(`  - ${x}`);
  }
  if (cmp.cost) {
    const usd = (x: number) => Math.round(x).toLocaleString("en-US");
    out.push("", `Cost (${cmp.cost.unit}, requirement model): A ${usd(cmp.cost.a)}, B ${usd(cmp.cost.b)}`);
    if (cmp.cost.detail?.a) out.push(`  A: ${cmp.cost.detail.a}`);
    if (cmp.cost.detail?.b) out.push(`  B: ${cmp.cost.detail.b}`);
  }
  if (cmp.notCompared.length) out.push("", `Not compared: ${cmp.notCompared.join("; ")}`);
  return `${out.join("\n")}\n`;
}
