/**
 * Each party's verdict for people: one block per party, a line per reason, each with its source.
 */
import type { PartyVerdict } from "../politics/index.js";
import { type CompiledScenario, type Scheme, schemeToObject } from "../scenario/compile.js";
import { schemeText } from "./format.js";

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const num = (x: number) => x.toFixed(3);

export interface FormatVerdictsOptions {
  /** Preferences listed for a party that rejects (largest losses first). Default 3. */
  maxShortfalls?: number;
  /** Preferences listed for a party that accepts. Default 3. */
  maxShortfallsWhenAccepting?: number;
}

/**
 * Text for people: one block per party, a line per reason.
 * @example formatVerdicts(partyVerdicts(c, scheme), { maxShortfallsWhenAccepting: 1 })
 */
export function formatVerdicts(
  verdicts: readonly PartyVerdict[],
  options: FormatVerdictsOptions = {},
): string {
  const lines: string[] = [];
  for (const v of verdicts) {
    const max = v.accepts ? (options.maxShortfallsWhenAccepting ?? 3) : (options.maxShortfalls ?? 3);
    const head = `${v.party} ${v.accepts ? "accepts" : "REJECTS"}: utility ${num(v.utility)} vs reservation ${num(v.reservation)} [${v.reservationSource}]`;
    lines.push(v.accepts ? `${head}, surplus ${num(v.margin)}` : `${head}, gap ${num(v.gap)}`);
    for (const r of v.redLines)
      lines.push(
        `    red line ${r.id}: ${r.description} [${r.source}${r.sourceTitle ? `: ${r.sourceTitle}` : ""}]`,
      );
    for (const s of v.shortfalls.slice(0, max))
      lines.push(
        `    ${v.accepts ? "short" : "falls short"} on ${s.id}${s.description ? ` (${s.description})` : ""}: score ${num(s.score)}, loses ${num(s.lost)} of ${pct(s.weightShare)} weight [${s.source}]`,
      );
    if (!v.accepts && v.shortfalls.length > max)
      lines.push(`    … and ${v.shortfalls.length - max} more preferences below their best`);
  }
  return `${lines.join("\n")}\n`;
}

/** `dim=option, dim=option, …` for a scheme. */
export function formatScheme(c: CompiledScenario, scheme: Scheme): string {
  return schemeText(schemeToObject(c, scheme));
}
