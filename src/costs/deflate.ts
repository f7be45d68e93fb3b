/**
 * Deflating money to a scenario's currency year: the US CPI-U series (the one named deflator) and the 2024
 * average exchange rates. A figure in euros or pounds of year Y becomes US dollars of year T as
 * amount × (CPI-U(T) / CPI-U(Y)) × USD per unit in 2024: US inflation stands in for euro-area and UK inflation
 * (their deflators are not in the data: a documented approximation, docs/models/military.md, section 6).
 */

/** The deflator's name and source. */
export const DEFLATOR = {
  id: "cpi-u",
  name: "US CPI-U, all items, US city average, 1982-84 = 100, annual average",
  source:
    "US Bureau of Labor Statistics via datahub datasets/cpi-us (data/cpiai.csv); CPI-U (not seasonally adjusted) " +
    "is never revised, so the values up to 2024 were published by January 2025",
} as const;

/** CPI-U annual averages by year (BLS). */
export const CPI_U: Readonly<Record<number, number>> = {
  1955: 26.775,
  1956: 27.183,
  1957: 28.092,
  1958: 28.858,
  1959: 29.15,
  1960: 29.575,
  1961: 29.892,
  1962: 30.25,
  1963: 30.625,
  1964: 31.017,
  1965: 31.508,
  1966: 32.458,
  1967: 33.358,
  1968: 34.783,
  1969: 36.683,
  1970: 38.825,
  1971: 40.492,
  1972: 41.817,
  1973: 44.4,
  1974: 49.308,
  1975: 53.817,
  1976: 56.908,
  1977: 60.608,
  1978: 65.233,
  1979: 72.575,
  1980: 82.408,
  1981: 90.925,
  1982: 96.5,
  1983: 99.6,
  1984: 103.883,
  1985: 107.567,
  1986: 109.608,
  1987: 113.625,
  1988: 118.258,
  1989: 123.967,
  1990: 130.658,
  1991: 136.192,
  1992: 140.317,
  1993: 144.458,
  1994: 148.225,
  1995: 152.383,
  1996: 156.85,
  1997: 160.517,
  1998: 163.008,
  1999: 166.575,
  2000: 172.2,
  2001: 177.067,
  2002: 179.875,
  2003: 183.958,
  2004: 188.883,
  2005: 195.292,
  2006: 201.592,
  2007: 207.342,
  2008: 215.303,
  2009: 214.537,
  2010: 218.056,
  2011: 224.939,
  2012: 229.594,
  2013: 232.957,
  2014: 236.736,
  2015: 237.017,
  2016: 240.007,
  2017: 245.12,
  2018: 251.107,
  2019: 255.657,
  2020: 258.811,
  2021: 270.97,
  2022: 292.655,
  2023: 304.702,
  2024: 313.689,
};

/** US dollars per unit of currency, 2024 averages of the FRED monthly series (EXUSEU, EXUSUK). */
export const USD_PER_UNIT_2024: Readonly<Record<"USD" | "EUR" | "GBP", number>> = {
  USD: 1,
  EUR: 1.0818,
  GBP: 1.2781,
};
export const FX_SOURCE =
  "Federal Reserve (FRED) monthly rates via datahub datasets/exchange-rates (data/monthly.csv): mean of the 12 " +
  "monthly averages of 2024";

export type Currency = keyof typeof USD_PER_UNIT_2024;

/** Years the deflator covers. */
export function deflatorYears(): [number, number] {
  const ys = Object.keys(CPI_U).map(Number);
  return [Math.min(...ys), Math.max(...ys)];
}

/**
 * Money of a currency and year in US dollars of `targetYear`: CPI-U(target) / CPI-U(year) × USD per unit (2024).
 * Throws RangeError for a year the deflator does not cover.
 * @example toUsdOfYear(125_928, { currency: "EUR", year: 2014 }, 2024) // ≈ 180,500
 */
export function toUsdOfYear(
  amount: number,
  money: { currency: Currency; year: number },
  targetYear: number,
): number {
  const from = CPI_U[money.year];
  const to = CPI_U[targetYear];
  const [lo, hi] = deflatorYears();
  if (from === undefined || to === undefined)
    throw new RangeError(
      `no CPI-U for ${from === undefined ? money.year : targetYear}; the deflator covers ${lo}-${hi}`,
    );
  return amount * (to / from) * USD_PER_UNIT_2024[money.currency];
}
