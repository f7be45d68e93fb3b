/**
 * Files the CLI writes are written whole or not at all: into a temporary file beside the target, then
 * renamed (or hard-linked, when the target must not be overwritten) into place.
 */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

let counter = 0;

/**
 * Write `text` to `path` atomically. With `overwrite: false`, fails with EEXIST if the file exists.
 * @example writeFileAtomic("report.md", markdown)
 */
export function writeFileAtomic(path: string, text: string, { overwrite = true } = {}): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  const fd = openSync(tmp, "wx");
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  try {
    if (overwrite) renameSync(tmp, path);
    else {
      linkSync(tmp, path);
      unlinkSync(tmp);
    }
  } catch (e) {
    unlinkSync(tmp);
    throw e;
  }
}
