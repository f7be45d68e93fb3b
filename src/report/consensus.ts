/**
 * The consensus analysis for people and for programs: its JSON view (schemes as options by dimension, every
 * party's utility, margin and gap, with verdicts) and its text report.
 */
import type { Concession, ConsensusAnalysis, PartyVerdict, ScoredScheme } from "../politics/index.js";
import { type CompiledScenario, schemeToObject } from "../scenario/compile.js";
import { formatScheme, formatVerdicts } from "./verdicts.js";

/** What the consensus views need besides the analysis. */
export interface ConsensusViewInput {
  c: CompiledScenario;
  /** The scenario file's name, as the CLI shows it. */
  file: string;
  /** The options `--where` fixed, by dimension id (empty: the whole space). */
  where: Record<string, string>;
  analysis: ConsensusAnalysis;
  /** Each party's verdict on a scheme (`partyVerdicts`). */
  verdictsOf: (s: ScoredScheme) => PartyVerdict[];
}

const f3 = (x: number) => x.toFixed(3);

function schemeJson(c: CompiledScenario, parties: ConsensusAnalysis["parties"], s: ScoredScheme) {
  const byParty = (xs: readonly (number | boolean)[]) =>
    Object.fromEntries(parties.map((p, i) => [p.id, xs[i]!]));
  return {
    scheme: schemeToObject(c, s.scheme),
    utilities: byParty(s.utilities),
    margins: byParty(s.margins),
    gaps: byParty(s.gaps),
    accepts: byParty(s.accepts),
    minMargin: s.minMargin,
    gap: s.gap,
  };
}

function describeChange(ch: Concession): string {
  if (ch.kind === "dropRedLine")
    return `${ch.party} drops red line ${ch.redLine} (${ch.description}) [${ch.source}], cost ${f3(ch.cost)}`;
  const alt = ch.weightShift
    ? `; or shifts ${(100 * ch.weightShift.share).toFixed(1)}% of its weight from ${ch.weightShift.from.map((x) => x.preference).join(", ")} to ${ch.weightShift.to}`
    : "; no shift of preference weight alone reaches it";
  return `${ch.party} lowers its reservation ${f3(ch.from)} → ${f3(ch.to)} [${ch.source}], cost ${f3(ch.cost)}${alt}`;
}

function schemeLine(c: CompiledScenario, a: ConsensusAnalysis, s: ScoredScheme): string {
  const u = a.parties.map((p, i) => `${p.id} ${f3(s.utilities[i]!)}${s.accepts[i] ? "" : "✗"}`).join(", ");
  return `utilities ${u}; least margin ${f3(s.minMargin)}, gap ${f3(s.gap)}\n      ${formatScheme(c, s.scheme)}`;
}

const indent = (text: string, by: string) =>
  text
    .trimEnd()
    .split("\n")
    .map((l) => by + l)
    .join("\n");

/**
 * The consensus analysis as JSON data (keys: zone, distance, nash, maximin, forecast, pareto, acceptance,
 * concessions).
 * @example jsonOut(consensusJson({ c, file, where: {}, analysis, verdictsOf }))
 */
export function consensusJson({ c, file, where, analysis: a, verdictsOf }: ConsensusViewInput) {
  const sj = (s: ScoredScheme) => schemeJson(c, a.parties, s);
  return {
    file,
    where,
    schemes: a.schemes,
    parties: a.parties,
    acceptance: a.acceptance,
    zone: {
      size: a.zone.size,
      share: a.schemes ? a.zone.size / a.schemes : 0,
      best: a.zone.best.map((s) => ({ ...sj(s), verdicts: verdictsOf(s) })),
    },
    distance: a.distance
      ? { value: a.distance.value, ...sj(a.distance.scheme), verdicts: verdictsOf(a.distance.scheme) }
      : null,
    nash: a.nash ? { product: a.nash.product, ...sj(a.nash), verdicts: verdictsOf(a.nash) } : null,
    maximin: a.maximin ? { ...sj(a.maximin), verdicts: verdictsOf(a.maximin) } : null,
    forecast: a.forecast
      ? { positions: a.forecast.positions, distance: a.forecast.distance, ...sj(a.forecast.scheme) }
      : null,
    pareto: {
      points: a.pareto.points.length,
      schemes: a.pareto.schemes,
      front: a.pareto.points.map((pt) => ({
        utilities: Object.fromEntries(a.parties.map((p, i) => [p.id, pt.utilities[i]!])),
        count: pt.count,
        example: pt.examples[0] ? schemeToObject(c, pt.examples[0]) : null,
        exampleAcceptedByAll: pt.acceptedByAll[0] ?? null,
      })),
    },
    concessions: {
      needed: a.concessions.needed,
      sets: a.concessions.sets.map((s) => ({
        cost: s.cost,
        changes: s.changes,
        scheme: schemeToObject(c, s.scheme),
      })),
    },
  };
}

