import { describe, expect, it } from "vitest";
import {
  buildTerritory,
  territoryContains,
  territoryCoverage,
  territoryGrid,
} from "../../src/models/coverage.js";
import { readAtlas } from "./helpers.js";

const atlas = readAtlas();
const recognised = buildTerritory(atlas, {
  id: "recognised",
  name: "Ukraine",
  include: [
    { country: "804" },
    { countryPolygonContaining: { country: "643", point: { lat: 44.95, lon: 34.1 } } },
  ],
  exclude: [],
  source: "x",
});

describe("buildTerritory", () => {
  it("buildTerritory(Ukraine's polygon + the Russian-atlas polygon holding Simferopol) is 603,550 km² within 2 %", () => {
    // 603,550 km²: internationally recognised area (CIA World Factbook).
    expect(Math.abs(recognised.areaKm2 / 603_550 - 1)).toBeLessThan(0.02);
  });

  it("buildTerritory(Ukraine's world-atlas polygon alone) leaves Crimea out, about 570,000 km²", () => {
    const t = buildTerritory(atlas, {
      id: "u",
      name: "u",
      include: [{ country: "804" }],
      exclude: [],
      source: "x",
    });
    expect(t.areaKm2).toBeGreaterThan(560_000);
    expect(t.areaKm2).toBeLessThan(580_000);
    expect(territoryContains(t, { lat: 44.95, lon: 34.1 })).toBe(false);
    expect(territoryContains(recognised, { lat: 44.95, lon: 34.1 })).toBe(true);
  });

  it("buildTerritory(explicit polygon) is wound either way and excludes subtract", () => {
    const square = [
      { lat: 0, lon: 0 },
      { lat: 0, lon: 1 },
      { lat: 1, lon: 1 },
      { lat: 1, lon: 0 },
    ];
    const a = buildTerritory(atlas, {
      id: "a",
      name: "a",
      include: [{ polygon: square }],
      exclude: [],
      source: "x",
    });
    const b = buildTerritory(atlas, {
      id: "b",
      name: "b",
      include: [{ polygon: [...square].reverse() }],
      exclude: [],
      source: "x",
    });
    // One degree square at the equator ≈ 111.195² km².
    expect(a.areaKm2).toBeCloseTo(b.areaKm2, 6);
    expect(a.areaKm2 / 111.195 ** 2).toBeCloseTo(1, 3);
  });
});

describe("territoryCoverage", () => {
  const grid = territoryGrid(recognised, 0.25);
  it("territoryCoverage(no circles) is 0 and (a 2,000 km circle at Kyiv) is all of Ukraine", () => {
    expect(territoryCoverage(grid, []).share).toBe(0);
    expect(territoryCoverage(grid, [{ center: { lat: 50.45, lon: 30.52 }, radiusKm: 2000 }]).share).toBe(1);
  });

  it("territoryCoverage grows with the radius", () => {
    const kyiv = { lat: 50.45, lon: 30.52 };
    const shares = [100, 300, 500, 800].map(
      (r) => territoryCoverage(grid, [{ center: kyiv, radiusKm: r }]).share,
    );
    for (let i = 1; i < shares.length; i++) expect(shares[i]!).toBeGreaterThan(shares[i - 1]!);
    // A 150 km circle in central Ukraine (48.9 N, 31.0 E) lies wholly inside: 2πR²(1 − cos(150/R)) ≈ 70,660 km²,
    // 11.7 % of 603,550 km² (the grid's 28 km cells blur the edge by a few tenths of a percent).
    const centre = territoryCoverage(grid, [{ center: { lat: 48.9, lon: 31.0 }, radiusKm: 150 }]).share;
    expect(centre).toBeGreaterThan(0.112);
    expect(centre).toBeLessThan(0.122);
  });
});
