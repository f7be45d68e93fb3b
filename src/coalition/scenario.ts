/**
 * The force-generation problem of one scheme of a scenario: the actors' capability ledgers, costs and
 * willingness conditions (those that depend on the scheme resolved against it), and the chosen options'
 * restrictions on who provides what (docs/attributes.md, "Who may provide what").
 */
import { type CompiledScenario, evaluatePredicate, type Scheme } from "../scenario/compile.js";
import type { Actor, AttrValue, Capability, Willingness } from "../scenario/schema.js";
import type { CoalitionCondition, CoalitionObjective, CoalitionProblem } from "./problem.js";

/** The attribute that places each capability in the protected state, for `outsideProtectedStateOnly`
 *  (docs/attributes.md, "Who may provide what"). Airlift flies in and out: never placed there. */
export const IN_PROTECTED_STATE_ATTRIBUTE: Readonly<Record<Capability, string | undefined>> = {
  troops: "troops_in_protected_state",
  fighters: "aircraft_in_protected_state",
  tankers: "aircraft_in_protected_state",
  aew: "aircraft_in_protected_state",
  droneOrbits: "aircraft_in_protected_state",
  airDefenceBatteries: "ad_crews_in_protected_state",
  airlift: undefined,
};

/** Cost unit of scenario-built problems (the ledger's `unitCostUsdMPerYear`, `fixedCostUsdMPerYear`). */
export const SCENARIO_COST_UNIT = "USD M/year";

export interface CoalitionScenarioOptions {
  objective?: CoalitionObjective;
}

/** An attribute's value in a scheme, or `fallback` when the scenario does not declare it (a reserved
 *  attribute left out takes its documented default). */
function attribute(c: CompiledScenario, scheme: Scheme, name: string, fallback: AttrValue): AttrValue {
  const a = c.attributes[c.attrIndex.get(name) ?? -1];
  return a ? a.values[scheme[a.dim]!]! : fallback;
}

function willingnessCondition(
  c: CompiledScenario,
  scheme: Scheme,
  w: Willingness,
): CoalitionCondition | undefined {
  switch (w.kind) {
    case "requires":
      return { kind: "requires", actor: w.actor, capability: w.capability, min: w.min, id: w.id };
    case "maxShare":
      return { kind: "maxShare", capability: w.capability, share: w.share, id: w.id };
    case "never":
      return { kind: "never", capability: w.capability, id: w.id };
    case "outsideProtectedStateOnly": {
      const attr = IN_PROTECTED_STATE_ATTRIBUTE[w.capability];
      if (attr === undefined || attribute(c, scheme, attr, false) !== true) return undefined;
      return {
        kind: "never",
        capability: w.capability,
        id: w.id,
        note: `only from outside; scheme sets ${attr}`,
      };
    }
    case "onlyIf":
      if (evaluatePredicate(c, w.when, scheme)) return undefined;
      return w.capability === undefined
        ? { kind: "never", id: w.id, note: "its condition on the scheme does not hold" }
        : {
            kind: "never",
            capability: w.capability,
            id: w.id,
            note: "its condition on the scheme does not hold",
          };
  }
}

/** The chosen options' provider restrictions that bar `actor` from a capability, as `never` conditions. */
function providerConditions(c: CompiledScenario, scheme: Scheme, actor: Actor): CoalitionCondition[] {
  const out: CoalitionCondition[] = [];
  c.scenario.dimensions.forEach((d, di) => {
    const option = d.options[scheme[di]!]!;
    for (const [cap, r] of Object.entries(option.providers)) {
      if (!r) continue;
      const why =
        r.only && !r.only.includes(actor.id)
          ? `only ${r.only.join(", ")} provide ${cap}`
          : r.exclude?.includes(actor.id)
            ? `excludes ${actor.id} from ${cap}`
            : r.natoMembers === false && actor.nato
              ? `no NATO member provides ${cap}`
              : r.natoMembers === true && !actor.nato
                ? `only NATO members provide ${cap}`
                : undefined;
      if (why)
        out.push({
          kind: "never",
          capability: cap,
          id: `${d.id}.${option.id}`,
          note: `scheme option: ${why}`,
        });
    }
  });
  return out;
}

/**
 * The conditions a scheme puts on an actor: one per willingness condition, in order (undefined where the
 * condition does not bar it in this scheme), and the chosen options' provider restrictions.
 */
export function schemeConditions(
  c: CompiledScenario,
  scheme: Scheme,
  actor: Actor,
): { willingness: (CoalitionCondition | undefined)[]; providers: CoalitionCondition[] } {
  return {
    willingness: actor.willingness.map((w) => willingnessCondition(c, scheme, w)),
    providers: providerConditions(c, scheme, actor),
  };
}

/** An actor's capacity in whole units (rounded down; capabilities under one unit left out) and unit costs. */
export function contributorLedger(a: Actor): {
  capacity: Record<string, number>;
  unitCost: Record<string, number>;
} {
  const capacity: Record<string, number> = {};
  const unitCost: Record<string, number> = {};
  for (const [cap, v] of Object.entries(a.capabilities)) {
    const units = Math.floor(v?.value ?? 0);
    if (units <= 0) continue;
    capacity[cap] = units;
    unitCost[cap] = a.unitCostUsdMPerYear[cap as Capability]?.value ?? 0;
  }
  return { capacity, unitCost };
}

/**
 * The coalition problem of a scheme. Contributors are the actors with a non-empty capability ledger, except
 * the protected state. Capacities are the ledger values in whole units (rounded down); costs in USD M/year.
 * @param requirements units needed per capability (e.g. from the models' `schemeRequirements`)
 * @example coalitionProblemForScheme(c, scheme, { troops: 20000, fighters: 24 }, { objective: "fair" })
 */
export function coalitionProblemForScheme(
  c: CompiledScenario,
  scheme: Scheme,
  requirements: Partial<Record<Capability, number>>,
  options: CoalitionScenarioOptions = {},
): CoalitionProblem {
  const protectedState = c.scenario.theater.protectedState;
  const contributors = c.scenario.actors
    .filter((a) => a.id !== protectedState && Object.values(a.capabilities).some((v) => (v?.value ?? 0) >= 1))
    .map((a) => {
      const { capacity, unitCost } = contributorLedger(a);
      const own = schemeConditions(c, scheme, a);
      const conditions = [...own.willingness.flatMap((w) => w ?? []), ...own.providers];
      return {
        id: a.id,
        name: a.name,
        capacity,
        unitCost,
        fixedCost: a.fixedCostUsdMPerYear?.value ?? 0,
        ...(a.gdpUsdBn ? { gdp: a.gdpUsdBn.value } : {}),
        conditions,
      };
    });
  const req: Record<string, number> = {};
  for (const [cap, units] of Object.entries(requirements)) if ((units ?? 0) > 0) req[cap] = units!;
  return {
    requirements: req,
    contributors,
    objective: options.objective ?? "min-cost",
    costUnit: SCENARIO_COST_UNIT,
  };
}
