/**
 * Spherical geometry on latitude/longitude points: great-circle distances, distances from a point to a
 * polyline, and points along a polyline. Pure functions, no dependencies, so they run in the browser too.
 */

/** A point on the Earth, in degrees. Structurally the same as the scenario's `LatLon`. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** Mean Earth radius R1 = (2a + b) / 3 of WGS-84, km (Moritz, "Geodetic Reference System 1980", Journal of
 *  Geodesy 74 (2000), table; IUGG mean radius 6371.0088 km). */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD_PER_DEG = Math.PI / 180;

/** Central angle between two points, radians (haversine formula: Sinnott, "Virtues of the Haversine",
 *  Sky and Telescope 68(2), 1984, p. 159), stable for small distances. */
function centralAngleRad(a: LatLon, b: LatLon): number {
  const phi1 = a.lat * RAD_PER_DEG;
  const phi2 = b.lat * RAD_PER_DEG;
  const dPhi = phi2 - phi1;
  const dLambda = (b.lon - a.lon) * RAD_PER_DEG;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Great-circle distance between two points, km (haversine on a sphere of the mean Earth radius 6371.0088 km;
 * error against the WGS-84 ellipsoid below 0.5 %).
 * @param a first point, degrees
 * @param b second point, degrees
 * @example greatCircleKm({ lat: 50.11, lon: 22.019 }, { lat: 50.45, lon: 30.52 }) // ≈ 607 (Rzeszów–Kyiv)
 */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  return EARTH_RADIUS_KM * centralAngleRad(a, b);
}

/**
 * Initial bearing from a to b, degrees clockwise from north in [0, 360) (spherical forward azimuth,
 * Williams, "Aviation Formulary").
 * @example initialBearingDeg({ lat: 0, lon: 0 }, { lat: 0, lon: 1 }) // 90
 */
export function initialBearingDeg(a: LatLon, b: LatLon): number {
  const phi1 = a.lat * RAD_PER_DEG;
  const phi2 = b.lat * RAD_PER_DEG;
  const dLambda = (b.lon - a.lon) * RAD_PER_DEG;
  const y = Math.sin(dLambda) * Math.cos(phi2);
  const x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
  return (((Math.atan2(y, x) / RAD_PER_DEG) % 360) + 360) % 360;
}

/**
 * The point a given fraction of the way from a to b along the great circle (spherical linear interpolation,
 * Williams, "Aviation Formulary", intermediate points).
 * @param t fraction in [0, 1]
 * @example interpolateGreatCircle({ lat: 0, lon: 0 }, { lat: 0, lon: 10 }, 0.5) // { lat: 0, lon: 5 }
 */
export function interpolateGreatCircle(a: LatLon, b: LatLon, t: number): LatLon {
  const d = centralAngleRad(a, b);
  if (d < 1e-12) return { lat: a.lat, lon: a.lon };
  const A = Math.sin((1 - t) * d) / Math.sin(d);
  const B = Math.sin(t * d) / Math.sin(d);
  const phi1 = a.lat * RAD_PER_DEG;
  const phi2 = b.lat * RAD_PER_DEG;
  const l1 = a.lon * RAD_PER_DEG;
  const l2 = b.lon * RAD_PER_DEG;
  const x = A * Math.cos(phi1) * Math.cos(l1) + B * Math.cos(phi2) * Math.cos(l2);
  const y = A * Math.cos(phi1) * Math.sin(l1) + B * Math.cos(phi2) * Math.sin(l2);
  const z = A * Math.sin(phi1) + B * Math.sin(phi2);
  return { lat: Math.atan2(z, Math.hypot(x, y)) / RAD_PER_DEG, lon: Math.atan2(y, x) / RAD_PER_DEG };
}

/**
 * Length of a polyline along great circles, km.
 * @example polylineLengthKm([{ lat: 0, lon: 0 }, { lat: 0, lon: 1 }, { lat: 0, lon: 2 }]) // ≈ 222.4
 */
export function polylineLengthKm(line: readonly LatLon[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) total += greatCircleKm(line[i - 1]!, line[i]!);
  return total;
}

