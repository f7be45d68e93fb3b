/** Model parameters: the registry, resolution and Monte-Carlo draws, and the distributions; names listed. */

export {
  AIRCRAFT,
  AIRCRAFT_PARAMETERS,
  type AircraftRole,
  type AircraftType,
  aircraftFromParameters,
  aircraftIds,
  aircraftParameterId,
  aircraftType,
} from "./aircraft.js";
export {
  defineParameter,
  isJudgementSource,
  MAX_EXPONENT,
  PARAMETER_FACTOR,
  type ParameterDef,
  type ParameterDefArgs,
  type ParameterModel,
  parameterRange,
  parameterValueProblem,
} from "./definition.js";
export { DETERRENCE_PARAMETERS } from "./deterrence.js";
export { MILITARY_PARAMETERS } from "./military.js";
export { PARAMETERS, parameterDef, parametersNamed, similarParameterIds } from "./registry.js";
export {
  defaultParameters,
  informationalParameters,
  type ParameterOrigin,
  param,
  type ResolvedParameters,
  type ResolvedParameterValue,
  type ResolveOptions,
  resolveParameters,
  sampleParameters,
  scenarioParameterProblems,
  UnknownParameterError,
} from "./resolve.js";
