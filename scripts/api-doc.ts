/**
 * Writes docs/api.md, the API reference of `guarantor serve`, from its OpenAPI description (`npm run api-doc`);
 * a test keeps it in step with the server.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openApiDocument } from "../src/server/app.js";
import { referenceMarkdown } from "../src/server/reference.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
writeFileSync(join(ROOT, "docs", "api.md"), referenceMarkdown(await openApiDocument()));
