/**
 * The fuzzer's worker: a child process that runs `guarantor` commands in process on the files the parent sends
 * (through IPC), and answers with the exit code, what was printed and its peak memory. The parent kills it
 * when a command runs past its time limit, and starts another; a crash (out of memory, abort) ends it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../src/cli/command.js";
import { main } from "../src/cli/main.js";

/** A command to run: its arguments and the files it reads, by name. */
export interface FuzzJob {
  id: number;
  args: string[];
  files: Record<string, string>;
}

/** What a command did. `internal`: the stack of an exception main() let through (a bug). */
export interface FuzzOutcome {
  id: number;
  code: number;
  stdout: string;
  stderr: string;
  internal?: string;
  /** Peak resident memory of this worker so far, in bytes. */
  maxRssBytes: number;
}

const KEEP_CHARS = 20_000;
const dir = mkdtempSync(join(tmpdir(), "guarantor-fuzz-"));

async function run(job: FuzzJob): Promise<FuzzOutcome> {
  const cwd = join(dir, String(job.id));
  mkdirSync(cwd);
  for (const [name, text] of Object.entries(job.files)) writeFileSync(join(cwd, name), text);
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      if (stdout.length < KEEP_CHARS) stdout += t.slice(0, KEEP_CHARS);
    },
    stderr: (t) => {
      if (stderr.length < KEEP_CHARS) stderr += t.slice(0, KEEP_CHARS);
    },
    stderrIsTTY: false,
    cwd,
  };
  let code: number;
  let internal: string | undefined;
  try {
    code = await main(job.args, io);
  } catch (e) {
    code = 1;
    internal = e instanceof Error ? (e.stack ?? e.message) : String(e);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  return {
    id: job.id,
    code,
    stdout,
    stderr,
    ...(internal === undefined ? {} : { internal }),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

process.on("message", (job: FuzzJob) => {
  run(job).then(
    (outcome) => process.send?.(outcome),
    (e: unknown) =>
      process.send?.({ id: job.id, code: 1, stdout: "", stderr: "", internal: String(e), maxRssBytes: 0 }),
  );
});
process.on("disconnect", () => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
process.send?.({ ready: true });
