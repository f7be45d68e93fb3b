import { describe, expect, it } from "vitest";
import {
  CPI_U,
  TROOP_COST_FIGURES,
  toUsdOfYear,
  troopCostUsdM,
  USD_PER_UNIT_2024,
} from "../../src/costs/index.js";

describe("toUsdOfYear", () => {
  it("toUsdOfYear(EUR 125,928 of 2014, 2024) deflates with CPI-U and converts at the 2024 rate", () => {
    // Hand: 125,928 × 313.689 / 236.736 × 1.0818 = 180,514.
    expect(toUsdOfYear(125_928, { currency: "EUR", year: 2014 }, 2024)).toBeCloseTo(
      (125_928 * 313.689 * 1.0818) / 236.736,
      6,
    );
    expect(toUsdOfYear(100, { currency: "USD", year: 2024 }, 2024)).toBe(100);
    expect(() => toUsdOfYear(1, { currency: "USD", year: 1900 }, 2024)).toThrow(/deflator covers 1955-2024/);
  });

  it("toUsdOfYear is a ratio of CPI-U levels: going there and back returns the amount", () => {
    const x = toUsdOfYear(
      toUsdOfYear(1000, { currency: "USD", year: 1990 }, 2010),
      { currency: "USD", year: 2010 },
      1990,
    );
    expect(x).toBeCloseTo(1000, 9);
    expect(Object.keys(CPI_U)).toHaveLength(70);
    expect(USD_PER_UNIT_2024.GBP).toBe(1.2781);
  });
});

describe("troopCostUsdM", () => {
  it("troopCostUsdM(FRA, 2024) is the geometric mean of France's two Cour des comptes figures in 2024 dollars", () => {
    const fr = TROOP_COST_FIGURES.filter((f) => f.nation === "FRA");
    const usd = fr.map((f) => toUsdOfYear(f.value, f, 2024) / 1e6);
    const c = troopCostUsdM("FRA", 2024);
    expect(c.basis).toBe("published");
    expect(c.usdMPerYear).toBeCloseTo(Math.sqrt(usd[0]! * usd[1]!), 9);
    expect(c.rangeUsdMPerYear).toEqual([Math.min(...usd), Math.max(...usd)]);
    expect(c.deflator).toMatch(/CPI-U/);
  });

  it("troopCostUsdM(a nation with no figure) is the European default with the range of every national figure", () => {
    const gbr = troopCostUsdM("GBR", 2024);
    expect(gbr.basis).toBe("default");
    expect(gbr.figures.every((f) => f.id.startsWith("fr-") || f.id.startsWith("de-"))).toBe(true);
    const us = troopCostUsdM("USA", 2024);
    expect(gbr.rangeUsdMPerYear[1]).toBeCloseTo(Math.max(...us.figures.map((f) => f.usdMPerYear)), 9);
    expect(gbr.usdMPerYear).toBeLessThan(us.usdMPerYear);
  });

  it("troopCostUsdM of an earlier currency year is smaller by the CPI-U ratio", () => {
    const a = troopCostUsdM("DEU", 2024).usdMPerYear;
    const b = troopCostUsdM("DEU", 2014).usdMPerYear;
    expect(a / b).toBeCloseTo(313.689 / 236.736, 9);
  });
});
