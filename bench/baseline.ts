/**
 * An earlier version of Guarantor, built from git, so that a bench can time the old and the new code in the
 * same run (`npm run bench -- analyze --against <ref>`). The ref is checked out into a temporary git worktree,
 * compiled with the project's own TypeScript, and its modules imported from there; nothing is downloaded.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface Baseline {
  ref: string;
  /** The checked-out and built tree (its CLI is dist/cli/bin.js there). */
  root: string;
  /** Import a built module of the baseline, by its path under dist/ (`explore/analyze.js`). */
  load<T>(path: string): Promise<T>;
  /** Whether the baseline has a file, by its path in the repository. */
  has(path: string): boolean;
  /** A file of the baseline, by its path in the repository. */
  read(path: string): string;
  /** Remove the worktree. */
  dispose(): void;
}

/** Whether `ref` names a commit of this repository. */
export function hasCommit(root: string, ref: string): boolean {
  try {
    execFileSync("git", ["-C", root, "cat-file", "-e", `${ref}^{commit}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Check out and build `ref` (throws with git's or tsc's message when it cannot). */
export function buildBaseline(root: string, ref: string): Baseline {
  const dir = mkdtempSync(join(tmpdir(), "guarantor-baseline-"));
  const tree = join(dir, "tree");
  execFileSync("git", ["-C", root, "worktree", "add", "--detach", tree, ref], { stdio: "ignore" });
  const dispose = () => {
    try {
      execFileSync("git", ["-C", root, "worktree", "remove", "--force", tree], { stdio: "ignore" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    symlinkSync(join(root, "node_modules"), join(tree, "node_modules"));
    execFileSync(
      process.execPath,
      [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: tree,
        stdio: "pipe",
      },
    );
    if (!existsSync(join(tree, "dist"))) throw new Error(`building ${ref} gave no dist/`);
  } catch (e) {
    dispose();
    throw e;
  }
  return {
    ref,
    root: tree,
    load: async <T>(path: string) => (await import(pathToFileURL(join(tree, "dist", path)).href)) as T,
    has: (path: string) => existsSync(join(tree, path)),
    read: (path: string) => readFileSync(join(tree, path), "utf8"),
    dispose,
  };
}
