/**
 * The evaluator against its limit (issue "Performance", item 4): `evaluateSchemes` on the default scenario
 * against a hand-written loop over flat typed arrays that does the same arithmetic from the same tables — the
 * requirement model's group tables, every party's per-option utilities, its utility factors' and red lines'
 * truth tables, the verdict formulas, and the deterrence and coalition memos as dense arrays — and writes the
 * same rows. The loop reads the schemes from a matrix enumerated beforehand (not timed), so it pays no
 * enumeration, no call per scheme and no memo miss: it is what the arithmetic costs, a bound the evaluator can
 * approach but not pass. The bench checks that both give the same rows, then prints both times and the ratio
 * limit / evaluator (target ≥ 0.5). Paired runs, alternating, so that machine noise hits both alike.
 */

import { MECHANISM_ATTRIBUTES } from "../src/deterrence/index.js";
import { eligibilityDims, evaluateSchemes, type SchemeTable } from "../src/explore/index.js";
import { createSchemePass } from "../src/explore/pass.js";
import {
  REQ_COST_USD_M_PER_YEAR,
  REQ_LENGTH,
  REQUIREMENT_ATTRIBUTES,
  requirementTables,
} from "../src/models/index.js";
import { ACCEPT_TOLERANCE } from "../src/politics/index.js";
import { attributeDimensions, type CompiledScenario, compileScenario } from "../src/scenario/compile.js";
import { formatDiagnostic } from "../src/scenario/diagnostics.js";
import { type MixedRadix, mixedRadix, radixIndex } from "../src/scenario/radix.js";
import { loadScenario } from "../src/scenario/validate.js";
import { DEFAULT_SCENARIO_FILE, defaultScenarioText } from "../src/scenarios/index.js";
import { visitSchemes } from "../src/space/index.js";

const PAIRS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Everything the limit loops read, built once (not timed): every lookup flattened into typed arrays. */
function limitTables(c: CompiledScenario) {
  const pass = createSchemePass(c);
  const t = pass.stances;
  const req = requirementTables(c, { parameters: pass.parameters });
  for (const f of t.factors) if (!f.truth) throw new Error("limit loop: a utility factor is not tabulated");
  for (const r of t.redLines) if (!r.truth) throw new Error("limit loop: a red line is not tabulated");
  // The memos as dense arrays over their radixes, filled from the pass (model calls happen here, untimed).
  const detRadix = mixedRadix(c, attributeDimensions(c, MECHANISM_ATTRIBUTES));
  const coalitionRadix = mixedRadix(c, [
    ...new Set([...attributeDimensions(c, REQUIREMENT_ATTRIBUTES), ...eligibilityDims(c)]),
  ]);
  const deterrence = new Float64Array(detRadix.size);
  const presence = new Uint8Array(detRadix.size);
  const coalition = new Int32Array(coalitionRadix.size);
  visitSchemes(c, {}, (s) => {
    const x = pass.score(s);
    const dk = radixIndex(detRadix, s);
    deterrence[dk] = x.deterrence;
    presence[dk] = x.presence;
    coalition[radixIndex(coalitionRadix, s)] = x.coalition;
  });
  // Terms, in order: requirement groups, utility factors, red lines, the deterrence memo, the coalition memo.
  const radixes: MixedRadix[] = [
    ...req.map((g) => g.radix),
    ...t.factors.map((f) => f.truth!.radix),
    ...t.redLines.map((r) => r.truth!.radix),
    detRadix,
    coalitionRadix,
  ];
  const start = new Int32Array(radixes.length + 1);
  radixes.forEach((r, k) => {
    start[k + 1] = start[k]! + r.dims.length;
  });
  const termDims = new Int32Array(start[radixes.length]!);
  const termStrides = new Float64Array(start[radixes.length]!);
  radixes.forEach((r, k) => {
    termDims.set(r.dims, start[k]!);
    termStrides.set(r.strides, start[k]!);
  });
  const rowsAll = new Float64Array(req.reduce((a, g) => a + g.rows.length, 0));
  const rowsAt = new Int32Array(req.length);
  req.reduce((a, g, k) => {
    rowsAt[k] = a;
    rowsAll.set(g.rows, a);
    return a + g.rows.length;
  }, 0);
  const truthAll = new Uint8Array(
    [...t.factors, ...t.redLines].reduce((a, f) => a + f.truth!.table.length, 0),
  );
  const truthAt = new Int32Array(t.factors.length + t.redLines.length);
  [...t.factors, ...t.redLines].reduce((a, f, k) => {
    truthAt[k] = a;
    truthAll.set(f.truth!.table, a);
    return a + f.truth!.table.length;
  }, 0);
  return {
    t,
    terms: radixes.length,
    start,
    termDims,
    termStrides,
    termLast: Int32Array.from(radixes, (r) => (r.dims.length ? r.dims[r.dims.length - 1]! : -1)),
    groups: req.length,
    rowsAll,
    rowsAt,
    truthAll,
    truthAt,
    factorParty: Int32Array.from(t.factors, (f) => f.party),
    factorWeight: Float64Array.from(t.factors, (f) => f.weight),
    lineParty: Int32Array.from(t.redLines, (r) => r.party),
    lineCost: Float64Array.from(t.redLines, (r) => r.cost),
    deterrence,
    presence,
    coalition,
    feasibility: Float64Array.from(pass.coalitions, (e) => e.feasibility),
  };
}

