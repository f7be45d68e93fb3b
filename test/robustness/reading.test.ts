import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inputLimits, readInputFile } from "../../src/adapters/read-input.js";
import { InputError } from "../../src/scenario/diagnostics.js";
import { parseYaml } from "../../src/scenario/yaml.js";
import { FIXTURES, ROOT, runCli } from "../helpers.js";

const MINI = readFileSync(join(FIXTURES, "mini.yaml"), "utf8");

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "guarantor-read-"));
}

/** The first diagnostic line of a failed CLI run: `file:line:col path: message` or `file path: message`. */
async function rejected(args: string[], cwd: string): Promise<string> {
  const r = await runCli(args, cwd);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return r.stderr.split("\n")[0]!;
}

describe("readInputFile: regular files only, within a size limit", () => {
  it("validate /dev/zero is refused at once as a character device (it used to grow to 16 GB)", async () => {
    expect(await rejected(["validate", "/dev/zero"], ROOT)).toBe(
      "/dev/zero (root): is a character device, not a regular file; give a scenario or problem file",
    );
  });

  it("validate <FIFO with no writer> is refused at once instead of hanging", async () => {
    const dir = tempDir();
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    expect(await rejected(["validate", "pipe.yaml"], dir)).toMatch(
      /^pipe\.yaml \(root\): is a named pipe \(FIFO\)/,
    );
    expect(await rejected(["coalition", "--problem", "pipe.yaml"], dir)).toMatch(/is a named pipe/);
  });

  it("validate <folder> says it is a folder", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "sub.yaml"));
    expect(await rejected(["validate", "sub.yaml"], dir)).toMatch(/^sub\.yaml \(root\): is a folder/);
  });

  it("a file over the limit is refused before it is read, naming the limit and the variable that raises it", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "big.yaml"), `title: "${"x".repeat(5000)}"\n`);
    const limits = inputLimits({ GUARANTOR_MAX_INPUT_BYTES: "4096" });
    expect(() => readInputFile("big.yaml", dir, limits)).toThrow(
      /big\.yaml \(root\): file too large: 5010 bytes, at most 4096 \(whole file; set GUARANTOR_MAX_INPUT_BYTES/,
    );
    expect(readInputFile("big.yaml", dir, inputLimits({})).text.length).toBe(5010);
    expect(() => inputLimits({ GUARANTOR_MAX_INPUT_BYTES: "1e9" })).toThrow(InputError);
  });

  it("GUARANTOR_MAX_INPUT_BYTES applies to the CLI", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "s.yaml"), MINI);
    const saved = process.env.GUARANTOR_MAX_INPUT_BYTES;
    process.env.GUARANTOR_MAX_INPUT_BYTES = "100";
    try {
      expect(await rejected(["validate", "s.yaml"], dir)).toMatch(
        /^s\.yaml \(root\): file too large: \d+ bytes, at most 100/,
      );
    } finally {
      if (saved === undefined) delete process.env.GUARANTOR_MAX_INPUT_BYTES;
      else process.env.GUARANTOR_MAX_INPUT_BYTES = saved;
    }
    expect((await runCli(["validate", "s.yaml"], dir)).code).toBe(0);
  });

  it("a file that is not UTF-8 is located at its first bad byte", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "latin1.yaml"),
      Buffer.concat([Buffer.from("id: a\ntitle: caf"), Buffer.from([0xe9, 0x0a])]),
    );
    expect(await rejected(["validate", "latin1.yaml"], dir)).toBe(
      "latin1.yaml:2:11 (root): not UTF-8 text: byte 17 is not valid UTF-8 (save the file as UTF-8)",
    );
  });
});

