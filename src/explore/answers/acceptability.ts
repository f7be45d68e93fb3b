/** Question 2. Which schemes are acceptable, and to whom? */
import { type PartyVerdict, partyVerdicts } from "../../politics/index.js";
import { schemeToObject } from "../../scenario/compile.js";
import type { AnswerContext } from "./context.js";

export interface RedLineCount {
  party: string;
  id: string;
  description: string;
  source: string;
  /** Consistent schemes it excludes. */
  excludes: number;
}

export interface AcceptabilityAnswer {
  id: 2;
  consistent: number;
  acceptedByAll: number;
  /** Of those, also feasible. */
  both: number;
  /** Every party with a stance, in file order: schemes it accepts, its reservation, its most binding red line. */
  parties: {
    party: string;
    accepts: number;
    reservation: number;
    reservationSource: string;
    mostBinding: RedLineCount | undefined;
  }[];
  /** Every red line with the schemes it excludes, most first. */
  redLines: RedLineCount[];
  /** Each party's verdict on the focus scheme, with reasons and sources. */
  focus: { scheme: Record<string, string>; verdicts: PartyVerdict[] } | undefined;
}

/** Question 2 as data. */
export function acceptabilityAnswer(x: AnswerContext): AcceptabilityAnswer {
  const parties = x.pass.stances.parties;
  const redLines: RedLineCount[] = x.consensus.acceptance.flatMap((a) => {
    const party = parties.find((p) => p.id === a.party)!;
    return a.redLines.map((r) => {
      const line = party.redLines.find((l) => l.id === r.id)!;
      return {
        party: a.party,
        id: r.id,
        description: line.description,
        source: line.source,
        excludes: r.excludes,
      };
    });
  });
  redLines.sort((a, b) => b.excludes - a.excludes);
  return {
    id: 2,
    consistent: x.consistent,
    acceptedByAll: x.counts.acceptable,
    both: x.counts.both,
    parties: parties.map((p, k) => ({
      party: p.id,
      accepts: x.consensus.acceptance[k]!.accepts,
      reservation: p.reservation,
      reservationSource: p.reservationSource,
      mostBinding: redLines.find((r) => r.party === p.id),
    })),
    redLines,
    focus: x.focus
      ? { scheme: schemeToObject(x.c, x.focus.scheme), verdicts: partyVerdicts(x.c, x.focus.scheme) }
      : undefined,
  };
}