type Tables = ReturnType<typeof limitTables>;

/** The consistent schemes as an n × d matrix in enumeration order, and the first dimension that changed. */
function schemeMatrix(c: CompiledScenario): { n: number; m: Uint16Array; from: Uint8Array } {
  const d = c.dims.length;
  const rows: number[] = [];
  const from: number[] = [];
  visitSchemes(c, {}, (s, f) => {
    for (let j = 0; j < d; j++) rows.push(s[j]!);
    from.push(f);
  });
  return { n: from.length, m: Uint16Array.from(rows), from: Uint8Array.from(from) };
}

/**
 * The hand-written loops: every scheme's row into the same layout as `SchemeTable`. `incremental`: as the
 * evaluator does, a lookup index and the utilities' prefix sums are recomputed only from the first dimension
 * that changed since the previous scheme; otherwise every scheme is computed from scratch.
 */
function limitLoop(x: Tables, d: number, n: number, m: Uint16Array, from: Uint8Array, incremental: boolean) {
  const { t, terms, start, termDims, termStrides, termLast, groups, rowsAll, rowsAt, truthAll, truthAt } = x;
  const { factorParty, factorWeight, lineParty, lineCost } = x;
  const P = t.parties.length;
  const F = factorParty.length;
  const L = lineParty.length;
  const out = {
    options: new Uint16Array(n * d),
    requirements: new Float64Array(n * REQ_LENGTH),
    utility: new Float64Array(n * P),
    accepts: new Uint8Array(n * P),
    objectives: new Float64Array(n * 4),
    feasible: new Uint8Array(n),
    acceptedAll: new Uint8Array(n),
    presence: new Uint8Array(n),
    coalitionKey: new Int32Array(n),
  };
  const { linear, optionOffset, totalWeight, reservation } = t;
  const {
    options,
    requirements,
    utility,
    accepts,
    objectives,
    feasible,
    acceptedAll,
    presence,
    coalitionKey,
  } = out;
  const { deterrence: detOf, presence: presenceOf, coalition: coalitionOf, feasibility: feasibilityOf } = x;
  const idx = new Float64Array(terms);
  const prefix = new Float64Array((d + 1) * P);
  const u = new Float64Array(P);
  const violated = new Float64Array(P);
  const cost = new Float64Array(P);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    const k0 = incremental ? from[i]! : 0;
    for (let j = 0; j < d; j++) options[row + j] = m[row + j]!;
    for (let q = 0; q < terms; q++) {
      if (termLast[q]! < k0) continue;
      let v = 0;
      for (let z = start[q]!; z < start[q + 1]!; z++) v += m[row + termDims[z]!]! * termStrides[z]!;
      idx[q] = v;
    }
    const r0 = i * REQ_LENGTH;
    for (let g = 0; g < groups; g++) {
      const base = rowsAt[g]! + idx[g]! * REQ_LENGTH;
      for (let k = 0; k < REQ_LENGTH; k++) requirements[r0 + k]! += rowsAll[base + k]!;
    }
    for (let j = k0; j < d; j++) {
      const base = (optionOffset[j]! + m[row + j]!) * P;
      for (let p = 0; p < P; p++) prefix[(j + 1) * P + p] = prefix[j * P + p]! + linear[base + p]!;
    }
    for (let p = 0; p < P; p++) {
      u[p] = prefix[d * P + p]!;
      violated[p] = 0;
      cost[p] = 0;
    }
    for (let f = 0; f < F; f++)
      if (truthAll[truthAt[f]! + idx[groups + f]!]) u[factorParty[f]!]! += factorWeight[f]!;
    for (let l = 0; l < L; l++) {
      if (truthAll[truthAt[F + l]! + idx[groups + F + l]!]) {
        violated[lineParty[l]!]!++;
        cost[lineParty[l]!]! += lineCost[l]!;
      }
    }
    let all = 1;
    let minMargin = P ? Number.POSITIVE_INFINITY : 0;
    for (let p = 0; p < P; p++) {
      const w = totalWeight[p]!;
      const up = w > 0 ? u[p]! / w : 1;
      utility[i * P + p] = up;
      const short = reservation[p]! - up;
      const ok = violated[p] === 0 && !(short > ACCEPT_TOLERANCE);
      accepts[i * P + p] = ok ? 1 : 0;
      const margin = ok ? (short < 0 ? -short : 0) : -((short > ACCEPT_TOLERANCE ? short : 0) + cost[p]!);
      if (!ok) all = 0;
      if (margin < minMargin) minMargin = margin;
    }
    const dk = idx[terms - 2]!;
    const ck = coalitionOf[idx[terms - 1]!]!;
    const feas = feasibilityOf[ck]!;
    objectives[i * 4] = feas;
    objectives[i * 4 + 1] = minMargin;
    objectives[i * 4 + 2] = detOf[dk]!;
    objectives[i * 4 + 3] = requirements[r0 + REQ_COST_USD_M_PER_YEAR]!;
    coalitionKey[i] = ck;
    presence[i] = presenceOf[dk]!;
    feasible[i] = feas >= 1 ? 1 : 0;
    acceptedAll[i] = all;
  }
  return out;
}