describe("parseYaml bounds the text before the recursive parser runs", () => {
  const nestedBlock = (n: number) =>
    `${Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n")}\n${" ".repeat(n)}v\n`;

  it("3,000 levels of block nesting: a located error, not a stack overflow (2,000 through the CLI)", async () => {
    const r = parseYaml(nestedBlock(3000), "deep.yaml");
    expect(!r.ok && r.errors[0]!.message).toBe(
      "nesting too deep: 3000 levels of mappings and lists, at most 100 (whole file)",
    );
    const dir = tempDir();
    writeFileSync(join(dir, "deep.yaml"), nestedBlock(2000));
    expect(await rejected(["validate", "deep.yaml"], dir)).toMatch(
      /^deep\.yaml:\d+:\d+ \(root\): nesting too deep: 2000 levels of mappings and lists, at most 100 \(whole file\)$/,
    );
  });

  it("3,000 levels of flow nesting, lists in lists and compact sequences: located errors", () => {
    for (const text of [
      `a: ${"[".repeat(3000)}${"]".repeat(3000)}\n`,
      `${"{a: ".repeat(3000)}1${"}".repeat(3000)}`,
      `${"- ".repeat(3000)}x\n`,
    ]) {
      const r = parseYaml(text, "d.yaml");
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.errors[0]!.message).toMatch(/^nesting too deep: 30\d\d levels/);
        expect(r.errors[0]!.position?.line).toBe(1);
      }
    }
    expect(parseYaml(nestedBlock(99), "ok.yaml").ok).toBe(true);
  });

  it("the flagship nests within the limit", () => {
    expect(parseYaml(readFileSync(join(ROOT, "scenarios", "ukraine-2025-08.yaml"), "utf8"), "f").ok).toBe(
      true,
    );
  });

  it("too many aliases are refused before expansion", () => {
    const text = `a: &x [1]\nb: [${Array.from({ length: 200 }, () => "*x").join(", ")}]\n`;
    const r = parseYaml(text, "a.yaml");
    expect(!r.ok && r.errors[0]!.message).toBe("too many aliases: 200, at most 100 (whole file)");
  });

  it("unknown tags (!!js/function, !custom, !!binary) are refused with their location", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "tag.yaml"),
      MINI.replace("title: Minimal test scenario", "title: !!js/function 'x'"),
    );
    const line = MINI.split("\n").findIndex((l) => l.startsWith("title:")) + 1;
    expect(await rejected(["validate", "tag.yaml"], dir)).toBe(
      `tag.yaml:${line}:8 (root): YAML: tag !!js/function is not accepted (a scenario holds plain strings, numbers, booleans, null, mappings and lists)`,
    );
    for (const t of ["a: !custom 3\n", "a: !!binary aGVsbG8=\n", "a: !!set {x}\n"])
      expect(parseYaml(t, "t").ok).toBe(false);
    expect(parseYaml("a: !!str 3\n", "t").ok).toBe(true);
  });

  it("CR-only line endings read as line breaks: the file validates, errors are located", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "cr.yaml"), MINI.replace(/\n/g, "\r"));
    expect((await runCli(["validate", "cr.yaml"], dir)).code).toBe(0);
    writeFileSync(
      join(dir, "bad.yaml"),
      MINI.replace("title: Minimal test scenario", "title: 42").replace(/\n/g, "\r"),
    );
    const line = MINI.split("\n").findIndex((l) => l.startsWith("title:")) + 1;
    expect(await rejected(["validate", "bad.yaml"], dir)).toBe(
      `bad.yaml:${line}:8 title: expected string, got 42`,
    );
  });

  it("an empty file is located at 1:1; a second document is an error", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.yaml"), "");
    expect(await rejected(["validate", "empty.yaml"], dir)).toMatch(/^empty\.yaml:1:1 \(root\): /);
    expect(parseYaml("a: 1\n---\nb: 2\n", "t").ok).toBe(false);
  });

  it("duplicate keys are found in linear time: 50,000 keys, one repeated, is located", () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`);
    keys.push("k7: again");
    const r = parseYaml(`${keys.join("\n")}\n`, "keys.yaml");
    expect(!r.ok && r.errors.map((e) => `${e.position?.line}:${e.position?.col} ${e.message}`)).toEqual([
      '50001:1 YAML syntax: duplicate key "k7" (first at line 8, column 1)',
    ]);
  });
});
