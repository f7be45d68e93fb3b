/**
 * Exactness: the fast tables and the one-pass analysis agree with a naive brute force written here from the
 * definitions (docs/models/politics.md), on small random scenarios.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeConsensus, compileStances } from "../../src/politics/index.js";
import {
  type CompiledScenario,
  evaluatePredicate,
  isConsistent,
  numericAttribute,
} from "../../src/scenario/compile.js";
import { enumerateSchemes } from "../../src/space/index.js";
import { allSchemes, randomScenario } from "./random-scenario.js";

const TOL = 1e-9;

interface Naive {
  scheme: number[];
  key: string;
  u: number[];
  violated: string[][];
  gaps: number[];
  accepts: boolean[];
  margins: number[];
}

/** Everything computed the slow way, straight from the stance objects. */
function bruteForce(c: CompiledScenario): Naive[] {
  const parties = c.scenario.actors.filter((a) => a.stance);
  const out: Naive[] = [];
  for (const scheme of allSchemes(c)) {
    if (!isConsistent(c, scheme)) continue;
    const u: number[] = [];
    const violated: string[][] = [];
    const gaps: number[] = [];
    const accepts: boolean[] = [];
    const margins: number[] = [];
    for (const a of parties) {
      const st = a.stance!;
      let raw = 0;
      let total = 0;
      for (const pref of st.preferences) {
        total += pref.weight;
        let score: number;
        if ("when" in pref) score = evaluatePredicate(c, pref.when, scheme) ? 1 : 0;
        else {
          const v = numericAttribute(c, scheme, pref.attr);
          const t = Math.min(1, Math.max(0, (v - pref.range[0]) / (pref.range[1] - pref.range[0])));
          score = pref.better === "higher" ? t : 1 - t;
        }
        raw += pref.weight * score;
      }
      const util = total > 0 ? raw / total : 1;
      const lines = st.redLines.filter((r) => evaluatePredicate(c, r.forbid, scheme));
      let cost = 0;
      for (const r of lines) cost += st.salience.value * (r.confidence ?? 1);
      const short = st.reservation.value - util;
      const gap = (short > TOL ? short : 0) + cost;
      const acc = lines.length === 0 && short <= TOL;
      u.push(util);
      violated.push(lines.map((r) => r.id));
      gaps.push(gap);
      accepts.push(acc);
      margins.push(acc ? Math.max(0, -short) : -gap);
    }
    out.push({ scheme, key: scheme.join(","), u, violated, gaps, accepts, margins });
  }
  return out;
}

const key = (s: ArrayLike<number>) => Array.from(s).join(",");