/**
 * The consensus analysis as a text report.
 * @param whereSpec the `--where` argument as typed, for the header
 */
export function renderConsensus(
  { c, file, analysis: a, verdictsOf }: ConsensusViewInput,
  whereSpec?: string,
): string {
  const out: string[] = [];
  const names = a.parties.map((p) => `${p.id} (reservation ${f3(p.reservation)})`).join(", ");
  const only = whereSpec === undefined ? "" : ` with ${whereSpec}`;
  out.push(`${file}: ${a.schemes} consistent schemes${only}; ${a.parties.length} parties: ${names}`);
  out.push(
    `Acceptance: ${a.acceptance.map((x) => `${x.party} accepts ${x.accepts} (${((100 * x.accepts) / Math.max(1, a.schemes)).toFixed(1)}%)`).join(", ")}`,
  );
  for (const x of a.acceptance)
    for (const r of x.redLines) out.push(`  ${x.party} red line ${r.id} excludes ${r.excludes} schemes`);
  out.push("");
  out.push(
    `Zone of possible agreement: ${a.zone.size} of ${a.schemes} schemes (${((100 * a.zone.size) / Math.max(1, a.schemes)).toFixed(2)}%)`,
  );
  a.zone.best.forEach((s, i) => {
    out.push(`  ${i + 1}. ${schemeLine(c, a, s)}`);
    out.push(indent(formatVerdicts(verdictsOf(s), { maxShortfallsWhenAccepting: 1 }), "      "));
  });
  out.push("");
  if (a.distance) {
    out.push(
      `Distance to consensus: ${f3(a.distance.value)}${a.distance.value === 0 ? " (the zone is not empty)" : ""}`,
    );
    if (a.distance.value > 0) {
      out.push(`  closest scheme: ${schemeLine(c, a, a.distance.scheme)}`);
      out.push(
        indent(formatVerdicts(verdictsOf(a.distance.scheme), { maxShortfallsWhenAccepting: 1 }), "      "),
      );
    }
  }
  out.push(
    a.nash
      ? `Nash bargaining scheme (product of surpluses ${a.nash.product.toExponential(3)}): ${schemeLine(c, a, a.nash)}`
      : "Nash bargaining scheme: none (the zone of possible agreement is empty)",
  );
  if (a.maximin) out.push(`Maximin scheme: ${schemeLine(c, a, a.maximin)}`);
  if (a.forecast) {
    const pos = a.forecast.positions.map((p) => `${p.attr} ${p.position.toPrecision(4)}`).join(", ");
    out.push(`Weighted-mean forecast (power × salience), baseline: ${pos || "no numeric preference"}`);
    out.push(`  nearest scheme: ${schemeLine(c, a, a.forecast.scheme)}`);
  }
  out.push(
    `Pareto front over utilities: ${a.pareto.points.length} distinct utility vectors, ${a.pareto.schemes} schemes`,
  );
  out.push("");
  if (!a.concessions.needed)
    out.push("Concessions: none needed (the zone of possible agreement is not empty)");
  else out.push("Smallest sets of concessions that make some scheme acceptable to all:");
  a.concessions.sets.forEach((s, i) => {
    if (s.changes.length === 0) return;
    out.push(`  ${i + 1}. total cost ${f3(s.cost)}`);
    for (const ch of s.changes) out.push(`       - ${describeChange(ch)}`);
    out.push(`       unlocks: ${formatScheme(c, s.scheme)}`);
  });
  return `${out.join("\n")}\n`;
}
