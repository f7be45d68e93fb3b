/** The package's version, read from its package.json (two folders up from src/cli and from dist/cli). */
import { createRequire } from "node:module";

export const VERSION: string = (createRequire(import.meta.url)("../../package.json") as { version: string })
  .version;
