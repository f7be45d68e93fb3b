/**
 * What one scheme needs, for people: the requirements, the breakdown (every figure with its formula and each
 * input with its source), and each party's verdict.
 */
import type { BreakdownLine, SchemeRequirements } from "../models/index.js";
import type { PartyVerdict } from "../politics/index.js";
import { CAPABILITIES, type Capability } from "../scenario/schema.js";
import { schemeText } from "./format.js";
import { formatVerdicts } from "./verdicts.js";

/** What the explanation shows. */
export interface ExplanationInput {
  /** The scenario file's name, as the CLI shows it. */
  file: string;
  scheme: Record<string, string>;
  requirements: SchemeRequirements;
  verdicts: PartyVerdict[];
  notes: string[];
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞ (out of reach)" : String(x);
  if (Number.isInteger(x)) return x.toLocaleString("en-US");
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString("en-US") : String(Math.round(x * 1000) / 1000);
}

function renderLine(l: BreakdownLine): string {
  const inputs = l.inputs.map(
    (i) => `      ${i.name} = ${typeof i.value === "number" ? fmt(i.value) : i.value}  [${i.source}]`,
  );
  return [`  ${l.id}  ${l.label}: ${fmt(l.value)} ${l.unit}`, `      = ${l.formula}`, ...inputs].join("\n");
}

/** A capability in words, as every report names it. */
export const CAPABILITY_WORDS: Readonly<Record<Capability, string>> = {
  troops: "troops to generate",
  fighters: "fighter aircraft",
  tankers: "tankers",
  aew: "airborne early warning",
  droneOrbits: "drone orbits",
  airDefenceBatteries: "air-defence batteries",
  airlift: "airlift aircraft",
};

/**
 * The explanation of one scheme as text.
 * @example io.stdout(renderExplanation({ file, scheme, requirements, verdicts, notes: [] }))
 */
export function renderExplanation({
  file,
  scheme,
  requirements: req,
  verdicts,
  notes,
}: ExplanationInput): string {
  const caps = [...CAPABILITIES, "costUsdMPerYear", "deployedTroops"] as const;
  const labels: Record<(typeof caps)[number], string> = {
    ...CAPABILITY_WORDS,
    costUsdMPerYear: `USD m/year (${req.currency.year} dollars)`,
    deployedTroops: "troops deployed at a time",
  };
  const head = schemeText(scheme);
  return (
    `${file}: ${head}\n\nRequirements\n${caps.map((k) => `  ${fmt(req[k]).padStart(12)}  ${labels[k]}`).join("\n")}\n\n` +
    `Breakdown\n${req.breakdown.map(renderLine).join("\n")}\n${notes.map((n) => `\nnote: ${n}`).join("")}` +
    `\nAcceptability\n${formatVerdicts(verdicts, { maxShortfalls: 5 }).trimEnd().replace(/^/gm, "  ")}\n`
  );
}