function check(seed: number, redLinesPerParty?: [number, number]) {
  const c = randomScenario(seed, redLinesPerParty);
  const naive = bruteForce(c);
  const t = compileStances(c);
  const a = analyzeConsensus(t, enumerateSchemes(c), {
    top: Number.POSITIVE_INFINITY,
    concessionSets: Number.POSITIVE_INFINITY,
    paretoExamples: Number.POSITIVE_INFINITY,
  });
  expect(a.schemes).toBe(naive.length);
  const byKey = new Map(naive.map((x) => [x.key, x]));

  // Zone: the same set, best first by the least margin.
  const zone = naive.filter((x) => x.accepts.every(Boolean));
  expect(a.zone.size).toBe(zone.length);
  expect(new Set(a.zone.best.map((s) => key(s.scheme)))).toEqual(new Set(zone.map((x) => x.key)));
  const zoneMins = a.zone.best.map((s) => s.minMargin);
  expect(zoneMins).toEqual([...zone.map((x) => Math.min(...x.margins))].sort((p, q) => q - p));

  // Utilities and gaps per scheme, exactly.
  for (const s of a.zone.best) expect(s.utilities).toEqual(byKey.get(key(s.scheme))!.u);

  // Pareto front: the schemes whose utility vector no other consistent scheme dominates.
  const dominated = (x: Naive) =>
    naive.some((y) => y.u.every((v, p) => v >= x.u[p]!) && y.u.some((v, p) => v > x.u[p]!));
  const front = naive.filter((x) => !dominated(x));
  const got = a.pareto.points.flatMap((pt) => pt.examples.map(key));
  expect(new Set(got)).toEqual(new Set(front.map((x) => x.key)));
  expect(a.pareto.schemes).toBe(front.length);
  for (const pt of a.pareto.points)
    for (const s of pt.examples) expect(byKey.get(key(s))!.u).toEqual(pt.utilities);

  // Nash: the largest product of surpluses over the zone, none when the zone is empty.
  if (zone.length === 0) expect(a.nash).toBeUndefined();
  else {
    const product = (x: Naive) =>
      x.u.reduce(
        (acc, v, p) =>
          acc * Math.max(0, v - c.scenario.actors.filter((q) => q.stance)[p]!.stance!.reservation.value),
        1,
      );
    const best = Math.max(...zone.map(product));
    expect(a.nash!.product).toBe(best);
    expect(product(byKey.get(key(a.nash!.scheme))!)).toBe(best);
    expect(zone.some((x) => x.key === key(a.nash!.scheme))).toBe(true);
  }

  // Maximin: the largest least margin over all consistent schemes.
  const maximin = Math.max(...naive.map((x) => Math.min(...x.margins)));
  expect(a.maximin!.minMargin).toBe(maximin);
  expect(Math.min(...byKey.get(key(a.maximin!.scheme))!.margins)).toBe(maximin);
  // Ties broken by the larger sum of margins (summed in party order, as the analysis does).
  const sum = (xs: number[]) => xs.reduce((acc, x) => acc + x, 0);
  const atMaximin = naive.filter((x) => Math.min(...x.margins) === maximin);
  expect(sum(byKey.get(key(a.maximin!.scheme))!.margins)).toBe(
    Math.max(...atMaximin.map((x) => sum(x.margins))),
  );

  // Distance to consensus: the smallest largest gap.
  const distance = Math.min(...naive.map((x) => Math.max(...x.gaps)));
  expect(a.distance!.value).toBe(distance);
  expect(Math.max(...byKey.get(key(a.distance!.scheme.scheme))!.gaps)).toBe(distance);
  // Ties broken by the smaller total gap.
  const atDistance = naive.filter((x) => Math.max(...x.gaps) === distance);
  expect(sum(byKey.get(key(a.distance!.scheme.scheme))!.gaps)).toBe(
    Math.min(...atDistance.map((x) => sum(x.gaps))),
  );
  expect(distance === 0).toBe(zone.length > 0);

  // Concessions: for each distinct set (red lines dropped, reservations lowered) its cheapest scheme
  // (the first enumerated on ties), cheapest first; a set is dropped when a cheaper kept one asks no
  // party for more.
  const parties = c.scenario.actors.filter((q) => q.stance);
  const cheapest = new Map<string, { cost: number; order: number; changes: Map<string, number> }>();
  naive.forEach((x, order) => {
    const changes = new Map<string, number>();
    x.violated.forEach((ids, p) => {
      for (const id of ids) {
        const r = parties[p]!.stance!.redLines.find((q) => q.id === id)!;
        changes.set(`P${p}:${id}`, parties[p]!.stance!.salience.value * (r.confidence ?? 1));
      }
    });
    x.u.forEach((v, p) => {
      const short = parties[p]!.stance!.reservation.value - v;
      if (short > TOL) changes.set(`P${p}:res`, short);
    });
    const k = [...changes.keys()].sort().join("|");
    const cost = x.gaps.reduce((s, g) => s + g, 0);
    if (!cheapest.has(k) || cost < cheapest.get(k)!.cost) cheapest.set(k, { cost, order, changes });
  });
  const sorted = [...cheapest.values()].sort(
    (p, q) => p.cost - q.cost || p.changes.size - q.changes.size || p.order - q.order,
  );
  const kept: typeof sorted = [];
  for (const cand of sorted) {
    const dearer = kept.some((k) =>
      [...k.changes].every(([id, cost]) => cand.changes.has(id) && cand.changes.get(id)! >= cost),
    );
    if (!dearer) kept.push(cand);
  }
  expect(a.concessions.sets.map((s) => s.cost)).toEqual(kept.map((k) => k.cost));
  expect(a.concessions.needed).toBe(zone.length === 0);
  if (zone.length > 0)
    expect(a.concessions.sets).toEqual([expect.objectContaining({ cost: 0, changes: [] })]);
  a.concessions.sets.forEach((set, i) => {
    const ids = set.changes
      .map((ch) =>
        ch.kind === "dropRedLine" ? `P${ch.party.slice(1)}:${ch.redLine}` : `P${ch.party.slice(1)}:res`,
      )
      .sort();
    expect(ids).toEqual([...kept[i]!.changes.keys()].sort());
    expect(key(set.scheme)).toBe(naive[kept[i]!.order]!.key);
    expect(set.changes.reduce((s, ch) => s + ch.cost, 0)).toBeCloseTo(set.cost, 12);
  });
}

describe("analyzeConsensus against brute force", () => {
  it("analyzeConsensus(random small scenario) gives the zone, Pareto front, Nash, maximin, distance and concessions of brute force", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        check(seed);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("analyzeConsensus(random scenario with 33–60 red lines) keys concession sets beyond 30 bits exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom<[number, number]>([11, 15], [18, 20]),
        (seed, lines) => {
          check(seed, lines);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
