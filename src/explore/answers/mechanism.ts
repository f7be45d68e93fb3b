/** Question 3. How would the mechanism operate (for the focus scheme)? */
import { analyzeMechanism, type DeterrenceEstimate, type ResponseLadder } from "../../deterrence/index.js";
import type { AnswerContext } from "./context.js";

export interface MechanismAnswer {
  id: 3;
  /** The focus scheme's response ladder and deterrence estimate (undefined: no consistent scheme). */
  ladder: ResponseLadder | undefined;
  deterrence: DeterrenceEstimate | undefined;
}

/** Question 3 as data: the focus scheme's mechanism, with the actors of its coalition. */
export function mechanismAnswer(x: AnswerContext): MechanismAnswer {
  if (!x.focus) return { id: 3, ladder: undefined, deterrence: undefined };
  const m = analyzeMechanism(x.c, x.focus.scheme, {
    parameters: x.pass.parameters,
    ...(x.focusCoalition ? { allocation: x.focusCoalition.allocation } : {}),
  });
  return { id: 3, ladder: m.ladder, deterrence: m.deterrence };
}