/** Where two tables differ, or undefined. */
function differs(a: SchemeTable, b: ReturnType<typeof limitLoop>): string | undefined {
  for (const k of Object.keys(b) as (keyof typeof b)[]) {
    const x = a[k];
    const y = b[k];
    if (x.length !== y.length) return `${k}: ${x.length} values against ${y.length}`;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return `${k}[${i}]: ${x[i]} against ${y[i]}`;
  }
  return undefined;
}

export async function run(log: (line: string) => void): Promise<void> {
  const loaded = loadScenario(defaultScenarioText, DEFAULT_SCENARIO_FILE);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatDiagnostic).join("\n"));
  const c = compileScenario(loaded.value);
  const tables = limitTables(c);
  const { n, m, from } = schemeMatrix(c);
  const d = c.dims.length;
  const table = evaluateSchemes(c);
  for (const incremental of [false, true]) {
    const check = differs(table, limitLoop(tables, d, n, m, from, incremental));
    if (check) throw new Error(`the limit loop and evaluateSchemes disagree: ${check}`);
  }
  const times = { evaluator: [] as number[], scratch: [] as number[], incremental: [] as number[] };
  for (let r = 0; r < PAIRS; r++) {
    let t0 = performance.now();
    evaluateSchemes(c, { total: n });
    times.evaluator.push(performance.now() - t0);
    t0 = performance.now();
    limitLoop(tables, d, n, m, from, false);
    times.scratch.push(performance.now() - t0);
    t0 = performance.now();
    limitLoop(tables, d, n, m, from, true);
    times.incremental.push(performance.now() - t0);
  }
  const e = median(times.evaluator);
  const s = median(times.scratch);
  const l = median(times.incremental);
  const rate = (ms: number) => `${Math.round((n / ms) * 1000).toLocaleString("en-US")} schemes/s`;
  log(
    `default scenario: ${n.toLocaleString("en-US")} schemes, ${d} dimensions, ${tables.t.parties.length} parties, ${tables.terms} table lookups per scheme; the three give the same rows`,
  );
  log(`evaluateSchemes: ${e.toFixed(0)} ms, median of ${PAIRS} paired runs (${rate(e)})`);
  log(
    `hand-written loop, every scheme from scratch: ${s.toFixed(0)} ms (${rate(s)}); ratio ${(s / e).toFixed(2)}`,
  );
  log(`hand-written loop, incremental as the evaluator (the limit): ${l.toFixed(0)} ms (${rate(l)})`);
  log(`ratio limit / evaluator: ${(l / e).toFixed(2)} (target ≥ 0.5: ${l / e >= 0.5 ? "met" : "NOT met"})`);
}
