/**
 * Every CLI command, in the order `guarantor --help` lists them: its name and one-line summary here, the rest
 * (flags, help, work) in its own module, imported only when the command is run, so that `guarantor --help`
 * and a command's start-up load no other command's code.
 */
import type { Command } from "../command.js";

/** A command as `guarantor --help` lists it, and its module. */
export interface CommandEntry {
  name: string;
  /** One line for `guarantor --help`. */
  summary: string;
  /** The command (its flags, `--help` text and work), imported on the first call. */
  load(): Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  {
    name: "analyze",
    summary: "the main job: evaluate every consistent scheme and answer the eight questions",
    load: async () => (await import("./analyze.js")).analyzeCommand,
  },
  {
    name: "validate",
    summary: "check a scenario file and print every error with its file:line:col and field path",
    load: async () => (await import("./validate.js")).validateCommand,
  },
  {
    name: "schemes",
    summary: "count or list the consistent schemes of a scenario",
    load: async () => (await import("./schemes.js")).schemesCommand,
  },
  {
    name: "init",
    summary: "write a copy of the default scenario to start from",
    load: async () => (await import("./init.js")).initCommand,
  },
  {
    name: "schema",
    summary: "print the JSON Schema of the scenario format (committed as schema/scenario.schema.json)",
    load: async () => (await import("./schema.js")).schemaCommand,
  },
  {
    name: "consensus",
    summary: "zone of possible agreement, distance to consensus, Nash/maximin schemes, smallest concessions",
    load: async () => (await import("./consensus.js")).consensusCommand,
  },
  {
    name: "mechanism",
    summary: "how a scheme's guarantee would operate: response ladder, timings, deterrence estimate",
    load: async () => (await import("./mechanism.js")).mechanismCommand,
  },
  {
    name: "coalition",
    summary: "who provides what: the coalition that meets a scheme's requirements, its costs and its gaps",
    load: async () => (await import("./coalition.js")).coalitionCommand,
  },
  {
    name: "sensitivity",
    summary:
      "which uncertain inputs move a scheme's verdicts most: tornado, global ranking, switching values",
    load: async () => (await import("./sensitivity.js")).sensitivityCommand,
  },
  {
    name: "size",
    summary: "size one ground mission (troops), one 24/7 air patrol station or QRA air policing (aircraft)",
    load: async () => (await import("./size.js")).sizeCommand,
  },
  {
    name: "explain",
    summary:
      "what one scheme needs (troops, aircraft, drones, air defence, airlift, money), traced to sources",
    load: async () => (await import("./explain.js")).explainCommand,
  },
  {
    name: "calibrate",
    summary: "fit the sizing models on the precedent library and print the leave-one-out cross-validation",
    load: async () => (await import("./calibrate.js")).calibrateCommand,
  },
  {
    name: "serve",
    summary: "the HTTP API (OpenAPI at /openapi.json), every scenario and run kept in SQLite",
    load: async () => (await import("./serve.js")).serveCommand,
  },
  {
    name: "runs",
    summary: "the runs kept by guarantor serve: list, show one, compare two",
    load: async () => (await import("./runs.js")).runsCommand,
  },
];
