import { scenarioJsonSchema } from "../../scenario/schema.js";
import { type Command, jsonOut } from "../command.js";

export const schemaCommand: Command = {
  name: "schema",
  help: `Usage: guarantor schema

Prints the JSON Schema generated from the scenario format, for editors that validate and autocomplete YAML
(for example with '# yaml-language-server: $schema=…' as a scenario's first line).`,
  options: {},
  maxPositionals: 0,
  async run({ io }) {
    io.stdout(jsonOut(scenarioJsonSchema()));
    return 0;
  },
};
