import { describe, expect, it } from "vitest";
import {
  densifyPolyline,
  greatCircleKm,
  pointAlongPolyline,
  pointToPolylineKm,
  polylineLengthKm,
} from "../../src/models/geo.js";

describe("geo", () => {
  it("greatCircleKm(one degree of the equator) is 2πR/360 ≈ 111.195 km", () => {
    // 2π × 6371.0088 / 360 = 111.19508
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.19508, 4);
  });

  it("greatCircleKm(Rzeszów EPRZ, Kyiv) is about 607 km", () => {
    const d = greatCircleKm({ lat: 50.11, lon: 22.019 }, { lat: 50.4501, lon: 30.5234 });
    expect(d).toBeGreaterThan(600);
    expect(d).toBeLessThan(615);
  });

  it("pointToPolylineKm(a point one degree north of an equatorial segment) is one degree of arc", () => {
    const line = [
      { lat: 0, lon: 0 },
      { lat: 0, lon: 10 },
    ];
    expect(pointToPolylineKm({ lat: 1, lon: 5 }, line)).toBeCloseTo(111.195, 2);
    // Beyond the end: the distance to the end point.
    expect(pointToPolylineKm({ lat: 0, lon: 12 }, line)).toBeCloseTo(2 * 111.195, 2);
    expect(pointToPolylineKm({ lat: 0, lon: -3 }, line)).toBeCloseTo(3 * 111.195, 2);
  });

  it("densifyPolyline(111 km at a 50 km step) gives 3 steps and keeps the length", () => {
    const line = [
      { lat: 0, lon: 0 },
      { lat: 0, lon: 1 },
    ];
    const pts = densifyPolyline(line, 50);
    expect(pts).toHaveLength(4);
    expect(polylineLengthKm(pts)).toBeCloseTo(polylineLengthKm(line), 6);
  });

  it("pointAlongPolyline(half the length) is the midpoint", () => {
    const p = pointAlongPolyline(
      [
        { lat: 0, lon: 0 },
        { lat: 0, lon: 2 },
      ],
      111.19508,
    );
    expect(p.lat).toBeCloseTo(0, 6);
    expect(p.lon).toBeCloseTo(1, 4);
  });
});
