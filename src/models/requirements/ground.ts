/**
 * The ground group of the requirement model: the force deployed and generated (ground model, rotation),
 * trainers, and the logistics and cost of everyone deployed.
 */

import { param } from "../../parameters/index.js";
import { POSTURES, type Posture } from "../../precedents/schema.js";
import { ScenarioDataError } from "../../scenario/diagnostics.js";
import { GROUND_MISSIONS, type GroundMissionKind } from "../../scenario/reserved.js";
import { sizeGroundForce } from "../ground.js";
import { DEFAULT_POSTURE, sizingClass } from "../ground-classes.js";
import { type AttrReader, type AttrSourcer, type Context, num, paramInput } from "./context.js";
import {
  type BreakdownLine,
  REQ_AIRLIFT,
  REQ_COST_USD_M_PER_YEAR,
  REQ_DEPLOYED_TROOPS,
  REQ_TROOPS,
} from "./layout.js";

/** Adds the ground force, trainers, their logistics and cost into `out`; explains itself into `lines`. */
export function groundGroup(
  ctx: Context,
  get: AttrReader,
  src: AttrSourcer,
  out: Float64Array,
  lines?: BreakdownLine[],
) {
  const missionRaw = get("ground_mission");
  const mission = String(missionRaw);
  const share = num(get("ground_line_share"));
  const sites = num(get("ground_sites"));
  const trainers = num(get("training_troops"));
  const rotation = param(ctx.params, "ground.rotation_factor");
  let deployed = 0;
  let generated = 0;
  if (mission !== "none") {
    if (!(GROUND_MISSIONS as readonly string[]).includes(mission)) {
      throw new ScenarioDataError(
        ["dimensions"],
        `ground_mission "${mission}" (${src("ground_mission")}) is not one of none, ${GROUND_MISSIONS.join(", ")}`,
      );
    }
    const m = mission as GroundMissionKind;
    const postureRaw = String(get("ground_posture"));
    const posture: Posture = postureRaw === "default" ? DEFAULT_POSTURE[m] : (postureRaw as Posture);
    if (!(POSTURES as readonly string[]).includes(posture))
      throw new ScenarioDataError(
        ["dimensions"],
        `ground_posture "${postureRaw}" (${src("ground_posture")}) is not one of default, ${POSTURES.join(", ")}`,
      );
    // Line missions cover line length × share; reassurance (and a tripwire given sites) holds sites.
    const bySites = sizingClass(m, posture, "line") === undefined || (share <= 0 && sites > 0);
    const lineKm = ctx.lineKm * share;
    let size: ReturnType<typeof sizeGroundForce>;
    try {
      size = sizeGroundForce(
        { mission: m, posture, geometry: bySites ? { sites } : { lineKm } },
        { parameters: ctx.params, rotation },
      );
    } catch (e) {
      throw new ScenarioDataError(
        ["dimensions"],
        `${(e as Error).message} (${src("ground_mission")}, ground_posture from ${src("ground_posture")})`,
      );
    }
    deployed += size.deployedTroops;
    generated += size.generatedTroops;
    const formula =
      size.form === "fit"
        ? `density × reference × (amount / reference)^exponent, fitted on the precedent library (${size.classId}; ` +
          "90% interval from its leave-one-out spread)"
        : bySites
          ? "fixed HQ + troops per site × sites × (1 + HQ and enabler share)"
          : "fixed HQ + troops per km × line km × line share × (1 + HQ and enabler share)";
    lines?.push({
      id: "ground.deployed",
      label: `Ground force deployed (${m}, ${posture})`,
      value: size.deployedTroops,
      unit: "troops",
      formula,
      inputs: [
        { name: "ground_mission", value: m, source: src("ground_mission") },
        { name: "ground_posture", value: posture, source: src("ground_posture") },
        ...(bySites
          ? [{ name: "ground_sites", value: sites, source: src("ground_sites") }]
          : [
              { name: "contact line length, km", value: ctx.lineKm, source: ctx.lineSource },
              { name: "ground_line_share", value: share, source: src("ground_line_share") },
            ]),
        paramInput(ctx, size.densityParameter),
        ...(size.exponentParameter
          ? [paramInput(ctx, size.exponentParameter)]
          : [paramInput(ctx, "ground.hq_enabler_share"), paramInput(ctx, "ground.hq_fixed_troops")]),
      ],
      interval90: size.deployedTroops90,
    });
    lines?.push({
      id: "ground.generated",
      label: "Ground troops to generate (with rotation)",
      value: size.generatedTroops,
      unit: "troops",
      formula: "deployed × rotation factor",
      inputs: [
        { name: "deployed troops", value: size.deployedTroops, source: "line ground.deployed" },
        paramInput(ctx, "ground.rotation_factor"),
      ],
      interval90: size.generatedTroops90,
    });
  }
  if (trainers > 0) {
    const trainersGenerated = Math.ceil(trainers * rotation);
    deployed += trainers;
    generated += trainersGenerated;
    lines?.push({
      id: "ground.trainers",
      label: "Trainers to generate (with rotation)",
      value: trainersGenerated,
      unit: "troops",
      formula: "training troops × rotation factor",
      inputs: [
        { name: "training_troops", value: trainers, source: src("training_troops") },
        paramInput(ctx, "ground.rotation_factor"),
      ],
    });
  }
  out[REQ_TROOPS]! += generated;
  out[REQ_DEPLOYED_TROOPS]! += deployed;
  if (deployed > 0) {
    // Dry cargo per soldier per day (US Army ATP 4-90, Table C-1).
    const supplyTPerDay = (deployed * param(ctx.params, "logistics.supply_kg_per_troop_day")) / 1000;
    const airShare = param(ctx.params, "logistics.airlift_share");
    const sortiesPerDay = (supplyTPerDay * airShare) / param(ctx.params, "logistics.airlift_payload_t");
    const airlift = Math.ceil(
      sortiesPerDay /
        param(ctx.params, "logistics.airlift_sorties_per_aircraft_per_day") /
        param(ctx.params, "logistics.airlift_availability") -
        1e-9,
    );
    const trucksPerDay = (supplyTPerDay * (1 - airShare)) / param(ctx.params, "logistics.truck_payload_t");
    out[REQ_AIRLIFT]! += airlift;
    const cost = deployed * param(ctx.params, "cost.troop_usd_m_per_year");
    out[REQ_COST_USD_M_PER_YEAR]! += cost;
    if (lines) {
      lines.push({
        id: "logistics.supply",
        label: "Supply for the deployed force",
        value: supplyTPerDay,
        unit: "t/day",
        formula: "deployed troops × supply kg per troop per day / 1000",
        inputs: [
          { name: "deployed troops", value: deployed, source: "lines ground.deployed, ground.trainers" },
          paramInput(ctx, "logistics.supply_kg_per_troop_day"),
        ],
      });
      lines.push({
        id: "logistics.airlift",
        label: "Airlift aircraft",
        value: airlift,
        unit: "aircraft",
        formula: "⌈supply × airlift share / payload / sorties per aircraft per day / availability⌉",
        inputs: [
          { name: "supply, t/day", value: supplyTPerDay, source: "line logistics.supply" },
          paramInput(ctx, "logistics.airlift_share"),
          paramInput(ctx, "logistics.airlift_payload_t"),
          paramInput(ctx, "logistics.airlift_sorties_per_aircraft_per_day"),
          paramInput(ctx, "logistics.airlift_availability"),
        ],
      });
      lines.push({
        id: "logistics.trucks",
        label: "Truck loads by road and rail",
        value: trucksPerDay,
        unit: "trucks/day",
        formula: "supply × (1 − airlift share) / truck payload",
        inputs: [
          { name: "supply, t/day", value: supplyTPerDay, source: "line logistics.supply" },
          paramInput(ctx, "logistics.airlift_share"),
          paramInput(ctx, "logistics.truck_payload_t"),
        ],
      });
      lines.push({
        id: "cost.troops",
        label: "Cost of deployed troops",
        value: cost,
        unit: "USD m/year",
        formula: "deployed troops × cost per deployed troop per year",
        inputs: [
          { name: "deployed troops", value: deployed, source: "lines ground.deployed, ground.trainers" },
          paramInput(ctx, "cost.troop_usd_m_per_year"),
        ],
      });
    }
  }
}