/**
 * Distance from a point to a great-circle segment, km: the cross-track distance when the foot of the
 * perpendicular falls inside the segment, otherwise the distance to the nearer end (Williams, "Aviation
 * Formulary", cross-track and along-track distance).
 * @example pointToSegmentKm({ lat: 1, lon: 5 }, { lat: 0, lon: 0 }, { lat: 0, lon: 10 }) // ≈ 111.2
 */
export function pointToSegmentKm(p: LatLon, a: LatLon, b: LatLon): number {
  const dAB = centralAngleRad(a, b);
  const dAP = centralAngleRad(a, p);
  if (dAB < 1e-12) return EARTH_RADIUS_KM * dAP;
  const thetaAP = initialBearingDeg(a, p) * RAD_PER_DEG;
  const thetaAB = initialBearingDeg(a, b) * RAD_PER_DEG;
  const crossTrack = Math.asin(Math.max(-1, Math.min(1, Math.sin(dAP) * Math.sin(thetaAP - thetaAB))));
  const cosXt = Math.cos(crossTrack);
  const alongTrack = cosXt < 1e-15 ? 0 : Math.acos(Math.max(-1, Math.min(1, Math.cos(dAP) / cosXt)));
  // The foot of the perpendicular lies behind a when the angle between the two bearings exceeds 90°.
  const behind = Math.cos(thetaAP - thetaAB) < 0;
  if (behind || alongTrack > dAB) {
    return Math.min(EARTH_RADIUS_KM * dAP, greatCircleKm(p, b));
  }
  return EARTH_RADIUS_KM * Math.abs(crossTrack);
}

/**
 * Shortest distance from a point to a polyline, km.
 * @example pointToPolylineKm({ lat: 1, lon: 5 }, [{ lat: 0, lon: 0 }, { lat: 0, lon: 10 }]) // ≈ 111.2
 */
export function pointToPolylineKm(p: LatLon, line: readonly LatLon[]): number {
  if (line.length === 0) return Number.POSITIVE_INFINITY;
  if (line.length === 1) return greatCircleKm(p, line[0]!);
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) best = Math.min(best, pointToSegmentKm(p, line[i - 1]!, line[i]!));
  return best;
}

/**
 * Points along a polyline at most `stepKm` apart (every vertex included), for sampling a line: the worst
 * response time to the line, the orbits along it.
 * @example densifyPolyline([{ lat: 0, lon: 0 }, { lat: 0, lon: 1 }], 50).length // 4 (111 km in 3 steps)
 */
export function densifyPolyline(line: readonly LatLon[], stepKm: number): LatLon[] {
  if (!(stepKm > 0)) throw new RangeError(`densifyPolyline: stepKm must be > 0, got ${stepKm}`);
  if (line.length === 0) return [];
  const out: LatLon[] = [{ lat: line[0]!.lat, lon: line[0]!.lon }];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const n = Math.max(1, Math.ceil(greatCircleKm(a, b) / stepKm));
    for (let k = 1; k <= n; k++) out.push(interpolateGreatCircle(a, b, k / n));
  }
  return out;
}

/**
 * The point a given distance along a polyline, km from its first vertex (clamped to its ends).
 * @example pointAlongPolyline([{ lat: 0, lon: 0 }, { lat: 0, lon: 2 }], 111.2) // ≈ { lat: 0, lon: 1 }
 */
export function pointAlongPolyline(line: readonly LatLon[], distanceKm: number): LatLon {
  if (line.length === 0) throw new RangeError("pointAlongPolyline: empty polyline");
  let left = Math.max(0, distanceKm);
  for (let i = 1; i < line.length; i++) {
    const seg = greatCircleKm(line[i - 1]!, line[i]!);
    if (left <= seg) return interpolateGreatCircle(line[i - 1]!, line[i]!, seg > 0 ? left / seg : 0);
    left -= seg;
  }
  const last = line[line.length - 1]!;
  return { lat: last.lat, lon: last.lon };
}
