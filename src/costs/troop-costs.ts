/**
 * What a deployed soldier costs a year, by contributor, where published: the extra cost of deploying over
 * keeping the soldier at home (US war budgets, French "surcoût OPEX", German "einsatzbedingte
 * Zusatzausgaben"), in the money of its own year, deflated to a scenario's currency year with CPI-U
 * (`deflate.ts`). A nation with no published figure gets the default: the geometric mean of the European
 * figures, with the range of every national figure. docs/models/military.md, section 6.
 */
import { type Currency, DEFLATOR, FX_SOURCE, toUsdOfYear } from "./deflate.js";

/** One published figure of the cost of a deployed soldier a year. */
export interface TroopCostFigure {
  id: string;
  /** The contributor (ISO 3166-1 alpha-3, as the scenario's actor ids), or `UN` for the UN's reimbursement. */
  nation: string;
  kind: "incremental" | "reimbursement";
  /** Per soldier and year, in `currency` of `year` (the middle year of a multi-year average). */
  value: number;
  currency: Currency;
  year: number;
  source: string;
  /** 0.3 for a figure derived here from weak inputs. */
  confidence?: number;
}

/** Every published figure (research draft of 2025, costs.yaml, reviewed). */
export const TROOP_COST_FIGURES: readonly TroopCostFigure[] = [
  {
    id: "us-afghanistan-hale",
    nation: "USA",
    kind: "incremental",
    value: 850_000,
    currency: "USD",
    year: 2012,
    source:
      "Pentagon comptroller Robert Hale, 'about $850,000' per soldier in Afghanistan a year (Human Events, 2012-04-16)",
  },
  {
    id: "us-afghanistan-2008-13",
    nation: "USA",
    kind: "incremental",
    value: 1_300_000,
    currency: "USD",
    year: 2011,
    source:
      "CSBA (Todd Harrison) via Defense One, 2013-10: roughly $1.3 million per troop in Afghanistan, FY2008-2013",
  },
  {
    id: "us-iraq-2005",
    nation: "USA",
    kind: "incremental",
    value: 400_000,
    currency: "USD",
    year: 2005,
    source:
      "government study cited by the Houston Chronicle, via Yahoo News 2013-10: about $400,000 in Iraq in 2005",
    confidence: 0.3,
  },
  {
    id: "us-iraq-occupation-cbo-2003",
    nation: "USA",
    kind: "incremental",
    value: 195_000,
    currency: "USD",
    year: 2003,
    source:
      "derived from CBO's letter to Sen. Byrd, 2003-09-03: a steady-state occupation of 67,000-106,000 would cost " +
      "$14-19 bn a year, $0.18-0.21 m per troop",
    confidence: 0.5,
  },
  {
    id: "fr-opex-2012-15",
    nation: "FRA",
    kind: "incremental",
    value: 125_928,
    currency: "EUR",
    year: 2014,
    source:
      "Cour des comptes, November 2016, via opex360.com 2016-11-15: extra cost per soldier in OPEX, 2012-2015 average",
  },
  {
    id: "fr-opex-2002-05",
    nation: "FRA",
    kind: "incremental",
    value: 56_854,
    currency: "EUR",
    year: 2004,
    source: "Cour des comptes, November 2016, via opex360.com 2016-11-15: 2002-2005 average",
  },
  {
    id: "de-isaf-2010-12",
    nation: "DEU",
    kind: "incremental",
    value: 200_000,
    currency: "EUR",
    year: 2011,
    source:
      "derived: ISAF extra cost over EUR 1 bn a year with more than 5,000 German soldiers, 2010-2012 (MDR, 2021-04)",
    confidence: 0.3,
  },
  {
    id: "de-kfor-2012",
    nation: "DEU",
    kind: "incremental",
    value: 77_000,
    currency: "EUR",
    year: 2012,
    source:
      "derived: KFOR extra cost EUR 61.3 m in 2012 (augengeradeaus.net, 2013-05) over about 800 soldiers in Kosovo " +
      "(Spiegel via dpa/WZ, 2013)",
    confidence: 0.3,
  },
  {
    id: "de-brigade-lithuania",
    nation: "DEU",
    kind: "incremental",
    value: 190_000,
    currency: "EUR",
    year: 2024,
    source:
      "derived: Panzerbrigade 45 in Lithuania, EUR 0.8-1.0 bn a year to run from 2027 (Süddeutsche Zeitung and " +
      "Handelsblatt, 2024-04) over 4,800 soldiers; a planned cost, excluding foreign-service allowances",
    confidence: 0.5,
  },
  {
    id: "un-reimbursement-2018",
    nation: "UN",
    kind: "reimbursement",
    value: 17_136,
    currency: "USD",
    year: 2018,
    source:
      "UN General Assembly: $1,428 per person per month from 1 July 2018 (press release GA/AB/4274; casquebleu.org)",
  },
];

/** A troop cost in US dollars of a currency year, with its range and where it comes from. */
export interface TroopCost {
  nation: string;
  currencyYear: number;
  /** Millions of USD of `currencyYear` per deployed soldier a year. */
  usdMPerYear: number;
  rangeUsdMPerYear: [number, number];
  basis: "published" | "default";
  figures: { id: string; usdMPerYear: number; source: string }[];
  deflator: string;
  exchangeRates: string;
}

const EUROPEAN = new Set([
  "FRA",
  "DEU",
  "GBR",
  "ITA",
  "POL",
  "NLD",
  "DNK",
  "NOR",
  "SWE",
  "FIN",
  "EST",
  "LVA",
  "LTU",
]);

/**
 * The cost of a deployed soldier of a nation a year, in millions of USD of `currencyYear`: the geometric mean
 * of its published figures (range: their lowest and highest), else the default (geometric mean of the European
 * figures; range: every national figure). Deflated with CPI-U, converted at 2024 rates.
 * @example troopCostUsdM("FRA", 2024).usdMPerYear // ≈ 0.14
 */
export function troopCostUsdM(
  nation: string,
  currencyYear: number,
  figures: readonly TroopCostFigure[] = TROOP_COST_FIGURES,
): TroopCost {
  const inYear = (f: TroopCostFigure) => ({
    id: f.id,
    usdMPerYear: toUsdOfYear(f.value, f, currencyYear) / 1e6,
    source: f.source,
  });
  const national = figures.filter((f) => f.kind === "incremental");
  const own = figures.filter((f) => f.nation === nation);
  const basis = own.length > 0 ? "published" : "default";
  const used = (basis === "published" ? own : national.filter((f) => EUROPEAN.has(f.nation))).map(inYear);
  const range = (basis === "published" ? own : national).map(inYear).map((x) => x.usdMPerYear);
  const gm = Math.exp(used.reduce((s, x) => s + Math.log(x.usdMPerYear), 0) / used.length);
  return {
    nation,
    currencyYear,
    usdMPerYear: gm,
    rangeUsdMPerYear: [Math.min(...range), Math.max(...range)],
    basis,
    figures: used,
    deflator: `${DEFLATOR.name} (${DEFLATOR.source})`,
    exchangeRates: FX_SOURCE,
  };
}
