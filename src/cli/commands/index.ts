/** Every CLI command, in the order `guarantor --help` lists them. */
import type { Command } from "../command.js";
import { analyzeCommand } from "./analyze.js";
import { calibrateCommand } from "./calibrate.js";
import { coalitionCommand } from "./coalition.js";
import { consensusCommand } from "./consensus.js";
import { initCommand } from "./init.js";
import { mechanismCommand } from "./mechanism.js";
import { runsCommand } from "./runs.js";
import { schemaCommand } from "./schema.js";
import { schemesCommand } from "./schemes.js";
import { sensitivityCommand } from "./sensitivity.js";
import { serveCommand } from "./serve.js";
import { MODEL_COMMANDS } from "./size.js";
import { validateCommand } from "./validate.js";

export const COMMANDS: Command[] = [
  analyzeCommand,
  validateCommand,
  schemesCommand,
  initCommand,
  schemaCommand,
  consensusCommand,
  mechanismCommand,
  coalitionCommand,
  sensitivityCommand,
  ...MODEL_COMMANDS,
  calibrateCommand,
  serveCommand,
  runsCommand,
];
