import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

/** `npm ci` runs the build (prepare); the README's first command then runs the bin through its shebang, so the
 *  build itself must leave it executable (npx only repairs the mode on its first run, by building again). */
describe("the built bin", () => {
  const bin = join(ROOT, "dist", "cli", "bin.js");

  it("is executable by its owner, group and others after the build", () => {
    expect(statSync(bin).mode & 0o111).toBe(0o111);
  });

  it("runs by its own path (shebang and mode bit) and prints the package version", () => {
    const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
    const r = spawnSync(bin, ["--version"], { cwd: ROOT, encoding: "utf8" });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});
