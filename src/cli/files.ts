/**
 * Files the CLI writes are written whole or not at all. A regular file (or a new one) is written into a
 * temporary file beside it, then renamed (or hard-linked, when it must not be overwritten) into place; a
 * character device the user named on purpose (`/dev/stdout`, `/dev/null`, a terminal) is written directly,
 * never replaced; a folder, FIFO, socket or block device is refused. Temporary files are removed on every
 * way out, including SIGINT and SIGTERM, and those a killed run left (`.NAME.PID.N.tmp` of a process that is
 * gone) are removed by the next write to the same file.
 */
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

let counter = 0;
/** Temporary files being written by this process, removed if it is stopped by a signal. */
const pending = new Set<string>();
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** On a signal while a temporary file exists: remove it, then exit as the signal would have (128 + its number). */
function onSignal(signal: keyof typeof SIGNALS): void {
  for (const tmp of pending) removeQuietly(tmp);
  process.exit(128 + SIGNALS[signal]);
}

/** Track a temporary file; the signal handlers are in place only while some temporary file exists. */
function track(tmp: string, on: boolean): void {
  const before = pending.size;
  if (on) pending.add(tmp);
  else pending.delete(tmp);
  if (before === 0 && pending.size > 0) for (const s of Object.keys(SIGNALS)) process.on(s, onSignal);
  if (before > 0 && pending.size === 0) for (const s of Object.keys(SIGNALS)) process.off(s, onSignal);
}

/** An error about an output path, with a `code` like Node's (EISDIR, ENOENT…) and a message for people. */
export class OutputPathError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "OutputPathError";
    this.code = code;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/** What is at `path` when it cannot be written: a folder, a FIFO… (undefined for a file or a character device). */
function unwritableKind(st: Stats): string | undefined {
  if (st.isFile() || st.isCharacterDevice()) return undefined;
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isSocket()) return "a socket";
  if (st.isBlockDevice()) return "a block device";
  return "not a regular file";
}

/**
 * Check, before any work, that `path` can be written: its folder exists, and it is a regular file, a character
 * device or nothing yet. Throws OutputPathError saying what is wrong.
 * @example checkOutputPath("out/report.md") // throws when out/ does not exist
 */
export function checkOutputPath(path: string): void {
  const st = statOrUndefined(path);
  if (st) {
    const kind = unwritableKind(st);
    if (kind)
      throw new OutputPathError(st.isDirectory() ? "EISDIR" : "EINVAL", `${path} is ${kind}, not a file`);
    return;
  }
  const dir = statOrUndefined(dirname(path));
  if (!dir) throw new OutputPathError("ENOENT", `no such folder: ${dirname(path)}`);
  if (!dir.isDirectory()) throw new OutputPathError("ENOTDIR", `${dirname(path)} is not a folder`);
}

/** Remove the temporary files a killed run left beside `path` (their process is gone). */
function removeStaleTemporaries(path: string): void {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = Number(name.slice(prefix.length).split(".")[0]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ESRCH") removeQuietly(join(dirname(path), name));
    }
  }
}

/**
 * Write `text` to `path` whole or not at all. With `overwrite: false`, fails with EEXIST if the file exists.
 * A character device is written directly; a folder, FIFO, socket or block device is an OutputPathError.
 * @example writeFileAtomic("report.md", markdown)
 */
export function writeFileAtomic(path: string, text: string, { overwrite = true } = {}): void {
  checkOutputPath(path);
  // Write through a symbolic link to the file it names, rather than replacing the link.
  const st = statOrUndefined(path);
  const target = st ? realpathSync(path) : path;
  if (st?.isCharacterDevice()) {
    const fd = openSync(target, "w");
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    return;
  }
  if (st && !overwrite) throw new OutputPathError("EEXIST", `${path} exists`);
  removeStaleTemporaries(target);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${counter++}.tmp`);
  const fd = openSync(tmp, "wx");
  track(tmp, true);
  let placed = false;
  try {
    try {
      writeSync(fd, text);
      // Keep the permissions of the file replaced.
      if (st) fchmodSync(fd, st.mode & 0o7777);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (overwrite) renameSync(tmp, target);
    else linkSync(tmp, target);
    placed = overwrite;
  } finally {
    if (!placed) removeQuietly(tmp);
    track(tmp, false);
  }
}
