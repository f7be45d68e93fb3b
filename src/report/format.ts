/**
 * How numbers, schemes and reasons read in reports: one place for every format, so that the terminal, Markdown
 * and HTML reports say the same thing the same way.
 */
import type { Concession } from "../politics/index.js";
import { ID_NAMES, type ReportNames } from "./names.js";

/** A share as a percentage with one decimal: `14.3%`. */
export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
/** Rounded to three decimals (scores, probabilities, utilities). */
export const r3 = (x: number): number => Math.round(x * 1000) / 1000;
/** Rounded to one decimal (hours, requirement ranges). */
export const r1 = (x: number): number => Math.round(x * 10) / 10;
/** A count with thousands separators: `195,327`. */
export const count = (x: number | bigint): string => x.toLocaleString("en-US");

/** A number with thousands separators and exactly `digits` decimals: `0.89`, `21,735`. */
export const fixed = (x: number, digits: number): string =>
  Number.isFinite(x)
    ? x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : String(x);
/** A score, probability or utility for people: two decimals (`0.89`, `-2.21`). */
export const score = (x: number): string => fixed(x, 2);
/** Money: `USD 21,735 m/yr` (millions of the scenario's currency a year). */
export const money = (usdM: number): string => `USD ${fixed(usdM, 0)} m/yr`;
/** Hours after an attack: `72 h`, `73.2 h`. */
export const hours = (h: number): string =>
  `${fixed(h, Number.isInteger(Math.round(h * 10) / 10) ? 0 : 1)} h`;

/** The options of a scheme by their labels, in dimension order: `Article-5-like treaty guarantee; …`. */
export function schemeLabels(s: Record<string, string>, names: ReportNames): string {
  return Object.entries(s)
    .map(([d, o]) => names.option(d, o))
    .join("; ");
}

/** The options of a scheme with their dimensions' labels: `Commitment type: Article-5-like …; …`. */
export function schemeWords(s: Record<string, string>, names: ReportNames): string {
  return Object.entries(s)
    .map(([d, o]) => `${names.dim(d)}: ${names.option(d, o)}`)
    .join("; ");
}

/** Actors by name: `Russia, Ukraine and France`. */
export function actorList(ids: readonly string[], names: ReportNames): string {
  const n = ids.map((id) => names.actor(id));
  return n.length <= 1 ? (n[0] ?? "") : `${n.slice(0, -1).join(", ")} and ${n.at(-1)}`;
}

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

/** `2 airborne early-warning aircraft, 6 drone orbits` (with `ID_NAMES`: `2 aew, 6 droneOrbits`) */
export function unitsText(units: Record<string, number>, names: ReportNames = ID_NAMES): string {
  return Object.entries(units)
    .map(([k, v]) => names.units(k, v))
    .join(", ");
}

/** The changes of a concession set, each with its source and cost. */
export function concessionText(changes: readonly Concession[], names: ReportNames = ID_NAMES): string {
  return changes
    .map((ch) =>
      ch.kind === "dropRedLine"
        ? `${names.actor(ch.party)} drops red line "${names.term(ch.redLine)}" [${ch.source}] (cost ${score(ch.cost)})`
        : `${names.actor(ch.party)} lowers its reservation from ${score(ch.from)} to ${score(ch.to)} [${ch.source}] (cost ${score(ch.cost)})`,
    )
    .join("; ");
}
