/**
 * Dates in a scenario: a scenario is a snapshot of what was known on its `asOf` date, so every source carries
 * its publication date and nothing published later may go in. A date is as precise as the source gives it
 * (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`); a period is one such date or `start/end` (ISO 8601 interval notation).
 * Dates compare as strings once written out in full (`YYYY-MM-DD`), which is what `dateRange` returns.
 */
import type { Scenario } from "./schema.js";

type Path = (string | number)[];

/** Days in each month of a common year; February gains one in leap years (Gregorian rule). */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * The first and last day a partial date can stand for, or a message when it is not a calendar date.
 * @example dateRange("2025-08") // { first: "2025-08-01", last: "2025-08-31" }
 * @example dateRange("2025-02-30") // { error: "February 2025 has 28 days, got day 30" }
 */
export function dateRange(date: string): { first: string; last: string } | { error: string } {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return { error: `expected a date YYYY-MM-DD, YYYY-MM or YYYY, got "${date}"` };
  const year = Number(m[1]);
  if (m[2] === undefined) return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { error: `expected a month 01-12, got ${m[2]}` };
  const monthDays = daysIn(year, month);
  if (m[3] === undefined)
    return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${pad(monthDays, 2)}` };
  const day = Number(m[3]);
  if (day < 1 || day > monthDays) {
    return { error: `${MONTH_NAMES[month - 1]} ${year} has ${monthDays} days, got day ${m[3]}` };
  }
  return { first: date, last: date };
}

/**
 * The first and last day of a period (`1995-12/1996-12`, or one partial date for the whole of it).
 * @example periodRange("1995-12/1996") // { first: "1995-12-01", last: "1996-12-31" }
 */
export function periodRange(period: string): { first: string; last: string } | { error: string } {
  const [start, end = start] = period.split("/") as [string, string?];
  const a = dateRange(start);
  if ("error" in a) return a;
  const b = dateRange(end);
  if ("error" in b) return b;
  if (b.last < a.first) return { error: `the period ends (${end}) before it starts (${start})` };
  return { first: a.first, last: b.last };
}

/** Calendar problems in the scenario's dates (a 30 February, a statement after its publication), as errors. */
export function dateErrors(s: Scenario): [Path, string][] {
  const errors: [Path, string][] = [];
  const asOf = dateRange(s.asOf);
  if ("error" in asOf) errors.push([["asOf"], asOf.error]);
  s.sources.forEach((src, i) => {
    const published = dateRange(src.date);
    if ("error" in published) errors.push([["sources", i, "date"], published.error]);
    if (src.statementDate !== undefined) {
      const said = dateRange(src.statementDate);
      if ("error" in said) errors.push([["sources", i, "statementDate"], said.error]);
      else if (!("error" in published) && said.first > published.last)
        errors.push([
          ["sources", i, "statementDate"],
          `said on ${src.statementDate}, after the source's publication date ${src.date}`,
        ]);
    }
    if (src.describes !== undefined) {
      const period = periodRange(src.describes);
      if ("error" in period) errors.push([["sources", i, "describes"], period.error]);
    }
  });
  return errors;
}

/**
 * Sources a scenario should not know on its `asOf` date, as warnings (`validate --strict` makes them errors):
 * - a source published after asOf, unless it is marked as historical background (`describes` a period that
 *   ends on or before asOf);
 * - a source dated so loosely (`2025-08` for an asOf of 2025-08-20) that it may be after asOf, unless a `via`
 *   source that reports it is dated on or before asOf (what is reported cannot be later than the report);
 * - background whose period runs past asOf.
 * Assumes the dates are well formed (`dateErrors` reports those that are not).
 * @example asOfWarnings(scenario) // [[["sources", 4, "date"], "published 2026-01-06, after the scenario's asOf 2025-08-20: …"]]
 */
export function asOfWarnings(s: Scenario): [Path, string][] {
  const warnings: [Path, string][] = [];
  const asOf = dateRange(s.asOf);
  if ("error" in asOf) return warnings;
  const byId = new Map(s.sources.map((src) => [src.id, src]));
  /** Latest day a source can have been published: its own last day, or that of a source reporting it. */
  const latest = (id: string, seen: Set<string>): string | undefined => {
    const src = byId.get(id);
    if (!src || seen.has(id)) return undefined;
    seen.add(id);
    const own = dateRange(src.date);
    if ("error" in own) return undefined;
    const reporter = src.via === undefined ? undefined : latest(src.via, seen);
    return reporter !== undefined && reporter < own.last ? reporter : own.last;
  };
  s.sources.forEach((src, i) => {
    const own = dateRange(src.date);
    if ("error" in own) return;
    if (src.describes !== undefined) {
      const period = periodRange(src.describes);
      if ("error" in period) return;
      if (period.last > asOf.first)
        warnings.push([
          ["sources", i, "describes"],
          `describes ${src.describes}, which runs past the scenario's asOf ${s.asOf}: background may only be about what happened by then`,
        ]);
      return;
    }
    if (own.first > asOf.first) {
      warnings.push([
        ["sources", i, "date"],
        `published ${src.date}, after the scenario's asOf ${s.asOf}: a scenario may use only what was published by its asOf date; remove the source and what rests on it, or, if it is historical background about earlier events, give the period it describes (describes: YYYY[-MM[-DD]] or start/end)`,
      ]);
      return;
    }
    const last = latest(src.id, new Set());
    if (last !== undefined && last > asOf.first)
      warnings.push([
        ["sources", i, "date"],
        `dated ${src.date}, which may be after the scenario's asOf ${s.asOf}: give the day of publication, or the source that reports it (via)`,
      ]);
  });
  return warnings;
}
