/**
 * A progress bar on stderr, shown only when stderr is a terminal, the run has lasted more than a second, and
 * `--quiet` was not given.
 */
import type { CliIo } from "./command.js";

/** A progress sink the library's long loops call: `report(done, total)`, with the phase's name when the work
 *  has phases (`total` 0: a phase with no count, shown by its name alone). */
export type ProgressFn = (done: number, total: number, phase?: string) => void;

const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;
const BAR_WIDTH = 30;

/**
 * Make a progress reporter for a labelled task; call `done()` at the end to clear the line.
 * @param now the clock, in milliseconds (injected by tests)
 * @example const p = progressBar(io, "evaluating schemes", quiet); p.report(10, 100); p.done();
 */
export function progressBar(
  io: CliIo,
  label: string,
  quiet = false,
  now: () => number = () => performance.now(),
  options: { rate?: boolean } = {},
): { report: ProgressFn; done(): void } {
  const start = now();
  let last = 0;
  let shown = false;
  let current: string | undefined;
  let phaseStart = start;
  const active = io.stderrIsTTY && !quiet;
  return {
    report(done, total, phase) {
      if (!active) return;
      const t = now();
      // A new phase is drawn at once (once the run has lasted a second); within a phase, every 100 ms.
      const changed = phase !== current;
      if (changed) {
        current = phase;
        phaseStart = t;
      }
      if (t - start < SHOW_AFTER_MS || (!changed && t - last < REDRAW_EVERY_MS)) return;
      last = t;
      shown = true;
      const name = phase ? `${label}: ${phase}` : label;
      if (total <= 0) {
        io.stderr(`\r${name}…\x1b[K`);
        return;
      }
      const f = Math.min(1, done / total);
      const filled = Math.round(f * BAR_WIDTH);
      // With a rate: how many per second so far in this phase, and the time left at that rate.
      const rate = done / ((t - phaseStart) / 1000);
      const left = rate > 0 ? Math.max(0, (total - done) / rate) : Number.POSITIVE_INFINITY;
      const tail =
        options.rate && done > 0
          ? `, ${rate.toFixed(1)}/s, ${Number.isFinite(left) ? Math.ceil(left) : "?"} s left`
          : "";
      io.stderr(
        `\r${name} [${"█".repeat(filled)}${" ".repeat(BAR_WIDTH - filled)}] ${(f * 100).toFixed(0)}% ${done}/${total}${tail}\x1b[K`,
      );
    },
    done() {
      if (shown) io.stderr("\r\x1b[K");
      shown = false;
    },
  };
}
