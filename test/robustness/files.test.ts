import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputPath, writeFileAtomic } from "../../src/cli/files.js";
import { FIXTURES, runCli } from "../helpers.js";

const MINI = join(FIXTURES, "mini.yaml");
const tempDir = () => mkdtempSync(join(tmpdir(), "guarantor-write-"));

describe("files written safely", () => {
  it("analyze --md /dev/null writes to the device and leaves it a device (it used to be replaced by a file)", async () => {
    const r = await runCli(["analyze", MINI, "--md", "/dev/null", "--quiet"]);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(existsSync("/dev/null-figures")).toBe(false);
  });

  it("analyze --md <folder> or <missing folder>/x.md is refused before the analysis, with nothing printed", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "out"));
    const folder = await runCli(["analyze", MINI, "--md", "out"], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(
      /^guarantor analyze: --md: cannot write out: \S+out is a folder, not a file$/m,
    );
    const missing = await runCli(["analyze", MINI, "--md", "nowhere/report.md"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--md: cannot write nowhere\/report\.md: no such folder: \S+nowhere$/m);
    expect(missing.stdout).toBe("");
  });

  it("init <FIFO> --force is refused and the FIFO stays a FIFO", async () => {
    const dir = tempDir();
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    const r = await runCli(["init", "pipe.yaml", "--force"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write: \S+pipe\.yaml is a named pipe \(FIFO\), not a file/);
    expect(lstatSync(join(dir, "pipe.yaml")).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["pipe.yaml"]);
  });

  it("writing through a symbolic link replaces the file it names, keeps the link and the file's permissions", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "real.md"), "old");
    chmodSync(join(dir, "real.md"), 0o640);
    symlinkSync("real.md", join(dir, "link.md"));
    writeFileAtomic(join(dir, "link.md"), "new");
    expect(lstatSync(join(dir, "link.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.md"), "utf8")).toBe("new");
    expect(statSync(join(dir, "real.md")).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(["link.md", "real.md"]);
  });

  it("temporary files a killed run left are removed by the next write; a live process's are kept", () => {
    const dir = tempDir();
    let dead = 4_000_000;
    for (; ; dead++) {
      try {
        process.kill(dead, 0);
      } catch {
        break;
      }
    }
    const stale = `.report.md.${dead}.0.tmp`;
    const live = `.report.md.${process.ppid}.0.tmp`;
    writeFileSync(join(dir, stale), "half a report");
    writeFileSync(join(dir, live), "being written");
    writeFileAtomic(join(dir, "report.md"), "whole");
    expect(readdirSync(dir).sort()).toEqual([live, "report.md"].sort());
    expect(readFileSync(join(dir, "report.md"), "utf8")).toBe("whole");
  });

  it("a failed write leaves no temporary file and the old file intact; overwrite: false keeps an existing file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.md"), "old");
    expect(() => writeFileAtomic(join(dir, "a.md"), "new", { overwrite: false })).toThrow(/exists/);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("old");
    expect(() => checkOutputPath(join(dir, "a.md"))).not.toThrow();
    expect(readdirSync(dir)).toEqual(["a.md"]);
    expect(existsSync(join(dir, ".a.md.tmp"))).toBe(false);
  });
});
