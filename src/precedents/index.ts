export { loadPrecedentFile, loadPrecedentLibrary } from "./load.js";
export {
  AirPrecedent,
  Figure,
  GroundPrecedent,
  POSTURES,
  type Posture,
  PrecedentFile,
  type PrecedentLibrary,
  SIZING_MISSIONS,
  type SizingMission,
} from "./schema.js";
