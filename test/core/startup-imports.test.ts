import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { ROOT } from "../helpers.js";

/**
 * What loading `entry` loads before any dynamic `import()` runs: its static import closure (type imports are
 * erased), as the source files reached and the packages imported, each package with the chain of files that
 * reaches it first (for the failure message).
 */
async function staticImports(entry: string): Promise<{ files: string[]; packages: Map<string, string> }> {
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    write: false,
    metafile: true,
    logLevel: "silent",
    absWorkingDir: ROOT,
    outdir: "out",
  });
  const inputs = r.metafile.inputs;
  const from = new Map<string, string | undefined>([[entry, undefined]]);
  const queue = [entry];
  const packages = new Map<string, string>();
  const chain = (f: string) => {
    const out: string[] = [];
    for (let x: string | undefined = f; x !== undefined; x = from.get(x)) out.unshift(x);
    return out.join(" → ");
  };
  for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
    for (const i of inputs[f]?.imports ?? []) {
      if (i.kind !== "import-statement") continue;
      if (i.external) {
        const name = i.path.startsWith("@") ? i.path.split("/").slice(0, 2).join("/") : i.path.split("/")[0]!;
        if (!name.startsWith("node:") && !packages.has(name)) packages.set(name, `${chain(f)} → ${name}`);
      } else if (!from.has(i.path)) {
        from.set(i.path, f);
        queue.push(i.path);
      }
    }
  }
  return { files: [...from.keys()].sort(), packages };
}

const HEAVY = [
  "yaml",
  "zod",
  "highs",
  "piscina",
  "linkedom",
  "@observablehq/plot",
  "d3-geo",
  "fastify",
  "better-sqlite3",
];

describe("the CLI's start-up loads only what the command uses", () => {
  it("`guarantor --version` and `--help` (main.ts and the command list) import no package and a handful of files", async () => {
    const main = await staticImports("src/cli/main.ts");
    expect([...main.packages.values()]).toEqual([]);
    expect(main.files).toEqual([
      "src/cli/command.ts",
      "src/cli/main.ts",
      "src/cli/version.ts",
      "src/scenario/bounds.ts",
      "src/scenario/diagnostics.ts",
    ]);
    const list = await staticImports("src/cli/commands/index.ts");
    expect(list.files).toEqual(["src/cli/commands/index.ts"]);
  });

  it("the default scenario loads without the YAML parser or zod (its compiled form)", async () => {
    const { packages } = await staticImports("src/cli/scenario-file.ts");
    expect([...packages.values()]).toEqual([]);
  });

  it("`guarantor validate` and `schemes` on the default scenario import none of the heavy packages", async () => {
    for (const entry of ["src/cli/commands/validate.ts", "src/cli/commands/schemes.ts"]) {
      const { packages } = await staticImports(entry);
      expect(HEAVY.flatMap((p) => packages.get(p) ?? [])).toEqual([]);
    }
  });

  it("`guarantor analyze` imports the figures, the HTML report and the worker pool only when asked for them", async () => {
    const { packages } = await staticImports("src/cli/commands/analyze.ts");
    const lazy = [
      "@observablehq/plot",
      "linkedom",
      "polygon-clipping",
      "piscina",
      "fastify",
      "better-sqlite3",
    ];
    expect(lazy.flatMap((p) => packages.get(p) ?? [])).toEqual([]);
    // The check sees what it should: the engine's own packages are there.
    expect(packages.has("highs")).toBe(true);
  });

  it("every command in the list loads, under its own name", async () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(entry.summary.length).toBeGreaterThan(10);
    }
  }, 60_000);
});
