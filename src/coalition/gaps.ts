/**
 * Why a requirement cannot be met. Each condition is set aside in turn and the willing supply recomputed
 * (exactly, without the solver: see `eligibleContributors`); a condition whose removal raises the supply of a
 * capability is one that blocks it.
 */
import { type IndexedCondition, type PreparedProblem, willingCapacity } from "./prepare.js";

/** One cause of a gap. */
export interface GapReason {
  /** `capacity`: the contributors do not hold enough units whatever their conditions; `condition`: one
   *  condition withholds units; `combined`: only several conditions set aside together release units. */
  kind: "capacity" | "condition" | "combined";
  contributor?: string;
  /** The condition's id when it has one. */
  conditionId?: string;
  /** Units of the requirement this cause withholds (how much closer setting it aside gets). */
  unitsWithheld: number;
  /** Setting this cause aside alone meets the requirement. */
  closesGap: boolean;
  text: string;
}

export interface GapExplanation {
  required: number;
  missing: number;
  /** Units the contributors can provide under all their conditions. */
  willingUnits: number;
  /** Units all contributors hold, conditions aside. */
  capacityUnits: number;
  reasons: GapReason[];
  /** One line for people: the gap and its main causes. */
  summary: string;
}

/** Why `c` cannot take part: the first `requires` it cannot satisfy, in words. */
function whyOut(
  p: PreparedProblem,
  c: number,
  ub: number[][],
  eligible: readonly boolean[],
): string | undefined {
  for (const ic of p.conditions) {
    const w = ic.condition;
    if (ic.contributor !== c || w.kind !== "requires") continue;
    const y = p.idIndex.get(w.actor);
    const k = p.capIndex.get(w.capability)!;
    if (y === undefined) return `${w.actor} is not among the contributors`;
    const most = ub[y]![k]!;
    if (most < w.min) {
      const limiting = p.conditions.find(
        (o) =>
          o.contributor === y &&
          ((o.condition.kind === "never" &&
            (o.condition.capability === undefined || o.condition.capability === w.capability)) ||
            (o.condition.kind === "maxShare" && o.condition.capability === w.capability)),
      );
      const why = limiting ? limiting.label : `capacity ${p.capacity[y]![k]!}`;
      return `${w.actor} can provide at most ${most} ${w.capability} (${why})`;
    }
    if (!eligible[y] && y !== c) return `${w.actor} cannot take part itself`;
  }
  return undefined;
}

function reasonText(
  p: PreparedProblem,
  ic: IndexedCondition,
  cap: string,
  withheld: number,
  closes: boolean,
  missing: number,
  ub: number[][],
  eligible: readonly boolean[],
): string {
  const effect = closes
    ? `withholds ${withheld} ${cap}; without it the requirement is met`
    : `withholds ${withheld} ${cap}; without it ${missing - withheld} would still be missing`;
  if (ic.condition.kind === "requires" && !eligible[ic.contributor]) {
    const why = whyOut(p, ic.contributor, ub, eligible);
    return `${ic.label}${why ? `, but ${why}` : ""}: it ${effect}`;
  }
  return `${ic.label}: it ${effect}`;
}

/**
 * Explain every gap: capacity short, conditions that withhold units (each set aside alone), and conditions
 * that only matter together.
 * @param ub unit bounds under all conditions (`unitBounds`)
 * @param eligible contributors that can take part (`eligibleContributors`)
 * @param supply willing supply per capability (`willingSupply`)
 */
export function explainGaps(
  p: PreparedProblem,
  ub: number[][],
  eligible: readonly boolean[],
  supply: readonly number[],
): Record<string, GapExplanation> {
  const out: Record<string, GapExplanation> = {};
  const gapCaps = p.caps.flatMap((_, k) => (p.required[k]! > supply[k]! ? [k] : []));
  if (gapCaps.length === 0) return out;
  // Supply with each condition set aside alone, and with all of them set aside.
  const relaxedSupply = p.conditions.map((_, i) => willingCapacity(p, new Set([i])).supply);
  const supplyAll = willingCapacity(p, new Set(p.conditions.map((_, i) => i))).supply;
  for (const k of gapCaps) {
    const cap = p.caps[k]!;
    const required = p.required[k]!;
    const missing = required - supply[k]!;
    const capacityUnits = p.capacity.reduce((s, row) => s + row[k]!, 0);
    const reasons: GapReason[] = [];
    if (capacityUnits < required)
      reasons.push({
        kind: "capacity",
        unitsWithheld: required - capacityUnits,
        closesGap: false,
        text: `all contributors together hold ${capacityUnits} ${cap}, ${required - capacityUnits} short of the ${required} required whatever their conditions`,
      });
    let bestSingle = 0;
    p.conditions.forEach((ic, i) => {
      const withheld = Math.min(required, relaxedSupply[i]![k]!) - supply[k]!;
      if (withheld <= 0) return;
      bestSingle = Math.max(bestSingle, withheld);
      const closes = withheld >= missing;
      const reason: GapReason = {
        kind: "condition",
        contributor: p.ids[ic.contributor]!,
        unitsWithheld: withheld,
        closesGap: closes,
        text: reasonText(p, ic, cap, withheld, closes, missing, ub, eligible),
      };
      if (ic.condition.id !== undefined) reason.conditionId = ic.condition.id;
      reasons.push(reason);
    });
    const together = Math.min(required, supplyAll[k]!) - supply[k]!;
    if (together > bestSingle)
      reasons.push({
        kind: "combined",
        unitsWithheld: together,
        closesGap: together >= missing,
        text: `setting every condition aside together would release ${together} ${cap}${bestSingle > 0 ? `, more than any single one (${bestSingle})` : "; no single condition does"}`,
      });
    reasons.sort((a, b) => b.unitsWithheld - a.unitsWithheld);
    const main = reasons.slice(0, 3).map((r) => r.text);
    out[cap] = {
      required,
      missing,
      willingUnits: supply[k]!,
      capacityUnits,
      reasons,
      summary: `${cap}: ${missing} of ${required} missing (willing contributors can provide ${supply[k]!})${main.length ? `; ${main.join("; ")}` : ""}`,
    };
  }
  return out;
}
