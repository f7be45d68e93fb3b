/**
 * The calibration tables of docs/models/military.md, as Markdown: the fit of every class, the leave-one-out
 * cross-validation of every case, and the QRA fit. `npm run docs` writes them between the markers of that
 * file, and a test regenerates them from the library, so the document cannot drift from the code.
 */
import { POSTURES } from "../../precedents/schema.js";
import { DENSITY_UNIT, GEOMETRY_REFERENCE, SIZING_CLASSES } from "../ground-classes.js";
import type { QraCalibration } from "./air.js";
import type { GroundCalibration, GroundCvRow } from "./ground.js";
import { median } from "./stats.js";

const int = (x: number) => Math.round(x).toLocaleString("en-US");
const r2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");
const sig = (x: number) => (x >= 100 ? int(x) : Number(x.toPrecision(2)).toString());

function rollup(rows: readonly GroundCvRow[]) {
  const errs = rows.map((r) => Math.log(r.looRatio));
  const worst = errs.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
  return {
    n: rows.length,
    median: rows.length ? Math.exp(median(errs)) : Number.NaN,
    worst: Math.exp(worst),
    within3: errs.filter((e) => Math.abs(e) <= Math.log(3)).length,
    inside: rows.filter((r) => r.inside90).length,
  };
}

/**
 * The Markdown tables of the ground and QRA calibrations (see the file header).
 * @example calibrationTables(calibrateGround(library), calibrateQra(library))
 */
export function calibrationTables(ground: GroundCalibration, qra: QraCalibration): string {
  const out: string[] = [];
  const ref = (g: keyof typeof GEOMETRY_REFERENCE, form: "fit" | "design") =>
    form === "design" || g === "sites"
      ? ""
      : ` at ${g === "line" ? `${GEOMETRY_REFERENCE.line} km` : `${GEOMETRY_REFERENCE.population / 1e6} million`}`;
  out.push(
    "**Fit by class** (mission, posture, geometry). Density at the reference size; ×/÷ is the 90% interval's",
    "factor either side of the point; LOO = each case predicted from the others of its class only.",
    "",
    "| class | form | cases | density | exponent | LOO median | LOO worst | within ×3 | inside 90% | 90% ×/÷ |",
    "|---|---|---|---|---|---|---|---|---|---|",
  );
  for (const c of ground.classes) {
    const k = SIZING_CLASSES.find((x) => x.id === c.classId)!;
    out.push(
      `| ${c.classId} | ${c.form} | ${c.n} | ${sig(c.density)} ${DENSITY_UNIT[k.geometry]}${ref(k.geometry, c.form)} | ` +
        `${c.form === "fit" ? r2(c.exponent) : "1 (designed)"} | ${r2(c.medianRatio)} | ${r2(c.worstRatio)} | ` +
        `${c.withinFactor3}/${c.n} | ${c.inside90}/${c.n} | ${r2(Math.exp(c.halfWidthLog))}${c.pooled ? " (pooled)" : ""} |`,
    );
  }
  out.push("");
  out.push(
    "**Line-based observation and interposition, by posture** (leave-one-out):",
    "",
    "| posture | cases | median LOO/actual | worst | within ×3 | actual inside the 90% interval |",
    "|---|---|---|---|---|---|",
  );
  for (const p of POSTURES) {
    const rows = ground.rows.filter(
      (r) => r.geometry === "line" && r.posture === p && ["observation", "interposition"].includes(r.mission),
    );
    const s = rollup(rows);
    out.push(
      `| ${p} | ${s.n} | ${r2(s.median)} | ${r2(s.worst)} | ${s.within3}/${s.n} | ${s.inside}/${s.n} |`,
    );
  }
  const all = rollup(ground.rows);
  out.push(
    `| all classes and geometries | ${all.n} | ${r2(all.median)} | ${r2(all.worst)} | ${all.within3}/${all.n} | ${all.inside}/${all.n} |`,
  );
  out.push("");
  out.push(
    "Pooled spread for classes with fewer than 3 cases: the RMS of the leave-one-out log errors of every class " +
      `of the same geometry (line ${r2(ground.geometryPools.line.sigma)} over ${ground.geometryPools.line.n} cases, ` +
      `population ${r2(ground.geometryPools.population.sigma)} over ${ground.geometryPools.population.n}, sites ` +
      `${r2(ground.geometryPools.sites.sigma)} over ${ground.geometryPools.sites.n}).`,
    "",
    "**Every case** (LOO prediction and its 90% interval use only the other cases of the class):",
    "",
    "| precedent | class | amount | actual | LOO prediction | LOO/actual | 90% interval | inside |",
    "|---|---|---|---|---|---|---|---|",
  );
  for (const r of ground.rows) {
    const unit = r.geometry === "line" ? "km" : r.geometry === "population" ? "people" : "sites";
    out.push(
      `| ${r.id} | ${r.classId} | ${int(r.amount)} ${unit} | ${int(r.actualTroops)} | ${int(r.looTroops)} | ` +
        `${r2(r.looRatio)} | ${int(r.loo90[0])}–${int(r.loo90[1])} | ${r.inside90 ? "yes" : "**no**"} |`,
    );
  }
  out.push("");
  out.push(
    `**QRA fit**: ${r2(qra.aircraftPerAlertAircraft)} aircraft per aircraft on alert over ${qra.n} detachments; ` +
      `LOO median ${r2(qra.medianRatio)}, worst ${r2(qra.worstRatio)}, ${qra.inside90}/${qra.n} inside their 90% ` +
      `interval (×/÷ ${r2(Math.exp(qra.halfWidthLog))}).`,
    "",
    "| detachment | area km² | bases | bases needed | actual aircraft | LOO prediction | LOO/actual | 90% interval | inside |",
    "|---|---|---|---|---|---|---|---|---|",
  );
  for (const r of qra.rows)
    out.push(
      `| ${r.id} | ${int(r.areaKm2)} | ${r.bases} | ${r.basesNeeded} | ${r.actualAircraft} | ${r.looAircraft.toFixed(1)} | ` +
        `${r2(r.looRatio)} | ${r.loo90[0].toFixed(1)}–${r.loo90[1].toFixed(1)} | ${r.inside90 ? "yes" : "**no**"} |`,
    );
  return out.join("\n");
}
