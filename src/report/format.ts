/**
 * How numbers, schemes and reasons read in reports: one place for every format, so that the terminal, Markdown
 * and HTML reports say the same thing the same way.
 */
import type { Concession } from "../politics/index.js";

/** A share as a percentage with one decimal: `14.3%`. */
export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
/** Rounded to three decimals (scores, probabilities, utilities). */
export const r3 = (x: number): number => Math.round(x * 1000) / 1000;
/** Rounded to one decimal (hours, requirement ranges). */
export const r1 = (x: number): number => Math.round(x * 10) / 10;
/** A count with thousands separators: `195,327`. */
export const count = (x: number | bigint): string => x.toLocaleString("en-US");

/** `dim=option, dim=option, …` */
export function schemeText(s: Record<string, string>): string {
  return Object.entries(s)
    .map(([d, o]) => `${d}=${o}`)
    .join(", ");
}

/** The options of `s` that differ from `base`, or "same as the focus scheme". */
export function schemeDiffText(base: Record<string, string>, s: Record<string, string>): string {
  const diff = Object.fromEntries(Object.entries(s).filter(([d, o]) => base[d] !== o));
  return Object.keys(diff).length === 0 ? "same as the focus scheme" : schemeText(diff);
}

/** `2 aew, 6 droneOrbits` */
export function unitsText(units: Record<string, number>): string {
  return Object.entries(units)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");
}

/** The changes of a concession set, each with its source and cost. */
export function concessionText(changes: readonly Concession[]): string {
  return changes
    .map((ch) =>
      ch.kind === "dropRedLine"
        ? `${ch.party} drops red line ${ch.redLine} [${ch.source}] (cost ${r3(ch.cost)})`
        : `${ch.party} lowers its reservation from ${r3(ch.from)} to ${r3(ch.to)} [${ch.source}] (cost ${r3(ch.cost)})`,
    )
    .join("; ");
}
