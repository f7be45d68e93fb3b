/**
 * What reports call things: dimensions and options by their labels, actors by their names, capabilities and
 * requirements in words, red lines and preferences by their ids read as words. Ids stay in `--json`; the
 * identity names (`ID_NAMES`) are for reports asked to show ids.
 */
import type { Scenario } from "../scenario/schema.js";

export interface ReportNames {
  /** A dimension's label. */
  dim(id: string): string;
  /** An option's label. */
  option(dim: string, id: string): string;
  /** An actor's name (parties, contributors). */
  actor(id: string): string;
  /** A capability or requirement, plural (`air-defence batteries`). */
  capability(id: string): string;
  /** `n` units of a capability, singular or plural: `1 tanker`, `6 drone orbits`. */
  units(id: string, n: number): string;
  /** A red line or preference id as words: `russia-among-the-guarantors` → `Russia among the guarantors`. */
  term(id: string): string;
}

/** Capabilities and requirements: [singular, plural]. */
const CAPABILITY_WORDS: Record<string, [string, string]> = {
  troops: ["troop", "troops"],
  fighters: ["fighter", "fighters"],
  tankers: ["tanker", "tankers"],
  aew: ["airborne early-warning aircraft", "airborne early-warning aircraft"],
  droneOrbits: ["drone orbit", "drone orbits"],
  airDefenceBatteries: ["air-defence battery", "air-defence batteries"],
  airlift: ["airlift aircraft", "airlift aircraft"],
  costUsdMPerYear: ["cost, USD m/yr", "cost, USD m/yr"],
  deployedTroops: ["troops deployed", "troops deployed"],
};

const count = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });

/** Words ids spell in lower case that are written in capitals. */
const ACRONYMS = new Set(["nato", "us", "un", "unsc", "eu", "uk", "osce", "qra", "aew", "isr"]);

function term(id: string): string {
  const words = id
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w))
    .join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function capabilityWords(id: string): [string, string] {
  return CAPABILITY_WORDS[id] ?? [id, id];
}

/** Names as ids (`--ids`, and reports made without a scenario at hand). */
export const ID_NAMES: ReportNames = {
  dim: (id) => id,
  option: (_dim, id) => id,
  actor: (id) => id,
  capability: (id) => id,
  units: (id, n) => `${count(n)} ${id}`,
  term: (id) => id,
};

/**
 * The names a scenario gives: labels where the file has them, ids where it has none.
 * @example reportNames(c.scenario).option("air", "us_backed_cap") // "Standing patrols from neighbouring bases…"
 */
export function reportNames(s: Scenario): ReportNames {
  const dims = new Map(s.dimensions.map((d) => [d.id, d]));
  const actors = new Map(s.actors.map((a) => [a.id, a.name]));
  return {
    dim: (id) => dims.get(id)?.label ?? id,
    option: (dim, id) => dims.get(dim)?.options.find((o) => o.id === id)?.label ?? id,
    actor: (id) => actors.get(id) ?? id,
    capability: (id) => capabilityWords(id)[1],
    units: (id, n) => `${count(n)} ${capabilityWords(id)[n === 1 ? 0 : 1]}`,
    term,
  };
}
