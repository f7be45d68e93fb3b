/**
 * The two ways to get a scheme's requirements, which always agree: `schemeRequirements` (readable, with a
 * breakdown that traces every figure to its formula and sources) and `makeRequirementEvaluator` (fast,
 * allocation-free, for the hundreds of thousands of schemes of `analyze`). Both run the same group functions;
 * the fast one tabulates each group over the options of the dimensions it reads.
 */
import { attributeDimensions, type CompiledScenario, type Scheme } from "../../scenario/compile.js";
import { type MixedRadix, mixedRadix, radixDecode, radixIndex } from "../../scenario/radix.js";
import { CAPABILITIES } from "../../scenario/schema.js";
import { airGroup } from "./air.js";
import { adGroup } from "./air-defence.js";
import {
  type AttrReader,
  type AttrSourcer,
  type Context,
  GROUPS,
  makeContext,
  schemeReaders,
} from "./context.js";
import { groundGroup } from "./ground.js";
import { isrGroup } from "./isr.js";
import {
  type BreakdownLine,
  type CapabilityRequirements,
  REQ_COST_USD_M_PER_YEAR,
  REQ_DEPLOYED_TROOPS,
  REQ_LENGTH,
  type RequirementOptions,
  type SchemeRequirements,
} from "./layout.js";
import { weaponsGroup } from "./weapons.js";

type GroupFn = (
  ctx: Context,
  get: AttrReader,
  src: AttrSourcer,
  out: Float64Array,
  lines?: BreakdownLine[],
) => void;

const GROUP_FNS: Record<string, GroupFn> = {
  ground: groundGroup,
  air: airGroup,
  isr: isrGroup,
  ad: adGroup,
  weapons: weaponsGroup,
};

/**
 * The requirements of one scheme, with a breakdown that traces every figure to its formula and the sources of
 * its inputs. Costs in millions of USD of the scenario's currency year.
 * @example schemeRequirements(c, Int32Array.from([1, 2, 0])).troops
 */
export function schemeRequirements(
  c: CompiledScenario,
  scheme: Scheme,
  options: RequirementOptions = {},
): SchemeRequirements {
  const ctx = makeContext(c, options);
  const out = new Float64Array(REQ_LENGTH);
  const lines: BreakdownLine[] = [];
  const { get, src } = schemeReaders(c, scheme);
  for (const g of GROUPS) GROUP_FNS[g.id]!(ctx, get, src, out, lines);
  const caps = Object.fromEntries(CAPABILITIES.map((k, i) => [k, out[i]!])) as CapabilityRequirements;
  return {
    ...caps,
    costUsdMPerYear: out[REQ_COST_USD_M_PER_YEAR]!,
    deployedTroops: out[REQ_DEPLOYED_TROOPS]!,
    currency: { code: "USD", year: c.scenario.currency.year },
    breakdown: lines,
  };
}

/** Largest table a group may build (options of the dimensions it reads, multiplied). */
const MAX_GROUP_TABLE_ROWS = 1 << 20;

/** One group of the requirement model tabulated over the options of the dimensions it reads: row r (the radix
 *  number of those options) holds the group's REQ_LENGTH contributions. */
export interface RequirementTable {
  radix: MixedRadix;
  rows: Float64Array;
}

/**
 * Every group of the requirement model tabulated once (what `makeRequirementEvaluator` sums per scheme).
 * @example requirementTables(c).length // one table per group
 */
export function requirementTables(c: CompiledScenario, options: RequirementOptions = {}): RequirementTable[] {
  const ctx = makeContext(c, options);
  const tables: RequirementTable[] = [];
  for (const g of GROUPS) {
    const radix = mixedRadix(c, attributeDimensions(c, g.attrs), MAX_GROUP_TABLE_ROWS);
    const rows = new Float64Array(radix.size * REQ_LENGTH);
    const scheme = new Int32Array(c.dims.length);
    const { get, src } = schemeReaders(c, scheme);
    for (let row = 0; row < radix.size; row++) {
      radixDecode(radix, row, scheme);
      GROUP_FNS[g.id]!(ctx, get, src, rows.subarray(row * REQ_LENGTH, (row + 1) * REQ_LENGTH));
    }
    tables.push({ radix, rows });
  }
  return tables;
}

/**
 * A fast requirement evaluator: each group of the model is tabulated once over the options of the dimensions
 * it reads (`requirementTables`), so that evaluating a scheme is a few index computations and additions, with
 * no allocation. `out` receives REQ_LENGTH numbers laid out as REQ_TROOPS … REQ_DEPLOYED_TROOPS (capabilities
 * in `CAPABILITIES` order, then cost in USD m/year, then deployed troops).
 * @example const ev = makeRequirementEvaluator(c); const out = new Float64Array(REQ_LENGTH); ev(s, out);
 */
export function makeRequirementEvaluator(
  c: CompiledScenario,
  options: RequirementOptions = {},
): (scheme: ArrayLike<number>, out: Float64Array) => void {
  const tables = requirementTables(c, options);
  return (scheme, out) => {
    out.fill(0, 0, REQ_LENGTH);
    for (let t = 0; t < tables.length; t++) {
      const { radix, rows } = tables[t]!;
      const base = radixIndex(radix, scheme) * REQ_LENGTH;
      for (let i = 0; i < REQ_LENGTH; i++) out[i]! += rows[base + i]!;
    }
  };
}
