import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

/** Bundle entry points for the browser, as a web app would; resolves with esbuild's errors (none when clean). */
async function browserBundle(
  entryPoints: string[],
): Promise<{ errors: string[]; inputs: string[]; bytes: number }> {
  try {
    const r = await build({
      entryPoints,
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
      absWorkingDir: ROOT,
      outdir: "out",
    });
    return {
      errors: [],
      inputs: Object.keys(r.metafile.inputs),
      bytes: r.outputFiles.reduce((s, f) => s + f.contents.length, 0),
    };
  } catch (e) {
    const errors = (e as { errors?: { text: string; location?: { file: string } | null }[] }).errors ?? [];
    return { errors: errors.map((x) => `${x.location?.file ?? "?"}: ${x.text}`), inputs: [], bytes: 0 };
  }
}

describe("the core runs in a browser", () => {
  it("bundles src/index.ts and src/scenarios/index.ts for platform=browser with no Node built-in and no solver", async () => {
    const r = await browserBundle(["src/index.ts", "src/scenarios/index.ts"]);
    expect(r.errors).toEqual([]);
    expect(r.inputs.filter((f) => f.startsWith("node:") || /\/highs\//.test(f))).toEqual([]);
    expect(r.inputs.some((f) => f.startsWith("src/politics/"))).toBe(true);
    expect(r.bytes).toBeGreaterThan(100_000);
  });

  it("bundles the report's figures (src/report/html: Plot, d3-geo, polygon-clipping) with no Node built-in and no linkedom", async () => {
    const r = await browserBundle(["src/report/html/index.ts"]);
    expect(r.errors).toEqual([]);
    expect(r.inputs.some((f) => f.includes("@observablehq/plot"))).toBe(true);
    expect(
      r.inputs.filter((f) => f.startsWith("node:") || f.includes("linkedom") || f.startsWith("src/cli/")),
    ).toEqual([]);
  });

  it("the same check fails, naming the import, when a core module imports a Node built-in", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guarantor-bundle-"));
    try {
      const entry = join(dir, "entry.ts");
      writeFileSync(
        entry,
        `import { readFileSync } from "node:fs";\nexport * from "${join(ROOT, "src", "index.ts")}";\nexport const read = readFileSync;\n`,
      );
      const r = await browserBundle([entry]);
      expect(r.errors.join("\n")).toMatch(/node:fs/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
