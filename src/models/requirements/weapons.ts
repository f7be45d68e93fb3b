/**
 * The weapons group of the requirement model: the yearly value of weapons and ammunition supplied.
 */
import { type AttrReader, type AttrSourcer, type Context, num } from "./context.js";
import { type BreakdownLine, REQ_COST_USD_M_PER_YEAR } from "./layout.js";

/** Adds the weapons' yearly cost into `out`; explains itself into `lines`. */
export function weaponsGroup(
  _ctx: Context,
  get: AttrReader,
  src: AttrSourcer,
  out: Float64Array,
  lines?: BreakdownLine[],
) {
  const bn = num(get("weapons_usd_bn_per_year"));
  if (!(bn > 0)) return;
  out[REQ_COST_USD_M_PER_YEAR]! += bn * 1000;
  lines?.push({
    id: "cost.weapons",
    label: "Weapons and ammunition supplied",
    value: bn * 1000,
    unit: "USD m/year",
    formula: "weapons_usd_bn_per_year × 1000",
    inputs: [{ name: "weapons_usd_bn_per_year", value: bn, source: src("weapons_usd_bn_per_year") }],
  });
}
