/** Costs by nation and year, and the deflator that brings them to a scenario's currency year: names listed. */
export {
  CPI_U,
  type Currency,
  DEFLATOR,
  deflatorYears,
  FX_SOURCE,
  toUsdOfYear,
  USD_PER_UNIT_2024,
} from "./deflate.js";
export { TROOP_COST_FIGURES, type TroopCost, type TroopCostFigure, troopCostUsdM } from "./troop-costs.js";
