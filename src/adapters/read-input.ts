/**
 * Reading input files (scenarios, coalition problems, the precedent library) within limits, for every command
 * and for the server: regular files only, never more than `maxBytes`, and never blocking on a FIFO with no
 * writer. The limits are in one place (`inputLimits`) so that every reader applies the same ones.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { relative, resolve } from "node:path";
import { InputError, type SourcePosition } from "../scenario/diagnostics.js";
import { DEFAULT_YAML_LIMITS, type YamlLimits } from "../scenario/yaml-limits.js";

/** Largest input file accepted by default, in bytes: 4 MiB, 19 times the flagship scenario (220 kB). The YAML
 *  parser reads some 300 kB/s on a loaded machine, so a file at the limit takes about 15 s to reject. */
export const DEFAULT_MAX_INPUT_BYTES = 4 * 1024 * 1024;
/** The environment variable that overrides `DEFAULT_MAX_INPUT_BYTES` (a whole number of bytes). */
export const MAX_INPUT_BYTES_ENV = "GUARANTOR_MAX_INPUT_BYTES";
/** The environment variable that overrides the deepest YAML nesting accepted (`MAX_YAML_DEPTH`). */
export const MAX_INPUT_DEPTH_ENV = "GUARANTOR_MAX_INPUT_DEPTH";
/** Above this depth the YAML parser's recursion may overflow the stack, whatever the setting. */
const HARD_MAX_DEPTH = 500;

/** Limits on one input file: its size in bytes, and what the YAML parser accepts. */
export interface InputLimits extends YamlLimits {
  maxBytes: number;
}

function envInteger(env: Record<string, string | undefined>, name: string, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max)
    throw new InputError([
      { file: `$${name}`, path: [], message: `expected a whole number from 1 to ${max}, got "${raw}"` },
    ]);
  return n;
}

/**
 * The limits in force: the defaults, overridden by `GUARANTOR_MAX_INPUT_BYTES` and `GUARANTOR_MAX_INPUT_DEPTH`.
 * @example readInputFile("big.yaml", cwd, inputLimits({ GUARANTOR_MAX_INPUT_BYTES: "50000000" }))
 */
export function inputLimits(env: Record<string, string | undefined> = process.env): InputLimits {
  const maxBytes = envInteger(env, MAX_INPUT_BYTES_ENV, 2 ** 30) ?? DEFAULT_MAX_INPUT_BYTES;
  const maxDepth = envInteger(env, MAX_INPUT_DEPTH_ENV, HARD_MAX_DEPTH) ?? DEFAULT_YAML_LIMITS.maxDepth;
  // A character takes at least one byte, so a file within maxBytes is within maxChars.
  return {
    ...DEFAULT_YAML_LIMITS,
    maxBytes,
    maxChars: Math.max(maxBytes, DEFAULT_YAML_LIMITS.maxChars),
    maxDepth,
  };
}

/** What a file system entry is, in words, for one that is not a regular file. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  return "not a regular file";
}

/** The name to show for `path`: relative to `cwd` when inside it, else absolute. */
export function displayName(path: string, cwd: string): string {
  const full = resolve(cwd, path);
  return relative(cwd, full).startsWith("..") ? full : relative(cwd, full) || path;
}

/**
 * Read a text file within `limits.maxBytes`, from a regular file only; every failure is an InputError naming
 * the file and what is wrong (missing, a folder, a device, a FIFO, too large, not UTF-8). The file is opened
 * non-blocking, so a FIFO with no writer is refused at once instead of waiting.
 * @example const { text, name } = readInputFile("scenario.yaml", process.cwd())
 */
export function readInputFile(
  path: string,
  cwd: string,
  limits: InputLimits = inputLimits(),
): { text: string; name: string } {
  const full = resolve(cwd, path);
  const name = displayName(path, cwd);
  const fail = (message: string): never => {
    throw new InputError([{ file: name, path: [], message }]);
  };
  let fd: number;
  try {
    fd = openSync(full, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a folder, not a file"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : `cannot open (${code ?? String(e)})`,
    );
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return fail(`is ${kindOf(st)}, not a regular file; give a scenario or problem file`);
    const tooLarge = (size: string) =>
      fail(
        `file too large: ${size} bytes, at most ${limits.maxBytes} (whole file; set ${MAX_INPUT_BYTES_ENV} to raise the limit)`,
      );
    if (st.size > limits.maxBytes) return tooLarge(String(st.size));
    // Read at most one byte past the limit: a file that grows while read is still bounded.
    const buf = Buffer.alloc(Math.min(limits.maxBytes + 1, Math.max(st.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buf.length) break;
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limits.maxBytes) return tooLarge(`more than ${limits.maxBytes}`);
    const bytes = buf.subarray(0, length);
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), name };
    } catch {
      throw new InputError([{ file: name, path: [], ...notUtf8(bytes) }]);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return fail(`cannot read (${code ?? String(e)})`);
  } finally {
    closeSync(fd);
  }
}

/** Where the first byte that is not UTF-8 is, located. */
function notUtf8(bytes: Uint8Array): { position: SourcePosition; message: string } {
  // The longest prefix that decodes (a prefix ending inside a character still does, when streamed), by
  // bisection: a few decodes of the file.
  const decodes = (end: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (decodes(mid)) lo = mid;
    else hi = mid - 1;
  }
  // A streamed prefix may end inside a character that the next byte breaks: back up to a whole character.
  const whole = (end: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end));
      return true;
    } catch {
      return false;
    }
  };
  while (lo > 0 && !whole(lo)) lo--;
  const lines = new TextDecoder().decode(bytes.subarray(0, lo)).split(/\r\n|\r|\n/);
  return {
    position: { line: lines.length, col: lines.at(-1)!.length + 1 },
    message: `not UTF-8 text: byte ${lo + 1} is not valid UTF-8 (save the file as UTF-8)`,
  };
}
