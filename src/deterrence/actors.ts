/**
 * Who acts at each step of the ladder: from a coalition allocation when the caller has one, otherwise the
 * actors eligible to provide each capability in this scheme (capacity, willingness, provider restrictions).
 */
import { type CompiledScenario, evaluatePredicate, type Scheme } from "../scenario/compile.js";
import type { Actor, Capability } from "../scenario/schema.js";
import type { MechanismAttributes } from "./attributes.js";

/** Units of each capability allocated to each actor, as computed by the coalition model. */
export type Allocation = Record<string, Partial<Record<Capability, number>>>;

/** The actor id that stands for the United States by convention in scenario files. */
export const DEFAULT_US_ACTOR_ID = "USA";

/** Whether the scheme places a capability inside the protected state (docs/attributes.md, "Who may provide what"). */
function placedInProtectedState(cap: Capability, a: MechanismAttributes): boolean {
  switch (cap) {
    case "troops":
      return a.troopsInProtectedState;
    case "fighters":
    case "tankers":
    case "aew":
    case "droneOrbits":
      return a.aircraftInProtectedState;
    case "airDefenceBatteries":
      return a.adCrewsInProtectedState;
    case "airlift":
      return false;
  }
}

/** Whether the scheme lets the United States provide a capability (the us_* attributes). */
function usMayProvide(cap: Capability, a: MechanismAttributes): boolean {
  switch (cap) {
    case "troops":
      return a.usGroundTroops;
    case "fighters":
    case "tankers":
    case "aew":
      return a.usAirSupport;
    case "droneOrbits":
      return a.usIsr;
    case "airDefenceBatteries":
    case "airlift":
      return a.usEnablers;
  }
}

/**
 * Actors that could provide a capability in this scheme: they have some of it, are not the protected state,
 * and neither their willingness nor the chosen options' provider restrictions exclude them. The United States
 * is included only where the scheme's us_* attribute involves it.
 * @example eligibleProviders(c, scheme, attrs, "fighters") // ["FRA", "GBR", "POL"]
 */
export function eligibleProviders(
  c: CompiledScenario,
  scheme: Scheme,
  attrs: MechanismAttributes,
  cap: Capability,
  usActorId = DEFAULT_US_ACTOR_ID,
): string[] {
  const s = c.scenario;
  const restrictions = s.dimensions.map((d, di) => d.options[scheme[di]!]!.providers[cap]).filter((r) => !!r);
  const ok = (actor: Actor): boolean => {
    if (actor.id === s.theater.protectedState) return false;
    if ((actor.capabilities[cap]?.value ?? 0) <= 0) return false;
    if (actor.id === usActorId && !usMayProvide(cap, attrs)) return false;
    for (const w of actor.willingness) {
      if (w.kind === "never" && w.capability === cap) return false;
      if (
        w.kind === "outsideProtectedStateOnly" &&
        w.capability === cap &&
        placedInProtectedState(cap, attrs)
      )
        return false;
      if (w.kind === "onlyIf" && (w.capability === undefined || w.capability === cap))
        if (!evaluatePredicate(c, w.when, scheme)) return false;
    }
    for (const r of restrictions) {
      if (r.only && !r.only.includes(actor.id)) return false;
      if (r.exclude?.includes(actor.id)) return false;
      if (r.natoMembers !== undefined && r.natoMembers !== actor.nato) return false;
    }
    return true;
  };
  return s.actors.filter(ok).map((a) => a.id);
}

/** Actors with a positive allocation of any of the capabilities, in the allocation's order. */
export function allocatedProviders(allocation: Allocation, caps: readonly Capability[]): string[] {
  return Object.entries(allocation)
    .filter(([, row]) => caps.some((cap) => (row[cap] ?? 0) > 0))
    .map(([id]) => id);
}
