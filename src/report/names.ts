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
  /** An uncertain input's path in words: `actors.RUS.stance.redLines.neutrality.binds` → `Russia's red line
   *  "Neutrality" binds`. */
  input(path: string): string;
}

/** An uncertain input's path (src/uncertainty/inputs.ts) in words, with `actor` and `capability` names. */
function inputWords(path: string, n: Omit<ReportNames, "input">): string {
  const p = path.split(".");
  if (p[0] === "parameters") return `parameter ${p.slice(1).join(".")}`;
  if (p[0] !== "actors" || p.length < 3) return path;
  const who = n.actor(p[1]!);
  if (p[2] === "capabilities") return `${who}: ${n.capability(p[3] ?? "")} available`;
  if (p[2] === "willingness") return `${who}: willingness "${n.term(p[3] ?? "")}" holds`;
  if (p[2] === "stance" && p[3] === "redLines") return `${who}'s red line "${n.term(p[4] ?? "")}" binds`;
  if (p[2] === "stance" && p[3] === "preferences") return `${who}'s weight on "${n.term(p[4] ?? "")}"`;
  if (p[2] === "stance") return `${who}'s ${p[3]}`;
  return path;
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
  input: (path) => path,
};

/**
 * The names a scenario gives: labels where the file has them, ids where it has none.
 * @example reportNames(c.scenario).option("air", "us_backed_cap") // "Standing patrols from neighbouring bases…"
 */
export function reportNames(s: Scenario): ReportNames {
  const dims = new Map(s.dimensions.map((d) => [d.id, d]));
  const actors = new Map(s.actors.map((a) => [a.id, a.name]));
  const names: Omit<ReportNames, "input"> = {
    dim: (id) => dims.get(id)?.label ?? id,
    option: (dim, id) => dims.get(dim)?.options.find((o) => o.id === id)?.label ?? id,
    actor: (id) => actors.get(id) ?? id,
    capability: (id) => capabilityWords(id)[1],
    units: (id, n) => `${count(n)} ${capabilityWords(id)[n === 1 ? 0 : 1]}`,
    term,
  };
  return { ...names, input: (path) => inputWords(path, names) };
}
