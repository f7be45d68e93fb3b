/** Question 4. Which countries can participate, and which are willing? */
import type { AnswerContext } from "./context.js";

export interface ParticipationAnswer {
  id: 4;
  /** Actors with a capability ledger (the protected state excepted), in file order. */
  contributors: {
    actor: string;
    ledger: { capability: string; value: number; source: string }[];
    conditions: { id: string; kind: string; capability: string | undefined; source: string }[];
    /** Share of the consistent schemes in which it may take part under its conditions. */
    willingShare: number;
    /** Units it provides in the focus scheme's coalition (empty when none). */
    providesInFocus: Record<string, number>;
  }[];
  /** The focus scheme's coalition: who takes part, what is missing. */
  focus: { participants: string[]; gaps: Record<string, number> } | undefined;
}

/** Question 4 as data. */
export function participationAnswer(x: AnswerContext): ParticipationAnswer {
  const s = x.c.scenario;
  const eligibleIn = new Map<string, number>();
  x.pass.coalitions.forEach((entry, k) => {
    for (const id of entry.eligible) eligibleIn.set(id, (eligibleIn.get(id) ?? 0) + x.schemesPerProblem[k]!);
  });
  const fc = x.focusCoalition;
  return {
    id: 4,
    contributors: s.actors
      .filter((a) => a.id !== s.theater.protectedState && Object.keys(a.capabilities).length > 0)
      .map((a) => ({
        actor: a.id,
        ledger: Object.entries(a.capabilities).map(([capability, v]) => ({
          capability,
          value: v!.value,
          source: v!.source,
        })),
        conditions: a.willingness.map((w) => ({
          id: w.id,
          kind: w.kind,
          capability: "capability" in w ? w.capability : undefined,
          source: w.source,
        })),
        willingShare: x.consistent ? (eligibleIn.get(a.id) ?? 0) / x.consistent : 0,
        providesInFocus: fc?.allocation[a.id] ?? {},
      })),
    focus: fc ? { participants: fc.participants, gaps: fc.gaps } : undefined,
  };
}
