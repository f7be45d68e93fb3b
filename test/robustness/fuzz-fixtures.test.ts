import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { judge } from "../../scripts/fuzz.js";
import { FIXTURES, runCli } from "../helpers.js";

const DIR = join(FIXTURES, "fuzz");
const metas = readdirSync(DIR).filter((f) => f.endsWith(".meta.json"));

describe("fuzz reproducers (test/fixtures/fuzz) now get a clean answer", () => {
  it("there are reproducers to run", () => {
    expect(metas.length).toBeGreaterThan(0);
  });

  it.each(metas)("%s", async (name) => {
    const meta = JSON.parse(readFileSync(join(DIR, name), "utf8")) as { args: string[]; file: string };
    const cwd = mkdtempSync(join(tmpdir(), "guarantor-fuzz-fixture-"));
    // The command names the file as it was fuzzed (s.yaml, p.json).
    const asNamed = meta.args.find((a) => /\.(yaml|json)$/.test(a))!;
    copyFileSync(join(DIR, meta.file), join(cwd, asNamed));
    const { code, stdout, stderr } = await runCli(meta.args, cwd);
    expect([0, 2]).toContain(code);
    const text = readFileSync(join(DIR, meta.file), "utf8");
    expect(judge({ id: 0, code, stdout, stderr, maxRssBytes: 0 }, text)).toBeUndefined();
  });
});
