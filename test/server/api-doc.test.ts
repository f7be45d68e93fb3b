import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../src/server/app.js";
import { referenceMarkdown } from "../../src/server/reference.js";
import { ROOT } from "../helpers.js";

describe("docs/api.md", () => {
  it("is the reference generated from the server's OpenAPI description (npm run api-doc)", async () => {
    const generated = referenceMarkdown(await openApiDocument());
    expect(readFileSync(join(ROOT, "docs", "api.md"), "utf8")).toBe(generated);
    expect(generated).toContain("## POST /analyses");
    expect(generated).toMatch(/\| `samples` \| integer ≥ 1 \|/);
  });
});
