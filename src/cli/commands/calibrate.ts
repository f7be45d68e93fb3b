import { calibrateGround, calibrateQra, calibrationTables } from "../../models/calibration/index.js";
import { type Command, jsonOut, stringFlag } from "../command.js";
import { readPrecedentLibrary } from "../library.js";

export const calibrateCommand: Command = {
  name: "calibrate",
  help: `Usage: guarantor calibrate [--library DIR] [--json]

Loads the precedent library (data/precedents/*.yaml, validated with located errors), fits every ground sizing
class (density and exponent) and the QRA model, predicts each mission from the others only (leave one out), and
prints the tables of docs/models.md: the fit by class, by posture, every case with its 90% interval, and the
QRA detachments.
  --library DIR   another library folder (default: the one shipped in data/precedents)
  --json          the fits and every cross-validation row as data
Exit codes: 0 success, 2 bad library files.`,
  options: { library: { type: "string" }, json: { type: "boolean" } },
  maxPositionals: 0,
  async run(ctx) {
    const dir = stringFlag(ctx, "library");
    const library = readPrecedentLibrary(dir, ctx.io.cwd);
    const ground = calibrateGround(library);
    const qra = calibrateQra(library);
    if (ctx.values.json) ctx.io.stdout(jsonOut({ ground, qra }));
    else ctx.io.stdout(`${calibrationTables(ground, qra)}\n`);
    return 0;
  },
};
