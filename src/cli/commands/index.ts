/** Every CLI command, in the order `guarantor --help` lists them. */
import type { Command } from "../command.js";
import { validateCommand } from "./validate.js";

export const COMMANDS: Command[] = [validateCommand];
