/** The military feasibility models: public names, listed explicitly. */
export {
  densifyPolyline,
  EARTH_RADIUS_KM,
  greatCircleKm,
  initialBearingDeg,
  interpolateGreatCircle,
  type LatLon,
  pointAlongPolyline,
  pointToPolylineKm,
  pointToSegmentKm,
  polylineLengthKm,
} from "./geo.js";
